// The readable summary `orgos score` prints without --json or --html: plain text that fits a terminal.
import { capacityItem, type Instrument, LAYERS, type Layer, likertSignalsOf, signalName } from '../shared/instrument';
import { isShown } from '../shared/report';
import type { Diagnosis, Evidence, ScaleScore } from '../shared/report-model';
import type { ScoreModel, SegmentRow } from './score-model';
import { ledgerLines } from './text-ledger';

const DASH = '–';
const fixed = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? DASH : v.toFixed(digits));
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const percent = (v: number) => `${(v * 100).toFixed(0)}%`;
const interval = (ci: [number, number] | null) => (ci ? `${ci[0].toFixed(1)}-${ci[1].toFixed(1)}` : DASH);

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Wraps prose at `width` columns: `first` starts the first line, `rest` indents the others. */
function wrap(text: string, first: string, rest = first, width = 100): string[] {
  const out: string[] = [];
  let current = '';
  const indent = () => (out.length === 0 ? first : rest);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && indent().length + current.length + 1 + word.length > width) {
      out.push(indent() + current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(indent() + current);
  return out;
}

const scaleCells = (s: ScaleScore) => [
  fixed(s.score),
  interval(s.ci95),
  s.level === null ? DASH : `${s.level} ${s.levelName ?? ''}`.trim(),
  String(s.n),
  percent(s.dontKnowRate),
  fixed(s.agreement, 2),
  fixed(s.alpha, 2),
];
const SCALE_HEADER = ['score', '95% CI', 'level', 'n', "don't know", 'agreement', 'alpha'];

function evidenceLine(e: Evidence): string {
  const mark = e.met ? 'yes' : 'no ';
  const note = e.note ? ` (${e.note})` : '';
  return `      [${mark}] ${e.source} ${fixed(e.value, 2)} ${e.comparison} ${fixed(e.threshold, 2)}${note}`;
}

const LIKELIHOOD: Record<string, string> = {
  more_likely: 'more likely than not',
  likely: 'likely',
  very_likely: 'very likely',
};

function diagnosisLines(d: Diagnosis): string[] {
  const words = d.likelihood ? ` (${LIKELIHOOD[d.likelihood]})` : '';
  return [
    `  ${d.code}: confidence ${d.confidence.toFixed(2)}${words}${d.caution ? ' - read with care: many flagged responses' : ''}`,
    ...wrap(d.explanation, '    '),
    '    evidence:',
    ...d.evidence.map(evidenceLine),
  ];
}

/** A breakdown's layer scores; hidden groups show no numbers at all. */
function breakdown(title: string, rows: SegmentRow[], k: number, name: (l: Layer) => string): string[] {
  if (rows.length === 0) return [];
  const out = ['', `${title} (layer scores)`];
  out.push(
    ...table(
      ['group', 'n', ...LAYERS.map(name)],
      rows.map((r) =>
        r.suppressed || !r.layers
          ? [r.name, 'hidden', ...LAYERS.map(() => '')]
          : [r.name, String(r.n), ...LAYERS.map((l) => fixed(r.layers?.[l].score))],
      ),
      new Set([1, 2, 3, 4, 5, 6]),
    ).map((l) => `  ${l}`),
  );
  if (rows.some((r) => r.suppressed)) {
    out.push(
      `  hidden: fewer than ${k} responses, or hidden with such a group so it cannot be worked out from the total`,
    );
  }
  return out;
}

/**
 * The summary: per-layer table (the first break marked), signals, capacity decision, leadership gap, levels large
 * enough to show, diagnoses with their evidence, the first break and the recommendations, and response quality.
 */
export function textReport(instrument: Instrument, model: ScoreModel): string {
  const { leadership } = model;
  const name = (layer: Layer) => instrument.layers[layer].name.en;
  const out: string[] = [
    `Org OS readiness: ${instrument.id} ${instrument.version}, ${count(model.n, 'response')}` +
      ` (minimum group size ${model.minGroupSize})` +
      (leadership ? `; leadership view ${count(leadership.n, 'response')}` : ''),
  ];
  if (!isShown(model)) {
    out.push(`Too few responses to show scores, diagnose or break down: at least ${model.minGroupSize} are needed.`);
    return `${out.join('\n')}\n`;
  }
  const report = model;

  const lead = (report.findings ?? []).filter((f) => f.lead);
  if (lead.length > 0) {
    out.push('', 'Read this first');
    for (const f of lead) out.push(...wrap(f.text.en, '  ', '  '));
  }

  out.push('', 'Layers (0-100; higher is more mature)');
  const verdicts = report.layerVerdicts;
  out.push(
    ...table(
      ['layer', ...SCALE_HEADER, ...(verdicts ? ['verdict'] : []), ''],
      LAYERS.map((layer) => [
        name(layer),
        ...scaleCells(report.layers[layer]),
        ...(verdicts ? [verdicts[layer]] : []),
        report.firstBreak === layer ? '<- first break' : '',
      ]),
      new Set([1, 4, 5, 6, 7]),
    ).map((l) => `  ${l}`),
  );

  out.push('', 'Signals');
  out.push(
    ...table(
      ['signal', ...SCALE_HEADER],
      likertSignalsOf(instrument).flatMap((signal) => {
        const scale = report.signals[signal];
        return scale ? [[signalName(instrument, signal, 'en'), ...scaleCells(scale)]] : [];
      }),
      new Set([1, 4, 5, 6, 7]),
    ).map((l) => `  ${l}`),
  );
  const capacity = report.capacityDecision;
  out.push(
    '',
    `Capacity decision (n ${capacity.n}): ` +
      (capacity.n === 0
        ? DASH
        : (capacityItem(instrument)?.options ?? [])
            .map(({ id: o }) => ({ o, share: capacity.shares[o] ?? 0 }))
            .sort((a, b) => b.share - a.share)
            .map(({ o, share }) => `${o} ${percent(share)}`)
            .join(', ')),
  );

  if (report.leadershipGap) {
    const gap = report.leadershipGap;
    const parts = LAYERS.filter((l) => gap[l] !== undefined).map((l) => {
      const v = gap[l]!;
      return `${name(l)} ${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
    });
    out.push('', `Leadership view minus workforce view (points): ${parts.join(', ')}`);
  }

  out.push(...breakdown('By level', report.segments.level, report.minGroupSize, name));
  out.push(...breakdown('By department', report.segments.department, report.minGroupSize, name));

  out.push('', 'Diagnoses');
  if (report.diagnoses.length === 0) out.push(report.diagnosisWithheld ? '  none: withheld (see above)' : '  none');
  for (const d of report.diagnoses) out.push(...diagnosisLines(d));
  for (const f of (report.findings ?? []).filter((x) => !x.lead))
    out.push(...wrap(f.text.en, '  finding: ', '           '));
  for (const note of report.diagnosisNotes ?? []) out.push(...wrap(note, '  note: ', '        '));

  out.push(
    '',
    report.firstBreak
      ? `First break: ${name(report.firstBreak)}. ${instrument.layers[report.firstBreak].question.en}`
      : report.weakTogether
        ? `First break: none named (weak together: ${report.weakTogether.map(name).join(', ')})`
        : report.diagnosisWithheld
          ? 'First break: not diagnosed (see above)'
          : 'First break: none (no layer is clearly weak)',
  );

  if (report.recommendations.length > 0) {
    out.push('', 'Smallest operating incisions');
    report.recommendations.forEach((r, i) => {
      out.push(...wrap(r.action + (r.because ? ` (Because ${r.because.en}.)` : ''), `  ${i + 1}. `, '     '));
    });
  }

  if (report.ledger) out.push(...ledgerLines(report.ledger));

  const q = report.quality;
  out.push(
    '',
    `Response quality: ${q.flagged} flagged (${q.straightLining} straight-lining, ${q.tooFast} too fast); ` +
      (q.excluded ? 'left out of the scores.' : 'counted in the scores (--exclude-flagged leaves them out).'),
  );
  return `${out.join('\n')}\n`;
}
