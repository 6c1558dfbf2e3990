import { CORE_INSTRUMENT } from './core-2026-1';
import type { Instrument } from './types';

export * from './types';
export { CORE_INSTRUMENT };

/** The instrument new campaigns use; older versions stay readable so old campaigns score as they were answered. */
export const CURRENT_INSTRUMENT: Instrument = CORE_INSTRUMENT;

const byKey = new Map<string, Instrument>([[`${CORE_INSTRUMENT.id}@${CORE_INSTRUMENT.version}`, CORE_INSTRUMENT]]);

export function findInstrument(id: string, version: string): Instrument | undefined {
  return byKey.get(`${id}@${version}`);
}
