// The operating account (issue 11): ledger entries owned and moved by leadership, the capacity-allocation record, the
// stage-two register and the reviews, reconciled wave after wave against the published ledger cells. Pure.
export * from './canonical';
export * from './capacity';
export * from './entries';
export * from './history';
export * from './labels';
export * from './ledger-cells';
export * from './reconcile';
export * from './stage-two';
export * from './summary';
export * from './types';
