// `orgos score` before formatting: fold the CSVs into department × level cells, then the one segmented report that the
// API serves too (shared/report: privacy, breakdowns, diagnosis).
import type { ImportMapping } from '../shared/import';
import { CURRENT_INSTRUMENT, type Instrument } from '../shared/instrument';
import { type SegmentedReport, type SegmentRow, segmentedReport } from '../shared/report';
import { emptyStats, merge, report } from '../shared/scoring';
import { importSummary } from './import-summary';
import { foldCsvFile } from './score-csv';

export type { SegmentRow };

export interface ScoreOptions {
  file: string;
  leadership?: string | undefined;
  minGroup: number;
  excludeFlagged: boolean;
  /** Column mapping and recodes, for both files (`--map`). */
  mapping?: ImportMapping | undefined;
  /** Receives the summary lines of each file read (the CLI prints them on stderr). */
  note?: ((line: string) => void) | undefined;
}

/** What `orgos score --json` prints and `--html` renders. */
export type ScoreModel = SegmentedReport;

export async function scoreModel(
  options: ScoreOptions,
  instrument: Instrument = CURRENT_INSTRUMENT,
): Promise<ScoreModel> {
  const scoring = { excludeFlagged: options.excludeFlagged, mapping: options.mapping };
  const workforce = await foldCsvFile(instrument, options.file, scoring);
  const lead = options.leadership ? await foldCsvFile(instrument, options.leadership, scoring) : null;
  for (const line of importSummary(options.file, workforce, 'scored')) options.note?.(line);
  if (lead && options.leadership)
    for (const line of importSummary(options.leadership, lead, 'scored')) options.note?.(line);
  const leadership = lead
    ? report(
        instrument,
        lead.cells.reduce(
          (acc, c) => merge(acc, c.stats),
          emptyStats(instrument, { excludeFlagged: options.excludeFlagged }),
        ),
      )
    : null;
  return segmentedReport({
    instrument,
    cells: workforce.cells,
    leadership,
    profile: null,
    minGroupSize: options.minGroup,
  });
}
