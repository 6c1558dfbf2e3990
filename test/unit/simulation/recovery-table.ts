// Prints the recovery tables of docs/METHOD.md: `npx tsx test/unit/simulation/recovery-table.ts` (about half a minute).

import { CASCADE, CURRENT_INSTRUMENT, type Layer } from '../../../shared/instrument';
import { expectedScores, PROFILE_NAMES, type ProfileName } from '../../../shared/simulation';
import { CODES, runRecovery } from './recovery-harness';

const POPULATIONS = 200;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const trueFirstBreak = (p: ProfileName): Layer | 'none' =>
  CASCADE.find((l) => expectedScores(CURRENT_INSTRUMENT, p).layers[l] < 50) ?? 'none';

console.log('### Truth (expected workforce score under the generating model)\n');
console.log('| profile | roles | workflows | knowledge | responsibility | governance | true first break |');
console.log('|---|---|---|---|---|---|---|');
for (const p of PROFILE_NAMES) {
  const t = expectedScores(CURRENT_INSTRUMENT, p).layers;
  console.log(
    `| ${p} | ${t.roles.toFixed(1)} | ${t.workflows.toFixed(1)} | ${t.knowledge.toFixed(1)} | ${t.responsibility.toFixed(1)} | ${t.governance.toFixed(1)} | ${trueFirstBreak(p)} |`,
  );
}

for (const n of [10, 20, 50, 100]) {
  console.log(`\n### n = ${n} (${POPULATIONS} populations per profile, leadership team of 3)\n`);
  console.log(
    `| profile | ${CODES.join(' | ')} | none | first break = truth | any layer < 50 | layers within ±5 | mean error | CI coverage |`,
  );
  console.log(`|---|${CODES.map(() => '---').join('|')}|---|---|---|---|---|---|`);
  for (const p of PROFILE_NAMES) {
    const r = runRecovery(p, n, POPULATIONS);
    const fb = (r.firstBreak[trueFirstBreak(p)] ?? 0) / POPULATIONS;
    console.log(
      `| ${p} | ${CODES.map((c) => pct(r.rates[c])).join(' | ')} | ${pct(r.none)} | ${pct(fb)} | ${pct(r.anyPointBelow50)} | ${pct(r.within5)} | ${r.meanError.toFixed(2)} | ${pct(r.coverage)} |`,
    );
  }
}

console.log(`\n### Boss B with a single executive answering (n = 50, ${POPULATIONS} populations)\n`);
console.log(`| profile | boss_b_trap |`);
console.log('|---|---|');
for (const p of ['balanced', 'middling', 'cash_poor', 'boss_b'] as const) {
  const r = runRecovery(p, 50, POPULATIONS, { leadershipN: 1 });
  console.log(`| ${p} | ${pct(r.rates.boss_b_trap)} |`);
}
