export type { SimulationCsvOptions } from './csv';
export { simulationCsv, simulationCsvHeader } from './csv';
export { type LedgerProfile, ledgerProfileFor, simulateLedger, TYPICAL_LEDGER, withLedgers } from './ledger';
export {
  capacityWeights,
  DEFAULT_NOISE,
  decidedWeights,
  type ExpectedScores,
  expectedRoundedAnswer,
  expectedScores,
  type NoiseModel,
  type SimulatedPopulation,
  type SimulationOptions,
  simulatePopulation,
} from './model';
export { createRng, mulberry32, type Rng } from './prng';
export { PROFILE_NAMES, PROFILES, type ProfileName, type TrapProfile } from './profiles';
export { gapChance, type RegisterMode, simulateRegister } from './register';
export { leadershipTruthReport, type TruthOptions, trueDiagnoses, truthOf, truthReport } from './truth';
