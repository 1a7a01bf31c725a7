// The data model: the Analysis contract, spans and the error catalogue. No I/O.
export * from './analysis.js';
export * from './errors.js';
