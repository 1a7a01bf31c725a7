// Nominal mentions: titles and roles (الرئيس الكازاخستاني، رئيس وزراء أرمينيا، وزير الخارجية الروسي، نظيره التركي)
// resolved to the office and country they name, and anaphoric «الوزارة» / «المتحدث باسم …» phrases.
import type { KnowledgeBase } from './kb.js';
import { nameKey, procliticLength } from './keys.js';
import { matchAt, type LinkToken } from './find-names.js';

/** A title phrase found in the text: the office, the country it names, and its token span. */
export interface RoleMention {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  role: string;
  /** Whose office: an ISO country code, an organisation's entity id (الأمين العام للأمم المتحدة), or null
   * for «نظيره» without an adjective (the counterpart's own country is unknown). */
  country: string | null;
  /** True for «نظيره التركي»: the same office as the last resolved title, in another country. */
  counterpart: boolean;
}

/** Title heads: the words (folded) before a nationality adjective or a country name. */
interface TitlePattern {
  words: string[];
  role: string;
  /** `adj`: followed by a nationality adjective («الرئيس الكازاخستاني»); `country`: by a country name («رئيس وزراء أرمينيا»). */
  follow: 'adj' | 'country' | 'org' | 'fixed';
  /** For `fixed` titles that name their country themselves («خادم الحرمين الشريفين» is Saudi Arabia's king). */
  country?: string;
}

const TITLES: readonly TitlePattern[] = ([
  { words: ['الرئيس'], role: 'head-of-state', follow: 'adj' },
  { words: ['رئيس'], role: 'head-of-state', follow: 'country' },
  { words: ['رئيس', 'جمهورية'], role: 'head-of-state', follow: 'country' },
  { words: ['الملك'], role: 'head-of-state', follow: 'adj' },
  { words: ['العاهل'], role: 'head-of-state', follow: 'adj' },
  { words: ['ملك'], role: 'head-of-state', follow: 'country' },
  { words: ['أمير'], role: 'head-of-state', follow: 'country' },
  { words: ['سلطان'], role: 'head-of-state', follow: 'country' },
  { words: ['خادم', 'الحرمين', 'الشريفين'], role: 'head-of-state', follow: 'fixed', country: 'SA' },
  { words: ['ولي', 'العهد'], role: 'crown-prince', follow: 'adj' },
  { words: ['المرشد'], role: 'supreme-leader', follow: 'adj' },
  { words: ['المرشد', 'الأعلى'], role: 'supreme-leader', follow: 'adj' },
  { words: ['الأمين', 'العام'], role: 'secretary-general', follow: 'org' },
  { words: ['رئيس', 'الوزراء'], role: 'head-of-government', follow: 'adj' },
  { words: ['رئيس', 'الحكومة'], role: 'head-of-government', follow: 'adj' },
  { words: ['رئيسة', 'الوزراء'], role: 'head-of-government', follow: 'adj' },
  { words: ['رئيسة', 'الحكومة'], role: 'head-of-government', follow: 'adj' },
  { words: ['رئيسة', 'وزراء'], role: 'head-of-government', follow: 'country' },
  { words: ['الرئيسة'], role: 'head-of-state', follow: 'adj' },
  { words: ['رئيس', 'وزراء'], role: 'head-of-government', follow: 'country' },
  { words: ['رئيس', 'حكومة'], role: 'head-of-government', follow: 'country' },
  { words: ['المستشارة'], role: 'head-of-government', follow: 'adj' },
  { words: ['المستشار'], role: 'head-of-government', follow: 'adj' },
  { words: ['وزير', 'الخارجية'], role: 'foreign-minister', follow: 'adj' },
  { words: ['وزيرة', 'الخارجية'], role: 'foreign-minister', follow: 'adj' },
  { words: ['وزير', 'خارجية'], role: 'foreign-minister', follow: 'country' },
  { words: ['المتحدث', 'باسم', 'وزارة', 'الخارجية'], role: 'spokesperson-foreign-ministry', follow: 'adj' },
  { words: ['المتحدث', 'باسم', 'الخارجية'], role: 'spokesperson-foreign-ministry', follow: 'adj' },
  { words: ['المتحدثة', 'باسم', 'وزارة', 'الخارجية'], role: 'spokesperson-foreign-ministry', follow: 'adj' },
  { words: ['المتحدثة', 'باسم', 'الخارجية'], role: 'spokesperson-foreign-ministry', follow: 'adj' },
] as TitlePattern[]).map((t) => ({ ...t, words: t.words.map(nameKey) }));

/** «نظيره»، «نظيرته»، «نظيرها»: his/her counterpart, the same office as the title just before. */
const COUNTERPART_WORDS = new Set(['نظيره', 'نظيرته', 'نظيرها', 'نظيرتها', 'نظيرهم'].map(nameKey));

/** Words that may sit between a title and its adjective: «الرئيس السابق» is not the current holder, so it stops the match. */
const FORMER = new Set(['السابق', 'السابقة', 'الاسبق', 'الراحل'].map(nameKey));

/** «وزير» / «وزيرة»: a minister of the portfolio that follows. */
const MINISTER_WORDS = new Set(['وزير', 'وزيرة'].map(nameKey));

/** Every word a title phrase can start with, to skip other words at once. */
const FIRST_WORDS = new Set([...TITLES.map((t) => t.words[0]!), ...COUNTERPART_WORDS, ...MINISTER_WORDS]);

/** Title phrases in the text, left to right. */
export function findRoleMentions(kb: KnowledgeBase, tokens: readonly LinkToken[]): RoleMention[] {
  const out: RoleMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i]!.key;
    const readings = tokens[i]!.readings;
    if (!readings.some((r) => FIRST_WORDS.has(r))) continue;
    const counterpart = readings.find((r) => COUNTERPART_WORDS.has(r));
    if (counterpart !== undefined) {
      const country = adjectiveAt(kb, tokens, i + 1);
      out.push({ start: tokens[i]!.start + procliticLength(key, counterpart), end: tokens[country ? i + 1 : i]!.end, tokenStart: i, tokenEnd: country ? i + 2 : i + 1, role: '', country, counterpart: true });
      continue;
    }
    let best: RoleMention | null = genericMinister(kb, tokens, i);
    for (const t of TITLES) {
      const reading = readings.find((r) => r === t.words[0]);
      if (reading === undefined) continue;
      // «والرئيس الروسي»: the mention starts after the proclitic و (no harakat expected on it).
      const skip = procliticLength(tokens[i]!.key, reading);
      let ok = true;
      for (let k = 1; k < t.words.length; k++) if (tokens[i + k]?.key !== t.words[k] || !tokens[i + k]!.joined) ok = false;
      if (!ok) continue;
      const next = i + t.words.length;
      if (t.follow === 'fixed') {
        const candidate = { start: tokens[i]!.start + skip, end: tokens[next - 1]!.end, tokenStart: i, tokenEnd: next, role: t.role, country: t.country ?? null, counterpart: false };
        if (!best || next - i > best.tokenEnd - best.tokenStart) best = candidate;
        continue;
      }
      if (next >= tokens.length || !tokens[next]!.joined || FORMER.has(tokens[next]!.key)) continue;
      let country: string | null = null;
      let end = next + 1;
      if (t.follow === 'adj') {
        country = adjectiveAt(kb, tokens, next);
      } else if (t.follow === 'org') {
        // «الأمين العام للأمم المتحدة»: the organisation follows with the preposition ل.
        const org = matchAt(kb, '', tokens, next, false);
        const entry = org?.hits.find((h) => h.entry.type === 'ORG')?.entry;
        if (org && entry) {
          country = entry.id;
          end = org.tokenEnd;
        }
      } else {
        for (let len = Math.min(3, tokens.length - next); len >= 1 && !country; len--) {
          if (tokens.slice(next + 1, next + len).some((x) => !x.joined)) continue;
          const key = tokens.slice(next, next + len).map((x) => x.key).join(' ');
          const c = kb.countryOfName.get(key);
          if (c) {
            country = c;
            end = next + len;
          }
        }
      }
      if (!country) continue;
      // «الرئيس الكازاخستاني السابق» is a former holder: not resolvable to the office's current holder.
      if (end < tokens.length && tokens[end]!.joined && FORMER.has(tokens[end]!.key)) continue;
      if (!best || end - i > best.tokenEnd - best.tokenStart) {
        best = { start: tokens[i]!.start + skip, end: tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, role: t.role, country, counterpart: false };
      }
    }
    if (best) {
      out.push(best);
      i = best.tokenEnd - 1;
    }
  }
  return out;
}

/** «وزير»/«وزيرة» + a portfolio with the article + a nationality adjective: «وزير الدفاع التركي» → minister:الدفاع@TR. */
function genericMinister(kb: KnowledgeBase, tokens: readonly LinkToken[], i: number): RoleMention | null {
  const reading = tokens[i]!.readings.find((r) => MINISTER_WORDS.has(r));
  const portfolio = tokens[i + 1];
  if (reading === undefined || !portfolio || !portfolio.joined || !portfolio.key.startsWith('ال')) return null;
  const country = adjectiveAt(kb, tokens, i + 2);
  if (!country) return null;
  // «وزير الخارجية الروسي» keeps its own role name, so the KB's foreign ministers are found.
  const role = portfolio.key === nameKey('الخارجية') ? 'foreign-minister' : `minister:${portfolio.key}`;
  const end = i + 3;
  if (end < tokens.length && tokens[end]!.joined && FORMER.has(tokens[end]!.key)) return null;
  return { start: tokens[i]!.start + procliticLength(tokens[i]!.key, reading), end: tokens[end - 1]!.end, tokenStart: i, tokenEnd: end, role, country, counterpart: false };
}

/**
 * The country of a definite nationality adjective at token i. Titles are definite, so the adjective
 * agrees: «الرئيس الروسي», never «المستشار تركي» (Turki, a first name).
 */
function adjectiveAt(kb: KnowledgeBase, tokens: readonly LinkToken[], i: number): string | null {
  const t = tokens[i];
  if (!t || !t.joined || !t.key.startsWith('ال')) return null;
  // Two-word adjectives first: «الكورية الجنوبية».
  const two = tokens[i + 1]?.joined ? kb.countryOfAdjective.get(`${t.key} ${tokens[i + 1]!.key}`) : undefined;
  return two ?? kb.countryOfAdjective.get(t.key) ?? null;
}

/** Folded «الوزارة»: refers back to the last ministry named. */
export const MINISTRY_ANAPHOR = nameKey('الوزارة');
/** Folded «المتحدث» / «المتحدثة» + «باسم»: a spokesperson of the organisation that follows. */
export const SPOKESPERSON_HEADS = new Set(['المتحدث', 'المتحدثة', 'الناطق', 'الناطقة'].map(nameKey));
export const ON_BEHALF = nameKey('باسم');
