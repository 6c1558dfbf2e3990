// Test data: small factories with overrides, a seeded generator for realistic groups, and a fast-check arbitrary.
import * as fc from 'fast-check';
import {
  type CapacityMeaning,
  type ChoiceSignalItem,
  CURRENT_INSTRUMENT,
  DONT_KNOW,
  type Instrument,
  isLikert,
  type Layer,
  LEVELS,
  type LedgerRange,
  type Level,
  type LikertSignal,
} from '../shared/instrument';
import type { LedgerAnswers, WaitHolder } from '../shared/ledger';
import type { Answers, SurveyResponse } from '../shared/response';
import { mulberry32 } from '../shared/simulation/prng';

// 2026.1's capacity options by meaning, so tests written with them answer any version the same way.
const MEANING_OF_2026_1: Record<string, CapacityMeaning> = {
  profit: 'cost',
  headcount_only: 'cost',
  customer_experience: 'growth',
  organisational_learning: 'learning',
  undecided: 'undecided',
};

/**
 * An answer to a choice item of any version: `wanted` as given when it is one of the item's options; else read as a
 * meaning (a capacity meaning, or a 2026.1 option id standing for its meaning) and answered with the item's first option
 * of that meaning. For "has leadership decided", a destination means decided and told, "undecided" not decided.
 */
export function choiceAnswer(item: ChoiceSignalItem, wanted: string): string {
  if (item.options.some((o) => o.id === wanted)) return wanted;
  const meaning = MEANING_OF_2026_1[wanted] ?? (wanted as CapacityMeaning);
  const decided = meaning === 'undecided' ? 'not_decided' : meaning === 'unknown' ? 'unknown' : 'told';
  const option = item.options.find((o) => o.meaning === (item.signal === 'capacity_decided' ? decided : meaning));
  if (!option) throw new Error(`item ${item.id} has no option for "${wanted}"`);
  return option.id;
}

/** A decided, people-facing answer to a choice item: a growth destination, or "decided, and we were told". */
const positiveChoice = (item: ChoiceSignalItem): string => choiceAnswer(item, 'growth');

/**
 * Every item answered as a moderately positive, attentive respondent would: agree (4) with layer items, disagree (2)
 * with the reverse-worded ones, neutral (3) on signals, customers or growth for freed capacity (decided and told).
 * Not straight-lined.
 */
export function baseAnswers(instrument: Instrument = CURRENT_INSTRUMENT): Answers {
  const answers: Answers = {};
  for (const item of instrument.items) {
    if (!isLikert(item)) answers[item.id] = positiveChoice(item);
    else if ('layer' in item) answers[item.id] = item.reverse ? 2 : 4;
    else answers[item.id] = 3;
  }
  return answers;
}

/**
 * A valid response for CURRENT_INSTRUMENT. Overrides replace fields wholesale: `answers` replaces all answers (spread
 * `baseAnswers()` into it to change a few).
 */
export function makeResponse(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return { answers: baseAnswers(), level: 'frontline', department: 'Operations', durationS: 300, ...overrides };
}

/** A seeded PRNG (the simulation's mulberry32), so generated groups are the same on every run. */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);

export interface GroupOptions {
  instrument?: Instrument;
  /** Typical answer (1..5, before reversal) per layer or signal; 3 when not given. */
  tendency?: Partial<Record<Layer | LikertSignal, number>>;
  /** Spread of respondents around the tendency (answer points); 0.8 by default. */
  spread?: number;
  /** Chance that an item is answered "don't know"; 0.05 by default. */
  dontKnowRate?: number;
  /** Chance that an item is skipped; 0.05 by default. */
  skipRate?: number;
  /** Relative weights of the choice items' options, by option id; equal by default. */
  capacity?: Partial<Record<string, number>>;
  levels?: readonly Level[];
  departments?: readonly string[];
}

/**
 * `count` responses from a seeded generator. Each respondent has one latent view per scale (tendency plus spread), and
 * item answers scatter around it, so scales have realistic reliability and agreement.
 */
export function makeResponses(count: number, seed: number, options: GroupOptions = {}): SurveyResponse[] {
  const instrument = options.instrument ?? CURRENT_INSTRUMENT;
  const random = seededRandom(seed);
  const spread = options.spread ?? 0.8;
  const dk = options.dontKnowRate ?? 0.05;
  const skip = options.skipRate ?? 0.05;
  const levels = options.levels ?? LEVELS;
  const departments = options.departments ?? ['Operations', 'Sales', 'Support'];
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const responses: SurveyResponse[] = [];
  for (let r = 0; r < count; r++) {
    const views = new Map<string, number>();
    const answers: Answers = {};
    for (const item of instrument.items) {
      const u = random();
      if (u < skip) continue;
      if (!isLikert(item)) {
        const weights = item.options.map((o) => options.capacity?.[o.id] ?? 1);
        let w = random() * weights.reduce((a, b) => a + b, 0);
        let option = item.options[0]!.id;
        for (let i = 0; i < weights.length; i++) {
          w -= weights[i]!;
          if (w < 0) {
            option = item.options[i]!.id;
            break;
          }
        }
        answers[item.id] = option;
        continue;
      }
      if (u < skip + dk) {
        answers[item.id] = DONT_KNOW;
        continue;
      }
      const scale = 'layer' in item ? item.layer : item.signal;
      if (!views.has(scale)) views.set(scale, (options.tendency?.[scale] ?? 3) + spread * normal());
      const agree = Math.round(views.get(scale)! + 0.7 * normal());
      const value = Math.min(5, Math.max(1, agree));
      answers[item.id] = item.reverse ? 6 - value : value;
    }
    responses.push({
      answers,
      level: pick(levels),
      department: pick(departments),
      durationS: Math.round(90 + 400 * random()),
    });
  }
  return responses;
}

/** An answer to a likert item: a value, don't know, or absent (undefined). */
const likertAnswer = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constant(DONT_KNOW) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Arbitrary valid responses for CURRENT_INSTRUMENT, with straight-liners and speeders now and then. */
export const responseArb: fc.Arbitrary<SurveyResponse> = fc
  .record({
    values: fc.array(likertAnswer, {
      minLength: CURRENT_INSTRUMENT.items.length,
      maxLength: CURRENT_INSTRUMENT.items.length,
    }),
    straight: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 8 }),
    // An option index per choice item (taken modulo its option count).
    choices: fc.option(fc.array(fc.nat(20), { minLength: 2, maxLength: 2 }), { freq: 4 }),
    level: fc.constantFrom(...LEVELS),
    department: fc.option(fc.constantFrom('Operations', 'Sales'), { freq: 4 }),
    durationS: fc.option(fc.integer({ min: 0, max: 900 }), { freq: 3 }),
  })
  .map(({ values, straight, choices, level, department, durationS }) => {
    const answers: Answers = {};
    let choice = 0;
    CURRENT_INSTRUMENT.items.forEach((item, i) => {
      if (!isLikert(item)) {
        if (choices !== null) answers[item.id] = item.options[choices[choice++ % 2]! % item.options.length]!.id;
        return;
      }
      const value = straight ?? values[i];
      if (value !== undefined) answers[item.id] = value;
    });
    const response: SurveyResponse = { answers, level, department };
    if (durationS !== null) response.durationS = durationS;
    return response;
  });

// ---- ledger entries (instrument 2026.2 on)

const LEDGER = CURRENT_INSTRUMENT.ledger!;
/** Departments a generated wait may be held by: the campaign departments tests use. */
export const LEDGER_DEPARTMENTS = ['Operations', 'Sales'] as const;
const grid = (r: LedgerRange) =>
  fc.integer({ min: 0, max: Math.round((r.max - r.min) / r.step) }).map((t) => r.min + t * r.step);
const ids = (options: readonly { id: string }[]) => fc.constantFrom(...options.map((o) => o.id));
const labelArb = fc.constantFrom('month-end close', 'supplier onboarding', 'refunds over 500', 'the Q3 deck');
const holderArb: fc.Arbitrary<WaitHolder> = fc.oneof(
  fc.constantFrom(...LEDGER_DEPARTMENTS).map((department) => ({ department })),
  fc.constantFrom(...LEVELS).map((level) => ({ level })),
);

/** Arbitrary valid ledgers of CURRENT_INSTRUMENT: up to 3 entries each, one per category (kind and holder). */
export const ledgerArb: fc.Arbitrary<LedgerAnswers> = fc.record(
  {
    time: fc.uniqueArray(
      fc.record(
        {
          category: ids(LEDGER.time.categories),
          hoursPerWeek: grid(LEDGER.time.hoursPerWeek),
          reason: ids(LEDGER.time.reasons),
          label: labelArb,
        },
        { requiredKeys: ['category', 'hoursPerWeek'] },
      ),
      { selector: (e) => e.category, maxLength: LEDGER.maxEntries },
    ),
    waiting: fc.uniqueArray(
      fc.record(
        {
          kind: ids(LEDGER.waiting.kinds),
          heldBy: holderArb,
          days: grid(LEDGER.waiting.days),
          timesPerMonth: grid(LEDGER.waiting.timesPerMonth),
          label: labelArb,
        },
        { requiredKeys: ['kind', 'heldBy', 'days', 'timesPerMonth'] },
      ),
      { selector: (e) => `${e.kind}|${JSON.stringify(e.heldBy)}`, maxLength: LEDGER.maxEntries },
    ),
    knowledge: fc.uniqueArray(
      fc.record(
        {
          category: ids(LEDGER.knowledge.categories),
          checksPerWeek: grid(LEDGER.knowledge.checksPerWeek),
          sop: ids(LEDGER.knowledge.sop),
          label: labelArb,
        },
        { requiredKeys: ['category', 'checksPerWeek'] },
      ),
      { selector: (e) => e.category, maxLength: LEDGER.maxEntries },
    ),
  },
  { requiredKeys: [] },
);

/** responseArb with a ledger now and then (departments from LEDGER_DEPARTMENTS, like responseArb's). */
export const ledgerResponseArb: fc.Arbitrary<SurveyResponse> = fc
  .tuple(responseArb, fc.option(ledgerArb, { freq: 4, nil: undefined }))
  .map(([response, ledger]) => (ledger ? { ...response, ledger } : response));
