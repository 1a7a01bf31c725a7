// How train-ner builds the first pass's training sets: domain-salted copies of each feature, folded back after training.
import { describe, expect, it } from 'vitest';
import type { TaggedSentence } from '../src/engine/stages/ner/conll.js';
import { EMPTY_LEXICON, extractFeatureHashes } from '../src/engine/stages/ner/features.js';
import { trainPerceptron } from '../src/engine/stages/ner/perceptron.js';
import { trainingSets } from './train-ner.js';

const ANERCORP: TaggedSentence[] = [{ tokens: ['زار', 'سامر', 'دمشق', 'أمس'], tags: ['O', 'B-PERS', 'B-LOC', 'O'] }];
const WIKIFANE: TaggedSentence[] = [{ tokens: ['ولد', 'سامر', 'في', 'حلب'], tags: ['O', 'B-PERS', 'O', 'B-LOC'] }];

describe('trainingSets', () => {
  it('with a second corpus, gives every feature a copy per domain and folds the copies away after training', () => {
    const sets = trainingSets(ANERCORP, WIKIFANE, EMPTY_LEXICON);
    const plain = [...ANERCORP, ...WIKIFANE].map((s) => extractFeatureHashes(s.tokens, EMPTY_LEXICON));
    expect(sets.train[0]!.features[1]!.length).toBe(2 * plain[0]![1]!.length);
    expect(sets.extra[0]!.features[1]!.length).toBe(2 * plain[1]![1]!.length);
    const folded = sets.finish(trainPerceptron([...sets.train, ...sets.extra], { epochs: 3, seed: 1 }));
    const plainKeys = new Set(plain.flatMap((s) => s.flatMap((t) => [...t])));
    expect(folded.keys.length).toBeGreaterThan(0);
    expect([...folded.keys].every((k) => plainKeys.has(k))).toBe(true);
    // The MLP's examples: the same features without their salted copies.
    expect([sets.train[0]!, sets.extra[0]!].map((ex) => sets.shared(ex).features.map((t) => [...t]))).toEqual(plain.map((s) => s.map((t) => [...t])));
    expect(sets.shared(sets.train[0]!).tags).toBe(sets.train[0]!.tags);
  });

  it('with one corpus, leaves features and weights as they are', () => {
    const sets = trainingSets(ANERCORP, [], EMPTY_LEXICON);
    expect([...sets.train[0]!.features[1]!]).toEqual([...extractFeatureHashes(ANERCORP[0]!.tokens, EMPTY_LEXICON)[1]!]);
    const weights = trainPerceptron(sets.train, { epochs: 2, seed: 1 });
    expect(sets.finish(weights)).toBe(weights);
    expect(sets.shared(sets.train[0]!)).toBe(sets.train[0]);
  });
});
