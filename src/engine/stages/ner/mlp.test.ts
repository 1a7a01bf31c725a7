// The MLP beside the perceptron: training on self-written sentences, the int8 file format, and decoding with it.
import { describe, expect, it } from 'vitest';
import { EMPTY_LEXICON, extractFeatureHashes, extractFeatureParts } from './features.js';
import { addMlpScores, deserializeMlp, floatRows, serializeMlp, trainMlp, type NerMlp } from './mlp.js';
import { createWeightIndex, emissionScoresOfParts, NER_TAGS, TAG_COUNT, viterbi, type NerWeights } from './model.js';
import { createNerModel } from './model-io.js';
import type { TrainingSentence } from './perceptron.js';
import { createNerTagger } from './tagger.js';

/** Self-written sentences: token/TAG pairs, O when no tag is given. */
const SENTENCES = [
  'قال/O الوزير/O خالد/B-PERS العمري/I-PERS إن/O طرابلس/B-LOC آمنة/O',
  'زار/O الوزير/O كريم/B-PERS السالم/I-PERS مدينة/O طرابلس/B-LOC',
  'وصل/O الرئيس/O خالد/B-PERS العمري/I-PERS إلى/O صنعاء/B-LOC',
  'أعلن/O بنك/B-ORG الإسكان/I-ORG في/O صنعاء/B-LOC أرباحه/O',
  'قال/O الرئيس/O كريم/B-PERS السالم/I-PERS إن/O بنك/B-ORG الإسكان/I-ORG رابح/O',
].map((line) => {
  const pairs = line.split(' ').map((p) => p.split('/') as [string, string]);
  return { tokens: pairs.map(([t]) => t), tags: pairs.map(([, tag]) => NER_TAGS.indexOf(tag as (typeof NER_TAGS)[number])) };
});

const EXAMPLES: TrainingSentence[] = SENTENCES.map((s) => ({ features: extractFeatureHashes(s.tokens, EMPTY_LEXICON), tags: s.tags }));
const OPTIONS = { epochs: 200, seed: 3, width: 16, rate: 0.1, minCount: 1 };

/** The MLP's best tag per token of `tokens`, by its log-probabilities alone. */
function mlpTags(mlp: NerMlp, tokens: string[]): number[] {
  const index = createWeightIndex(mlp.embeddings);
  const { local, context } = extractFeatureParts(tokens, EMPTY_LEXICON);
  const [hidden] = emissionScoresOfParts(index, local, context);
  const scores = new Float64Array(tokens.length * TAG_COUNT);
  addMlpScores(mlp, hidden!, 1, [scores]);
  return tokens.map((_, i) => {
    let best = 0;
    for (let y = 1; y < TAG_COUNT; y++) if (scores[i * TAG_COUNT + y]! > scores[i * TAG_COUNT + best]!) best = y;
    return best;
  });
}

describe('NER MLP', () => {
  const mlp = trainMlp(EXAMPLES, OPTIONS);

  it('learns its training sentences, deterministically', () => {
    for (const s of SENTENCES) expect(mlpTags(mlp, s.tokens)).toEqual(s.tags);
    expect(trainMlp(EXAMPLES, OPTIONS).embeddings.rows).toEqual(mlp.embeddings.rows);
    expect(trainMlp(EXAMPLES, { ...OPTIONS, seed: 4 }).embeddings.rows).not.toEqual(mlp.embeddings.rows);
  });

  it('gives embeddings only to features seen minCount times', () => {
    const rare = trainMlp(EXAMPLES, { ...OPTIONS, epochs: 1, minCount: 3 });
    expect(rare.embeddings.keys.length).toBeGreaterThan(0);
    expect(rare.embeddings.keys.length).toBeLessThan(mlp.embeddings.keys.length);
    expect(rare.embeddings.rows.length).toBe(rare.embeddings.keys.length * OPTIONS.width);
  });

  it('adds log-probabilities: each token\'s exp-sum is one, scaled by the weight, into every target', () => {
    const tokens = SENTENCES[0]!.tokens;
    const index = createWeightIndex(mlp.embeddings);
    const { local, context } = extractFeatureParts(tokens, EMPTY_LEXICON);
    const hidden = emissionScoresOfParts(index, local, context)[0]!;
    const a = new Float64Array(tokens.length * TAG_COUNT).fill(1);
    const b = new Float64Array(tokens.length * TAG_COUNT);
    addMlpScores(mlp, hidden, 2, [a, b]);
    for (let i = 0; i < tokens.length; i++) {
      let sum = 0;
      for (let y = 0; y < TAG_COUNT; y++) {
        expect(a[i * TAG_COUNT + y]).toBeCloseTo(1 + b[i * TAG_COUNT + y]!, 9);
        sum += Math.exp(b[i * TAG_COUNT + y]! / 2);
      }
      expect(sum).toBeCloseTo(1, 9);
    }
  });

  it('reads back what it writes, each embedding within half its row\'s int8 step', () => {
    const back = deserializeMlp(serializeMlp(mlp));
    expect('scales' in back.embeddings).toBe(true); // kept as bytes
    const read = floatRows(back.embeddings);
    const d = OPTIONS.width;
    expect([...back.embeddings.keys]).toEqual([...mlp.embeddings.keys]);
    expect(back.embeddings.width).toBe(d);
    for (let r = 0; r < mlp.embeddings.keys.length; r++) {
      const row = mlp.embeddings.rows.subarray(r * d, r * d + d);
      const step = Math.max(...row.map(Math.abs)) / 127;
      for (let k = 0; k < d; k++) expect(Math.abs(read[r * d + k]! - row[k]!)).toBeLessThanOrEqual(step / 2 + 1e-7);
    }
    expect([...back.output]).toEqual([...mlp.output]);
    expect([...back.hiddenBias]).toEqual([...mlp.hiddenBias]);
    expect([...back.outputBias]).toEqual([...mlp.outputBias]);
    for (const s of SENTENCES) expect(mlpTags(back, s.tokens)).toEqual(s.tags);
  });

  it('rejects a file that is not an MLP, or is cut short', () => {
    const bytes = serializeMlp(mlp);
    expect(() => deserializeMlp(new TextEncoder().encode('MNERW1……'), 'x.bin')).toThrow(/x.bin: expected an NER MLP/);
    expect(() => deserializeMlp(bytes.subarray(0, bytes.length - 4), 'x.bin')).toThrow(/x.bin: expected \d+ bytes, found \d+/);
  });

  it('joins the tagger\'s scores with the manifest\'s weight, and is left out at weight 0', () => {
    // A perceptron that knows nothing: every decision is the MLP's.
    const blank: NerWeights = { keys: new Uint32Array(0), rows: new Float32Array(0), transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT) };
    const model = createNerModel(blank, EMPTY_LEXICON, { decoding: { mlpWeight: 1 } }, undefined, mlp);
    expect(model.mlp?.weight).toBe(1);
    const tagger = createNerTagger(model);
    for (const s of SENTENCES) expect(tagger.tagTokens(s.tokens)).toEqual(s.tags.map((y) => NER_TAGS[y]));
    expect(createNerModel(blank, EMPTY_LEXICON, {}, undefined, mlp).mlp).toBeUndefined();
    expect(createNerTagger(createNerModel(blank, EMPTY_LEXICON, {}, undefined, mlp)).tagTokens(SENTENCES[0]!.tokens).every((t) => t === 'O')).toBe(true);
    // With a document pass too, the MLP's table comes after it and both passes see its scores.
    const both = createNerModel(blank, EMPTY_LEXICON, { decoding: { mlpWeight: 1 } }, blank, mlp);
    expect([both.document?.table, both.mlp?.table]).toEqual([1, 2]);
    expect(createNerTagger(both).tagSentences(SENTENCES.map((s) => s.tokens))).toEqual(SENTENCES.map((s) => s.tags.map((y) => NER_TAGS[y])));
  });

  it('sums rows of different widths in one index as one table at a time would', () => {
    const tokens = SENTENCES[3]!.tokens;
    const { local, context } = extractFeatureParts(tokens, EMPTY_LEXICON);
    const perceptron: NerWeights = { keys: mlp.embeddings.keys, rows: Float32Array.from({ length: mlp.embeddings.keys.length * TAG_COUNT }, (_, j) => (j % 7) - 3), transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT) };
    const [p, h] = emissionScoresOfParts(createWeightIndex(perceptron, mlp.embeddings), local, context);
    expect([...p!]).toEqual([...emissionScoresOfParts(createWeightIndex(perceptron), local, context)[0]!]);
    expect([...h!]).toEqual([...emissionScoresOfParts(createWeightIndex(mlp.embeddings), local, context)[0]!]);
    expect(viterbi(p!, perceptron.transitions, tokens.length)).toHaveLength(tokens.length);
  });
});
