// Averaged structured perceptron (Collins 2002) over hashed features with Viterbi decoding; seeded and deterministic.
import { emissionScores, TAG_COUNT, viterbi, type NerWeights } from './model.js';

export interface TrainingSentence {
  /** Hashed features per token (see features.ts). */
  readonly features: readonly Uint32Array[];
  /** Gold tag indices into NER_TAGS. */
  readonly tags: readonly number[];
}

export interface PerceptronOptions {
  readonly epochs: number;
  readonly seed: number;
  /** Features seen fewer times than this in training get no weight (smaller model, less overfitting). */
  readonly minCount?: number;
  /** Called after each epoch with the averaged weights so far (for a dev-set curve). */
  readonly onEpoch?: (epoch: number, weights: NerWeights) => void;
}

/** mulberry32: a small seeded PRNG so shuffles are reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The weight rows of a training set: feature hashes seen at least `minCount` times get a row (in order of
 * first appearance), and each token's hashes are resolved to rows (-1: no row).
 */
export function indexFeatures(sentences: readonly TrainingSentence[], minCount: number): { keys: Uint32Array; rowsPerSentence: Int32Array[][] } {
  const counts = new Map<number, number>();
  for (const s of sentences) for (const tok of s.features) for (const h of tok) counts.set(h, (counts.get(h) ?? 0) + 1);
  const ids = new Map<number, number>();
  const keys: number[] = [];
  for (const [h, c] of counts) {
    if (c >= minCount) {
      ids.set(h, keys.length);
      keys.push(h);
    }
  }
  const rowsPerSentence = sentences.map((s) =>
    s.features.map((tok) => {
      const r = new Int32Array(tok.length);
      for (let k = 0; k < tok.length; k++) r[k] = ids.get(tok[k]!) ?? -1;
      return r;
    }),
  );
  return { keys: Uint32Array.from(keys), rowsPerSentence };
}

export function trainPerceptron(sentences: readonly TrainingSentence[], options: PerceptronOptions): NerWeights {
  return trainIndexed(sentences, indexFeatures(sentences, options.minCount ?? 1), options);
}

/** The perceptron over feature rows already resolved by `indexFeatures`. */
function trainIndexed(
  sentences: readonly TrainingSentence[],
  { keys, rowsPerSentence }: { keys: Uint32Array; rowsPerSentence: Int32Array[][] },
  options: PerceptronOptions,
): NerWeights {
  const L = TAG_COUNT;
  const nF = keys.length;
  const w = new Float32Array(nF * L);
  const u = new Float64Array(nF * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  let c = 1;
  const random = createRandom(options.seed);
  const order = sentences.map((_, i) => i);

  const averaged = (): NerWeights => {
    const rows = new Float32Array(nF * L);
    for (let j = 0; j < rows.length; j++) rows[j] = w[j]! - u[j]! / c;
    const transitions = new Float32Array(tw.length);
    for (let j = 0; j < tw.length; j++) transitions[j] = tw[j]! - tu[j]! / c;
    return { keys, rows, transitions };
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const si of order) {
      const gold = sentences[si]!.tags;
      const rows = rowsPerSentence[si]!;
      const n = gold.length;
      const pred = viterbi(emissionScores(w, rows), tw, n);
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gPrev = i === 0 ? L : gold[i - 1]!;
        const pPrev = i === 0 ? L : pred[i - 1]!;
        if (g !== p) {
          for (const r of rows[i]!) {
            if (r < 0) continue;
            w[r * L + g]! += 1;
            u[r * L + g]! += c;
            w[r * L + p]! -= 1;
            u[r * L + p]! -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          tw[gPrev * L + g]! += 1;
          tu[gPrev * L + g]! += c;
          tw[pPrev * L + p]! -= 1;
          tu[pPrev * L + p]! -= c;
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, averaged());
  }
  return averaged();
}

/**
 * Trains one perceptron per seed (each its own shuffle order) and averages their weights: the shuffles make
 * the models disagree on rare features, and the mean is steadier than any one of them. One seed is `trainPerceptron`.
 */
export function trainPerceptronEnsemble(sentences: readonly TrainingSentence[], options: PerceptronOptions & { readonly seeds: number }): NerWeights {
  const { onEpoch, seeds, ...rest } = options;
  const indexed = indexFeatures(sentences, options.minCount ?? 1);
  const models: NerWeights[] = [];
  for (let k = 0; k < Math.max(1, seeds); k++) {
    // Only the first model reports its epochs (a dev curve per seed would say little more).
    models.push(trainIndexed(sentences, indexed, { ...rest, seed: options.seed + k, ...(k === 0 && onEpoch !== undefined ? { onEpoch } : {}) }));
  }
  return averageWeights(models);
}

/** The mean of weight tables over the same feature rows (as trained on the same sentences). */
export function averageWeights(models: readonly NerWeights[]): NerWeights {
  const first = models[0];
  if (first === undefined) throw new Error('averageWeights: no models');
  const rows = Float32Array.from(first.rows);
  const transitions = Float32Array.from(first.transitions);
  for (const m of models.slice(1)) {
    if (m.keys.length !== first.keys.length || m.keys.some((k, i) => k !== first.keys[i])) throw new Error('averageWeights: the models have different feature rows');
    for (let j = 0; j < rows.length; j++) rows[j]! += m.rows[j]!;
    for (let j = 0; j < transitions.length; j++) transitions[j]! += m.transitions[j]!;
  }
  for (let j = 0; j < rows.length; j++) rows[j]! /= models.length;
  for (let j = 0; j < transitions.length; j++) transitions[j]! /= models.length;
  return { keys: first.keys, rows, transitions };
}

/** Drops rows whose weights are all below `epsilon` in magnitude (they cannot change a decision much). */
export function pruneWeights(weights: NerWeights, epsilon: number): NerWeights {
  const L = TAG_COUNT;
  const keep: number[] = [];
  for (let r = 0; r < weights.keys.length; r++) {
    let max = 0;
    for (let y = 0; y < L; y++) max = Math.max(max, Math.abs(weights.rows[r * L + y]!));
    if (max >= epsilon) keep.push(r);
  }
  const keys = new Uint32Array(keep.length);
  const rows = new Float32Array(keep.length * L);
  keep.forEach((r, i) => {
    keys[i] = weights.keys[r]!;
    rows.set(weights.rows.subarray(r * L, r * L + L), i * L);
  });
  return { keys, rows, transitions: weights.transitions };
}
