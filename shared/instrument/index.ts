import { CORE_INSTRUMENT } from './core-2026-1';
import { CORE_INSTRUMENT_2026_2 } from './core-2026-2';
import type { Instrument } from './types';

export * from './types';
/** Instrument 2026.1 (the first release); campaigns created on it keep scoring exactly as they were answered. */
export { CORE_INSTRUMENT, CORE_INSTRUMENT_2026_2 };

/** Every version a campaign can be on, oldest first. */
export const INSTRUMENTS: readonly Instrument[] = [CORE_INSTRUMENT, CORE_INSTRUMENT_2026_2];

/** The instrument new campaigns use unless they choose another; older versions stay readable and scorable. */
export const CURRENT_INSTRUMENT: Instrument = CORE_INSTRUMENT_2026_2;

/** The versions a campaign may choose at creation. */
export const INSTRUMENT_VERSIONS = INSTRUMENTS.map((i) => i.version);

const byKey = new Map<string, Instrument>(INSTRUMENTS.map((i) => [`${i.id}@${i.version}`, i]));

export function findInstrument(id: string, version: string): Instrument | undefined {
  return byKey.get(`${id}@${version}`);
}
