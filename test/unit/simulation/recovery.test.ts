// Recovery: simulate organisations with known truth, score them with the engine, diagnose them, and count.
// Seeded, so every run sees the same populations; the margins below are set from the sampling error, so a biased
// score, a wrong interval or a broken diagnosis rule fails here (see the last test for one such failure on purpose).

import { afterAll, describe, expect, it } from 'vitest';
import { CASCADE, CURRENT_INSTRUMENT, LAYERS, type Layer } from '../../../shared/instrument';
import type { DiagnosisCode } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { expectedScores, type ProfileName } from '../../../shared/simulation';
import { CODES, type RecoveryRun, runRecovery } from './recovery-harness';

const N = 50;
const POPULATIONS = 200;
const TRAP_OF: Partial<Record<ProfileName, DiagnosisCode>> = {
  cash_rich: 'cash_rich_trap',
  cash_poor: 'cash_poor_trap',
  boss_b: 'boss_b_trap',
  replacement_only: 'replacement_only',
};

const runs = new Map<ProfileName, RecoveryRun>();
const run = (profile: ProfileName, populations = POPULATIONS): RecoveryRun => {
  let r = runs.get(profile);
  if (!r) {
    r = runRecovery(profile, N, populations);
    runs.set(profile, r);
  }
  return r;
};

/** The first break of the truth: the earliest layer in the cascade whose expected score is below 50. */
const trueFirstBreak = (profile: ProfileName): Layer | null => {
  const t = expectedScores(CURRENT_INSTRUMENT, profile).layers;
  return CASCADE.find((l) => t[l] < 50) ?? null;
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

afterAll(() => {
  const rows = [...runs.values()].map(
    (r) =>
      `| ${r.profile} | ${r.populations} | ${CODES.map((c) => pct(r.rates[c])).join(' | ')} | ${pct(r.within5)} | ${r.meanError.toFixed(2)} | ${pct(r.coverage)} | ${pct((r.firstBreak[trueFirstBreak(r.profile) ?? 'none'] ?? 0) / r.populations)} |`,
  );
  console.log(
    [
      `Recovery at n = ${N} (seeded):`,
      `| profile | populations | ${CODES.join(' | ')} | layers within ±5 | mean error | 95% CI coverage | first break = truth |`,
      `|---|---|${CODES.map(() => '---').join('|')}|---|---|---|---|`,
      ...rows,
    ].join('\n'),
  );
});

describe(`recovery at n = ${N}`, () => {
  const profiles: ProfileName[] = ['balanced', 'cash_rich', 'cash_poor', 'boss_b', 'replacement_only'];

  it.each(profiles)('%s: layer scores recover the truth, without bias and with honest intervals', (profile) => {
    const r = run(profile);
    // ±5 points is about two standard errors at n = 50 (respondent sd ≈ 16-18): ~96% expected, not 100%.
    expect(r.within5).toBeGreaterThanOrEqual(0.93);
    expect(Math.abs(r.meanError)).toBeLessThan(0.5);
    for (const l of LAYERS) expect(Math.abs(r.meanErrorByLayer[l])).toBeLessThan(1);
    expect(r.coverage).toBeGreaterThanOrEqual(0.92);
    expect(r.coverage).toBeLessThanOrEqual(0.98);
  });

  it.each(Object.entries(TRAP_OF))('%s: its trap is found in at least 95% of populations', (profile, code) => {
    expect(run(profile as ProfileName).rates[code as DiagnosisCode]).toBeGreaterThanOrEqual(0.95);
  });

  it('balanced: no trap is flagged in more than 5% of populations', () => {
    const r = run('balanced');
    for (const c of CODES) expect(r.rates[c]).toBeLessThanOrEqual(0.05);
  });

  it('middling (everything near the neutral band): no trap flagged in more than 5%, no first break in more than 5%', () => {
    const r = run('middling', 100);
    for (const c of CODES) expect(r.rates[c]).toBeLessThanOrEqual(0.05);
    expect(r.firstBreak.none ?? 0).toBeGreaterThanOrEqual(95);
  });

  it.each(Object.keys(TRAP_OF))(
    '%s: the first break found is the true one in at least 90% of populations',
    (profile) => {
      const p = profile as ProfileName;
      const truth = trueFirstBreak(p);
      expect(truth).not.toBeNull();
      expect((run(p).firstBreak[truth!] ?? 0) / POPULATIONS).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('the same check rejects a pipeline that forgets to flip reverse-worded items', () => {
    const reverse = new Set(CURRENT_INSTRUMENT.items.filter((i) => i.type === 'likert' && i.reverse).map((i) => i.id));
    const unflip = (r: SurveyResponse): SurveyResponse => ({
      ...r,
      answers: Object.fromEntries(
        Object.entries(r.answers).map(([k, v]) => [k, reverse.has(k) && typeof v === 'number' ? 6 - v : v]),
      ),
    });
    const broken = runRecovery('balanced', N, 40, { mutate: unflip });
    const worst = Math.max(...LAYERS.map((l) => Math.abs(broken.meanErrorByLayer[l])));
    expect(worst).toBeGreaterThan(1);
  });
});
