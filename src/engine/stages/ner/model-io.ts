// Reading and writing the NER model directory: weights (binary), word clusters, gazetteer and news statistics (TSV with
// headers), manifest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarsadError } from '../../../model/errors.js';
import { GAZ_TYPE_BITS, NEWS_COLUMNS, NEWS_COUNT, type NerLexicon } from './features.js';
import { deserializeMlp, type NerMlp } from './mlp.js';
import { createWeightIndex, NER_TAGS, TAG_COUNT, type NerWeights, type RowTable, type WeightIndex } from './model.js';

/** Files of a model directory (resources/ner/). */
export const NER_FILES = {
  weights: 'weights.bin',
  /** Optional: the document pass (second stage); without it the tagger runs the first pass only. */
  documentWeights: 'weights-doc.bin',
  /** Optional: the MLP whose log-probabilities join both passes' scores (mlp.ts). */
  mlp: 'mlp.bin',
  clusters: 'clusters.tsv',
  gazetteer: 'gazetteer.tsv',
  /** Optional: how news uses each stem (scripts/build-word-stats.ts). */
  stats: 'wordstats.tsv',
  manifest: 'manifest.json',
} as const;

export interface NerModel {
  readonly weights: NerWeights;
  /** The first pass's weights (table 0) and, when the model has them, the document pass's and the MLP's embeddings, under one index. */
  readonly index: WeightIndex;
  readonly lexicon: NerLexicon;
  /** The second, document-level pass (see document.ts), when the model has one; `table` is its table in the index. */
  readonly document?: { readonly weights: NerWeights; readonly table: number };
  /**
   * The MLP (mlp.ts), when the model has one: `weight` × its log-probabilities join the scores of every pass
   * (manifest decoding.mlpWeight); `table` holds its embeddings in the index.
   */
  readonly mlp?: { readonly net: NerMlp; readonly weight: number; readonly table: number };
  /** The manifest as written by scripts/train-ner.ts (config, data hashes, scores). */
  readonly manifest: Record<string, unknown>;
  /**
   * Subtracted from the O score of every token in the last pass: the perceptron is more precise than it
   * recalls, so a penalty tuned on held-out data trades a little precision for recall (manifest decoding.oPenalty).
   */
  readonly oPenalty: number;
}

const MAGIC = 'MNERW1';

/**
 * Binary weights: "MNERW1", uint32 header length, JSON header {tags, features, scale}, padding to 4,
 * uint32 keys[features], int16 rows[features × tags] (value × scale), float32 transitions[(tags+1) × tags].
 */
export function serializeWeights(weights: NerWeights): Uint8Array {
  let max = 0;
  for (const v of weights.rows) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 32767;
  const header = new TextEncoder().encode(JSON.stringify({ tags: NER_TAGS, features: weights.keys.length, scale }));
  const headStart = MAGIC.length + 4;
  const bodyStart = Math.ceil((headStart + header.length) / 4) * 4;
  const n = weights.keys.length;
  const total = bodyStart + n * 4 + n * TAG_COUNT * 2 + (n * TAG_COUNT * 2) % 4 + weights.transitions.length * 4;
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  buf.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(MAGIC.length, header.length, true);
  buf.set(header, headStart);
  let off = bodyStart;
  for (let i = 0; i < n; i++, off += 4) view.setUint32(off, weights.keys[i]!, true);
  for (let i = 0; i < n * TAG_COUNT; i++, off += 2) view.setInt16(off, Math.round(weights.rows[i]! / scale), true);
  off += (n * TAG_COUNT * 2) % 4;
  for (let i = 0; i < weights.transitions.length; i++, off += 4) view.setFloat32(off, weights.transitions[i]!, true);
  return buf;
}

export function deserializeWeights(bytes: Uint8Array, source = 'weights'): NerWeights {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new MarsadError('E_RESOURCE', `${source}: expected NER weights starting "${MAGIC}", found "${magic}".`, { source });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = view.getUint32(MAGIC.length, true);
  const headStart = MAGIC.length + 4;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(headStart, headStart + headLen))) as {
    tags: string[];
    features: number;
    scale: number;
  };
  if (header.tags.join(' ') !== NER_TAGS.join(' ')) {
    throw new MarsadError('E_RESOURCE', `${source}: tag set ${header.tags.join(' ')} does not match ${NER_TAGS.join(' ')}; retrain the model.`, { source });
  }
  const n = header.features;
  let off = Math.ceil((headStart + headLen) / 4) * 4;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++, off += 4) keys[i] = view.getUint32(off, true);
  const rows = new Float32Array(n * TAG_COUNT);
  for (let i = 0; i < n * TAG_COUNT; i++, off += 2) rows[i] = view.getInt16(off, true) * header.scale;
  off += (n * TAG_COUNT * 2) % 4;
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let i = 0; i < transitions.length; i++, off += 4) transitions[i] = view.getFloat32(off, true);
  if (off !== bytes.byteLength) throw new MarsadError('E_RESOURCE', `${source}: expected ${off} bytes, found ${bytes.byteLength}.`, { source });
  return { keys, rows, transitions };
}

/** Parses clusters.tsv: "#" header lines, then `word<TAB>coarse<TAB>medium<TAB>fine`. */
export function parseClusters(text: string, source: string = NER_FILES.clusters): Map<string, readonly [number, number, number]> {
  const out = new Map<string, readonly [number, number, number]>();
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split('\t');
    if (parts.length !== 4) throw new MarsadError('E_RESOURCE', `${source}:${lineNo}: expected 4 tab-separated fields, found ${parts.length}.`, { source });
    out.set(parts[0]!, [Number(parts[1]), Number(parts[2]), Number(parts[3])]);
  }
  return out;
}

/**
 * Parses wordstats.tsv: "#" header lines, then a folded stem and its NEWS_COLUMNS counts (features.ts), or only
 * its first three (occurrences, with the article, with a suffix), tab-separated.
 */
export function parseWordStats(text: string, source: string = NER_FILES.stats): Map<string, Uint32Array> {
  const out = new Map<string, Uint32Array>();
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const counts = tab >= 0 ? parseCounts(line, tab + 1) : undefined; // the stem may be empty: a token of tatweel alone
    if (counts === undefined || (counts.length !== 3 && counts.length !== NEWS_COLUMNS) || counts[NEWS_COUNT]! < 1) {
      throw new MarsadError('E_RESOURCE', `${source}:${lineNo}: expected a stem and 3 or ${NEWS_COLUMNS} counts, tab-separated, found "${line}".`, { source });
    }
    out.set(line.slice(0, tab), counts);
  }
  return out;
}

/** Tab-separated decimal counts from `from` to the end of the line, or undefined at anything else (a hot loop at load). */
function parseCounts(line: string, from: number): Uint32Array | undefined {
  const values: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = from; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 9;
    if (c === 9) {
      if (digits === 0) return undefined;
      values.push(value);
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 10) {
      value = value * 10 + (c - 48);
      digits++;
    } else return undefined;
  }
  return Uint32Array.from(values);
}

const GAZ_BITS = GAZ_TYPE_BITS;

/** Parses gazetteer.tsv: "#" header lines, then `folded name<TAB>TYPE[|TYPE…]` with TYPE in PER, LOC, ORG, GIVEN,
 * KPER, KLOC, KORG (knowledge-base names), NORP (nationality adjectives), TPER, TLOC, TORG (trigger words). */
export function parseGazetteer(text: string, source: string = NER_FILES.gazetteer): { gazetteer: Map<string, number>; maxWords: number } {
  const gazetteer = new Map<string, number>();
  let maxWords = 0;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    const [name, types] = line.split('\t');
    if (name === undefined || types === undefined) {
      throw new MarsadError('E_RESOURCE', `${source}:${lineNo}: expected "name<TAB>TYPES", found "${line}".`, { source });
    }
    let bits = 0;
    for (const t of types.split('|')) {
      const b = GAZ_BITS[t];
      if (b === undefined) throw new MarsadError('E_RESOURCE', `${source}:${lineNo}: unknown type "${t}" (expected one of ${Object.keys(GAZ_BITS).join(', ')}).`, { source });
      bits |= b;
    }
    gazetteer.set(name, (gazetteer.get(name) ?? 0) | bits);
    maxWords = Math.max(maxWords, name.split(' ').length);
  }
  return { gazetteer, maxWords };
}

function readResource(dir: string, file: string): Buffer {
  const path = join(dir, file);
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new MarsadError('E_RESOURCE', `NER model file ${path} could not be read; run \`npm run train:ner\` or check the path.`, { cause, source: path });
  }
}

/**
 * The lexicon of a model directory: clusters and gazetteer (required), news statistics (optional, used when
 * present: a model is trained and run with the same files).
 */
export function loadNerLexicon(dir: string): NerLexicon {
  const clusters = parseClusters(readResource(dir, NER_FILES.clusters).toString('utf8'), join(dir, NER_FILES.clusters));
  const { gazetteer, maxWords } = parseGazetteer(readResource(dir, NER_FILES.gazetteer).toString('utf8'), join(dir, NER_FILES.gazetteer));
  const statsPath = join(dir, NER_FILES.stats);
  const stats = existsSync(statsPath) ? parseWordStats(readFileSync(statsPath, 'utf8'), statsPath) : undefined;
  return { clusters, gazetteer, gazetteerMaxWords: maxWords, ...(stats === undefined ? {} : { stats }) };
}

/** Loads a model directory written by scripts/train-ner.ts (resources/ner/). */
export function loadNerModel(dir: string): NerModel {
  const weights = deserializeWeights(new Uint8Array(readResource(dir, NER_FILES.weights)), join(dir, NER_FILES.weights));
  const lexicon = loadNerLexicon(dir);
  const manifest = JSON.parse(readResource(dir, NER_FILES.manifest).toString('utf8')) as Record<string, unknown>;
  const docPath = join(dir, NER_FILES.documentWeights);
  const document = existsSync(docPath) ? deserializeWeights(new Uint8Array(readFileSync(docPath)), docPath) : undefined;
  const mlpPath = join(dir, NER_FILES.mlp);
  const mlp = existsSync(mlpPath) ? deserializeMlp(new Uint8Array(readFileSync(mlpPath)), mlpPath) : undefined;
  return createNerModel(weights, lexicon, manifest, document, mlp);
}

/**
 * A model from weights and a lexicon already in memory (tests, training). The manifest's `decoding` gives the O
 * penalty and the MLP's weight (both 0 when absent; an MLP of weight 0 is left out).
 */
export function createNerModel(weights: NerWeights, lexicon: NerLexicon, manifest: Record<string, unknown> = {}, document?: NerWeights, mlp?: NerMlp): NerModel {
  const decoding = (manifest.decoding ?? {}) as { oPenalty?: unknown; mlpWeight?: unknown };
  const oPenalty = typeof decoding.oPenalty === 'number' ? decoding.oPenalty : 0;
  const mlpWeight = typeof decoding.mlpWeight === 'number' ? decoding.mlpWeight : 0;
  const tables: RowTable[] = [weights];
  const table = (rows: RowTable): number => tables.push(rows) - 1;
  return {
    weights,
    lexicon,
    manifest,
    oPenalty,
    ...(document === undefined ? {} : { document: { weights: document, table: table(document) } }),
    ...(mlp === undefined || mlpWeight === 0 ? {} : { mlp: { net: mlp, weight: mlpWeight, table: table(mlp.embeddings) } }),
    index: createWeightIndex(...tables),
  };
}
