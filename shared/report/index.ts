export * from './peer-percentiles';
export * from './portfolio';
export * from './segmented-report';
export { type StratumRate, type Weighting, weighting } from './weighting';
