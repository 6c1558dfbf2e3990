import type { Instrument } from '../instrument';
import { ledgerColumns, ledgerCsvCells } from '../ledger/ledger-columns';
import type { SurveyResponse } from '../response';

/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted, quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface SimulationCsvOptions {
  /** Add the ledger step's columns (`orgos template`'s last ones) with each response's entries. */
  ledger?: boolean;
}

/** The CSV header the CLI reads: `level,department,duration_s,<item ids in instrument order>[,<ledger columns>]`. */
export function simulationCsvHeader(instrument: Instrument, options: SimulationCsvOptions = {}): string[] {
  return [
    'level',
    'department',
    'duration_s',
    ...instrument.items.map((i) => i.id),
    ...(options.ledger ? ledgerColumns(instrument) : []),
  ];
}

/**
 * Responses as CSV (header plus one row each, `\n` line ends, trailing newline). Likert answers are 1..5 or `dk`,
 * the choice item its option id; an unanswered item, an unknown department or duration is an empty field.
 */
export function simulationCsv(
  instrument: Instrument,
  responses: Iterable<SurveyResponse>,
  options: SimulationCsvOptions = {},
): string {
  const lines = [simulationCsvHeader(instrument, options).join(',')];
  for (const r of responses) {
    const cells = [
      r.level,
      field(r.department ?? ''),
      r.durationS === undefined ? '' : String(r.durationS),
      ...instrument.items.map((i) => {
        const v = r.answers[i.id];
        return v === undefined ? '' : field(String(v));
      }),
      ...(options.ledger ? ledgerCsvCells(instrument, r.ledger).map(field) : []),
    ];
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
