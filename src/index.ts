// marsad's library entry: read articles, analyse them, and the public data model.
export * from './model/index.js';
export { createPipeline, createAnalyzer, STAGES, type Analyzer, type AnalyzerResources, type Stage, type Pipeline } from './engine/index.js';
export { defaultResourcesDir, loadAnalyzerResources } from './engine/resources.js';
export * from './ingest/index.js';
export { analyze } from './analyze.js';
