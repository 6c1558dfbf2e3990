export type { Comparison, Measure } from './criteria';
export { firstBreak, layerVerdicts, leadershipGap, weakLayers } from './layers';
export { normalCdf, studentTCdf } from './probability';
export { type DiagnosisInput, readinessReport } from './readiness-report';
export { LAYER_INCISIONS, recommendations, TRAP_INCISIONS } from './recommendations';
export { THRESHOLDS } from './thresholds';
export {
  bossBTrap,
  cashPoorTrap,
  cashRichTrap,
  profileInvestment,
  replacementOnlyTrap,
  type TrapContext,
  type TrapOutcome,
} from './traps';
