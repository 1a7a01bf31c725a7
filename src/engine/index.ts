// The engine layer: pipeline mechanics, the stage registry and the default analyser.
export * from './pipeline.js';
export * from './analyzer.js';
export { STAGES, type StageName } from './stages/index.js';
export { groupMentions, type MentionFinder, type FoundMention } from './stages/ner-stage.js';
