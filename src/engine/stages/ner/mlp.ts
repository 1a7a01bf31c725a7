// A small non-linear tagger beside the perceptron: each hashed feature has an embedding; a token's embeddings are
// summed, passed through a ReLU and a softmax over the tags. At decoding, weight × its log-probabilities are added
// to the perceptron's emission scores. It sees the same features, but scores their combinations (a name-like word
// after a title, not either alone), which a linear model cannot.
import { MarsadError } from '../../../model/errors.js';
import { NER_TAGS, TAG_COUNT, type ByteFeatureRows, type FeatureRows } from './model.js';
import { createRandom, indexFeatures, type TrainingSentence } from './perceptron.js';

export interface NerMlp {
  /** One embedding row of `width` numbers per feature hash: floats as trained, bytes as read from a file. */
  readonly embeddings: (FeatureRows | ByteFeatureRows) & { readonly width: number };
  readonly hiddenBias: Float32Array;
  /** TAG_COUNT × width. */
  readonly output: Float32Array;
  readonly outputBias: Float32Array;
}

export interface MlpOptions {
  readonly epochs: number;
  readonly seed: number;
  /** Hidden units (the embedding width). */
  readonly width: number;
  /** AdaGrad learning rate. */
  readonly rate: number;
  /** Features seen fewer times than this get no embedding. */
  readonly minCount: number;
}

/** Per-token cross-entropy training by AdaGrad, in a seeded shuffle order: deterministic. */
export function trainMlp(sentences: readonly TrainingSentence[], options: MlpOptions): NerMlp {
  const { width: d, rate } = options;
  const L = TAG_COUNT;
  const { keys, rowsPerSentence } = indexFeatures(sentences, options.minCount);
  const random = createRandom(options.seed);
  const E = new Float32Array(keys.length * d);
  for (let j = 0; j < E.length; j++) E[j] = (random() - 0.5) * 0.1;
  const W = new Float32Array(L * d);
  for (let j = 0; j < W.length; j++) W[j] = (random() - 0.5) * 0.2;
  const b1 = new Float32Array(d);
  const b2 = new Float32Array(L);
  // AdaGrad's sums of squared gradients.
  const gE = new Float32Array(E.length);
  const gW = new Float32Array(W.length);
  const gb1 = new Float32Array(d);
  const gb2 = new Float32Array(L);
  const EPS = 1e-6;
  const h = new Float32Array(d);
  const a = new Float32Array(d);
  const z = new Float64Array(L);
  const da = new Float32Array(d);
  const order = sentences.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const si of order) {
      const rows = rowsPerSentence[si]!;
      const gold = sentences[si]!.tags;
      for (let t = 0; t < rows.length; t++) {
        const fr = rows[t]!;
        h.set(b1);
        for (const r of fr) {
          if (r < 0) continue;
          const off = r * d;
          for (let k = 0; k < d; k++) h[k]! += E[off + k]!;
        }
        for (let k = 0; k < d; k++) a[k] = h[k]! > 0 ? h[k]! : 0;
        softmax(W, b2, a, d, z);
        da.fill(0);
        for (let y = 0; y < L; y++) {
          const g = z[y]! - (y === gold[t] ? 1 : 0); // d loss / d logit
          const off = y * d;
          for (let k = 0; k < d; k++) {
            da[k]! += g * W[off + k]!;
            const gw = g * a[k]!;
            gW[off + k]! += gw * gw;
            W[off + k]! -= (rate * gw) / Math.sqrt(gW[off + k]! + EPS);
          }
          gb2[y]! += g * g;
          b2[y]! -= (rate * g) / Math.sqrt(gb2[y]! + EPS);
        }
        for (let k = 0; k < d; k++) {
          if (h[k]! <= 0) da[k] = 0;
          const g = da[k]!;
          gb1[k]! += g * g;
          b1[k]! -= (rate * g) / Math.sqrt(gb1[k]! + EPS);
        }
        for (const r of fr) {
          if (r < 0) continue;
          const off = r * d;
          for (let k = 0; k < d; k++) {
            const g = da[k]!;
            if (g === 0) continue;
            gE[off + k]! += g * g;
            E[off + k]! -= (rate * g) / Math.sqrt(gE[off + k]! + EPS);
          }
        }
      }
    }
  }
  return { embeddings: { keys, rows: E, width: d }, hiddenBias: b1, output: W, outputBias: b2 };
}

/** Tag scores (logits) into `z` from hidden activations `a` (already through the ReLU); returns their maximum. */
function logits(W: Float32Array, b: Float32Array, a: ArrayLike<number>, d: number, z: Float64Array): number {
  let max = -Infinity;
  for (let y = 0; y < TAG_COUNT; y++) {
    let s = b[y]!;
    const off = y * d;
    for (let k = 0; k < d; k++) s += W[off + k]! * a[k]!;
    z[y] = s;
    if (s > max) max = s;
  }
  return max;
}

/** Tag probabilities into `z` from hidden activations `a`. */
function softmax(W: Float32Array, b: Float32Array, a: ArrayLike<number>, d: number, z: Float64Array): void {
  const max = logits(W, b, a, d, z);
  let sum = 0;
  for (let y = 0; y < TAG_COUNT; y++) sum += z[y] = Math.exp(z[y]! - max);
  for (let y = 0; y < TAG_COUNT; y++) z[y]! /= sum;
}

/** Tag log-probabilities into `z` from hidden activations `a`: one logarithm per token, not one per tag. */
function logSoftmax(W: Float32Array, b: Float32Array, a: ArrayLike<number>, d: number, z: Float64Array): void {
  const max = logits(W, b, a, d, z);
  let sum = 0;
  for (let y = 0; y < TAG_COUNT; y++) sum += Math.exp(z[y]! - max);
  const norm = max + Math.log(sum);
  for (let y = 0; y < TAG_COUNT; y++) z[y]! -= norm;
}

/**
 * Adds weight × the tag log-probabilities of each token to every array of `targets` (token-major, TAG_COUNT per
 * token), from `hidden`: each token's summed embeddings (token-major, width per token), as the weight index sums them.
 */
export function addMlpScores(mlp: NerMlp, hidden: Float64Array, weight: number, targets: readonly Float64Array[]): void {
  const d = mlp.embeddings.width;
  const n = hidden.length / d;
  const a = new Float64Array(d);
  const z = new Float64Array(TAG_COUNT);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const v = hidden[i * d + k]! + mlp.hiddenBias[k]!;
      a[k] = v > 0 ? v : 0;
    }
    logSoftmax(mlp.output, mlp.outputBias, a, d, z);
    for (const out of targets) for (let y = 0; y < TAG_COUNT; y++) out[i * TAG_COUNT + y]! += weight * z[y]!;
  }
}

/** The embeddings as floats (bytes × their row's scale). */
export function floatRows(embeddings: NerMlp['embeddings']): Float32Array {
  if (!('scales' in embeddings)) return embeddings.rows;
  const { rows, scales, width } = embeddings;
  return Float32Array.from(rows, (v, j) => v * scales[Math.floor(j / width)]!);
}

const MAGIC = 'MNERM1';

/**
 * Binary MLP: "MNERM1", uint32 header length, JSON header {tags, features, width}, padding to 4, uint32 keys[features],
 * float32 row scales[features], int8 embeddings[features × width] (value = byte × its row's scale) padded to 4,
 * float32 hidden bias[width], output[TAG_COUNT × width], output bias[TAG_COUNT]. int8 rows keep the file small; the
 * rounding moves held-out F1 by hundredths (train-ner scores the model as read back).
 */
export function serializeMlp(mlp: NerMlp): Uint8Array {
  const { keys, width: d } = mlp.embeddings;
  const rows = floatRows(mlp.embeddings);
  const n = keys.length;
  const header = new TextEncoder().encode(JSON.stringify({ tags: NER_TAGS, features: n, width: d }));
  const headStart = MAGIC.length + 4;
  const bodyStart = Math.ceil((headStart + header.length) / 4) * 4;
  const bytesStart = bodyStart + n * 8;
  const tailStart = Math.ceil((bytesStart + n * d) / 4) * 4;
  const buf = new Uint8Array(tailStart + (d + TAG_COUNT * d + TAG_COUNT) * 4);
  const view = new DataView(buf.buffer);
  buf.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(MAGIC.length, header.length, true);
  buf.set(header, headStart);
  for (let r = 0; r < n; r++) {
    let max = 0;
    for (let k = 0; k < d; k++) max = Math.max(max, Math.abs(rows[r * d + k]!));
    const scale = max === 0 ? 1 : max / 127;
    view.setUint32(bodyStart + r * 4, keys[r]!, true);
    view.setFloat32(bodyStart + n * 4 + r * 4, scale, true);
    for (let k = 0; k < d; k++) view.setInt8(bytesStart + r * d + k, Math.round(rows[r * d + k]! / scale));
  }
  let off = tailStart;
  for (const v of [...mlp.hiddenBias, ...mlp.output, ...mlp.outputBias]) {
    view.setFloat32(off, v, true);
    off += 4;
  }
  return buf;
}

export function deserializeMlp(bytes: Uint8Array, source = 'mlp'): NerMlp {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new MarsadError('E_RESOURCE', `${source}: expected an NER MLP starting "${MAGIC}", found "${magic}".`, { source });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = view.getUint32(MAGIC.length, true);
  const headStart = MAGIC.length + 4;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(headStart, headStart + headLen))) as { tags: string[]; features: number; width: number };
  if (header.tags.join(' ') !== NER_TAGS.join(' ')) {
    throw new MarsadError('E_RESOURCE', `${source}: tag set ${header.tags.join(' ')} does not match ${NER_TAGS.join(' ')}; retrain the model.`, { source });
  }
  const { features: n, width: d } = header;
  const bodyStart = Math.ceil((headStart + headLen) / 4) * 4;
  const bytesStart = bodyStart + n * 8;
  const tailStart = Math.ceil((bytesStart + n * d) / 4) * 4;
  const expected = tailStart + (d + TAG_COUNT * d + TAG_COUNT) * 4;
  if (expected !== bytes.byteLength) throw new MarsadError('E_RESOURCE', `${source}: expected ${expected} bytes, found ${bytes.byteLength}.`, { source });
  const keys = new Uint32Array(n);
  const scales = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    keys[r] = view.getUint32(bodyStart + r * 4, true);
    scales[r] = view.getFloat32(bodyStart + n * 4 + r * 4, true);
  }
  // A copy: the rows outlive the file's buffer and must not pin a larger one.
  const rows = new Int8Array(bytes.subarray(bytesStart, bytesStart + n * d));
  const floats = (from: number, count: number): Float32Array => {
    const out = new Float32Array(count);
    for (let j = 0; j < count; j++) out[j] = view.getFloat32(from + j * 4, true);
    return out;
  };
  return {
    embeddings: { keys, rows, scales, width: d },
    hiddenBias: floats(tailStart, d),
    output: floats(tailStart + d * 4, TAG_COUNT * d),
    outputBias: floats(tailStart + (d + TAG_COUNT * d) * 4, TAG_COUNT),
  };
}
