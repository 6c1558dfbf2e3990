// The three ledgers of the essay (time sinks, waits, locked-up knowledge), seeded by the survey's optional ledger step
// (instrument 2026.2 on): entries, their validation, mergeable statistics, the published tables and the incisions.
export * from './design';
export * from './incisions';
export * from './label-text';
export * from './ledger-codes';
export * from './ledger-columns';
export * from './ledger-fields';
export * from './ledger-report';
export * from './ledger-tally';
export * from './order-statistics';
export * from './stats';
export * from './types';
export * from './validate';
