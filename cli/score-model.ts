// `orgos score` before formatting: fold the CSVs, decide with shared/privacy which groups may be shown, diagnose.
import { readinessReport } from '../shared/diagnosis';
import { CURRENT_INSTRUMENT, type Instrument, type Layer, type Level } from '../shared/instrument';
import { type PlanRow, planBreakdowns } from '../shared/privacy';
import type { GroupReport, ReadinessReport, ScaleScore } from '../shared/report-model';
import { emptyStats, type GroupStats, merge, report, type ScoringOptions } from '../shared/scoring';
import { type CsvCell, foldCsvFile } from './score-csv';

export interface ScoreOptions {
  file: string;
  leadership?: string | undefined;
  minGroup: number;
  excludeFlagged: boolean;
}

/** A group of a breakdown: a hidden one carries its name only (the web renderer's SegmentRow). */
export interface SegmentRow {
  name: string;
  suppressed: boolean;
  n?: number;
  layers?: Record<Layer, ScaleScore>;
}

/** What `orgos score --json` prints and `--html` renders: the readiness report, the breakdowns, the leadership view. */
export interface ScoreModel extends ReadinessReport {
  segments: { department: SegmentRow[]; level: SegmentRow[] };
  leadership: { n: number; layers: Record<Layer, ScaleScore> } | null;
}

/** Respondents who left the department empty. */
export const NO_DEPARTMENT = '(no department)';

function mergeCells(instrument: Instrument, cells: CsvCell[], options: ScoringOptions): GroupStats {
  return cells.map((c) => c.stats).reduce((a, b) => merge(a, b), emptyStats(instrument, options));
}

export async function scoreModel(
  options: ScoreOptions,
  instrument: Instrument = CURRENT_INSTRUMENT,
): Promise<ScoreModel> {
  const scoring = { excludeFlagged: options.excludeFlagged };
  const { cells } = await foldCsvFile(instrument, options.file, scoring);
  const lead = options.leadership ? await foldCsvFile(instrument, options.leadership, scoring) : null;

  // What may be shown is decided on counts alone, with complementary suppression, by shared/privacy.
  const plan = planBreakdowns(
    cells.map((c) => ({ department: c.department, level: c.level, n: c.stats.n })),
    options.minGroup,
  );
  const groupReport = (pick: (c: CsvCell) => boolean) =>
    report(instrument, mergeCells(instrument, cells.filter(pick), scoring));
  const segmentRows = <K extends string | null>(rows: PlanRow<K>[], pick: (c: CsvCell, key: K) => boolean) =>
    rows.flatMap((row): { key: K; row: SegmentRow; report?: GroupReport }[] => {
      const name = row.key ?? NO_DEPARTMENT;
      if (row.suppressed) return [{ key: row.key, row: { name, suppressed: true } }];
      if (row.n === 0) return [];
      const r = groupReport((c) => pick(c, row.key));
      return [{ key: row.key, row: { name, suppressed: false, n: r.n, layers: r.layers }, report: r }];
    });
  // Below the minimum in total, every group is hidden: list none rather than a column of "hidden".
  const levels = plan.total.suppressed ? [] : segmentRows(plan.level, (c, key) => c.level === key);
  const departments = plan.total.suppressed ? [] : segmentRows(plan.department, (c, key) => c.department === key);

  const byLevel: Partial<Record<Level, GroupReport>> = {};
  for (const { key, report: r } of levels) if (r) byLevel[key] = r;
  const leadership = lead ? report(instrument, mergeCells(instrument, lead.cells, scoring)) : null;
  const readiness = readinessReport({
    instrument,
    workforce: report(instrument, mergeCells(instrument, cells, scoring)),
    leadership,
    byLevel,
    profile: null,
    minGroupSize: options.minGroup,
  });
  return {
    ...readiness,
    segments: { department: departments.map((d) => d.row), level: levels.map((l) => l.row) },
    leadership: leadership ? { n: leadership.n, layers: leadership.layers } : null,
  };
}
