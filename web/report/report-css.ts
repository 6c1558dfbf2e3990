// The report's own styles (/assets/report.css, and embedded in the CLI's standalone file with BASE_CSS), including
// the print stylesheet: printing or saving as PDF gives a clean report of a few pages.

export const REPORT_CSS = `
.report { max-width: 60rem; }
.report-head { padding: .5rem 0 1rem; border-bottom: 3px solid #1a1a1a; }
.eyebrow { margin: 0; font-size: .875rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: #4b5563; }
.report-head h1 { margin: .25rem 0; font-size: 1.75rem; }
.meta { margin: .25rem 0; color: #4b5563; }
.lang-switch ul { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: .375rem; margin: 0 0 .25rem; padding: 0; list-style: none; }
.lang-switch button { min-height: 2.25rem; padding: .125rem .625rem; font-size: .875rem; }
.lang-switch button[aria-pressed="true"] { font-weight: 700; outline: 2px solid #1a1a1a; outline-offset: 1px; }
/* Screen one: the diagnosis in one sentence, the first break and at most three actions, before any evidence. */
.report .screen-one { margin: 1rem 0; padding: .75rem 1rem; border: 2px solid #b45309; border-radius: .5rem; background: #fffbeb; }
.screen-one h2 { margin: 0 0 .375rem; padding: 0; border: 0; font-size: 1.25rem; }
.screen-one .verdict { margin: .25rem 0 .5rem; font-size: 1.0625rem; font-weight: 600; }
.screen-one .muted { margin: .25rem 0; color: #374151; }
.monday-actions { margin: .25rem 0; padding-inline-start: 1.25rem; }
.monday-actions li { margin: .375rem 0; }
.monday-actions .owner { display: block; font-size: .875rem; color: #374151; }
.to-evidence { margin: .5rem 0 0; font-size: .9375rem; }
.trend .change { display: block; font-size: .8125rem; color: #4b5563; white-space: nowrap; }
.trend .change.beyond { color: #1a1a1a; font-weight: 700; }
.trend tr.current th, .trend tr.current td { background: #f3f4f6; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .5rem 0; padding: 0; list-style: none; font-size: .9375rem; }
.report section { margin: 2rem 0; }
.report h2 { padding-bottom: .25rem; border-bottom: 1px solid #d1d5db; }
.lead { font-size: 1.0625rem; }
#protection .warn { padding: .5rem .75rem; border-left: 4px solid #b45309; background: #fffbeb; }
.cascade { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; padding: 0; list-style: none; counter-reset: c; }
.cascade li {
  position: relative; flex: 1 1 9rem; padding: .5rem .75rem; border: 1px solid #6b7280; border-radius: .375rem; background: #fff;
}
.cascade li .v { display: block; font-size: .875rem; color: #4b5563; }
.cascade li.weak { border-color: #b45309; }
.cascade li.break { border: 3px solid #b45309; background: #fffbeb; }
.cascade li.break .badge { display: inline-block; margin-bottom: .25rem; padding: 0 .375rem; color: #fff; background: #b45309; border-radius: .25rem; font-size: .8125rem; font-weight: 700; }
.cascade .name { font-weight: 700; }
figure { margin: 1rem 0; }
figcaption { font-size: .875rem; color: #4b5563; }
svg.chart { display: block; width: 100%; height: auto; max-width: 44rem; font: 13px system-ui, sans-serif; }
.chart text { fill: #1a1a1a; }
/* Chart text is in the viewBox's units: on a phone the 640-unit chart shrinks, so its text is set larger. */
@media (max-width: 40rem) { svg.chart { font-size: 19px; } }
.chart .axis { stroke: #9ca3af; stroke-width: 1; }
.chart .grid { stroke: #e5e7eb; stroke-width: 1; }
.chart .mid { stroke: #4b5563; stroke-dasharray: 4 3; }
.chart .bar { fill: #1d4ed8; }
.chart .bar.break { fill: #b45309; }
.chart .bar.lead { fill: #7c3aed; }
.chart .bar.neg { fill: #b45309; }
.chart .ci { stroke: #1a1a1a; stroke-width: 2; }
.chart .s0 { fill: #1d4ed8; } .chart .s1 { fill: #b45309; } .chart .s2 { fill: #047857; }
.chart .s3 { fill: #7c3aed; } .chart .s4 { fill: #be185d; } .chart .s5 { fill: #4b5563; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0; padding: 0; list-style: none; font-size: .875rem; }
.legend i { display: inline-block; width: .875rem; height: .875rem; margin-inline-end: .375rem; vertical-align: -2px; border-radius: 2px; }
.legend .s0 { background: #1d4ed8; } .legend .s1 { background: #b45309; } .legend .s2 { background: #047857; }
.legend .s3 { background: #7c3aed; } .legend .s4 { background: #be185d; } .legend .s5 { background: #4b5563; }
.table-wrap { max-width: 100%; overflow-x: auto; }
details.labels { margin: .5rem 0 1rem; }
details.labels summary { cursor: pointer; font-weight: 600; color: #1d4ed8; }
details.labels h4 { margin: .75rem 0 .25rem; font-size: .9375rem; }
/* A table wider than the screen (the page marks it): a visible cue, and the edge it scrolls under. */
.scroll-cue { margin: .5rem 0 0; font-size: .8125rem; color: #374151; }
.scroll-cue::after { content: " →"; }
.table-wrap.scrolls { border-inline-end: 4px solid #9ca3af; }
/* The evidence's verdict stays in view while the rest of the row scrolls under it. */
.data.evidence th:last-child, .data.evidence td:last-child { position: sticky; inset-inline-end: 0; background: #fffbeb; }
.chart text.label { font-weight: 600; }
.data { width: 100%; margin: .75rem 0; font-size: .9375rem; border-collapse: collapse; }
.data caption { text-align: start; font-weight: 600; padding: .25rem 0; }
.data th, .data td { padding: .375rem .5rem; text-align: start; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
.data thead th { border-bottom: 2px solid #6b7280; font-size: .875rem; }
.data td.num, .data th.num { text-align: end; font-variant-numeric: tabular-nums; }
.data tr.break th, .data tr.break td { background: #fffbeb; }
.heat td { text-align: center; font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.heat .h1 { background: #eff6ff; } .heat .h2 { background: #bfdbfe; } .heat .h3 { background: #60a5fa; }
.heat .h4 { background: #2563eb; color: #fff; } .heat .h5 { background: #1e3a8a; color: #fff; }
.heat .na { color: #4b5563; }
.heat .sup, .data td.sup {
  color: #374151; font-size: .8125rem; font-style: italic;
  background: repeating-linear-gradient(135deg, #f9fafb 0 6px, #e5e7eb 6px 8px);
}
.diag { margin: 1rem 0; padding: .75rem 1rem; border-inline-start: 5px solid #b45309; background: #fffbeb; }
.diag h3 { margin-top: 0; }
.diag .conf { font-weight: 600; }
.ev-note { display: block; font-size: .8125rem; font-weight: 400; color: #4b5563; }
.met { color: #15803d; font-weight: 700; }
.unmet { color: #4b5563; }
.actions li { margin: .5rem 0; }
.tag { display: inline-block; margin-inline-end: .375rem; padding: 0 .375rem; font-size: .8125rem; color: #1e3a8a; background: #eff6ff; border: 1px solid #bfdbfe; border-radius: .25rem; }
.notes { color: #4b5563; font-size: .9375rem; }
.empty { padding: .75rem 1rem; background: #f3f4f6; border-radius: .375rem; }
/* Chinese text needs a CJK font: named here so screen and PDF pick one that exists (Debian: fonts-noto-cjk). */
.report:lang(zh), .report :lang(zh) {
  font-family: system-ui, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
}
@media print {
  /* The demo's wave (every section filled) prints on six A4 pages in en, zh and de (issue 16; test/e2e checks it). */
  @page { size: A4; margin: 10mm 11mm 12mm; }
  body {
    font-size: 8.5pt; line-height: 1.25; color: #000;
    font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", Arial, sans-serif;
  }
  .top, .toolbar, .toc, .skip, .no-print, .lang-switch, .scroll-cue, .to-evidence { display: none !important; }
  .table-wrap.scrolls { border: 0; }
  .report .screen-one { margin: .5rem 0; padding: .375rem .75rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main, .report { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  h1 { font-size: 16pt; }
  h2, .screen-one h2 { font-size: 12pt; margin: .5rem 0 .2rem; }
  h3 { font-size: 10pt; margin: .4rem 0 .2rem; }
  p { margin: .25rem 0; }
  .report section { margin: .35rem 0; }
  .report-head { padding-bottom: .5rem; }
  .cascade { gap: .25rem; margin: .5rem 0; }
  .cascade li { padding: .1rem .4rem; }
  figure { margin: .5rem 0; }
  /* Screen sizes are in rem (12pt on paper): smaller than the body there, so they are set in points here. */
  figcaption, .legend, .tag, .cascade li .v, .cascade li.break .badge, .screen-one .muted, .monday-actions .owner { font-size: 7.5pt; }
  .monday-actions li { margin: .15rem 0; }
  /* The bars' names stand above them, so the charts are taller than wide: beside their table, not above it. */
  svg.chart { max-width: 9cm; }
  #layers figure, #gap figure { float: left; width: 42%; margin: .25rem 2% .25rem 0; }
  #layers svg.chart, #gap svg.chart { max-width: none; }
  #layers .table-wrap, #gap .table-wrap { overflow: hidden; }
  #layers::after, #gap::after { content: ""; display: block; clear: both; }
  .screen-one .verdict { font-size: 10.5pt; }
  /* A change wraps under its score rather than pushing the trend table past the page's edge. */
  .trend .change { font-size: 7pt; white-space: normal; }
  .data { margin: .25rem 0; font-size: 7.5pt; }
  .data th, .data td { padding: .03rem .3rem; }
  .data caption { padding: 0; }
  .data thead th { font-size: 7pt; }
  .diag { margin: .35rem 0; padding: .25rem .6rem; }
  .diag h3 { margin-bottom: .1rem; }
  .ev-note, .data td.mix { font-size: 6.5pt; }
  /* A verdict on one line: "✓ trifft zu" broken in two doubles every evidence row. */
  .met, .unmet { white-space: nowrap; }
  .notes { font-size: 8pt; }
  #method .notes { columns: 2; column-gap: 1.5rem; margin: .25rem 0; }
  .report .lead { font-size: 9pt; }
  #operating-account .data, .data.items { font-size: 7pt; }
  .data.items { table-layout: fixed; }
  .data.items tbody th { font-weight: normal; }
  .data.items thead th:first-child { width: 68%; }
  .data.items thead th.num { width: 6.4%; font-size: 5.5pt; padding: .125rem .125rem; }
  /* Short tables that belong together (capacity answers, response rate and weighting) stand side by side. */
  .table-wrap.half { display: inline-block; width: 49%; vertical-align: top; }
  .table-wrap.half + .table-wrap.half { margin-left: 2%; }
  h2, h3, caption { break-after: avoid; }
  figure, .cascade, tr, .actions li, .lead, #method li { break-inside: avoid; }
  /* Short tables stay whole; long ones (ledgers, per question) run on and repeat their head. */
  #layers .table-wrap, #gap .table-wrap, .data.evidence { break-inside: avoid; }
  .cascade li.break, .diag, .data tr.break td, .data tr.break th, .tag, .badge,
  .chart .bar, .legend i { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
