// Exports: pure formatters from Analysis objects (plus story info from the store) to JSONL, PLOVER, CSV and ACLED.
export * from './csv.js';
export * from './jsonl.js';
export * from './plover.js';
export * from './acled.js';
export * from './formats.js';
