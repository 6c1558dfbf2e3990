import { describe, expect, it } from 'vitest';
import { CURRENT_INSTRUMENT } from '../../../shared/instrument';
import {
  emptyLedgerStats,
  type LedgerAnswers,
  ledgerDesignFor,
  ledgerIncisions,
  ledgerReport,
  withLedgerIncisions,
} from '../../../shared/ledger';
import type { Recommendation } from '../../../shared/report-model';
import { createAccumulator } from '../../../shared/scoring';
import { LEDGER_DEPARTMENTS, makeResponse } from '../../factories';

const I = CURRENT_INSTRUMENT;
const design = ledgerDesignFor(I, undefined, [...LEDGER_DEPARTMENTS])!;

function tables(ledgers: LedgerAnswers[], k = 5) {
  const acc = createAccumulator(I);
  for (const ledger of ledgers) acc.add(makeResponse({ ledger }));
  return ledgerReport({
    design,
    stats: acc.toStats().ledger ?? emptyLedgerStats(),
    n: ledgers.length,
    minGroupSize: k,
  });
}

const approvals: LedgerAnswers = {
  waiting: [{ kind: 'approval', heldBy: { department: 'Finance' }, days: 3, timesPerMonth: 4 }],
  time: [{ category: 'rework', hoursPerWeek: 6 }],
  knowledge: [{ category: 'pricing', checksPerWeek: 4, sop: 'none' }],
};

const layerRec = (ledger: Recommendation['ledger'], layer: Recommendation['layer']): Recommendation => ({
  layer,
  ledger,
  action: 'start the ledger',
  topic: `${layer}_topic`,
  source: 'layer',
  because: { en: 'the layer at 31', zh: '该层31', de: 'die Ebene bei 31' },
});

describe('a ledger action cites its row', () => {
  const report = tables(Array.from({ length: 12 }, () => approvals));
  const incisions = ledgerIncisions(report, design);

  it('names the ledger, the category and holder, the figure with its unit and the people, in en, zh and de', () => {
    const [rec] = withLedgerIncisions([layerRec('waiting', 'responsibility')], incisions);
    expect(rec!.source).toBe('ledger');
    expect(rec!.because).toEqual({
      en: 'the waiting ledger: Approvals held by Finance, ≈ 140 waiting days a month, a median wait of 3 days (12 people)',
      zh: '等待账本：Finance掌握的审批，约每月140个等待日，等待中位数3个工作日（12人）',
      de: 'das Wartebuch: Freigaben, die bei Finance liegen, ≈ 140 Wartetage im Monat, im Median 3 Arbeitstage Wartezeit (12 Personen)',
    });
    // The layer it replaced is no longer what the action cites.
    expect(rec!.because!.en).not.toContain('layer');
  });

  it('does the same for time sinks, knowledge and the actions that fill free slots', () => {
    const recs = withLedgerIncisions([layerRec('time', 'roles')], incisions, 3);
    expect(recs.map((r) => r.because?.en)).toEqual([
      'the time ledger: Rework, ≈ 72 hours a week in all, a median 6 per person (12 people)',
      'the waiting ledger: Approvals held by Finance, ≈ 140 waiting days a month, a median wait of 3 days (12 people)',
      'the knowledge ledger: Pricing and discounts, ≈ 48 checks with a senior colleague a week in all, a median 4 per person (12 people)',
    ]);
    for (const r of recs) expect(Object.keys(r.because!)).toEqual(['en', 'zh', 'de']);
  });

  it('keeps the layer’s own evidence when the ledger has no shown row', () => {
    const hidden = ledgerIncisions(tables(Array.from({ length: 3 }, () => approvals)), design);
    const [rec] = withLedgerIncisions([layerRec('waiting', 'responsibility')], hidden);
    expect(rec!.because!.en).toBe('the layer at 31');
    expect(rec!.source).toBe('layer');
  });
});
