// The workforce report with its breakdowns, decided once for every consumer (API, CLI, exports): which groups may be
// shown (shared/privacy), which scales within them, and the diagnosis on what remains.
import type { Flow } from '../account/types';
import { type AccountEntries, partDifference, readinessReport } from '../diagnosis';
import { type Instrument, LAYERS, type Layer, LEVELS, type Level } from '../instrument';
import { emptyLedgerStats, ledgerDesignFor, ledgerReport, type ResolvedLedgerDesign } from '../ledger';
import { type BreakdownPlan, type FigureMask, maskFigure, planBreakdowns, visibleLevels } from '../privacy';
import type { OrgProfile } from '../profile';
import type {
  CapacityDistribution,
  DifferenceEstimate,
  GroupReport,
  ReadinessReport,
  ScaleScore,
} from '../report-model';
import { type GroupStats, mergeMany, report, scaleRespondents } from '../scoring';
import { type Weighting, weighting } from './weighting';

/** Statistics of one department × level cell; cells are input only and never shown. */
export interface CellStats {
  department: string | null;
  level: Level;
  stats: GroupStats;
}

/** A group of a breakdown; a hidden one carries its name only. */
export interface SegmentRow {
  name: string;
  suppressed: boolean;
  n?: number;
  layers?: Record<Layer, ScaleScore>;
  /**
   * Per published layer, this group minus the whole workforce with its simultaneous interval over the breakdown
   * (docs/METHOD.md §5.7); `beyondNoise` marks a difference noise would not make.
   */
  differences?: Partial<Record<Layer, DifferenceEstimate>>;
}

export interface SegmentedReportInput {
  instrument: Instrument;
  cells: readonly CellStats[];
  /** The leadership view, knowingly not anonymous; shown beside, never merged. */
  leadership: GroupReport | null;
  profile: OrgProfile | null;
  minGroupSize: number;
  /** The campaign's department list, so departments without respondents are listed too. */
  departments?: readonly string[];
  /**
   * The ledger step as the campaign asked it (its category lists and label setting); by default the instrument's, with
   * `departments` as the holders of waits.
   */
  ledgerDesign?: ResolvedLedgerDesign;
  /** The organisation's stage-two register, as evidence for the replacement-only diagnosis (docs/METHOD.md §7.5). */
  flows?: readonly Flow[];
  /** The operating account's entries at the close, as evidence for the cash-poor diagnosis (docs/METHOD.md §5.2). */
  account?: AccountEntries;
}

/** The readiness report (its derived parts absent when the whole workforce is below the minimum) and breakdowns. */
export type SegmentedReport = Partial<Omit<ReadinessReport, 'n' | 'minGroupSize'>> & {
  n: number;
  minGroupSize: number;
  /** True when the whole workforce is below the minimum group size: n is shown, nothing derived from answers. */
  suppressed: boolean;
  leadership: { n: number; layers: Record<Layer, ScaleScore> } | null;
  byLevel: Partial<Record<Level, { n: number; layers: Record<Layer, ScaleScore> }>>;
  segments: { department: SegmentRow[]; level: SegmentRow[] };
  /** Response rates and scores weighted to the profile's headcount, per breakdown that has one (weighting.ts). */
  weighting?: { department: Weighting | null; level: Weighting | null };
};

/** Respondents who left the department empty (CSV) or were not asked. */
export const NO_DEPARTMENT = '(no department)';

const WITHHELD: Omit<ScaleScore, 'n' | 'dontKnowRate'> = {
  score: null,
  ci95: null,
  level: null,
  levelName: null,
  agreement: null,
  alpha: null,
  sd: null,
};

/** A scale resting on fewer than k people keeps its count and don't-know rate but loses every derived figure. */
const withhold = (scale: ScaleScore): ScaleScore => ({ ...scale, ...WITHHELD });

function mergeAll(
  instrument: Instrument,
  cells: readonly CellStats[],
  excludeFlagged: boolean,
  ledger = true,
): GroupStats {
  return mergeMany(
    instrument,
    cells.map((c) => c.stats),
    { excludeFlagged, ledger },
  );
}

/**
 * A shown group can still have a layer answered by fewer than k of its members (the rest said "don't know"), and a
 * combination of shown groups can rest on few people on one layer even when it rests on many overall. So each layer
 * gets its own mask (`maskFigure`): the plan's rules again, on the per-cell counts of respondents with a score on that
 * layer, with every group the plan hides kept hidden. No combination of published layer scores then isolates 1..k-1
 * people on that layer. The total's layer is withheld exactly when it rests on fewer than k (`withholdSmallScales`).
 */
function layerMasks(plan: BreakdownPlan, cells: readonly CellStats[]): Record<Layer, FigureMask> {
  return Object.fromEntries(
    LAYERS.map((layer) => [
      layer,
      maskFigure(
        plan,
        cells.map((c) => ({ department: c.department, level: c.level, n: scaleRespondents(c.stats.layers[layer]) })),
      ),
    ]),
  ) as Record<Layer, FigureMask>;
}

function withholdSmallScales(group: GroupReport, k: number): GroupReport {
  const layers = { ...group.layers };
  for (const layer of LAYERS) if (layers[layer].n < k) layers[layer] = withhold(layers[layer]);
  const signals = { ...group.signals };
  for (const [signal, scale] of Object.entries(signals)) {
    if (scale.n < k) signals[signal as keyof typeof signals] = withhold(scale);
  }
  const capacityDecision: CapacityDistribution =
    group.capacityDecision.n < k
      ? {
          n: group.capacityDecision.n,
          counts: Object.fromEntries(Object.keys(group.capacityDecision.counts).map((o) => [o, 0])) as never,
          shares: Object.fromEntries(Object.keys(group.capacityDecision.shares).map((o) => [o, 0])) as never,
        }
      : group.capacityDecision;
  // Per-question results rest on those who answered the question: the same rule, item by item. Only the whole
  // workforce publishes them, so no other group's figure can be subtracted from them.
  const items = group.items
    ? Object.fromEntries(
        Object.entries(group.items).map(([id, item]) => [
          id,
          item.n >= k
            ? item
            : {
                ...item,
                counts: item.counts.map(() => 0),
                favourable: null,
                neutral: null,
                unfavourable: null,
                score: null,
                ...(item.answers >= k ? {} : { dontKnowRate: null }),
              },
        ]),
      )
    : undefined;
  return { ...group, layers, signals, capacityDecision, ...(items ? { items } : {}) };
}

export function segmentedReport(input: SegmentedReportInput): SegmentedReport {
  const { instrument, cells } = input;
  const excludeFlagged = cells[0]?.stats.excludeFlagged ?? false;
  const plan: BreakdownPlan = planBreakdowns(
    cells.map((c) => ({ department: c.department, level: c.level, n: c.stats.n })),
    input.minGroupSize,
    input.departments ? { departments: input.departments } : {},
  );
  const k = plan.minGroupSize;
  const totalStats = mergeAll(instrument, cells, excludeFlagged);
  const total = report(instrument, totalStats);
  const leadership = input.leadership ? { n: input.leadership.n, layers: input.leadership.layers } : null;

  if (plan.total.suppressed || total.n < k) {
    const hiddenRows = <K extends string | null>(rows: { key: K }[]) =>
      rows.map((r) => ({ name: r.key ?? NO_DEPARTMENT, suppressed: true }));
    return {
      n: total.n,
      minGroupSize: k,
      suppressed: true,
      leadership,
      byLevel: {},
      segments: { department: hiddenRows(plan.department), level: hiddenRows(plan.level) },
      diagnosisNotes: [`Only ${total.n} responses; results appear once at least ${k} have answered.`],
    };
  }

  // Per-cell layer counts for the masks (never shown): the count a cell's layer score would rest on, read off its
  // statistics rather than scoring every cell, which made a read's cost grow with the number of filled cells.
  const masks = layerMasks(plan, cells);
  const breakdown = <K extends string | null>(
    rows: { key: K; suppressed: boolean }[],
    kind: 'department' | 'level',
    pick: (c: CellStats, key: K) => boolean,
  ): { rows: SegmentRow[]; reports: Map<K, GroupReport> } => {
    const reports = new Map<K, GroupReport>();
    const out = rows.map((row): SegmentRow => {
      const name = row.key ?? NO_DEPARTMENT;
      if (row.suppressed) return { name, suppressed: true };
      const members = cells.filter((c) => pick(c, row.key));
      if (members.length === 0) return { name, suppressed: false, n: 0 };
      // A department's or level's ledger is never shown: its block is left out of the merge.
      const group = report(instrument, mergeAll(instrument, members, excludeFlagged, false));
      const layers = { ...group.layers };
      for (const layer of LAYERS) {
        if ((masks[layer][kind] as Set<K>).has(row.key)) layers[layer] = withhold(layers[layer]);
      }
      reports.set(row.key, { ...group, layers });
      return { name, suppressed: false, n: group.n, layers };
    });
    return { rows: out, reports };
  };

  const departments = breakdown(plan.department, 'department', (c, key) => c.department === key);
  const levels = breakdown(plan.level, 'level', (c, key) => c.level === key);
  const byLevel: Partial<Record<Level, GroupReport>> = {};
  for (const level of visibleLevels(plan)) {
    const r = levels.reports.get(level);
    if (r) byLevel[level] = r;
  }

  // Each shown group against the whole, simultaneous over every (group, layer) pair of its breakdown.
  const withDifferences = (rows: SegmentRow[]): SegmentRow[] => {
    const pairs = rows.flatMap((r) =>
      LAYERS.filter((l) => r.layers?.[l]?.score != null && workforceLayers[l].score !== null).map(
        (l) => [r, l] as const,
      ),
    );
    return rows.map((r) => {
      if (r.suppressed || !r.layers) return r;
      const differences: Partial<Record<Layer, DifferenceEstimate>> = {};
      for (const [row, layer] of pairs) {
        if (row !== r) continue;
        const d = partDifference(r.layers[layer], workforceLayers[layer], pairs.length);
        if (d) differences[layer] = d;
      }
      return { ...r, differences };
    });
  };
  const workforceLayers = withholdSmallScales(total, k).layers;

  const byDepartment: Record<string, GroupReport> = {};
  for (const [key, r] of departments.reports) byDepartment[key ?? NO_DEPARTMENT] = r;
  const workforce = withholdSmallScales(total, k);
  // The ledger is published for the whole workforce only, never per department or level (shared/ledger).
  const design = input.ledgerDesign ?? ledgerDesignFor(instrument, undefined, input.departments ?? null);
  const ledger = design
    ? ledgerReport({ design, stats: totalStats.ledger ?? emptyLedgerStats(), n: total.n, minGroupSize: k })
    : null;
  const readiness = readinessReport({
    instrument,
    workforce,
    leadership: input.leadership,
    byLevel,
    byDepartment,
    profile: input.profile,
    minGroupSize: k,
    ...(ledger && design ? { ledger: { report: ledger, design } } : {}),
    ...(input.flows ? { register: { flows: input.flows } } : {}),
    ...(input.account ? { account: input.account } : {}),
  });
  const weighted = <K extends string | null>(by: 'department' | 'level', published: Map<K, GroupReport>) =>
    weighting({ instrument, by, plan, cells, published, total: workforce, profile: input.profile });
  return {
    ...readiness,
    ...(ledger ? { ledger } : {}),
    suppressed: false,
    leadership,
    byLevel: Object.fromEntries(
      LEVELS.filter((l) => byLevel[l]).map((l) => [l, { n: byLevel[l]!.n, layers: byLevel[l]!.layers }]),
    ),
    segments: { department: withDifferences(departments.rows), level: withDifferences(levels.rows) },
    weighting: { department: weighted('department', departments.reports), level: weighted('level', levels.reports) },
  };
}

/** Narrows a segmented report to one whose scores and diagnosis are present. */
export const isShown = (r: SegmentedReport): r is SegmentedReport & ReadinessReport => !r.suppressed;
