// The NER tagger: BIO tags for a token sequence, and mentions (with proclitics trimmed) for a text.
import type { Segmenter } from '../../../arabic/clitics.js';
import { tokenize } from '../../../arabic/tokenize.js';
import { chunksOf } from './conll.js';
import { extractFeatureHashes } from './features.js';
import { emissionScoresOfHashes, NER_TAGS, posteriors, TAG_COUNT, viterbi, type NerTag } from './model.js';
import type { NerModel } from './model-io.js';

export type MentionLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerMention {
  start: number;
  end: number;
  text: string;
  label: MentionLabel;
  score: number;
}

export interface NerTagger {
  /** BIO tags over PERS/LOC/ORG/MISC (ANERcorp's names), one per token. */
  tagTokens(tokens: readonly string[]): NerTag[];
  /** Tags with per-token confidence (posterior of the chosen tag). */
  tagTokensWithScores(tokens: readonly string[]): { tags: NerTag[]; scores: number[] };
  /**
   * Mentions in `text`, tagging each sentence span on its own. Offsets are into `text`, end-exclusive,
   * and leave out attached proclitics: in «وتوكاييف» the mention is «توكاييف».
   */
  findMentions(text: string, sentences: readonly { start: number; end: number }[]): NerMention[];
}

export interface NerTaggerResources {
  /** Splits proclitics off a mention's first token; without it mentions keep the whole token. */
  readonly segmenter?: Segmenter;
}

const LABELS: Record<string, MentionLabel> = { PERS: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Softens perceptron scores into posteriors; fitted loosely so that scores spread over (0, 1]. */
const POSTERIOR_TEMPERATURE = 4;

/**
 * Where the mention starts inside its first token: after و ف ب ك ل («وتوكاييف» → «توكاييف»), keeping the
 * article («والولايات» → «الولايات»); where ل and ال merged («للمنظمة») the article has no letters, so the
 * mention starts at the stem («منظمة»).
 */
function trimmedStart(segmenter: Segmenter, token: string, offset: number): number {
  const words = segmenter.segment(token, offset);
  let start = offset;
  for (const w of words) {
    if (w.role !== 'proclitic') break;
    if (w.form === 'ال' && w.text !== '') break;
    start = w.end;
  }
  return start;
}

export function createNerTagger(model: NerModel, resources: NerTaggerResources = {}): NerTagger {
  const decode = (tokens: readonly string[], withScores: boolean): { tags: NerTag[]; scores: number[] } => {
    const n = tokens.length;
    if (n === 0) return { tags: [], scores: [] };
    const emissions = emissionScoresOfHashes(model.index, extractFeatureHashes(tokens, model.lexicon));
    const path = viterbi(emissions, model.weights.transitions, n);
    const tags = path.map((y) => NER_TAGS[y]!);
    if (!withScores) return { tags, scores: [] };
    const post = posteriors(emissions, model.weights.transitions, n, POSTERIOR_TEMPERATURE);
    return { tags, scores: path.map((y, i) => post[i * TAG_COUNT + y]!) };
  };
  const findMentions = (text: string, sentences: readonly { start: number; end: number }[]): NerMention[] => {
    const mentions: NerMention[] = [];
    const spans = sentences.length > 0 ? sentences : [{ start: 0, end: text.length }];
    for (const span of spans) {
      const tokens = tokenize(text.slice(span.start, span.end));
      if (tokens.length === 0) continue;
      const { tags, scores } = decode(
        tokens.map((t) => t.text),
        true,
      );
      for (const chunk of chunksOf(tags)) {
        const first = tokens[chunk.start]!;
        const last = tokens[chunk.end - 1]!;
        let start = span.start + first.start;
        const end = span.start + last.end;
        if (resources.segmenter !== undefined) start = trimmedStart(resources.segmenter, first.text, start);
        if (start >= end) continue;
        let score = 0;
        for (let i = chunk.start; i < chunk.end; i++) score += scores[i]!;
        mentions.push({ start, end, text: text.slice(start, end), label: LABELS[chunk.type] ?? 'MISC', score: score / (chunk.end - chunk.start) });
      }
    }
    return mentions;
  };
  return {
    tagTokens: (tokens) => decode(tokens, false).tags,
    tagTokensWithScores: (tokens) => decode(tokens, true),
    findMentions,
  };
}
