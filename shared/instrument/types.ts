// The survey instrument is data: a typed, versioned definition that scoring, the CLI, the API and the pages all read.

export const LAYERS = ['roles', 'workflows', 'knowledge', 'responsibility', 'governance'] as const;
export type Layer = (typeof LAYERS)[number];

/** The order in which the layers usually break (DOMAIN.md); the first break is the earliest weak layer in it. */
export const CASCADE: readonly Layer[] = ['knowledge', 'workflows', 'responsibility', 'governance', 'roles'];

export const LIKERT_SIGNALS = [
  'investment',
  'activity',
  'time_ledger',
  'waiting_ledger',
  'knowledge_ledger',
  'operating_impact',
  'human_safeguards',
  // Since 2026.2: evidence that AI actually took over work people did (replacement needs a replacement).
  'work_replaced',
] as const;
export type LikertSignal = (typeof LIKERT_SIGNALS)[number];

/** The options of 2026.1's capacity item. Later versions have their own; read options from the instrument. */
export const CAPACITY_OPTIONS = [
  'profit',
  'customer_experience',
  'organisational_learning',
  'headcount_only',
  'undecided',
] as const;
export type CapacityOption = (typeof CAPACITY_OPTIONS)[number];

/**
 * What a destination of freed capacity means, whatever its wording (docs/METHOD.md): the essay's three directions
 * (profit, customers and growth, organisational learning), nothing decided, or the respondent does not know.
 */
export const CAPACITY_MEANINGS = ['cost', 'growth', 'learning', 'undecided', 'unknown'] as const;
export type CapacityMeaning = (typeof CAPACITY_MEANINGS)[number];

/** What an answer to "has leadership decided what freed capacity is for?" (2026.2 on) means. */
export const DECIDED_MEANINGS = ['told', 'not_told', 'not_decided', 'unknown'] as const;
export type DecidedMeaning = (typeof DECIDED_MEANINGS)[number];

/**
 * Choice signals: `capacity_decision` (what freed capacity is for; the only choice item of 2026.1) and, from 2026.2,
 * `capacity_decided` (whether leadership has decided at all), asked apart so "nothing decided" and "decided for cost"
 * can never be read off the same answer.
 */
export const CHOICE_SIGNALS = ['capacity_decision', 'capacity_decided'] as const;
export type ChoiceSignal = (typeof CHOICE_SIGNALS)[number];

export const SIGNALS = [...LIKERT_SIGNALS, ...CHOICE_SIGNALS] as const;
export type Signal = (typeof SIGNALS)[number];

export const LEVELS = ['frontline', 'manager', 'executive'] as const;
export type Level = (typeof LEVELS)[number];

export const LANGUAGES = ['en', 'zh', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Text in every language the instrument ships; English is the reference wording. */
export type Localized = Record<Language, string>;

/** Likert answers are 1..5; "dk" is the unscored "don't know". */
export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;
export const DONT_KNOW = 'dk';

interface ItemBase {
  /** Stable across versions while the meaning is unchanged; used as CSV column and answer key. */
  id: string;
  text: Localized;
  help?: Localized;
}

export interface LikertLayerItem extends ItemBase {
  type: 'likert';
  layer: Layer;
  /** Agreement means breakage: scoring flips it (6 - answer). */
  reverse: boolean;
}

export interface LikertSignalItem extends ItemBase {
  type: 'likert';
  signal: LikertSignal;
  reverse: boolean;
}

export interface ChoiceOption {
  id: string;
  label: Localized;
}

export interface CapacityOptionDef extends ChoiceOption {
  meaning: CapacityMeaning;
}

export interface DecidedOptionDef extends ChoiceOption {
  meaning: DecidedMeaning;
}

export interface CapacityChoiceItem extends ItemBase {
  type: 'choice';
  signal: 'capacity_decision';
  options: CapacityOptionDef[];
}

export interface DecidedChoiceItem extends ItemBase {
  type: 'choice';
  signal: 'capacity_decided';
  options: DecidedOptionDef[];
}

export type ChoiceSignalItem = CapacityChoiceItem | DecidedChoiceItem;

export type Item = LikertLayerItem | LikertSignalItem | ChoiceSignalItem;
export type LikertItem = LikertLayerItem | LikertSignalItem;

/** Segment questions are asked last and used only for breakdowns, never to identify a person. */
export interface SegmentQuestions {
  level: { text: Localized; options: { id: Level; label: Localized }[] };
  department: { text: Localized };
}

/** A number a ledger entry records, in the ledger's own unit: allowed from `min` to `max` in steps of `step`. */
export interface LedgerRange {
  min: number;
  max: number;
  step: number;
}

/**
 * The three ledgers of the essay, seeded by the people who live them (instrument 2026.2 on): an optional step after
 * the layers where each respondent may add up to `maxEntries` structured entries per ledger, never naming a person.
 * Category lists are the defaults a campaign starts from (drawn from the essay); `other` is always offered.
 */
export interface LedgerDesign {
  maxEntries: number;
  /** Where time leaks: the kind of work, hours a week, and why it falls to this person. */
  time: {
    prompt: Localized;
    categories: ChoiceOption[];
    reasons: ChoiceOption[];
    hoursPerWeek: LedgerRange;
  };
  /** Where work waits: on what, held by which department or level (never a person), how long, how often. */
  waiting: {
    prompt: Localized;
    kinds: ChoiceOption[];
    /** Typical wait in working days. */
    days: LedgerRange;
    timesPerMonth: LedgerRange;
  };
  /** Where experience is locked up: which judgment must be checked with a senior colleague, how often, is there an SOP. */
  knowledge: {
    prompt: Localized;
    categories: ChoiceOption[];
    checksPerWeek: LedgerRange;
    sop: ChoiceOption[];
  };
}

/**
 * How scale scores and reliability are worked out (docs/METHOD.md §3), fixed per version so a campaign scores the same
 * for its whole life. `respondent-means` (2026.1): the mean over respondents of each one's mean over the items they
 * answered, and Cronbach's alpha from complete cases. `item-means` (2026.2 on): the mean of the scale's item means, so
 * "don't know" clustering on the hard items no longer lifts a score, and alpha from pairwise covariances, so it does
 * not vanish when few answer every item.
 */
export type ScoringMethod = 'respondent-means' | 'item-means';

export interface Instrument {
  id: string;
  version: string;
  /** Absent: `respondent-means`. */
  scoring?: ScoringMethod;
  languages: readonly Language[];
  /** Plain-language names and core questions of the layers (the essay's reconciliation statement). */
  layers: Record<Layer, { name: Localized; question: Localized }>;
  /** Names of the signals this version asks about (a signal without items here has none). */
  signals: Partial<Record<Signal, { name: Localized }>>;
  likertLabels: { 1: Localized; 2: Localized; 3: Localized; 4: Localized; 5: Localized; dk: Localized };
  items: Item[];
  segments: SegmentQuestions;
  /** The ledger step (2026.2 on); absent: the survey has none. */
  ledger?: LedgerDesign;
}

export const isLikert = (item: Item): item is LikertItem => item.type === 'likert';
export const isLayerItem = (item: Item): item is LikertLayerItem => 'layer' in item;
export const isLikertSignalItem = (item: Item): item is LikertSignalItem => item.type === 'likert' && 'signal' in item;

export function layerItems(instrument: Instrument, layer: Layer): LikertLayerItem[] {
  return instrument.items.filter((i): i is LikertLayerItem => isLayerItem(i) && i.layer === layer);
}

export function signalItems(instrument: Instrument, signal: LikertSignal): LikertSignalItem[] {
  return instrument.items.filter((i): i is LikertSignalItem => isLikertSignalItem(i) && i.signal === signal);
}

/** The item asking what freed capacity is for (every version has one). */
export function capacityItem(instrument: Instrument): CapacityChoiceItem | undefined {
  return instrument.items.find((i): i is CapacityChoiceItem => i.type === 'choice' && i.signal === 'capacity_decision');
}

/** The item asking whether leadership has decided at all (2026.2 on). */
export function decidedItem(instrument: Instrument): DecidedChoiceItem | undefined {
  return instrument.items.find((i): i is DecidedChoiceItem => i.type === 'choice' && i.signal === 'capacity_decided');
}

// Instruments are immutable data: what depends only on them is worked out once.
const signalCache = new WeakMap<Instrument, readonly LikertSignal[]>();

/** The likert signals this instrument asks about, in LIKERT_SIGNALS order. */
export function likertSignalsOf(instrument: Instrument): readonly LikertSignal[] {
  let signals = signalCache.get(instrument);
  if (!signals) {
    signals = LIKERT_SIGNALS.filter((s) => instrument.items.some((i) => isLikertSignalItem(i) && i.signal === s));
    signalCache.set(instrument, signals);
  }
  return signals;
}

/** The name of a signal in a language, or its key when this version does not name it. */
export const signalName = (instrument: Instrument, signal: Signal, lang: Language): string =>
  instrument.signals[signal]?.name[lang] ?? signal;
