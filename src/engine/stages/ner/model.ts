// The NER model: BIO tag set, hashed-feature weight table, first-order transitions, Viterbi and posteriors.

/** ANERcorp's tag set. I-X may only follow B-X or I-X; decoding enforces it. */
export const NER_TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type NerTag = (typeof NER_TAGS)[number];
export const TAG_COUNT = NER_TAGS.length;

/** Weights over hashed features: `keys[r]` is the feature hash of row r, `rows` holds TAG_COUNT weights per row. */
export interface NerWeights {
  readonly keys: Uint32Array;
  readonly rows: Float32Array;
  /** (TAG_COUNT + 1) × TAG_COUNT: row TAG_COUNT is the sentence start. */
  readonly transitions: Float32Array;
}

/**
 * A weight table ready for lookups: open addressing over the feature hashes, each slot holding the hash and its
 * row + 1 side by side (0: empty), so a probe reads one cache line instead of the slot and then the key array.
 */
export interface WeightIndex {
  readonly weights: NerWeights;
  readonly mask: number;
  readonly table: Uint32Array;
}

export function createWeightIndex(weights: NerWeights): WeightIndex {
  let size = 1;
  while (size < weights.keys.length * 2) size <<= 1;
  const mask = size - 1;
  const table = new Uint32Array(size * 2);
  const { keys } = weights;
  for (let r = 0; r < keys.length; r++) {
    let slot = mix(keys[r]!) & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = keys[r]!;
    table[2 * slot + 1] = r + 1;
  }
  return { weights, mask, table };
}

/** Spreads the FNV hash bits before masking (consecutive templates share prefixes). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The weight row of a feature hash, or -1 when the model never saw it. */
export function findRow(index: WeightIndex, hash: number): number {
  const { table, mask } = index;
  let slot = mix(hash) & mask;
  for (;;) {
    const r = table[2 * slot + 1]!;
    if (r === 0) return -1;
    if (table[2 * slot] === hash) return r - 1;
    slot = (slot + 1) & mask;
  }
}

/** True when tag `to` may follow tag `from` (from = -1 for the sentence start). */
export function allowedTransition(from: number, to: number): boolean {
  const t = NER_TAGS[to]!;
  if (!t.startsWith('I-')) return true;
  if (from < 0) return false;
  const f = NER_TAGS[from]!;
  return f !== 'O' && f.slice(2) === t.slice(2);
}

const ALLOWED: boolean[] = [];
for (let from = -1; from < TAG_COUNT; from++) for (let to = 0; to < TAG_COUNT; to++) ALLOWED.push(allowedTransition(from, to));
/** ALLOWED_AT[(from + 1) * TAG_COUNT + to]. */
const isAllowed = (from: number, to: number): boolean => ALLOWED[(from + 1) * TAG_COUNT + to]!;

/** Emission scores, token-major: out[i * TAG_COUNT + y], from resolved weight rows (-1: no row). Training's path. */
export function emissionScores(rows: Float32Array, featureRows: readonly Int32Array[]): Float64Array {
  const n = featureRows.length;
  const out = new Float64Array(n * TAG_COUNT);
  for (let i = 0; i < n; i++) {
    const fr = featureRows[i]!;
    const base = i * TAG_COUNT;
    for (let k = 0; k < fr.length; k++) {
      const r = fr[k]!;
      if (r < 0) continue;
      const off = r * TAG_COUNT;
      for (let y = 0; y < TAG_COUNT; y++) out[base + y]! += rows[off + y]!;
    }
  }
  return out;
}

/** Adds the weight rows of `hashes` into `out` at `base`. */
function addRows(index: WeightIndex, hashes: Uint32Array, out: Float64Array, base: number): void {
  const rows = index.weights.rows;
  for (let k = 0; k < hashes.length; k++) {
    const r = findRow(index, hashes[k]!);
    if (r < 0) continue;
    const off = r * TAG_COUNT;
    for (let y = 0; y < TAG_COUNT; y++) out[base + y]! += rows[off + y]!;
  }
}

/** Per weight index: memoised score sums of token-local feature arrays (keyed by the shared array object). */
const LOCAL_SUMS = new WeakMap<WeightIndex, WeakMap<Uint32Array, Float64Array>>();

/**
 * Emission scores from feature parts: `local[i]` arrays are shared by every occurrence of a token, so
 * their sums are memoised per model; `context[i]` (and `extra[i]`, when given) are summed each time.
 */
export function emissionScoresOfParts(
  index: WeightIndex,
  local: readonly Uint32Array[],
  context: readonly Uint32Array[],
  extra?: readonly Uint32Array[],
): Float64Array {
  const n = local.length;
  let memo = LOCAL_SUMS.get(index);
  if (memo === undefined) LOCAL_SUMS.set(index, (memo = new WeakMap()));
  const out = new Float64Array(n * TAG_COUNT);
  for (let i = 0; i < n; i++) {
    const l = local[i]!;
    let sum = memo.get(l);
    if (sum === undefined) {
      sum = new Float64Array(TAG_COUNT);
      addRows(index, l, sum, 0);
      memo.set(l, sum);
    }
    const base = i * TAG_COUNT;
    for (let y = 0; y < TAG_COUNT; y++) out[base + y] = sum[y]!;
    addRows(index, context[i]!, out, base);
    if (extra !== undefined) addRows(index, extra[i]!, out, base);
  }
  return out;
}

/** The best tag sequence under emissions + transitions, honouring the BIO constraint. */
export function viterbi(emissions: Float64Array, transitions: ArrayLike<number>, n: number): number[] {
  if (n === 0) return [];
  const L = TAG_COUNT;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) {
    score[y] = isAllowed(-1, y) ? emissions[y]! + transitions[L * L + y]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!isAllowed(p, y)) continue;
        const s = score[(i - 1) * L + p]! + transitions[p * L + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + y] = best + emissions[i * L + y]!;
      back[i * L + y] = arg;
    }
  }
  let last = 0;
  for (let y = 1; y < L; y++) if (score[(n - 1) * L + y]! > score[(n - 1) * L + last]!) last = y;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + path[i]!]!;
  return path;
}

/**
 * Per-token tag posteriors from a CRF-style forward–backward over the perceptron scores divided by
 * `temperature`; used only as a confidence, not for decoding.
 */
export function posteriors(emissions: Float64Array, transitions: ArrayLike<number>, n: number, temperature: number): Float64Array {
  const L = TAG_COUNT;
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const t = 1 / temperature;
  const trans = new Float64Array((L + 1) * L);
  for (let from = -1; from < L; from++) {
    for (let y = 0; y < L; y++) {
      trans[(from < 0 ? L : from) * L + y] = isAllowed(from, y) ? Math.exp(transitions[(from < 0 ? L : from) * L + y]! * t) : 0;
    }
  }
  const emit = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let y = 0; y < L; y++) m = Math.max(m, emissions[i * L + y]!);
    for (let y = 0; y < L; y++) emit[i * L + y] = Math.exp((emissions[i * L + y]! - m) * t);
  }
  const normalize = (arr: Float64Array, i: number): void => {
    let s = 0;
    for (let y = 0; y < L; y++) s += arr[i * L + y]!;
    if (s > 0) for (let y = 0; y < L; y++) arr[i * L + y]! /= s;
  };
  for (let y = 0; y < L; y++) alpha[y] = trans[L * L + y]! * emit[y]!;
  normalize(alpha, 0);
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let s = 0;
      for (let p = 0; p < L; p++) s += alpha[(i - 1) * L + p]! * trans[p * L + y]!;
      alpha[i * L + y] = s * emit[i * L + y]!;
    }
    normalize(alpha, i);
  }
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < L; p++) {
      let s = 0;
      for (let y = 0; y < L; y++) s += trans[p * L + y]! * emit[(i + 1) * L + y]! * beta[(i + 1) * L + y]!;
      beta[i * L + p] = s;
    }
    normalize(beta, i);
  }
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    for (let y = 0; y < L; y++) out[i * L + y] = alpha[i * L + y]! * beta[i * L + y]!;
    normalize(out, i);
  }
  return out;
}
