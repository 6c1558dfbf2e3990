// One row of bench/results.json, and the table printed from the rows.

export interface Row {
  /** `<bench>.<variant>`; `--only <bench>` selects by the part before the dot. */
  id: string;
  /** The product's figure; null when the product piece it measures has not landed or failed. */
  value: number | null;
  /** The baseline measured in the same run. */
  baseline: number | null;
  /** value / baseline (null when either is missing). */
  ratio: number | null;
  /** What is compared with what, e.g. "ratio <= 1.15" or "value <= 14336"; null for context rows. */
  target: string | null;
  unit: string;
  note?: string;
}

export function row(fields: Omit<Row, 'ratio'> & { ratio?: number | null }): Row {
  const { id, value, baseline, target, unit, note } = fields;
  const ratio =
    fields.ratio !== undefined
      ? fields.ratio
      : value !== null && baseline !== null && baseline !== 0
        ? value / baseline
        : null;
  // Keys in the documented order: { id, value, baseline, ratio, target, unit, note? }.
  return {
    id,
    value,
    baseline,
    ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
    target,
    unit,
    ...(note ? { note } : {}),
  };
}

/** Whether the row meets its target: true, false, or null when there is no target or no figure yet. */
export function met(r: Row): boolean | null {
  if (!r.target) return null;
  const m = /^(ratio|value)\s*(<=|>=)\s*([\d.]+)$/.exec(r.target);
  if (!m) return null;
  const actual = m[1] === 'ratio' ? r.ratio : r.value;
  if (actual === null) return null;
  const limit = Number(m[3]);
  return m[2] === '<=' ? actual <= limit : actual >= limit;
}

const fmt = (n: number | null): string => {
  if (n === null) return '—';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

/** A Markdown table: readable in a terminal and pasted as is into docs/BENCHMARKS.md. */
export function table(rows: readonly Row[]): string {
  const head = ['id', 'value', 'baseline', 'ratio', 'unit', 'target', 'met'];
  const body = rows.map((r) => {
    const m = met(r);
    return [
      r.id,
      fmt(r.value),
      fmt(r.baseline),
      r.ratio === null ? '—' : r.ratio.toFixed(3),
      r.unit,
      r.target ?? '',
      m === null ? (r.target ? 'n/a' : '') : m ? 'yes' : 'NO',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function notes(rows: readonly Row[]): string {
  return rows
    .filter((r) => r.note)
    .map((r) => `- \`${r.id}\`: ${r.note}`)
    .join('\n');
}
