// The sufficient statistics computed straight from raw responses, written apart from the engine's compiled loop (no
// plan, no flat buffer, no sign), so tests can check the accumulator's integers exactly rather than through a report.
import { type ChoiceSignalItem, type Instrument, isLikert, LAYERS, type LikertItem } from '../../../shared/instrument';
import type { SurveyResponse } from '../../../shared/response';
import { type GroupStats, qualityFlags, type ScaleStats } from '../../../shared/scoring';
import { directLedgerStats } from '../ledger/direct-ledger';

const zeros = (length: number) => Array.from({ length }, () => 0);

function directScaleStats(items: LikertItem[], responses: SurveyResponse[]): ScaleStats {
  const k = items.length;
  const s: ScaleStats = {
    respondents: { n: zeros(k + 1), sum: zeros(k + 1), sumSq: zeros(k + 1) },
    items: { n: zeros(k), sum: zeros(k), sumSq: zeros(k) },
    complete: { n: 0, sum: zeros(k), cross: items.map((_, i) => zeros(k - i)) },
    dontKnow: 0,
    answers: 0,
    values: items.map(() => zeros(5)),
    itemDontKnow: zeros(k),
    itemAnswers: zeros(k),
    pairs: items.flatMap((_, i) => items.slice(i + 1).map(() => zeros(6))),
  };
  for (const r of responses) {
    // undefined: not answered; null: don't know; else the value with reverse-worded items flipped.
    const row = items.map((item) => {
      const a = r.answers[item.id];
      if (a === undefined) return undefined;
      if (a === 'dk') return null;
      return item.reverse ? 6 - (a as number) : (a as number);
    });
    s.answers += row.filter((v) => v !== undefined).length;
    s.dontKnow += row.filter((v) => v === null).length;
    row.forEach((v, i) => {
      if (v !== undefined) s.itemAnswers[i]!++;
      if (v === null) s.itemDontKnow[i]!++;
    });
    const values = row.filter((v): v is number => typeof v === 'number');
    const m = values.length;
    if (k === 0 || m < k / 2) continue;
    const total = values.reduce((a, b) => a + b, 0);
    s.respondents.n[m]!++;
    s.respondents.sum[m]! += total;
    s.respondents.sumSq[m]! += total * total;
    row.forEach((v, i) => {
      if (typeof v !== 'number') return;
      s.items.n[i]!++;
      s.items.sum[i]! += v;
      s.items.sumSq[i]! += v * v;
      s.values[i]![v - 1]!++;
    });
    let pair = 0;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++, pair++) {
        const [x, y] = [row[i], row[j]];
        if (typeof x !== 'number' || typeof y !== 'number') continue;
        const p = s.pairs[pair]!;
        p[0]!++;
        p[1]! += x;
        p[2]! += y;
        p[3]! += x * x;
        p[4]! += y * y;
        p[5]! += x * y;
      }
    }
    if (m < k) continue;
    s.complete.n++;
    for (let i = 0; i < k; i++) {
      s.complete.sum[i]! += values[i]!;
      for (let j = i; j < k; j++) s.complete.cross[i]![j - i]! += values[i]! * values[j]!;
    }
  }
  return s;
}

export function directStats(instrument: Instrument, responses: SurveyResponse[], excludeFlagged = false): GroupStats {
  const flags = responses.map((r) => qualityFlags(instrument, r));
  const isFlagged = (i: number) => flags[i]!.straightLining || flags[i]!.tooFast;
  const scored = responses.filter((_, i) => !(excludeFlagged && isFlagged(i)));
  const likert = instrument.items.filter(isLikert);
  // Independent of the engine's plan: the choice items found by their signal, the signals by their items.
  const choice = (signal: string) =>
    instrument.items.find((i): i is ChoiceSignalItem => i.type === 'choice' && i.signal === signal);
  const choiceCounts = (item: ChoiceSignalItem) =>
    Object.fromEntries(item.options.map((o) => [o.id, scored.filter((r) => r.answers[item.id] === o.id).length]));
  const signalKeys = [...new Set(likert.flatMap((i) => ('signal' in i ? [i.signal] : [])))];
  const capacityItem = choice('capacity_decision')!;
  const decidedItem = choice('capacity_decided');
  const ledger = instrument.ledger ? directLedgerStats(instrument.ledger, scored) : undefined;
  return {
    instrument: { id: instrument.id, version: instrument.version },
    excludeFlagged,
    n: scored.length,
    layers: Object.fromEntries(
      LAYERS.map((l) => [
        l,
        directScaleStats(
          likert.filter((i) => 'layer' in i && i.layer === l),
          scored,
        ),
      ]),
    ) as GroupStats['layers'],
    signals: Object.fromEntries(
      signalKeys.map((s) => [
        s,
        directScaleStats(
          likert.filter((i) => 'signal' in i && i.signal === s),
          scored,
        ),
      ]),
    ) as GroupStats['signals'],
    capacity: choiceCounts(capacityItem),
    quality: {
      flagged: flags.filter((_, i) => isFlagged(i)).length,
      straightLining: flags.filter((f) => f.straightLining).length,
      tooFast: flags.filter((f) => f.tooFast).length,
    },
    ...(decidedItem ? { decided: choiceCounts(decidedItem) } : {}),
    ...(ledger ? { ledger } : {}),
  };
}
