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
/* An API error under the field it names, and the form's own status line beside its submit button. */
.field-error { margin: .375rem 0 0; padding: .25rem .5rem; color: #991b1b; background: #fef2f2; border-inline-start: 4px solid #b91c1c; font-weight: 600; }
[aria-invalid="true"] { border-color: #b91c1c; outline: 2px solid #b91c1c; outline-offset: 1px; }
.form-status { margin: .5rem 0; }
.form-status:empty { display: none; }
.form-status[data-error] { color: #991b1b; font-weight: 600; }
.org-facts { margin: 0 0 .5rem; font-size: .875rem; }
.org-msg:empty { display: none; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; margin: .5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.danger { border-color: #b91c1c; color: #991b1b; }
.profile-form .row .q { flex: 0 1 14rem; }
.leadership select { max-width: 11rem; }
.leadership .layer-head { background: #f3f4f6; text-align: start; }
.glance .sort { all: unset; cursor: pointer; font-weight: 600; text-decoration: underline; text-underline-offset: 2px; }
.glance .sort:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
ul.plain { margin: 0; padding: 0; list-style: none; }
@media (max-width: 30rem) { .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: .25rem; } }
`;
