// Match keys for names: folded multi-word keys, transliteration skeletons, clitic-stripped readings, similarity.
import { foldWord } from '../../../arabic/normalize.js';

/** Plain alef ا, waw و and ya ي as folded: the long vowels transliterations add or drop (كازخستان / كازاخستان). */
const LONG_VOWELS = new Set(['ا', 'و', 'ي']);
/** Ha ه after folding, which is where ta marbuta ة lands: «أستانة» / «أستانا» differ only in it. */
const FINAL_HA = 'ه';
/**
 * Consonants that transliterations of foreign names swap: ق/ك (أقتوبه / أكتوبي), غ/ج (روغوزين / روجوزين),
 * ط/ت (أسطانا / أستانا), ص/س، ث/س، ظ/ز، ذ/ز، ض/د.
 */
const CONSONANT_CLASS: Readonly<Record<string, string>> = {
  'ق': 'ك', // ق
  'غ': 'ج', // غ
  'ط': 'ت', // ط
  'ص': 'س', // ص
  'ث': 'س', // ث
  'ظ': 'ز', // ظ
  'ذ': 'ز', // ذ
  'ض': 'د', // ض
};

/** Letters and marks of any script: what a name token is made of («أ.ف.ب» keeps only its letters). */
const NAME_TOKEN = /[\p{L}\p{M}]+/gu;

/** The folded tokens of a name: words split on spaces, hyphens and dots, each match-folded («ألما-آتا» → الما، اتا). */
export function nameTokens(name: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(NAME_TOKEN)) {
    const folded = foldWord(m[0]);
    if (folded) out.push(folded);
  }
  return out;
}

/** The exact match key of a name: its folded tokens joined by one space. */
export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

/**
 * The transliteration skeleton of a folded key: no spaces (ألما آتا / ألماتا), doubled letters once
 * (تشاووش / تشاوش), long vowels dropped after the first letter, a final ه dropped, and consonants that
 * transliterations swap merged. Used only to find fuzzy candidates; `similarity` scores them.
 */
export function skeletonOf(key: string): string {
  let out = '';
  let prev = '';
  let first = true;
  for (const raw of key) {
    if (raw === ' ') continue;
    const ch = CONSONANT_CLASS[raw] ?? raw;
    if (ch === prev) continue;
    prev = ch;
    if (!first && LONG_VOWELS.has(ch)) continue;
    first = false;
    out += ch;
  }
  if (out.length > 1 && out.endsWith(FINAL_HA)) out = out.slice(0, -1);
  return out;
}

/** Similarity in [0, 1] of two folded keys: 1 − Levenshtein distance / longer length, spaces ignored. */
export function similarity(a: string, b: string): number {
  const x = a.replace(/ /gu, '');
  const y = b.replace(/ /gu, '');
  const n = Math.max(x.length, y.length);
  if (n === 0) return 1;
  return 1 - levenshtein(x, y) / n;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Letters a proclitic run starts with: و ف (conjunctions), ب ل ك (prepositions). */
const PROCLITIC_FIRST = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const NO_READINGS: string[] = [];

/**
 * Proclitic readings of a folded token, most specific first, each with what was stripped:
 * «وبالعاصمة» → «العاصمة» (و+ب), «للولايات» → «الولايات» (ل + the article's ال restored), «لروسيا» → «روسيا».
 * The token itself is not included; callers try it first so «بايكونور» is never read as ب + «ايكونور».
 */
export function procliticReadings(token: string): string[] {
  // Most words start with no proclitic letter at all: answer them without allocating.
  if (!PROCLITIC_FIRST.has(token[0] ?? '')) return NO_READINGS;
  const out: string[] = [];
  const add = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  for (const conj of ['', 'و', 'ف']) {
    if (conj && !token.startsWith(conj)) continue;
    const rest = token.slice(conj.length);
    // ل + ال is written «لل»: «للأمم المتحدة» is ل + «الأمم المتحدة».
    if (rest.startsWith('لل') && rest.length > 3) add('ال' + rest.slice(2));
    for (const prep of ['ب', 'ك', 'ل']) {
      if (rest.startsWith(prep) && rest.length > 3) add(rest.slice(1));
    }
    if (conj) add(rest);
  }
  return out;
}

/**
 * How many letters of a folded token its proclitics take for a given reading: «وبالعاصمة» read as
 * «العاصمه» strips 2; «للرئيس» read as «الرئيس» strips 1, since the second ل is the article's own.
 * (Offsets in the surface text may differ when the proclitics carry harakat; the linker's tokens are unvocalised in practice.)
 */
export function procliticLength(key: string, reading: string): number {
  const strip = key.length - reading.length;
  if (reading.startsWith('ال') && !key.slice(strip).startsWith('ال')) return strip + 1;
  return strip;
}
