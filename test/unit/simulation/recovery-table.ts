// Prints the simulation tables of docs/METHOD.md §6: `npx tsx test/unit/simulation/recovery-table.ts [section…]`
// with sections truth, recovery, minimum, calibration, firstbreak, bossb, waves, dontknow, alpha, ledger, register
// (default: all).
// Seeded: every run prints the same tables. Several minutes on a laptop; the in-suite checks are smaller copies.

import { CALIBRATION, readinessReport, waveChanges } from '../../../shared/diagnosis';
import { CURRENT_INSTRUMENT, type Instrument, LAYERS } from '../../../shared/instrument';
import type { DiagnosisCode } from '../../../shared/report-model';
import { scoreResponses } from '../../../shared/scoring';
import {
  createRng,
  expectedScores,
  PROFILE_NAMES,
  PROFILES,
  type ProfileName,
  simulatePopulation,
  truthOf,
} from '../../../shared/simulation';
import { CODES, jitteredProfile, type RecoveryRun, runRecovery, type SupportRecord } from './recovery-harness';

const I = CURRENT_INSTRUMENT;
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x * 1000) / 10}%`);
const sections = new Set(process.argv.slice(2));
const want = (s: string) => sections.size === 0 || sections.has(s);
const OWN: Partial<Record<ProfileName, DiagnosisCode[]>> = {
  cash_rich: ['cash_rich_trap'],
  cash_poor: ['cash_poor_trap'],
  boss_b: ['boss_b_trap'],
  replacement_only: ['replacement_only', 'human_exit_missing'],
  klarna_speed: ['human_exit_missing'],
};

const truthFirst = (p: ProfileName, instrument: Instrument = I): string => {
  const t = truthOf(instrument, p);
  return t.firstBreak ?? (t.weakTogether ? `together (${t.weakTogether.join(', ')})` : 'none');
};

/** Worst false-flag rate of any diagnosis in a run, and which. */
function worstFalse(r: RecoveryRun): string {
  let worst: { c: DiagnosisCode; v: number } | null = null;
  for (const c of CODES) {
    const v = r.falseFlags[c];
    if (!Number.isNaN(v) && (worst === null || v > worst.v)) worst = { c, v };
  }
  return worst && worst.v > 0 ? `${pct(worst.v)} (${worst.c})` : '0%';
}

if (want('truth')) {
  console.log('### Truth (expected workforce score under the generating model, instrument 2026.2)\n');
  console.log(
    '| profile | roles | workflows | knowledge | responsibility | governance | first break at truth | diagnoses at truth |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const p of PROFILE_NAMES) {
    const t = expectedScores(I, p).layers;
    const codes = [...truthOf(I, p, { leadershipTruth: undefined }).diagnoses.map((d) => d.code)];
    console.log(
      `| ${p} | ${LAYERS.map((l) => t[l].toFixed(1)).join(' | ')} | ${truthFirst(p)} | ${codes.join(', ') || 'none'}${p === 'boss_b' ? ' (+ boss_b_trap with its leaders)' : ''} |`,
    );
  }
}

if (want('recovery')) {
  for (const n of [20, 50, 100]) {
    const populations = n === 100 ? 100 : 200;
    console.log(`\n### Recovery at n = ${n} (${populations} populations per profile, leadership team of 3)\n`);
    console.log(
      '| profile | own diagnosis found | worst false flag | first break: exact / together / picked / near / wrong / missed | layers within ±5 | mean error | 95% CI coverage |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const p of PROFILE_NAMES) {
      const r = runRecovery(p, n, populations);
      const own = (OWN[p] ?? []).map((c) => `${c} ${pct(r.sensitivity[c])}`).join(', ') || '—';
      const f = r.firstBreak;
      console.log(
        `| ${p} | ${own} | ${worstFalse(r)} | ${pct(f.exact)} / ${pct(f.together)} / ${pct(f.picked)} / ${pct(f.near)} / ${pct(f.wrong)} / ${pct(f.missed)} | ${pct(r.within5)} | ${r.meanError.toFixed(2)} | ${pct(r.coverage)} |`,
      );
    }
  }
}

if (want('minimum')) {
  console.log('\n### The diagnosis minimum: by n, without one (privacy minimum 3)\n');
  console.log(
    'False flag: a diagnosis asserted where it does not truly hold (truth.ts); "worst" is the highest rate of any diagnosis in any profile where at least 50 of its 200 populations do not have it. Coverage: of the layer scores\' 95% intervals, the lowest share covering the truth in any profile. One person decides: of asserted diagnoses, the share that leaving out a single respondent (any one of them) would unmake (40 populations of each trap profile).\n',
  );
  console.log(
    '| n | balanced: any false flag | worst false flag | lowest 95% CI coverage | one person decides | found where it holds (lowest) |',
  );
  console.log('|---|---|---|---|---|---|');
  const falseRate = (r: RecoveryRun, c: DiagnosisCode) =>
    r.populations * (1 - r.truth[c]) >= 50 ? r.falseFlags[c] : Number.NaN;
  for (const n of [3, 5, 8, 10, 12, 15, 18, 20, 25, 30]) {
    const runs = PROFILE_NAMES.map((p) => runRecovery(p, n, 200, { minGroupSize: 3, diagnosisMinN: 0, seed: 7 }));
    const anyRate = (r: RecoveryRun) =>
      Math.max(0, ...CODES.map((c) => falseRate(r, c)).filter((v) => !Number.isNaN(v)));
    const worst = runs
      .flatMap((r) => CODES.map((c) => ({ p: r.profile, c, v: falseRate(r, c) })))
      .filter((x) => !Number.isNaN(x.v))
      .sort((a, b) => b.v - a.v)[0]!;
    const coverage = runs.map((r) => ({ p: r.profile, v: r.coverage })).sort((a, b) => a.v - b.v)[0]!;
    const found = runs.flatMap((r) =>
      (OWN[r.profile as ProfileName] ?? []).map((c) => ({ p: r.profile, c, v: r.sensitivity[c] })),
    );
    const lowest = found.sort((a, b) => a.v - b.v)[0]!;
    const fragile = onePersonDecides(n);
    console.log(
      `| ${n} | ${pct(anyRate(runs[0]!))} | ${pct(worst.v)} (${worst.c} in ${worst.p}) | ${pct(coverage.v)} (${coverage.p}) | ${pct(fragile)} | ${pct(lowest.v)} (${lowest.c} in ${lowest.p}) |`,
    );
  }
}

/** Of diagnoses asserted at n, the share that leaving out some one respondent unmakes (a jackknife of the decision). */
function onePersonDecides(n: number): number {
  let asserted = 0;
  let fragile = 0;
  for (const p of ['cash_rich', 'cash_poor', 'boss_b', 'replacement_only', 'klarna_speed'] as const) {
    for (let i = 0; i < 40; i++) {
      const pop = simulatePopulation(I, p, { n, seed: 31_000 + i });
      const leadership = scoreResponses(I, pop.leadership);
      const diagnose = (rs: typeof pop.workforce) =>
        new Set(
          readinessReport({
            instrument: I,
            workforce: scoreResponses(I, rs),
            leadership,
            byLevel: {},
            profile: null,
            minGroupSize: 3,
            diagnosisMinN: 0,
          }).diagnoses.map((d) => d.code),
        );
      const full = diagnose(pop.workforce);
      if (full.size === 0) continue;
      const unmade = new Set<DiagnosisCode>();
      for (let j = 0; j < pop.workforce.length; j++) {
        const without = diagnose(pop.workforce.filter((_, k) => k !== j));
        for (const c of full) if (!without.has(c)) unmade.add(c);
      }
      asserted += full.size;
      fragile += unmade.size;
    }
  }
  return asserted === 0 ? Number.NaN : fragile / asserted;
}

/** The profiles jittered organisations start from, and the sizes they are drawn at (calibration and register). */
const JITTER_BASES: readonly ProfileName[] = [
  'balanced',
  'middling',
  'cash_rich',
  'cash_poor',
  'boss_b',
  'replacement_only',
  'klarna_speed',
  'overlap',
];
const JITTER_SIZES = [20, 25, 35, 50, 100];

/** Support records from jittered organisations at several sizes: the calibration data. */
function calibrationData(seed: number, perBase: number, ledgers = false): SupportRecord[] {
  const rng = createRng(seed);
  const bases = JITTER_BASES;
  const sizes = JITTER_SIZES;
  const records: SupportRecord[] = [];
  for (const base of bases) {
    for (let j = 0; j < perBase; j++) {
      const profile = jitteredProfile(PROFILES[base], () => rng.uniform());
      const n = sizes[j % sizes.length]!;
      const r = runRecovery(profile, n, 4, { seed: seed * 1000 + j, leadershipN: j % 2 === 0 ? 3 : 1, ledgers });
      records.push(...r.supports);
    }
  }
  return records;
}

const BINS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];

function binned(records: SupportRecord[], key: 'support' | 'confidence') {
  return BINS.slice(0, -1).map((lo, i) => {
    const hi = BINS[i + 1]!;
    const inBin = records.filter((r) => r[key] >= lo && r[key] < hi);
    const truthShare = inBin.length ? inBin.filter((r) => r.truth).length / inBin.length : Number.NaN;
    const mean = inBin.length ? inBin.reduce((a, r) => a + r[key], 0) / inBin.length : Number.NaN;
    return { lo, hi, count: inBin.length, truthShare, mean };
  });
}

if (want('calibration')) {
  console.log('\n### Calibration: raw joint support against how often the pattern truly holds\n');
  const fit = calibrationData(101, 150);
  const bins = binned(fit, 'support');
  // Pool adjacent violators: the calibrated value never falls as support rises.
  const pooled = bins.map((b) => ({ ...b, value: b.truthShare, weight: b.count }));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i + 1 < pooled.length; i++) {
      const a = pooled[i]!;
      const b = pooled[i + 1]!;
      if (a.weight > 0 && b.weight > 0 && a.value > b.value) {
        const v = (a.value * a.weight + b.value * b.weight) / (a.weight + b.weight);
        a.value = v;
        b.value = v;
        changed = true;
      }
    }
  }
  console.log('| raw support | asserted | truly hold | calibrated |');
  console.log('|---|---|---|---|');
  for (const b of pooled)
    console.log(`| ${b.lo}–${Math.min(1, b.hi)} | ${b.count} | ${pct(b.truthShare)} | ${pct(b.value)} |`);
  console.log('\nIn code (calibration.ts):');
  console.log(
    pooled
      .map(
        (b) =>
          `{ below: ${b.hi >= 1 ? 'Number.POSITIVE_INFINITY' : b.hi}, confidence: ${(Math.floor(b.value * 100) / 100).toFixed(2)} }`,
      )
      .join(',\n'),
  );
  console.log(`\nNow in calibration.ts: ${CALIBRATION.map((c) => c.confidence).join(', ')}`);
  console.log('\n### Calibration check on fresh populations (another seed): shown confidence against truth\n');
  const check = calibrationData(202, 100);
  console.log('| shown confidence | asserted | mean shown | truly hold |');
  console.log('|---|---|---|---|');
  for (const b of binned(check, 'confidence'))
    if (b.count > 0)
      console.log(`| ${b.lo}–${Math.min(1, b.hi)} | ${b.count} | ${pct(b.mean)} | ${pct(b.truthShare)} |`);
}

if (want('firstbreak')) {
  console.log('\n### First break under overlap and at large n\n');
  console.log('| profile | n | populations | exact | together | picked | near | wrong | missed | named |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [p, n, pops] of [
    ['overlap', 50, 100],
    ['overlap', 200, 40],
    ['far_apart', 50, 100],
    ['far_apart', 1500, 10],
    ['cash_rich', 200, 40],
  ] as const) {
    const r = runRecovery(p, n, pops);
    const f = r.firstBreak;
    const named = Object.entries(r.named)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${p} | ${n} | ${pops} | ${pct(f.exact)} | ${pct(f.together)} | ${pct(f.wrong)} | ${pct(f.missed)} | ${named} |`,
    );
  }
}

if (want('bossb')) {
  console.log('\n### Boss B with a single executive answering (n = 50, 200 populations)\n');
  console.log('| profile | asserted | truly holds | false flags |');
  console.log('|---|---|---|---|');
  for (const p of ['balanced', 'middling', 'cash_poor', 'boss_b'] as const) {
    const r = runRecovery(p, 50, 200, { leadershipN: 1 });
    console.log(
      `| ${p} | ${pct(r.rates.boss_b_trap)} | ${pct(r.truth.boss_b_trap)} | ${pct(r.falseFlags.boss_b_trap)} |`,
    );
  }
}

if (want('waves')) {
  console.log('\n### Wave-over-wave change with no true change (two waves of the same profile)\n');
  console.log('| profile | n per wave | pairs | some layer moves ≥ 5 points | some measure marked beyond noise |');
  console.log('|---|---|---|---|---|');
  for (const [p, n] of [
    ['middling', 20],
    ['middling', 50],
    ['cash_poor', 30],
    ['balanced', 100],
  ] as const) {
    let moved = 0;
    let marked = 0;
    const pairs = 200;
    for (let i = 0; i < pairs; i++) {
      const a = scoreResponses(I, simulatePopulation(I, p, { n, seed: 5000 + 2 * i }).workforce);
      const b = scoreResponses(I, simulatePopulation(I, p, { n, seed: 5001 + 2 * i }).workforce);
      if (LAYERS.some((l) => Math.abs((b.layers[l].score ?? 0) - (a.layers[l].score ?? 0)) >= 5)) moved++;
      const changes = waveChanges({ ...a.layers, ...a.signals }, { ...b.layers, ...b.signals });
      if (Object.values(changes).some((d) => d.beyondNoise)) marked++;
    }
    console.log(`| ${p} | ${n} | ${pairs} | ${pct(moved / pairs)} | ${pct(marked / pairs)} |`);
  }
  console.log('\n### Wave-over-wave change with a true change (cash_poor, then every layer 8 points up)\n');
  let found = 0;
  const pairs = 100;
  const better = {
    ...PROFILES.cash_poor,
    layers: Object.fromEntries(LAYERS.map((l) => [l, PROFILES.cash_poor.layers[l] + 8])),
  } as never;
  for (let i = 0; i < pairs; i++) {
    const a = scoreResponses(I, simulatePopulation(I, 'cash_poor', { n: 100, seed: 7000 + i }).workforce);
    const b = scoreResponses(I, simulatePopulation(I, better, { n: 100, seed: 8000 + i }).workforce);
    if (Object.values(waveChanges(a.layers, b.layers)).some((d) => d.beyondNoise)) found++;
  }
  console.log(`n = 100 per wave: a layer marked as changed in ${pct(found / pairs)} of ${pairs} pairs.`);
}

if (want('dontknow')) {
  console.log('\n### "Don\'t know" on the hard governance items (dk_hard, 200 populations of 50)\n');
  const respondentMeans: Instrument = { ...I, scoring: 'respondent-means' };
  const truth = expectedScores(I, 'dk_hard').layers.governance;
  console.log('| scoring | mean governance score | truth | mean error | 95% CI coverage |');
  console.log('|---|---|---|---|---|');
  for (const [name, inst] of [
    ['respondent-means (2026.1 method)', respondentMeans],
    ['item-means (2026.2)', I],
  ] as const) {
    let sum = 0;
    let covered = 0;
    for (let i = 0; i < 200; i++) {
      const g = scoreResponses(inst, simulatePopulation(I, 'dk_hard', { n: 50, seed: 9000 + i }).workforce).layers
        .governance;
      sum += g.score!;
      if (g.ci95 && g.ci95[0] <= truth && truth <= g.ci95[1]) covered++;
    }
    console.log(
      `| ${name} | ${(sum / 200).toFixed(1)} | ${truth.toFixed(1)} | ${(sum / 200 - truth).toFixed(1)} | ${pct(covered / 200)} |`,
    );
  }
}

if (want('alpha')) {
  console.log(
    '\n### Alpha under "don\'t know" (n = 40, 200 populations of the balanced profile, 10% don\'t know per item)\n',
  );
  console.log('| method | layers with an alpha | mean alpha | marked unstable |');
  console.log('|---|---|---|---|');
  for (const [name, inst] of [
    ['complete cases (2026.1 method)', { ...I, scoring: 'respondent-means' } as Instrument],
    ['pairwise (2026.2)', I],
  ] as const) {
    let shown = 0;
    let total = 0;
    let unstable = 0;
    let sum = 0;
    for (let i = 0; i < 200; i++) {
      const r = scoreResponses(
        inst,
        simulatePopulation(I, 'balanced', { n: 40, seed: 11000 + i, noise: { dontKnow: 0.1 } }).workforce,
      );
      for (const l of LAYERS) {
        total++;
        const a = r.layers[l].alpha;
        if (a !== null) {
          shown++;
          sum += a;
          if (r.layers[l].alphaUnstable) unstable++;
        }
      }
    }
    console.log(
      `| ${name} | ${pct(shown / total)} | ${shown ? (sum / shown).toFixed(2) : '—'} | ${pct(unstable / Math.max(1, shown))} |`,
    );
  }
}

if (want('ledger')) {
  console.log('\n### The ledgers as evidence: the same populations with and without the ledgers they keep\n');
  console.log(
    '| profile | n | own diagnosis found, survey only → with ledgers | worst false flag with ledgers | mean confidence, survey only → with ledgers |',
  );
  console.log('|---|---|---|---|---|');
  for (const p of ['balanced', 'middling', 'cash_poor', 'boss_b', 'overlap', 'cash_rich'] as const)
    for (const n of [20, 50]) {
      const a = runRecovery(p, n, 200, { seed: 31 });
      const b = runRecovery(p, n, 200, { seed: 31, ledgers: true });
      const own = OWN[p] ?? [];
      const found = own.length ? own.map((c) => `${pct(a.sensitivity[c])} → ${pct(b.sensitivity[c])}`).join(', ') : '—';
      const meanConf = (r: RecoveryRun) =>
        r.supports.length ? (r.supports.reduce((t, x) => t + x.confidence, 0) / r.supports.length).toFixed(2) : '—';
      const raised = `${meanConf(a)} → ${meanConf(b)}`;
      console.log(`| ${p} | ${n} | ${found} | ${worstFalse(b)} | ${raised} |`);
    }
  console.log('\n### Calibration check (seed 202): shown confidence against truth, survey only and with ledgers\n');
  const without = binned(calibrationData(202, 100), 'confidence');
  const withLedgers = binned(calibrationData(202, 100, true), 'confidence');
  console.log(
    '| shown confidence | asserted, survey only | truly hold | asserted, with ledgers | mean shown | truly hold |',
  );
  console.log('|---|---|---|---|---|---|');
  withLedgers.forEach((b, i) => {
    const a = without[i]!;
    if (a.count + b.count > 0)
      console.log(
        `| ${b.lo}–${Math.min(1, b.hi)} | ${a.count} | ${pct(a.truthShare)} | ${b.count} | ${pct(b.mean)} | ${pct(b.truthShare)} |`,
      );
  });
}

if (want('register')) {
  // The two patterns the register speaks to, from the survey alone, with a register that follows the truth, and
  // with one that records every gap whatever the truth (the most misleading register for sound safeguards).
  const codes = ['replacement_only', 'human_exit_missing'] as const;
  const modes = [undefined, 'truth', 'gaps'] as const;
  console.log(
    '\n### The stage-two register as evidence: survey only → register follows the truth → every gap recorded\n',
  );
  console.log(
    '| profile | n | replacement-only asserted | human exit asserted | truly hold (replacement-only, human exit) |',
  );
  console.log('|---|---|---|---|---|');
  const profiles = [
    'replacement_only',
    'klarna_speed',
    'balanced',
    'middling',
    'cash_poor',
    'boss_b',
    'overlap',
    'dk_hard',
  ] as const;
  for (const p of profiles)
    for (const n of [20, 50]) {
      const runs = modes.map((register) => runRecovery(p, n, 200, { seed: 53, ...(register ? { register } : {}) }));
      const cell = (c: (typeof codes)[number]) => runs.map((r) => pct(r.rates[c])).join(' → ');
      const truth = codes.map((c) => pct(runs[0]!.truth[c])).join(', ');
      console.log(`| ${p} | ${n} | ${cell('replacement_only')} | ${cell('human_exit_missing')} | ${truth} |`);
    }
  console.log('\n### The register on jittered organisations (seed 203, as §6.5): the two patterns only\n');
  // One pass per mode over the same organisations: error rates against the truth, and the calibration data.
  const rng0 = 203;
  const perMode = modes.map((register) => {
    const rng = createRng(rng0);
    const count = { truth: 0, notTruth: 0, hit: 0, falseFlag: 0 };
    const supports: SupportRecord[] = [];
    const bases = JITTER_BASES;
    const sizes = JITTER_SIZES;
    for (const base of bases)
      for (let j = 0; j < 100; j++) {
        const profile = jitteredProfile(PROFILES[base], () => rng.uniform());
        const r = runRecovery(profile, sizes[j % sizes.length]!, 4, {
          seed: rng0 * 1000 + j,
          leadershipN: j % 2 === 0 ? 3 : 1,
          ...(register ? { register } : {}),
        });
        for (const c of codes) {
          const t = r.truth[c] * r.populations;
          count.truth += t;
          count.notTruth += r.populations - t;
          count.hit += Number.isNaN(r.sensitivity[c]) ? 0 : r.sensitivity[c] * t;
          count.falseFlag += Number.isNaN(r.falseFlags[c]) ? 0 : r.falseFlags[c] * (r.populations - t);
        }
        supports.push(...r.supports.filter((x) => (codes as readonly string[]).includes(x.code)));
      }
    return { count, bins: binned(supports, 'confidence') };
  });
  console.log('| register | found where it truly holds | asserted where it does not | asserted in all |');
  console.log('|---|---|---|---|');
  perMode.forEach((m, i) => {
    const c = m.count;
    const name = modes[i] ?? 'none (survey only)';
    console.log(
      `| ${name} | ${pct(c.hit / c.truth)} (${Math.round(c.hit)} of ${Math.round(c.truth)}) | ${pct(c.falseFlag / c.notTruth)} (${Math.round(c.falseFlag)} of ${Math.round(c.notTruth)}) | ${Math.round(c.hit + c.falseFlag)} |`,
    );
  });
  console.log(
    '\n| shown confidence | asserted, survey only | truly hold | asserted, register follows truth | truly hold | asserted, every gap | truly hold |',
  );
  console.log('|---|---|---|---|---|---|---|');
  perMode[0]!.bins.forEach((b, i) => {
    const row = perMode.map((d) => d.bins[i]!);
    if (row.some((x) => x.count > 0))
      console.log(
        `| ${b.lo}–${Math.min(1, b.hi)} | ${row.map((x) => `${x.count} | ${pct(x.truthShare)}`).join(' | ')} |`,
      );
  });
}
