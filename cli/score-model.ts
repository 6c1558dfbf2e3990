// `orgos score` before formatting: fold the CSVs into department × level cells, then the one segmented report that the
// API serves too (shared/report: privacy, breakdowns, diagnosis).
import { CURRENT_INSTRUMENT, type Instrument } from '../shared/instrument';
import { type SegmentedReport, type SegmentRow, segmentedReport } from '../shared/report';
import { emptyStats, merge, report } from '../shared/scoring';
import { foldCsvFile } from './score-csv';

export type { SegmentRow };

export interface ScoreOptions {
  file: string;
  leadership?: string | undefined;
  minGroup: number;
  excludeFlagged: boolean;
}

/** What `orgos score --json` prints and `--html` renders. */
export type ScoreModel = SegmentedReport;

export async function scoreModel(
  options: ScoreOptions,
  instrument: Instrument = CURRENT_INSTRUMENT,
): Promise<ScoreModel> {
  const scoring = { excludeFlagged: options.excludeFlagged };
  const { cells } = await foldCsvFile(instrument, options.file, scoring);
  const lead = options.leadership ? await foldCsvFile(instrument, options.leadership, scoring) : null;
  const leadership = lead
    ? report(
        instrument,
        lead.cells.reduce((acc, c) => merge(acc, c.stats), emptyStats(instrument, scoring)),
      )
    : null;
  return segmentedReport({ instrument, cells, leadership, profile: null, minGroupSize: options.minGroup });
}
