export { type AccountEntries, accountRow, statusAt } from './account-evidence';
export { CALIBRATION, calibratedConfidence, confidenceWord, MAX_CONFIDENCE } from './calibration';
export { type CapacityReading, type CapacityStory, capacityReading, DESTINATIONS } from './capacity';
export type { Basis, Comparison, Measure } from './criteria';
export { type Difference, disjointDifference, partDifference, standardError, waveChanges } from './differences';
export { carelessFinding, invisibleFinding, polarisedFindings } from './findings';
export { firstBreak, indistinguishable, layerVerdicts, leadershipGap, weakLayers } from './layers';
export { diagnosisBasis, diagnosisMinimum, headcountOf, varianceFactor } from './minimum';
export { normalCdf, studentTCdf } from './probability';
export { type DiagnosisInput, levelGapOf, readinessReport } from './readiness-report';
export { LAYER_INCISIONS, MAX_RECOMMENDATIONS, recommendations, TRAP_INCISIONS } from './recommendations';
export {
  DIAGNOSIS_TITLES,
  explain,
  LAYER_INCISION_TEXTS,
  LIKELIHOOD,
  localize,
  TRAP_INCISION_TEXTS,
} from './texts';
export { THRESHOLDS } from './thresholds';
export {
  bossBTrap,
  cashPoorTrap,
  cashRichTrap,
  humanExitTrap,
  type Missing,
  managerFrontlineGap,
  profileInvestment,
  replacementOnlyTrap,
  type TrapContext,
  type TrapFacts,
  type TrapOutcome,
} from './traps';
