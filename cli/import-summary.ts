// What `orgos score` and `orgos map` say on stderr about each file read: the encoding, delimiter and line ends found,
// rows read and skipped, and once each, the columns not scored. Identifying columns are named, never their cells.
import { type ColumnPlan, type CsvFormat, describeFormat, nearestTarget, type PlannedColumn } from '../shared/import';

/** Near enough to an item's text to say so beside an ignored column (a typo, a reworded question). */
const NEAR = 0.75;

const shown = (name: string, index: number) => {
  if (name.length === 0) return `column ${index + 1} (no name)`;
  return `"${name.length > 60 ? `${name.slice(0, 57)}…` : name}"`;
};

function ignoredName(plan: ColumnPlan, c: PlannedColumn): string {
  const name = shown(c.name, c.index);
  if (c.ignored !== 'unmatched') return name;
  const nearest = nearestTarget(plan.instrument, c);
  return nearest && nearest.similarity >= NEAR ? `${name} (nearest: ${nearest.target})` : name;
}

export interface SummaryInput {
  format: CsvFormat;
  plan: ColumnPlan;
  rows: number;
  skipped: number;
}

/** The summary line, then (when there are any) the ignored, the identifying and the items without a column. */
export function importSummary(source: string, { format, plan, rows, skipped }: SummaryInput, verb = 'read'): string[] {
  const read = plan.columns.filter((c) => c.target !== null);
  const layout = plan.tool ? `, ${plan.tool} layout (${plan.headerRows} header rows)` : '';
  const lines = [
    `${source}: ${describeFormat(format)}${layout}; ${rows} row${rows === 1 ? '' : 's'} ${verb}` +
      (skipped > 0 ? `, ${skipped} empty row${skipped === 1 ? '' : 's'} skipped` : '') +
      `; ${read.length} of ${plan.columns.length} columns read`,
  ];
  const ignored = plan.columns.filter((c) => c.ignored !== null && c.ignored !== 'identifying');
  if (ignored.length > 0) {
    lines.push(`${source}: ignored, not scored: ${ignored.map((c) => ignoredName(plan, c)).join(', ')}`);
  }
  const identifying = plan.columns.filter((c) => c.ignored === 'identifying');
  if (identifying.length > 0) {
    lines.push(`${source}: identifying, never read: ${identifying.map((c) => shown(c.name, c.index)).join(', ')}`);
  }
  const covered = new Set(read.flatMap((c) => (c.target?.kind === 'item' ? [c.target.item.id] : [])));
  const missing = plan.instrument.items.filter((i) => !covered.has(i.id)).map((i) => i.id);
  if (missing.length > 0 && covered.size > 0) {
    lines.push(`${source}: items without a column (unanswered): ${missing.join(', ')}`);
  }
  return lines;
}
