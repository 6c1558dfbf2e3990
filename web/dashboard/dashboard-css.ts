// Dashboard-only styles (/assets/dashboard.css); tables and charts come from report.css.

export const DASHBOARD_CSS = `
.dash { max-width: 72rem; }
.panel { margin: 1.5rem 0; padding: 1rem; border: 1px solid #d1d5db; border-radius: .5rem; }
.panel h2 { margin-top: 0; }
.row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem; }
.row .q { flex: 0 1 28rem; margin: .5rem 0; padding: 0; border: 0; }
.signed { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem; }
.org { margin: 1.25rem 0; }
.org h3 { margin-bottom: .25rem; }
.data td .button, .data td button { min-height: 2.25rem; padding: .25rem .75rem; font-size: .875rem; }
.cell-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .375rem; }
.cell-actions input.count { width: 5.5rem; min-height: 2.25rem; padding: .25rem .5rem; }
.check { display: inline-flex; align-items: center; gap: .375rem; }
.check input { width: 1.25rem; height: 1.25rem; accent-color: #1d4ed8; }
.result { margin: .5rem 0; }
.result:empty { display: none; }
.linkbox { display: block; padding: .5rem; font: .875rem/1.4 ui-monospace, Menlo, Consolas, monospace; background: #f3f4f6; border-radius: .25rem; word-break: break-all; }
.warn { padding: .5rem .75rem; border-inline-start: 4px solid #b45309; background: #fffbeb; }
.status-open { color: #15803d; font-weight: 600; }
.status-closed { color: #4b5563; }
.up { color: #15803d; } .down { color: #b91c1c; }
.inline { display: inline; }
`;
