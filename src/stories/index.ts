// Duplicates and stories: near-duplicate folding (MinHash + LSH) and incremental story clustering, storage-free.
export * from './minhash.js';
export * from './features.js';
export * from './cluster.js';
