// The stylesheet every page links as /assets/orgos.css: base typography, focus, forms and the survey. Kept as a string
// module (not a .css file) so the CLI's standalone report can embed it with no file read and no bundler loader;
// build.ts minifies it into the asset. Mobile first; colours meet WCAG AA (text 4.5:1, controls and focus 3:1).

export const BASE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a;
  background: #fff;
}
main { max-width: 44rem; margin: 0 auto; padding: 0 1rem 3rem; }
a { color: #1d4ed8; }
a:hover { color: #1e3a8a; }
:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 1rem 0 .5rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.0625rem; margin: 1.25rem 0 .5rem; }
.skip { position: absolute; left: .5rem; top: -4rem; padding: .5rem 1rem; background: #fff; z-index: 9; }
.skip:focus { top: .5rem; }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.top {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem;
  padding: .5rem 1rem; border-bottom: 1px solid #d1d5db;
}
.brand { font-weight: 700; letter-spacing: .02em; }
.langs ul { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; list-style: none; }
.langs a { display: inline-block; padding: .25rem .5rem; min-height: 2rem; }
.langs a[aria-current] { font-weight: 700; color: #1a1a1a; text-decoration: none; border-bottom: 2px solid #1a1a1a; }
.note, .help, .muted { color: #4b5563; }
.campaign { font-weight: 600; margin: 0 0 .75rem; }
fieldset { min-width: 0; margin: 0; padding: 0; border: 0; }
legend { padding: 0; margin-bottom: .5rem; font-weight: 600; }
label { font-weight: 500; }
.q { margin: 1.25rem 0; padding-top: 1rem; border-top: 1px solid #e5e7eb; }
/* A floated legend leaves the fieldset's top border whole instead of breaking it around the text. */
fieldset.q > legend { float: left; width: 100%; }
fieldset.q > legend + * { clear: left; }
h1[tabindex="-1"]:focus, h2[tabindex="-1"]:focus { outline: none; }
.q > label { display: block; margin-bottom: .375rem; font-weight: 600; }
.opts { display: grid; gap: .375rem; }
.opts label {
  display: flex; align-items: center; gap: .625rem; min-height: 2.75rem; padding: .5rem .75rem;
  border: 1px solid #6b7280; border-radius: .375rem; cursor: pointer; font-weight: 400;
}
.opts label:hover { background: #f3f4f6; }
.opts label:has(:checked) { border-color: #1d4ed8; background: #eff6ff; box-shadow: inset 0 0 0 1px #1d4ed8; }
.opts label:has(:focus-visible) { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.opts input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0; accent-color: #1d4ed8; }
.opts input:focus-visible { outline: none; }
.dk { display: contents; }
.dk label { border-style: dashed; }
@media (min-width: 40rem) {
  .likert { grid-template-columns: repeat(5, 1fr) 1.15fr; }
  .likert label { flex-direction: column; justify-content: center; gap: .25rem; padding: .5rem .25rem; text-align: center; font-size: .875rem; line-height: 1.25; }
}
input:not([type=radio]):not([type=checkbox]), select, textarea {
  width: 100%; max-width: 28rem; min-height: 2.75rem; padding: .5rem; font: inherit; color: inherit;
  border: 1px solid #6b7280; border-radius: .375rem; background: #fff;
}
button, .button {
  display: inline-block; min-height: 2.75rem; padding: .5rem 1.25rem; font: inherit; font-weight: 600;
  color: #fff; background: #1d4ed8; border: 2px solid #1d4ed8; border-radius: .375rem; cursor: pointer; text-decoration: none;
}
button:hover, .button:hover { background: #1e3a8a; border-color: #1e3a8a; color: #fff; }
button.secondary { color: #1d4ed8; background: #fff; }
button.secondary:hover { color: #1e3a8a; background: #eff6ff; }
button:disabled { cursor: default; opacity: .65; }
.nav { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.5rem 0 .5rem; }
.nav #next, .nav #send { margin-inline-start: auto; }
.status { min-height: 1.5rem; color: #4b5563; }
.errors { margin: 1rem 0; padding: .25rem 1rem; border: 3px solid #b91c1c; border-radius: .375rem; }
.errors h2 { margin-top: .5rem; }
.err { margin: .25rem 0 .5rem; color: #b91c1c; font-weight: 600; }
.ok { padding: .75rem 1rem; border-inline-start: 4px solid #15803d; background: #f0fdf4; }
.step { scroll-margin-top: 3.5rem; }
.progress { position: sticky; top: 0; z-index: 2; padding: .5rem 0; background: #fff; }
.progress label { display: block; font-size: .875rem; color: #4b5563; }
progress { display: block; width: 100%; height: .75rem; accent-color: #1d4ed8; }
.done { margin: 1.5rem 0; padding: .5rem 1rem 1rem; border: 2px solid #15803d; border-radius: .5rem; }
.receipt {
  display: inline-block; padding: .125rem .5rem; font: 1.125rem/1.4 ui-monospace, Menlo, Consolas, monospace;
  background: #f3f4f6; border-radius: .25rem; word-break: break-all;
}
.draft-code { margin: 1rem 0; padding: .5rem 1rem; border: 2px solid #1d4ed8; border-radius: .5rem; }
.draft-code .code { display: inline-block; font: 1.25rem/1.5 ui-monospace, Menlo, Consolas, monospace; letter-spacing: .05em; word-break: break-word; }
.restore { margin: 2rem 0 1rem; padding-top: 1rem; border-top: 1px solid #d1d5db; }
.restore h2 { font-size: 1.05rem; }
.restore label { display: block; margin-bottom: .25rem; }
.restore input { width: 100%; max-width: 24rem; margin-bottom: .5rem; font-family: ui-monospace, Menlo, Consolas, monospace; }
.restore .error { color: #b91c1c; margin: .25rem 0; }
.ledger .entry { display: grid; gap: .5rem; margin: .25rem 0 1rem; }
.ledger .field label { display: block; margin-bottom: .25rem; }
.entry-h { margin: .5rem 0 0; font-weight: 600; color: #4b5563; }
details.more > summary { min-height: 2.75rem; padding: .5rem 0; color: #1d4ed8; font-weight: 600; cursor: pointer; }
@media (min-width: 40rem) { .ledger .entry { grid-template-columns: 1fr 1fr; } .entry-h { grid-column: 1 / -1; } }
.withdraw { margin: 1rem 0; }
.withdraw .q { border: 0; }
table { border-collapse: collapse; }
`;
