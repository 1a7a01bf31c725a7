// The NER model: BIO tag set, hashed-feature weight table, first-order transitions, Viterbi and posteriors.

/** ANERcorp's tag set. I-X may only follow B-X or I-X; decoding enforces it. */
export const NER_TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type NerTag = (typeof NER_TAGS)[number];
export const TAG_COUNT = NER_TAGS.length;

/** Rows over hashed features: `keys[r]` is the feature hash of row r, `rows` holds `width` numbers per row (default TAG_COUNT). */
export interface FeatureRows {
  readonly keys: Uint32Array;
  readonly rows: Float32Array;
  readonly width?: number;
}

/**
 * Rows stored as bytes: row r's numbers are `rows[r × width + k] × scales[r]`. A quarter of the memory of floats
 * (the MLP's embeddings: peak RSS 330 MB instead of 402), and no conversion at load.
 */
export interface ByteFeatureRows {
  readonly keys: Uint32Array;
  readonly rows: Int8Array;
  readonly scales: Float32Array;
  readonly width: number;
}

export type RowTable = FeatureRows | ByteFeatureRows;

/** Perceptron weights: a row of TAG_COUNT weights per feature, and the transitions. */
export interface NerWeights extends FeatureRows {
  /** (TAG_COUNT + 1) × TAG_COUNT: row TAG_COUNT is the sentence start. */
  readonly transitions: Float32Array;
}

const widthOf = (t: RowTable): number => t.width ?? TAG_COUNT;

/**
 * Row tables ready for lookups: open addressing over the feature hashes, each slot holding the hash and then,
 * per table, its row + 1 (0: not in that table), side by side, so one probe reads one cache line and finds the
 * feature in every table: the first pass, the document pass and the MLP's embeddings share their lookups.
 */
export interface WeightIndex {
  readonly tables: readonly RowTable[];
  /** Per table: its width, and its rows as floats or as bytes with their scales (the other undefined). */
  readonly widths: readonly number[];
  readonly floats: readonly (Float32Array | undefined)[];
  readonly bytes: readonly ({ rows: Int8Array; scales: Float32Array } | undefined)[];
  /** Where each table's numbers start in a token's memoised local sums, and their total (the sum of the widths). */
  readonly starts: readonly number[];
  readonly sumLength: number;
  readonly mask: number;
  /** 1 + tables.length numbers per slot. */
  readonly stride: number;
  readonly table: Uint32Array;
}

export function createWeightIndex(...tables: RowTable[]): WeightIndex {
  const stride = 1 + tables.length;
  // Sized for every key of every table: shared keys leave some slots spare, a set to count them would cost more.
  const keys = tables.reduce((n, t) => n + t.keys.length, 0);
  let size = 1;
  while (size < keys * 2) size <<= 1;
  const mask = size - 1;
  const table = new Uint32Array(size * stride);
  tables.forEach((t, k) => {
    for (let r = 0; r < t.keys.length; r++) {
      const hash = t.keys[r]!;
      let slot = mix(hash) & mask;
      while (occupied(table, slot, stride) && table[slot * stride] !== hash) slot = (slot + 1) & mask;
      table[slot * stride] = hash;
      table[slot * stride + 1 + k] = r + 1;
    }
  });
  const widths = tables.map(widthOf);
  const starts = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0));
  return {
    tables,
    widths,
    starts,
    sumLength: widths.reduce((a, b) => a + b, 0),
    floats: tables.map((t) => ('scales' in t ? undefined : t.rows)),
    bytes: tables.map((t) => ('scales' in t ? { rows: t.rows, scales: t.scales } : undefined)),
    mask,
    stride,
    table,
  };
}

function occupied(table: Uint32Array, slot: number, stride: number): boolean {
  for (let k = 1; k < stride; k++) if (table[slot * stride + k] !== 0) return true;
  return false;
}

/** Spreads the FNV hash bits before masking (consecutive templates share prefixes). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The slot of a feature hash (its rows follow the hash), or -1 when no table has it. */
function findSlot(index: WeightIndex, hash: number): number {
  const { table, mask, stride } = index;
  let slot = mix(hash) & mask;
  for (;;) {
    const at = slot * stride;
    if (table[at] === hash && occupied(table, slot, stride)) return at;
    if (!occupied(table, slot, stride)) return -1;
    slot = (slot + 1) & mask;
  }
}

/** The row of a feature hash in table `k` (default the first), or -1 when that table never saw it. */
export function findRow(index: WeightIndex, hash: number, k = 0): number {
  const at = findSlot(index, hash);
  return at < 0 ? -1 : index.table[at + 1 + k]! - 1;
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

/** Adds row `r` of table `k` into `out` at `base`. */
function addRow(index: WeightIndex, k: number, r: number, out: Float64Array, base: number): void {
  const width = index.widths[k]!;
  const off = r * width;
  const floats = index.floats[k];
  if (floats !== undefined) {
    for (let y = 0; y < width; y++) out[base + y]! += floats[off + y]!;
    return;
  }
  const { rows, scales } = index.bytes[k]!;
  const scale = scales[r]!;
  for (let y = 0; y < width; y++) out[base + y]! += rows[off + y]! * scale;
}

/** Adds the rows of `hashes` in every table into `out[k]` at `base[k]`. */
function addAllRows(index: WeightIndex, hashes: Uint32Array, out: readonly Float64Array[], base: readonly number[]): void {
  const { table, tables } = index;
  for (let h = 0; h < hashes.length; h++) {
    const at = findSlot(index, hashes[h]!);
    if (at < 0) continue;
    for (let k = 0; k < tables.length; k++) {
      const r = table[at + 1 + k]! - 1;
      if (r >= 0) addRow(index, k, r, out[k]!, base[k]!);
    }
  }
}

/** Adds the rows of `hashes` in table `k` alone into `out` at `base` (features only that table knows). */
export function addRows(index: WeightIndex, k: number, hashes: Uint32Array, out: Float64Array, base: number): void {
  for (let h = 0; h < hashes.length; h++) {
    const at = findSlot(index, hashes[h]!);
    if (at < 0) continue;
    const r = index.table[at + 1 + k]! - 1;
    if (r >= 0) addRow(index, k, r, out, base);
  }
}

/** Per weight index: memoised row sums (every table's, one after the other) of token-local feature arrays. */
const LOCAL_SUMS = new WeakMap<WeightIndex, WeakMap<Uint32Array, Float64Array>>();

/**
 * Row sums of every table of the index from feature parts, one array per table (n × the table's width): for the
 * perceptrons these are emission scores. `local[i]` arrays are shared by every occurrence of a token, so their sums
 * are memoised per index; `context[i]` are summed each time.
 */
export function emissionScoresOfParts(index: WeightIndex, local: readonly Uint32Array[], context: readonly Uint32Array[]): Float64Array[] {
  const n = local.length;
  const { widths, starts } = index;
  let memo = LOCAL_SUMS.get(index);
  if (memo === undefined) LOCAL_SUMS.set(index, (memo = new WeakMap()));
  const out = widths.map((w) => new Float64Array(n * w));
  // A token's local sums of every table, side by side in one array.
  const one = new Float64Array(index.sumLength);
  const oneOut = widths.map(() => one);
  const bases = widths.map(() => 0);
  for (let i = 0; i < n; i++) {
    const l = local[i]!;
    let sum = memo.get(l);
    if (sum === undefined) {
      one.fill(0);
      addAllRows(index, l, oneOut, starts);
      sum = Float64Array.from(one);
      memo.set(l, sum);
    }
    for (let k = 0; k < widths.length; k++) {
      const width = widths[k]!;
      const o = out[k]!;
      const base = (bases[k] = i * width);
      const from = starts[k]!;
      for (let y = 0; y < width; y++) o[base + y] = sum[from + y]!;
    }
    addAllRows(index, context[i]!, out, bases);
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
