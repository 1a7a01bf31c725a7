// Near-duplicate detection: MinHash signatures over match-normalised word shingles, with LSH band keys.
import { foldWord } from '../arabic/normalize.js';
import { tokenize } from '../arabic/tokenize.js';

export interface MinhashOptions {
  /** Words per shingle (default 3): long enough that two outlets' own wording of a story rarely share one. */
  shingle?: number;
  /** Signature length, a multiple of `rows` (default 128). */
  permutations?: number;
}

export interface LshOptions {
  /** Rows per band (default 3): with 128 permutations, 43 bands, so a pair at Jaccard 0.35 shares a band 85% of the time and one at 0.05 under 1%. */
  rows?: number;
}

export const DEFAULT_SHINGLE = 3;
export const DEFAULT_PERMUTATIONS = 128;
export const DEFAULT_ROWS = 3;
/**
 * Estimated Jaccard at or above which an article is folded as a reprint of another. On SaudiNewsNet, pairs at
 * 0.35–0.5 are still agency copies with edited headlines and cut paragraphs; below that, templated notices
 * (two different «القتل تعزيراً» announcements at 0.32) start to appear.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.4;

/**
 * The words a shingle is made of: word and number tokens, match-folded so that «الأمير» and «الامير»,
 * «مُحَمَّد» and «محمد», «مدينة» and «مدينه» count as the same word in a reprint that re-typed them.
 */
export function shingleWords(text: string): string[] {
  const words: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'punct' || token.kind === 'symbol') continue;
    const folded = foldWord(token.text);
    if (folded.length > 0) words.push(folded);
  }
  return words;
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3 fmix32): spreads the bits of `x ^ seed` so each seed acts as a permutation. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const seedCache = new Map<number, Uint32Array>();

function seedsFor(n: number): Uint32Array {
  let seeds = seedCache.get(n);
  if (!seeds) {
    // Fixed seeds: signatures must stay comparable across runs and machines, since the store persists them.
    seeds = new Uint32Array(n);
    let s = 0x9e3779b9;
    for (let i = 0; i < n; i++) {
      s = mix(s + i, 0x7f4a7c15);
      seeds[i] = s;
    }
    seedCache.set(n, seeds);
  }
  return seeds;
}

/** The distinct shingle hashes of a text; a text shorter than one shingle gives one shingle of all its words. */
export function shingleHashes(text: string, size = DEFAULT_SHINGLE): Uint32Array {
  const words = shingleWords(text);
  const out = new Set<number>();
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < size) out.add(hashString(words.join(' ')));
  for (let i = 0; i + size <= words.length; i++) out.add(hashString(words.slice(i, i + size).join(' ')));
  return Uint32Array.from(out);
}

/**
 * The MinHash signature of a text. An empty text gives a signature of 0xffffffff, which
 * `estimateJaccard` treats as matching nothing (two empty pages are not reprints of each other).
 */
export function minhashSignature(text: string, options: MinhashOptions = {}): Uint32Array {
  const n = options.permutations ?? DEFAULT_PERMUTATIONS;
  const seeds = seedsFor(n);
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (const h of shingleHashes(text, options.shingle ?? DEFAULT_SHINGLE)) {
    for (let i = 0; i < n; i++) {
      const v = mix(h, seeds[i] as number);
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

function isEmptySignature(sig: Uint32Array): boolean {
  for (const v of sig) if (v !== 0xffffffff) return false;
  return true;
}

/** The fraction of equal slots: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export function isNearDuplicate(a: Uint32Array, b: Uint32Array, threshold = DEFAULT_DUPLICATE_THRESHOLD): boolean {
  return estimateJaccard(a, b) >= threshold;
}

/**
 * LSH band keys: `"<band>:<hash of the band's rows>"`. The store indexes articles under each key;
 * articles sharing any key are the duplicate candidates, checked with `estimateJaccard`.
 */
export function lshBands(sig: Uint32Array, options: LshOptions = {}): string[] {
  if (isEmptySignature(sig)) return [];
  const rows = options.rows ?? DEFAULT_ROWS;
  const keys: string[] = [];
  for (let b = 0; b * rows < sig.length; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = b * rows; r < Math.min(sig.length, (b + 1) * rows); r++) h = mix(sig[r] as number, h);
    keys.push(`${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Text to sign for an article: title and body, so an agency copy under a new headline still matches on its body. */
export function duplicateText(title: string | null, text: string): string {
  return title ? `${title}\n${text}` : text;
}

/** A signature as a compact string (hex) for JSON or a TEXT column, and back. */
export function signatureToHex(sig: Uint32Array): string {
  let out = '';
  for (const v of sig) out += v.toString(16).padStart(8, '0');
  return out;
}

export function signatureFromHex(hex: string): Uint32Array {
  const sig = new Uint32Array(Math.floor(hex.length / 8));
  for (let i = 0; i < sig.length; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return sig;
}

/**
 * An in-memory duplicate index for callers without a store (tests, eval): returns the earliest added
 * article this one repeats, or null, then adds it. The store does the same with an indexed table of band keys.
 */
export interface DuplicateIndex {
  findDuplicate(sig: Uint32Array, threshold?: number): { articleId: string; jaccard: number } | null;
  add(articleId: string, sig: Uint32Array): void;
}

export function createDuplicateIndex(options: LshOptions = {}): DuplicateIndex {
  const byBand = new Map<string, string[]>();
  const sigs = new Map<string, Uint32Array>();
  return {
    findDuplicate(sig, threshold = DEFAULT_DUPLICATE_THRESHOLD) {
      let best: { articleId: string; jaccard: number } | null = null;
      const seen = new Set<string>();
      for (const key of lshBands(sig, options)) {
        for (const id of byBand.get(key) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const other = sigs.get(id);
          if (!other) continue;
          const j = estimateJaccard(sig, other);
          if (j >= threshold && (best === null || j > best.jaccard)) best = { articleId: id, jaccard: j };
        }
      }
      return best;
    },
    add(articleId, sig) {
      sigs.set(articleId, sig);
      for (const key of lshBands(sig, options)) {
        const list = byBand.get(key);
        if (list) list.push(articleId);
        else byBand.set(key, [articleId]);
      }
    },
  };
}
