// The contradictions and misses of issue 12, each from a generated CSV scored end to end by `orgos score`, as a
// consultant would: every case below gave a wrong or self-contradictory report before this release.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/main';
import { CORE_INSTRUMENT, CURRENT_INSTRUMENT, type Instrument, isLikert } from '../../../shared/instrument';
import type { ReadinessReport } from '../../../shared/report-model';
import type { SurveyResponse } from '../../../shared/response';
import { PROFILES, simulatePopulation, simulationCsv, type TrapProfile } from '../../../shared/simulation';

const dir = mkdtempSync(join(tmpdir(), 'orgos-contradictions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function csv(instrument: Instrument, responses: SurveyResponse[]): string {
  const path = join(dir, `answers-${++files}.csv`);
  writeFileSync(path, simulationCsv(instrument, responses));
  return path;
}

type Report = ReadinessReport & { suppressed: boolean };

async function orgos(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, stdout };
}

async function score(
  instrument: Instrument,
  responses: SurveyResponse[],
  options: { leadership?: SurveyResponse[]; minGroup?: number } = {},
): Promise<Report> {
  const args = ['score', csv(instrument, responses), '--json', '--instrument', instrument.version];
  if (options.leadership) args.push('--leadership', csv(instrument, options.leadership));
  if (options.minGroup) args.push('--min-group', String(options.minGroup));
  const { code, stdout } = await orgos(...args);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Report;
}

async function page(instrument: Instrument, responses: SurveyResponse[]): Promise<string> {
  const { code, stdout } = await orgos(
    'score',
    csv(instrument, responses),
    '--html',
    '--instrument',
    instrument.version,
  );
  expect(code).toBe(0);
  return stdout;
}

const codes = (r: Report) => (r.diagnoses ?? []).map((d) => d.code).sort();
/** Every sentence the report writes, in English. */
const prose = (r: Report) =>
  [
    ...(r.diagnoses ?? []).map((d) => d.explanation),
    ...(r.findings ?? []).map((f) => f.text.en),
    ...(r.diagnosisNotes ?? []),
    ...(r.recommendations ?? []).map((x) => x.action),
  ].join('\n');

const profile = (base: keyof typeof PROFILES, changes: Partial<TrapProfile>): TrapProfile => ({
  ...PROFILES[base],
  ...changes,
});

describe('cash-rich and replacement-only are exclusive by meaning', () => {
  // Heavy investment, weak responsibility and governance, freed capacity decided for cost (lower costs and fewer
  // people together 65%): a replacement story. Before, 2026.2's two cost options each fell under 40% and the report
  // also called it a decision vacuum.
  const costDecided = profile('replacement_only', {
    layers: { roles: 46, workflows: 37, knowledge: 56, responsibility: 34, governance: 32 },
    signals: { ...PROFILES.replacement_only.signals, investment: 76 },
    capacity: {
      profit: 0.45,
      headcount_only: 0.2,
      customer_experience: 0.05,
      organisational_learning: 0.04,
      undecided: 0.26,
    },
  });

  it('2026.2: a decision for cost is replacement-only, never also "no decision"', async () => {
    const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, costDecided, { n: 120, seed: 3, leadershipN: 0 });
    const r = await score(CURRENT_INSTRUMENT, workforce);
    expect(codes(r)).toContain('replacement_only');
    expect(codes(r)).not.toContain('cash_rich_trap');
  });

  it('2026.1: 44% "nothing decided" and 54% naming cost is a vacuum, and the report never says both stories', async () => {
    // The capacity answers set by rank, so the shares are exact: 44% "nothing decided, or not told", 36% lower
    // costs, 18% cutting headcount, 2% customers.
    const { workforce } = simulatePopulation(CORE_INSTRUMENT, costDecided, { n: 200, seed: 4, leadershipN: 0 });
    const answered = workforce.map((r, i) => {
      const u = i / workforce.length;
      const use = u < 0.44 ? 'undecided' : u < 0.8 ? 'profit' : u < 0.98 ? 'headcount_only' : 'customer_experience';
      return { ...r, answers: { ...r.answers, sig_capacity_use: use } };
    });
    const r = await score(CORE_INSTRUMENT, answered);
    expect(codes(r)).toContain('cash_rich_trap');
    expect(codes(r)).not.toContain('replacement_only');
    const text = prose(r);
    expect(text).toMatch(/nothing has been decided/);
    expect(text).not.toMatch(/of staff name lower costs or (fewer people|headcount cuts) as what freed time is for/);
  });
});

describe("Klarna's human exit", () => {
  it('faster, better service with safeguards near 21 is a finding with its incision, whatever the destination', async () => {
    const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, 'klarna_speed', { n: 80, seed: 5, leadershipN: 0 });
    const r = await score(CURRENT_INSTRUMENT, workforce);
    expect(codes(r)).toEqual(['human_exit_missing']);
    const d = r.diagnoses.find((x) => x.code === 'human_exit_missing')!;
    expect(d.explanation).toMatch(/customers must always be able to reach a human/);
    expect(d.explanation).toMatch(/faster and better service included/);
    expect(d.explanations?.zh).toMatch(/客户必须随时能找到真人/);
    expect(d.explanations?.de).toMatch(/einen Menschen erreichen/);
    const action = r.recommendations.find((x) => x.code === 'human_exit_missing');
    expect(action?.action).toMatch(/reach a person.*complex, emotional, money and credit cases.*bring people back/);
  });
});

describe('replacement-only needs a replacement', () => {
  // Cash-poor, capacity "for cost", safeguards and governance low, but nobody says AI took over any work.
  const nothingReplaced = profile('cash_poor', {
    signals: { ...PROFILES.cash_poor.signals, human_safeguards: 26, work_replaced: 20 },
    layers: { ...PROFILES.cash_poor.layers, governance: 32 },
    capacity: {
      profit: 0.5,
      headcount_only: 0.22,
      customer_experience: 0.05,
      organisational_learning: 0.03,
      undecided: 0.2,
    },
  });

  it('2026.2: not asserted where work_replaced is low, and nothing says "the savings can be real"', async () => {
    const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, nothingReplaced, { n: 120, seed: 6, leadershipN: 0 });
    const r = await score(CURRENT_INSTRUMENT, workforce);
    expect(codes(r)).toContain('cash_poor_trap');
    expect(codes(r)).not.toContain('replacement_only');
    expect(prose(r)).not.toMatch(/savings can be real/);
  });

  it('2026.1: operating impact stands in, and a cash-poor company with no impact is not replacement-only', async () => {
    const { workforce } = simulatePopulation(CORE_INSTRUMENT, nothingReplaced, { n: 120, seed: 7, leadershipN: 0 });
    const r = await score(CORE_INSTRUMENT, workforce);
    expect(codes(r)).toContain('cash_poor_trap');
    expect(codes(r)).not.toContain('replacement_only');
  });
});

describe('what the answers themselves say', () => {
  const allDontKnow = (n: number): SurveyResponse[] =>
    Array.from({ length: n }, (_, i) => ({
      answers: Object.fromEntries(
        CURRENT_INSTRUMENT.items.map((item) => [item.id, isLikert(item) ? 'dk' : item.options.at(-1)!.id]),
      ),
      level: 'frontline',
      department: i % 2 === 0 ? 'Sales' : 'Support',
      durationS: 300,
    }));

  it('all "don\'t know" is the finding, not "too few respondents" and not "no layer is weak"', async () => {
    const r = await score(CURRENT_INSTRUMENT, allDontKnow(30));
    const f = r.findings?.find((x) => x.code === 'practices_invisible');
    expect(f?.lead).toBe(true);
    expect(f?.text.en).toMatch(/^Nobody can say whether these practices exist/);
    expect(prose(r)).not.toMatch(/fewer than 5 respondents/);
    const html = await page(CURRENT_INSTRUMENT, allDontKnow(30));
    expect(html).not.toMatch(/No layer is clearly weak/);
    expect(html).toMatch(/Nobody can say whether these practices exist/);
  });

  it('a file of straight-liners leads with them and withholds the diagnosis', async () => {
    const straight = Array.from(
      { length: 40 },
      (_, i): SurveyResponse => ({
        answers: Object.fromEntries(
          CURRENT_INSTRUMENT.items.map((item) => [item.id, isLikert(item) ? 4 : item.options[0]!.id]),
        ),
        level: 'frontline',
        department: i % 2 === 0 ? 'Sales' : 'Support',
        durationS: 300,
      }),
    );
    const r = await score(CURRENT_INSTRUMENT, straight);
    expect(r.findings?.[0]).toMatchObject({ code: 'careless_responses', lead: true });
    expect(r.findings?.[0]?.text.en).toMatch(/^40 of 40 responses \(100%\) are flagged as careless/);
    expect(r.diagnosisWithheld).toBe('flagged_responses');
    expect(r.diagnoses).toEqual([]);
    expect(Object.values(r.layerVerdicts ?? {})).not.toContain('sound');
    const html = await page(CURRENT_INSTRUMENT, straight);
    expect(html.indexOf('flagged as careless')).toBeGreaterThan(-1);
    expect(html.indexOf('flagged as careless')).toBeLessThan(html.indexOf('id="layers"'));
  });
});

describe('a diagnosis minimum apart from the privacy minimum', () => {
  it('three identical cash-poor answers at --min-group 3 show scores but are too few to diagnose', async () => {
    const [one] = simulatePopulation(CURRENT_INSTRUMENT, 'cash_poor', { n: 40, seed: 8 }).workforce.filter(
      (r) => r.answers.sig_tools_provided === 1,
    );
    const three = [one!, one!, one!];
    const r = await score(CURRENT_INSTRUMENT, three, { minGroup: 3 });
    expect(r.suppressed).toBe(false);
    expect(r.layers.knowledge.score).not.toBeNull();
    expect(r.diagnoses).toEqual([]);
    expect(r.diagnosisWithheld).toBe('too_few_responses');
    expect(r.findings?.[0]?.text.en).toMatch(/^Too few responses to diagnose: 3 answered/);
  });

  it('confidence is calibrated and never printed as 100%', async () => {
    const { workforce } = simulatePopulation(CURRENT_INSTRUMENT, 'cash_poor', { n: 200, seed: 9, leadershipN: 0 });
    const r = await score(CURRENT_INSTRUMENT, workforce);
    const d = r.diagnoses.find((x) => x.code === 'cash_poor_trap')!;
    expect(d.confidence).toBeLessThan(1);
    expect(d.likelihood).toBe('very_likely');
    const html = await page(CURRENT_INSTRUMENT, workforce);
    expect(html).not.toMatch(/Confidence 100%/);
    expect(html).toMatch(/very likely/);
  });
});
