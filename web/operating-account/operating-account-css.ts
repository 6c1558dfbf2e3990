// Styles of the account page and of the report's "Operating account" section (/assets/operating-account.css). Colours meet
// WCAG AA; a signal past its threshold is red and also says so in words, never by colour alone.

export const OPERATING_ACCOUNT_CSS = `
.operating { max-width: 72rem; }
.operating-top { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 1rem; }
.operating-top .q { margin: 0; padding: 0; border: 0; }
.panel { margin: 1.5rem 0; padding: 1rem; border: 1px solid #d1d5db; border-radius: .5rem; }
.panel h2 { margin-top: 0; }
.stack { margin: .5rem 0 1rem; }
.stack fieldset { margin: .75rem 0; padding: .5rem .75rem; border: 1px solid #e5e7eb; border-radius: .375rem; }
.stack .q { margin: .5rem 0; padding-top: .5rem; }
.inline-form { padding: .75rem; border: 1px solid #d1d5db; border-radius: .375rem; background: #f9fafb; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: .375rem; }
.row input { max-width: 9rem; }
.cell-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .375rem; }
.data td button { min-height: 2.25rem; padding: .25rem .75rem; font-size: .875rem; }
.warn { padding: .5rem .75rem; border-inline-start: 4px solid #b45309; background: #fffbeb; }
.red, tr.red th, tr.red td { color: #991b1b; font-weight: 600; }
tr.red { background: #fef2f2; }
span.red { padding: 0 .25rem; border-radius: .25rem; background: #fef2f2; }
.form-errors { margin: .5rem 0; padding: .25rem .75rem; border: 3px solid #b91c1c; border-radius: .375rem; color: #7f1d1d; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.proposals, .review-log { padding-inline-start: 1.25rem; }
.proposals li, .review-log li { margin: .5rem 0; }
.history { margin: 1rem 0; padding: .5rem 1rem; border-inline-start: 4px solid #1d4ed8; background: #eff6ff; }
.flow { margin: 1rem 0; padding-top: .5rem; border-top: 1px solid #e5e7eb; }
.finding { padding: .5rem .75rem; border-inline-start: 4px solid #1d4ed8; background: #eff6ff; }
`;
