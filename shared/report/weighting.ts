// Response rates and post-stratification to the organisation profile's headcount, for one breakdown (departments or
// levels), beside the unweighted scores (docs/METHOD.md §5.8).
//
// Privacy: a weighted total beside the unweighted total is a second linear equation over the group means, and with
// one weight per group it would solve a hidden group's mean exactly. So only published groups are strata of their
// own; every group the report hides (and, per layer, every group whose layer score it withholds) is pooled into one
// stratum. That pool is the whole minus the published groups: its size and mean already follow from the published
// figures (the plan and the layer masks keep it at 0 or at least k respondents), so the weighted figure and the
// pooled response rate reveal nothing the published groups and the total do not (test/unit/report/weighting.test.ts).

import { type Instrument, LAYERS, type Layer, type Level } from '../instrument';
import type { BreakdownPlan } from '../privacy';
import type { OrgProfile } from '../profile';
import type { GroupReport } from '../report-model';
import { type GroupStats, mergeMany, report } from '../scoring';

export interface StratumRate {
  /** A published group's name, or null for the pool of every hidden group. */
  name: string | null;
  responses: number;
  headcount: number;
  /** responses / headcount, to 0.001. */
  rate: number;
}

export interface Weighting {
  by: 'department' | 'level';
  /** Response rate of each published group with a headcount, then one row for all hidden groups together. */
  strata: StratumRate[];
  /** Per layer the whole published: weighted to the headcount, and unweighted, side by side. */
  layers: Partial<Record<Layer, { weighted: number; unweighted: number }>>;
  /** Published groups with a headcount but nobody answering: their weight goes to the rest. */
  unrepresented: string[];
}

export interface WeightingInput<K extends string | null> {
  instrument: Instrument;
  by: 'department' | 'level';
  plan: BreakdownPlan;
  cells: readonly { department: string | null; level: Level; stats: GroupStats }[];
  /** The published groups' reports, layers masked as published (a withheld layer has score null). */
  published: ReadonlyMap<K, GroupReport>;
  /** The whole workforce as published. */
  total: GroupReport;
  profile: OrgProfile | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Weighting for one breakdown, or null when the profile gives no headcount for it (or not for every published group). */
export function weighting<K extends string | null>(input: WeightingInput<K>): Weighting | null {
  const { instrument, by, plan, cells, published, total } = input;
  const heads = (by === 'department' ? input.profile?.headcount?.byDepartment : input.profile?.headcount?.byLevel) as
    | Partial<Record<string, number>>
    | undefined;
  if (!heads) return null;
  const rows = plan[by] as { key: K; suppressed: boolean; n?: number }[];
  const shown = rows.filter((r) => !r.suppressed);
  // Every published group needs its own headcount; the hidden ones need only their total.
  if (shown.some((r) => r.key === null || heads[r.key] === undefined)) return null;
  const headOf = (key: K) => (key === null ? 0 : (heads[key] ?? 0));
  const hiddenKeys = rows.filter((r) => r.suppressed).map((r) => r.key);
  const hiddenHead = hiddenKeys.reduce((sum, key) => sum + headOf(key), 0);
  const totalHead = input.profile?.headcount?.total;
  // The pool's headcount: the hidden groups' own, or what the total leaves after the published ones.
  const poolHead =
    hiddenKeys.length === 0
      ? 0
      : hiddenKeys.every((key) => key !== null && heads[key] !== undefined)
        ? hiddenHead
        : totalHead !== undefined
          ? totalHead - shown.reduce((s, r) => s + headOf(r.key), 0)
          : Number.NaN;
  if (Number.isNaN(poolHead) || poolHead < 0) return null;

  const memberOf = (c: { department: string | null; level: Level }): K =>
    (by === 'department' ? c.department : c.level) as K;
  const poolStats = (keys: ReadonlySet<K>): GroupReport =>
    report(
      instrument,
      mergeMany(
        instrument,
        cells.filter((c) => keys.has(memberOf(c))).map((c) => c.stats),
        { excludeFlagged: total.quality.excluded, ledger: false },
      ),
    );

  const strata: StratumRate[] = [];
  for (const r of shown) {
    const h = headOf(r.key);
    if (h > 0) strata.push({ name: r.key as string, responses: r.n ?? 0, headcount: h, rate: round3((r.n ?? 0) / h) });
  }
  if (hiddenKeys.length > 0 && poolHead > 0) {
    const responses = total.n - shown.reduce((s, r) => s + (r.n ?? 0), 0);
    strata.push({ name: null, responses, headcount: poolHead, rate: round3(responses / poolHead) });
  }

  const layers: Weighting['layers'] = {};
  const unrepresented = new Set<string>();
  for (const layer of LAYERS) {
    const whole = total.layers[layer];
    if (whole.score === null) continue;
    // Per layer, a published group whose layer is withheld joins the pool.
    const pool = new Set<K>(hiddenKeys);
    let weight = 0;
    let sum = 0;
    let poolWeight = poolHead;
    for (const r of shown) {
      const g = published.get(r.key);
      const s = g?.layers[layer];
      const h = headOf(r.key);
      if (!g || g.n === 0) {
        if (h > 0) unrepresented.add(r.key as string);
        continue;
      }
      if (!s || s.score === null) {
        pool.add(r.key);
        poolWeight += h;
        continue;
      }
      weight += h;
      sum += h * s.score;
    }
    if (pool.size > 0 && poolWeight > 0) {
      const p = poolStats(pool).layers[layer];
      if (p.score !== null) {
        weight += poolWeight;
        sum += poolWeight * p.score;
      }
    }
    if (weight > 0) layers[layer] = { weighted: round1(sum / weight), unweighted: round1(whole.score) };
  }
  return { by, strata, layers, unrepresented: [...unrepresented] };
}
