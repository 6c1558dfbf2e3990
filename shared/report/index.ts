export * from './segmented-report';
export { type StratumRate, type Weighting, weighting } from './weighting';
