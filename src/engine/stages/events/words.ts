// Words of running text with their match keys (clitics stripped, match-folded), and a phrase matcher over them.
import { foldWord } from '../../../arabic/normalize.js';
import { tokenize, type Token } from '../../../arabic/tokenize.js';
import type { Entity, Mention } from '../../../model/analysis.js';

/** A token with the keys it can match: «وأدان» matches «ادان», «المتظاهرين» matches «متظاهرين». */
export interface MatchWord {
  start: number;
  end: number;
  text: string;
  kind: Token['kind'];
  /** foldWord of the surface token («وأدان» → «وادان»). */
  folded: string;
  /** Candidate stems, most literal first; each with whether a future «س» was stripped («سيرسل» → «يرسل»). */
  keys: ReadonlyArray<{ key: string; future: boolean }>;
}

const CONJUNCTIONS = ['و', 'ف']; // و «and», ف «so»
const PREPOSITIONS = ['ب', 'ل', 'ك']; // ب «with», ل «for», ك «like»
const ARTICLE = 'ال'; // ال
const LAM_ARTICLE = 'لل'; // ل + ال written «لل»: «للمتظاهرين»
const FUTURE = 'س'; // س «will», only before an imperfect prefix
const IMPERFECT_PREFIXES = 'يتنا'; // after folding أ → ا
/** Pronoun enclitics, longest first («اتصاله» → «اتصال»). */
const ENCLITICS = ['هما', 'هم', 'ها', 'نا', 'ه'];
const MIN_STEM = 2;
const TA_MARBUTA = 'ة'; // ة, folded to ه for matching

/** Candidate match keys of one folded token, literal first. */
export function keysOf(folded: string, taMarbuta = false): Array<{ key: string; future: boolean }> {
  const out: Array<{ key: string; future: boolean }> = [];
  const seen = new Set<string>();
  const add = (key: string, future: boolean) => {
    if (key.length < MIN_STEM || seen.has(key)) return;
    seen.add(key);
    out.push({ key, future });
  };
  const bases = [folded];
  for (const c of CONJUNCTIONS) if (folded.startsWith(c) && folded.length > c.length + MIN_STEM) bases.push(folded.slice(c.length));
  for (const base of bases) {
    add(base, false);
    if (base.startsWith(LAM_ARTICLE) && base.length > 4) add(base.slice(2), false);
    for (const p of PREPOSITIONS) {
      if (base.startsWith(p + ARTICLE) && base.length > 5) add(base.slice(3), false);
      else if (base.startsWith(p) && base.length > 3) add(base.slice(1), false);
    }
    if (base.startsWith(ARTICLE) && base.length > 4) add(base.slice(2), false);
    if (base.startsWith(FUTURE) && base.length > 3 && IMPERFECT_PREFIXES.includes(base[1] as string)) add(base.slice(1), true);
  }
  // enclitics last: «اتصاله» → «اتصال», «وتدينها» → «تدين»; never from a ة folded to ه («وزارة» is not «وزار» + ه)
  if (taMarbuta) return out;
  for (const { key, future } of [...out]) {
    for (const e of ENCLITICS) {
      if (key.endsWith(e) && key.length - e.length >= 3) {
        add(key.slice(0, -e.length), future);
        break;
      }
    }
  }
  return out;
}

/** The words of a text (Arabic and Latin words; numbers and punctuation are kept as words without keys). */
export function findMatchWords(text: string): MatchWord[] {
  // an article repeats its words: keys are computed once per surface form
  const memo = new Map<string, { folded: string; keys: ReadonlyArray<{ key: string; future: boolean }> }>();
  return tokenize(text).map((t) => {
    let hit = memo.get(t.text);
    if (!hit) {
      const folded = foldWord(t.text);
      const word = t.kind === 'word' || t.kind === 'latin';
      const taMarbuta = t.text.replace(/[\u064B-\u065F\u0670]+$/u, '').endsWith(TA_MARBUTA);
      hit = { folded, keys: word ? keysOf(folded, taMarbuta) : [] };
      memo.set(t.text, hit);
    }
    return { start: t.start, end: t.end, text: t.text, kind: t.kind, folded: hit.folded, keys: hit.keys };
  });
}

/** True when the word can be read as the folded form `key` (after stripping clitics). */
export function wordIs(word: MatchWord | undefined, key: string): boolean {
  if (!word) return false;
  for (const k of word.keys) if (k.key === key) return true;
  return false;
}

/** True when the word is one of the keys. */
export function wordIn(word: MatchWord | undefined, keys: ReadonlySet<string>): boolean {
  if (!word) return false;
  for (const k of word.keys) if (keys.has(k.key)) return true;
  return false;
}

/** A phrase index: entries keyed by their first word, longest first. */
export interface PhraseIndex<T> {
  /** The longest entry that starts at word `i`, with how many words it covers and whether «س» was stripped. */
  matchAt(words: readonly MatchWord[], i: number): { value: T; length: number; future: boolean } | null;
}

/** Folds each word of a phrase as written in a lexicon («أدان» → «ادان»). */
export function foldPhrase(phrase: string): string[] {
  return phrase.split(/\s+/u).filter((w) => w.length > 0).map(foldWord);
}

export function createPhraseIndex<T>(entries: ReadonlyArray<{ phrase: string; value: T }>): PhraseIndex<T> {
  const byFirst = new Map<string, Array<{ words: string[]; value: T }>>();
  for (const { phrase, value } of entries) {
    const words = foldPhrase(phrase);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push({ words, value });
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return {
    matchAt(words, i) {
      const w = words[i];
      if (!w) return null;
      for (const { key, future } of w.keys) {
        const list = byFirst.get(key);
        if (!list) continue;
        for (const entry of list) {
          let ok = true;
          for (let j = 1; j < entry.words.length; j++) {
            // later words of a phrase may carry the article or a preposition: «مدافع المياه»
            if (!wordIs(words[i + j], entry.words[j] as string)) {
              ok = false;
              break;
            }
          }
          if (ok) return { value: entry.value, length: entry.words.length, future };
        }
      }
      return null;
    },
  };
}

/** An entity mention with its entity, for argument finding. */
export interface PlacedMention {
  entity: Entity;
  mention: Mention;
}

/** All body-text mentions of all entities, in text order. */
export function placedMentions(entities: readonly Entity[]): PlacedMention[] {
  const out: PlacedMention[] = [];
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (mention.field !== undefined && mention.field !== 'text') continue;
      out.push({ entity, mention });
    }
  }
  out.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  return out;
}

/** Index of the first word that starts at or after `offset`. */
export function wordIndexAt(words: readonly MatchWord[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as MatchWord).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SCRATCH_KEY = 'matchWords';

/** The match words of `text`, made once per document and shared through the pipeline's scratch (quotes → events). */
export function sharedMatchWords(scratch: Record<string, unknown>, text: string): readonly MatchWord[] {
  const held = scratch[SCRATCH_KEY] as { text: string; words: readonly MatchWord[] } | undefined;
  if (held && held.text === text) return held.words;
  const words = findMatchWords(text);
  scratch[SCRATCH_KEY] = { text, words };
  return words;
}
