// Document features for the second NER pass: how the first pass labelled the same word elsewhere in the
// document («الليكود» tagged ORG in one sentence helps the bare «الليكود» three sentences later).
import { EMPTY_LEXICON, hashFeature, stemOf, type NerLexicon } from './features.js';

/** Entity types of the first pass that a word can be given. */
const TYPES = ['PERS', 'LOC', 'ORG', 'MISC'] as const;

/**
 * Per sentence, per token: hashed features from first-pass tags of the same key in the other sentences
 * within `window` sentences (the whole document when `window` is Infinity), and the token's own first-pass tag.
 * Pass the model's lexicon so the stems come from its memo (speed only; results are the same).
 */
export function documentFeatureHashes(
  sentences: readonly (readonly string[])[],
  firstPass: readonly (readonly string[])[],
  window: number,
  lexicon: NerLexicon = EMPTY_LEXICON,
): Uint32Array[][] {
  // Words are pooled under their folded stem («وبالليكود» → «ليكود»); the lexicon only lends its memo.
  const keys = sentences.map((tokens) => tokens.map((t) => stemOf(t, lexicon)));
  // counts[s] : key → [PERS, LOC, ORG, MISC, O] counts within sentence s.
  const perSentence = keys.map((ks, s) => {
    const m = new Map<string, number[]>();
    ks.forEach((k, i) => {
      if (k.length < 2) return;
      const tag = firstPass[s]![i]!;
      const t = tag === 'O' ? 4 : TYPES.indexOf(tag.slice(2) as (typeof TYPES)[number]);
      let c = m.get(k);
      if (c === undefined) m.set(k, (c = [0, 0, 0, 0, 0]));
      c[t < 0 ? 4 : t]!++;
    });
    return m;
  });
  const whole = !Number.isFinite(window);
  let total: Map<string, number[]> | undefined;
  if (whole) {
    total = new Map();
    for (const m of perSentence) {
      for (const [k, c] of m) {
        const t = total.get(k) ?? [0, 0, 0, 0, 0];
        for (let j = 0; j < 5; j++) t[j]! += c[j]!;
        total.set(k, t);
      }
    }
  }
  return keys.map((ks, s) => {
    const counts = (k: string): number[] => {
      const out = [0, 0, 0, 0, 0];
      if (whole) {
        const t = total!.get(k);
        const own = perSentence[s]!.get(k);
        if (t !== undefined) for (let j = 0; j < 5; j++) out[j] = t[j]! - (own?.[j] ?? 0);
        return out;
      }
      for (let o = Math.max(0, s - window); o <= Math.min(keys.length - 1, s + window); o++) {
        if (o === s) continue;
        const c = perSentence[o]!.get(k);
        if (c !== undefined) for (let j = 0; j < 5; j++) out[j]! += c[j]!;
      }
      return out;
    };
    return ks.map((k, i) => {
      const features: string[] = ['p1=' + firstPass[s]![i]!];
      const prev = i > 0 ? firstPass[s]![i - 1]! : '<s>';
      const next = i + 1 < ks.length ? firstPass[s]![i + 1]! : '</s>';
      features.push('p1ctx=' + prev + '|' + firstPass[s]![i]! + '|' + next);
      if (k.length >= 2) {
        const c = counts(k);
        let best = -1;
        for (let j = 0; j < 4; j++) if (c[j]! > 0 && (best < 0 || c[j]! > c[best]!)) best = j;
        const entity = c[0]! + c[1]! + c[2]! + c[3]!;
        if (best >= 0) {
          features.push('doc=' + TYPES[best]!);
          features.push('docr=' + TYPES[best]! + (entity >= c[4]! ? '+' : '-'));
        } else if (c[4]! > 0) {
          features.push('doc=O');
        }
      }
      return Uint32Array.from(features.map(hashFeature));
    });
  });
}

/** Concatenates base and document feature hashes token by token. */
export function joinFeatures(base: readonly Uint32Array[], extra: readonly Uint32Array[]): Uint32Array[] {
  return base.map((b, i) => {
    const e = extra[i]!;
    const out = new Uint32Array(b.length + e.length);
    out.set(b);
    out.set(e, b.length);
    return out;
  });
}
