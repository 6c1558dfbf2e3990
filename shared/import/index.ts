// Reading responses files from any survey tool: the CLI's `orgos score` and `orgos map`, and the API's import.
export * from './answer-values';
export * from './column-plan';
export * from './csv-input';
export * from './csv-parser';
export * from './errors';
export * from './mapping';
export * from './normalise';
export * from './response-mapper';
export * from './text-decoding';
