// The NER stage's public surface: model loading, the tagger, features and scoring helpers.
export { chunksOf, parseConll, scoreSpans, type ClassScore, type SpanScores, type TaggedSentence } from './conll.js';
export { EMPTY_LEXICON, foldForm, type NerLexicon } from './features.js';
export { NER_TAGS, type NerTag } from './model.js';
export { createNerModel, loadNerModel, NER_FILES, type NerModel } from './model-io.js';
export { createNerTagger, type MentionLabel, type NerMention, type NerTagger, type NerTaggerResources } from './tagger.js';
