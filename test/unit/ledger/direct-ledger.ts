// The ledger statistics and tables computed straight from raw responses, written apart from the engine (no tree of
// maps, no ops, no sign), so tests can hold the accumulator's counts and the report's figures to them exactly.
import type { LedgerDesign } from '../../../shared/instrument';
import type { LedgerStats } from '../../../shared/ledger';
import type { SurveyResponse } from '../../../shared/response';

type Counts = Record<string, number>;
const bump = (into: Counts, key: string, by = 1) => {
  into[key] = (into[key] ?? 0) + by;
};
const sorted = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const setOf = (ids: string[]) => JSON.stringify([...new Set(ids)].sort());
const holder = (h: { department: string } | { level: string }) =>
  'level' in h ? `level:${h.level}` : `department:${h.department}`;
const ticks = (v: number, r: { min: number; step: number }) => String(Math.round((v - r.min) / r.step));

/** GroupStats.ledger of these responses (all counted), or undefined when none named anything. */
export function directLedgerStats(design: LedgerDesign, responses: readonly SurveyResponse[]): LedgerStats | undefined {
  const time = { sets: {} as Counts, cells: {} as Record<string, { hours: Counts; reasons: Counts; labels: Counts }> };
  const waiting = {
    sets: {} as Counts,
    kinds: {} as Record<
      string,
      { sets: Counts; labels: Counts; holders: Record<string, { days: Counts; times: Counts; load: number }> }
    >,
  };
  const knowledge = {
    sets: {} as Counts,
    cells: {} as Record<string, { checks: Counts; sop: Counts; labels: Counts }>,
  };
  for (const r of responses) {
    const l = r.ledger;
    if (!l) continue;
    if (l.time?.length) bump(time.sets, setOf(l.time.map((e) => e.category)));
    for (const e of l.time ?? []) {
      time.cells[e.category] ??= { hours: {}, reasons: {}, labels: {} };
      const c = time.cells[e.category]!;
      bump(c.hours, ticks(e.hoursPerWeek, design.time.hoursPerWeek));
      if (e.reason) bump(c.reasons, e.reason);
      if (e.label) bump(c.labels, e.label);
    }
    if (l.waiting?.length) bump(waiting.sets, setOf(l.waiting.map((e) => e.kind)));
    const holdersByKind: Record<string, string[]> = {};
    for (const e of l.waiting ?? []) {
      waiting.kinds[e.kind] ??= { sets: {}, labels: {}, holders: {} };
      const kind = waiting.kinds[e.kind]!;
      const h = holder(e.heldBy);
      holdersByKind[e.kind] = [...(holdersByKind[e.kind] ?? []), h];
      kind.holders[h] ??= { days: {}, times: {}, load: 0 };
      const cell = kind.holders[h]!;
      const d = Number(ticks(e.days, design.waiting.days));
      const t = Number(ticks(e.timesPerMonth, design.waiting.timesPerMonth));
      bump(cell.days, String(d));
      bump(cell.times, String(t));
      cell.load += d * t;
      if (e.label) bump(kind.labels, e.label);
    }
    for (const [kind, hs] of Object.entries(holdersByKind)) bump(waiting.kinds[kind]!.sets, setOf(hs));
    if (l.knowledge?.length) bump(knowledge.sets, setOf(l.knowledge.map((e) => e.category)));
    for (const e of l.knowledge ?? []) {
      knowledge.cells[e.category] ??= { checks: {}, sop: {}, labels: {} };
      const c = knowledge.cells[e.category]!;
      bump(c.checks, ticks(e.checksPerWeek, design.knowledge.checksPerWeek));
      if (e.sop) bump(c.sop, e.sop);
      if (e.label) bump(c.labels, e.label);
    }
  }
  if (!Object.keys(time.sets).length && !Object.keys(waiting.sets).length && !Object.keys(knowledge.sets).length) {
    return undefined;
  }
  const labelled = <T extends { labels: Counts }>(c: T) => {
    const { labels, ...rest } = c;
    return Object.keys(labels).length ? { ...rest, labels: sorted(labels) } : rest;
  };
  return {
    time: {
      sets: sorted(time.sets),
      cells: sorted(
        Object.fromEntries(
          Object.entries(time.cells).map(([k, c]) => [
            k,
            labelled({ ...c, hours: sorted(c.hours), reasons: sorted(c.reasons) }),
          ]),
        ),
      ),
    },
    waiting: {
      sets: sorted(waiting.sets),
      kinds: sorted(
        Object.fromEntries(
          Object.entries(waiting.kinds).map(([k, kind]) => [
            k,
            labelled({
              sets: sorted(kind.sets),
              holders: sorted(
                Object.fromEntries(
                  Object.entries(kind.holders).map(([h, c]) => [
                    h,
                    { days: sorted(c.days), times: sorted(c.times), load: c.load },
                  ]),
                ),
              ),
              labels: kind.labels,
            }),
          ]),
        ),
      ),
    },
    knowledge: {
      sets: sorted(knowledge.sets),
      cells: sorted(
        Object.fromEntries(
          Object.entries(knowledge.cells).map(([k, c]) => [
            k,
            labelled({ ...c, checks: sorted(c.checks), sop: sorted(c.sop) }),
          ]),
        ),
      ),
    },
  } as LedgerStats;
}
