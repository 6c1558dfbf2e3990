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
] as const;
export type LikertSignal = (typeof LIKERT_SIGNALS)[number];

export const CAPACITY_OPTIONS = [
  'profit',
  'customer_experience',
  'organisational_learning',
  'headcount_only',
  'undecided',
] as const;
export type CapacityOption = (typeof CAPACITY_OPTIONS)[number];

export const SIGNALS = [...LIKERT_SIGNALS, 'capacity_decision'] as const;
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

export interface ChoiceSignalItem extends ItemBase {
  type: 'choice';
  signal: 'capacity_decision';
  options: ChoiceOption[];
}

export type Item = LikertLayerItem | LikertSignalItem | ChoiceSignalItem;
export type LikertItem = LikertLayerItem | LikertSignalItem;

/** Segment questions are asked last and used only for breakdowns, never to identify a person. */
export interface SegmentQuestions {
  level: { text: Localized; options: { id: Level; label: Localized }[] };
  department: { text: Localized };
}

export interface Instrument {
  id: string;
  version: string;
  languages: readonly Language[];
  /** Plain-language names and core questions of the layers (the essay's reconciliation statement). */
  layers: Record<Layer, { name: Localized; question: Localized }>;
  signals: Record<Signal, { name: Localized }>;
  likertLabels: { 1: Localized; 2: Localized; 3: Localized; 4: Localized; 5: Localized; dk: Localized };
  items: Item[];
  segments: SegmentQuestions;
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

export function capacityItem(instrument: Instrument): ChoiceSignalItem | undefined {
  return instrument.items.find((i): i is ChoiceSignalItem => i.type === 'choice' && i.signal === 'capacity_decision');
}
