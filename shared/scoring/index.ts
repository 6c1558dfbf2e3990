// The scoring engine: mergeable sufficient statistics per group, and a pure report from them. To fold many responses,
// use an Accumulator (createAccumulator, accumulatorFrom): mutable, owning its state, no copy per response;
// fold and unfold are pure one-response wrappers around it that copy the statistics in and out. A reader that knows
// its columns can hand the accumulator answer codes (answer-codes.ts, addCoded) instead of response objects.
export * from './accumulator';
export * from './answer-codes';
export * from './errors';
export * from './group-stats';
export * from './maturity';
export * from './quality';
export * from './report';
export * from './scale-report';
export * from './scales';
export * from './t-quantile';
