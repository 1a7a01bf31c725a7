// Numbers in Arabic news: digits in three scripts, number words with و-conjunctions, and ordinal magnitudes («عشرات»).
import { ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR, digitValue, isArabicDigit } from './chars.js';
import { foldWord, normalizeForMatch } from './normalize.js';
import { tokenize, type Token } from './tokenize.js';

/** An order of magnitude named by a plural («عشرات», «مئات الآلاف»), not an exact count. */
export type Magnitude =
  | 'few'
  | 'tens'
  | 'hundreds'
  | 'thousands'
  | 'tens-of-thousands'
  | 'hundreds-of-thousands'
  | 'millions'
  | 'tens-of-millions'
  | 'hundreds-of-millions'
  | 'billions';

/**
 * An exact value, or a magnitude with the least value it can mean. The Arabic plural counts three or more
 * but news writes «عشرات» for twenty-odd, so `min` is twice the unit («عشرات» ≥ 20, «آلاف» ≥ 2000);
 * «بضعة»/«عدة» mean three to nine (`few`, ≥ 3) and scale what follows («بضعة آلاف» ≥ 3000).
 */
export type NumberValue = { kind: 'exact'; value: number } | { kind: 'magnitude'; magnitude: Magnitude; min: number };

/** A number found in text: span into the text (clitic prefixes such as و excluded), its text and value. */
export interface NumberExpr {
  start: number;
  end: number;
  text: string;
  value: NumberValue;
  /** Set for a percentage («25٪»): the value is the number of percent. */
  percent?: true;
}

/** The least value of each magnitude (see NumberValue). */
export const MAGNITUDE_MIN: Readonly<Record<Magnitude, number>> = Object.freeze({
  few: 3,
  tens: 20,
  hundreds: 200,
  thousands: 2000,
  'tens-of-thousands': 20_000,
  'hundreds-of-thousands': 200_000,
  millions: 2_000_000,
  'tens-of-millions': 20_000_000,
  'hundreds-of-millions': 200_000_000,
  billions: 2_000_000_000,
});

/** ٠-٩ and ۰-۹ → 0-9; everything else (including ٫ and ٬) unchanged. */
export function toLatinDigits(s: string): string {
  let i = 0;
  while (i < s.length && !isArabicDigit(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isArabicDigit(c) ? String.fromCharCode(0x30 + digitValue(c)) : s[i];
  }
  return out;
}

/**
 * The value of a digit string: «1,500.5», «١٬٥٠٠٫٥», «1.500.000» (dots as thousands groups), «-3».
 * NaN when it is not one number («192.168.1.1»).
 */
export function parseDigits(s: string): number {
  let sign = 1;
  let body = s;
  const first = body.charCodeAt(0);
  if (first === 0x2d || first === 0x2212) {
    sign = -1;
    body = body.slice(1);
  } else if (first === 0x2b) body = body.slice(1);
  let clean = '';
  let dots = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) clean += String.fromCharCode(0x30 + d);
    else if (c === 0x2c || c === ARABIC_THOUSANDS_SEPARATOR) continue;
    else if (c === 0x2e || c === ARABIC_DECIMAL_SEPARATOR) {
      dots++;
      clean += '.';
    } else return NaN;
  }
  if (dots > 1) {
    // «1.500.000»: every group after the first has three digits
    const groups = clean.split('.');
    if (groups.slice(1).every((g) => g.length === 3)) clean = groups.join('');
    else return NaN;
  }
  const v = Number(clean);
  // «1111…» two hundred thousand digits long is not a number anyone reports
  return clean.length === 0 || !Number.isFinite(v) ? NaN : sign * v;
}

// ---- Number words: a closed class of the grammar, written in their match-folded form (see foldWord). ----

type WordRole =
  | { role: 'unit'; value: number; teenOnly?: boolean } // 1–10; «أحد»/«إحدى» only in «أحد عشر»
  | { role: 'ten'; value: number } // «عشر»/«عشرة» after a unit makes a teen: «خمسة عشر»
  | { role: 'tens'; value: number } // 20–90
  | { role: 'hundreds'; value: number } // 100–900
  | { role: 'scale'; value: number; plural?: boolean; dual?: boolean } // ألف، آلاف، مليون، ملايين...
  | { role: 'magnitude'; magnitude: 'tens' | 'hundreds' | 'few' } // عشرات، مئات، بضعة
  | { role: 'fraction'; value: number }; // نصف، ربع، ثلث: only before a scale («نصف مليون»)

/** Folded number words (ة→ه, ى→ي, أإآ→ا, ئ→ي, ؤ→و, no harakat) and what they mean. */
export const NUMBER_WORDS: ReadonlyMap<string, WordRole> = buildNumberWords();

function buildNumberWords(): Map<string, WordRole> {
  const m = new Map<string, WordRole>();
  const unit = (value: number, ...forms: string[]): void => {
    for (const f of forms) m.set(f, { role: 'unit', value });
  };
  unit(1, 'واحد', 'واحده');
  m.set('احد', { role: 'unit', value: 1, teenOnly: true }); // أحد عشر
  m.set('احدي', { role: 'unit', value: 1, teenOnly: true }); // إحدى عشرة
  unit(2, 'اثنان', 'اثنين', 'اثنتان', 'اثنتين');
  // «اثنا/اثني عشر» only: alone, «أثنى» (he praised) folds to the same letters
  for (const f of ['اثنا', 'اثني', 'اثنتا', 'اثنتي']) m.set(f, { role: 'unit', value: 2, teenOnly: true });
  unit(3, 'ثلاث', 'ثلاثه');
  unit(4, 'اربع', 'اربعه');
  unit(5, 'خمس', 'خمسه');
  unit(6, 'ست', 'سته');
  unit(7, 'سبع', 'سبعه');
  unit(8, 'ثمان', 'ثماني', 'ثمانيه');
  unit(9, 'تسع', 'تسعه');
  m.set('عشر', { role: 'ten', value: 10 });
  m.set('عشره', { role: 'ten', value: 10 });
  const tens: [number, string][] = [
    [20, 'عشر'],
    [30, 'ثلاث'],
    [40, 'اربع'],
    [50, 'خمس'],
    [60, 'ست'],
    [70, 'سبع'],
    [80, 'ثمان'],
    [90, 'تسع'],
  ];
  for (const [value, stem] of tens) {
    m.set(stem + 'ون', { role: 'tens', value });
    m.set(stem + 'ين', { role: 'tens', value });
  }
  // مئة/مائة fold to «ميه»/«مايه»; the hundreds 300–900 are written as one word or two («ثلاثمئة», «ثلاث مئة»).
  const hundredForms = ['ميه', 'مايه'];
  for (const f of hundredForms) m.set(f, { role: 'hundreds', value: 100 });
  for (const f of ['ميتان', 'ميتين', 'مايتان', 'مايتين']) m.set(f, { role: 'hundreds', value: 200 });
  const hundredStems: [number, string[]][] = [
    [300, ['ثلاث']],
    [400, ['اربع']],
    [500, ['خمس']],
    [600, ['ست']],
    [700, ['سبع']],
    [800, ['ثمان', 'ثماني']],
    [900, ['تسع']],
  ];
  for (const [value, stems] of hundredStems)
    for (const stem of stems) for (const f of hundredForms) m.set(stem + f, { role: 'hundreds', value });
  // ألف and its accusative «ألفاً»; dual «ألفان»; plural «آلاف» (and «ألوف»).
  for (const f of ['الف', 'الفا']) m.set(f, { role: 'scale', value: 1e3 });
  for (const f of ['الفان', 'الفين']) m.set(f, { role: 'scale', value: 1e3, dual: true });
  for (const f of ['الاف', 'الوف']) m.set(f, { role: 'scale', value: 1e3, plural: true });
  for (const f of ['مليون', 'مليونا']) m.set(f, { role: 'scale', value: 1e6 });
  for (const f of ['مليونان', 'مليونين']) m.set(f, { role: 'scale', value: 1e6, dual: true });
  m.set('ملايين', { role: 'scale', value: 1e6, plural: true });
  for (const f of ['مليار', 'مليارا', 'بليون', 'بليونا']) m.set(f, { role: 'scale', value: 1e9 });
  for (const f of ['ملياران', 'مليارين']) m.set(f, { role: 'scale', value: 1e9, dual: true });
  m.set('مليارات', { role: 'scale', value: 1e9, plural: true });
  for (const f of ['تريليون', 'تريليونا']) m.set(f, { role: 'scale', value: 1e12 });
  m.set('عشرات', { role: 'magnitude', magnitude: 'tens' });
  m.set('ميات', { role: 'magnitude', magnitude: 'hundreds' }); // مئات
  for (const f of ['بضع', 'بضعه', 'عده']) m.set(f, { role: 'magnitude', magnitude: 'few' });
  m.set('نصف', { role: 'fraction', value: 0.5 });
  m.set('ربع', { role: 'fraction', value: 0.25 });
  m.set('ثلث', { role: 'fraction', value: 1 / 3 });
  return m;
}

// Proclitics a number word may carry: «وعشرات», «بخمسة», «لثلاثة», «فمئات», «كألف».
const PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Roles that may carry the article: only plurals («الآلاف», «الملايين», «العشرات»); «الاثنين» is Monday. */
function takesArticle(role: WordRole): boolean {
  return (role.role === 'scale' && role.plural === true) || (role.role === 'magnitude' && role.magnitude !== 'few');
}

interface Lookup {
  role: WordRole;
  /** Folded letters of proclitics before the number word (و, ب, ال...). */
  prefix: number;
  /** Folded letters of proclitics left out of the reported span: all but the article («و» of «والآلاف»). */
  clitic: number;
  /** The conjunction و was among them. */
  conjoined: boolean;
  article: boolean;
}

/** Every folded surface form of a number word with its proclitics: one map lookup per token. */
let surfaceForms: Map<string, Lookup> | undefined;

function buildSurfaceForms(): Map<string, Lookup> {
  const forms = new Map<string, Lookup>();
  for (const [word, role] of NUMBER_WORDS) {
    forms.set(word, { role, prefix: 0, clitic: 0, conjoined: false, article: false });
  }
  for (const [word, role] of NUMBER_WORDS) {
    for (const p of PREFIXES) {
      const conjoined = p.startsWith('و');
      if (!forms.has(p + word)) forms.set(p + word, { role, prefix: p.length, clitic: p.length, conjoined, article: false });
    }
    if (!takesArticle(role)) continue;
    // the article: «الآلاف», «بالعشرات», and «للملايين» where ل + ال loses the alef
    const bare = 'ال' + word;
    if (!forms.has(bare)) forms.set(bare, { role, prefix: 2, clitic: 0, conjoined: false, article: true });
    for (const p of PREFIXES) {
      const conjoined = p.startsWith('و');
      const surface = p.endsWith('ل') ? p + 'ل' + word : p + bare;
      const articleLength = p.endsWith('ل') ? 1 : 2;
      if (!forms.has(surface))
        forms.set(surface, { role, prefix: p.length + articleLength, clitic: p.length, conjoined, article: true });
    }
  }
  for (const f of NOT_NUMBERS) forms.delete(f);
  return forms;
}

/** Clitic-prefixed forms that are other words: «لست» is «I am not», not «for six». */
const NOT_NUMBERS: readonly string[] = ['لست', 'ولست', 'فلست'];

/** The number word in a folded token, with its proclitics, or undefined. */
function lookupWord(folded: string): Lookup | undefined {
  return (surfaceForms ?? (surfaceForms = buildSurfaceForms())).get(folded);
}

interface Item {
  token: Token;
  lookup: Lookup | undefined;
  /** Value of a digit token, NaN for a word. */
  digits: number;
  percent: boolean;
}

/** Original-text offset where the number word starts, after `prefix` folded letters of proclitics. */
function wordStart(token: Token, prefix: number): number {
  if (prefix === 0) return token.start;
  const map = normalizeForMatch(token.text);
  return token.start + map.toOriginal(prefix);
}

interface Parsed {
  /** Index after the last item used. */
  next: number;
  value: NumberValue;
}

const RANK_UNIT = 1;
const RANK_TENS = 2;
const RANK_HUNDREDS = 3;

/** Reads one number phrase starting at items[i]; undefined when items[i] does not start one. */
function parsePhrase(items: readonly Item[], i: number, text: string): Parsed | undefined {
  const first = items[i] as Item;
  const adjacent = (k: number): boolean => {
    // two tokens of one phrase: only spaces between them, no line break or punctuation
    const a = items[k - 1];
    const b = items[k];
    if (a === undefined || b === undefined) return false;
    for (let p = a.token.end; p < b.token.start; p++) {
      const c = text.charCodeAt(p);
      if (c !== 0x20 && c !== 0xa0 && c !== 0x09) return false;
    }
    return true;
  };
  const plainAt = (k: number): Lookup | undefined => {
    // a word with no proclitic, adjacent to the previous one
    const it = items[k];
    if (it === undefined || it.lookup === undefined || it.lookup.prefix !== 0 || !adjacent(k)) return undefined;
    return it.lookup;
  };

  if (!Number.isNaN(first.digits)) {
    // «3 ملايين», «2.5 مليار», «300 ألف»
    const scale = plainAt(i + 1);
    if (!first.percent && scale !== undefined && scale.role.role === 'scale' && !scale.role.dual) {
      return { next: i + 2, value: { kind: 'exact', value: first.digits * scale.role.value } };
    }
    return { next: i + 1, value: { kind: 'exact', value: first.digits } };
  }
  const lookup = first.lookup;
  if (lookup === undefined) return undefined;
  const role = lookup.role;

  if (role.role === 'magnitude' || (role.role === 'scale' && role.plural === true)) {
    // bare plurals: «عشرات», «مئات الآلاف», «بضعة آلاف», «الملايين»
    if (role.role === 'magnitude') {
      const next = plainAt(i + 1) ?? articleAt(items, i + 1, adjacent);
      if (next !== undefined && next.role.role === 'scale' && (next.role.plural === true || role.magnitude === 'few')) {
        const scale = next.role.value;
        const magnitude = combine(role.magnitude, scale);
        return { next: i + 2, value: magnitudeValue(magnitude, role.magnitude === 'few' ? 3 * scale : undefined) };
      }
      if (role.magnitude === 'few' && next !== undefined && next.role.role === 'magnitude' && next.role.magnitude !== 'few') {
        // «بضع مئات», «بضع عشرات»: at least three of them
        const magnitude = next.role.magnitude;
        return { next: i + 2, value: magnitudeValue(magnitude, 3 * (magnitude === 'tens' ? 10 : 100)) };
      }
      return { next: i + 1, value: magnitudeValue(role.magnitude) };
    }
    const magnitude: Magnitude = role.value === 1e3 ? 'thousands' : role.value === 1e6 ? 'millions' : 'billions';
    return { next: i + 1, value: magnitudeValue(magnitude) };
  }
  if (lookup.article) return undefined;
  if (role.role === 'fraction') {
    const scale = plainAt(i + 1);
    if (scale !== undefined && scale.role.role === 'scale' && !scale.role.plural && !scale.role.dual)
      return { next: i + 2, value: { kind: 'exact', value: role.value * scale.role.value } };
    return undefined;
  }
  if (role.role === 'unit' && role.teenOnly === true) {
    const ten = plainAt(i + 1);
    if (ten === undefined || ten.role.role !== 'ten') return undefined;
  }

  // The general phrase: «ثلاثة آلاف وخمسمائة», «خمسة وعشرين», «مئة وخمسون ألفا», «أحد عشر».
  let total = 0;
  let group = 0; // the value below the last scale
  let lastRank = 0; // rank of the last element added to group; 0 right after a scale
  let lastUnit = 0; // the last unit added (1–10), to make «خمسة عشر» and «ثلاث مئة»
  let lastScale = Infinity; // the smallest scale closed so far
  let k = i;
  for (; k < items.length; k++) {
    const used = k > i;
    const lk = (items[k] as Item).lookup;
    if (lk === undefined || lk.article) break;
    if (used && (!adjacent(k) || (lk.prefix > 0 && !(lk.conjoined && lk.prefix === 1)))) break;
    const conj = used && lk.prefix === 1;
    const afterScale = lastRank === 0 && lastScale < Infinity;
    const r = lk.role;
    if (r.role === 'ten' && used && !conj && lastRank === RANK_UNIT && lastUnit < 10) {
      // «خمسة عشر», «مئة وخمسة عشر»: a unit then «عشر» without و is a teen
      group += 10;
      lastUnit = 10;
      continue;
    }
    if (r.role === 'unit' || r.role === 'ten') {
      if (used && (r.role === 'unit' && r.teenOnly === true)) break;
      // «مئة وخمسة», «ألف وثلاثة»; but «ثلاثة وأربعة» is a list of two numbers
      if (used && !(conj && (lastRank === RANK_HUNDREDS || afterScale))) break;
      group += r.value;
      lastUnit = r.value;
      lastRank = RANK_UNIT;
    } else if (r.role === 'tens') {
      // «خمسة وعشرين», «مئة وخمسون»; not «خمسة عشر وعشرين»
      const fits = lastRank === RANK_UNIT ? lastUnit < 10 : lastRank === RANK_HUNDREDS || afterScale;
      if (used && !(conj && fits)) break;
      group += r.value;
      lastRank = RANK_TENS;
    } else if (r.role === 'hundreds') {
      if (used && !conj) {
        // «ثلاث مئة»: a unit 3–9 times a separately written hundred
        if (r.value !== 100 || lastRank !== RANK_UNIT || lastUnit < 3 || lastUnit > 9) break;
        group += lastUnit * 99;
        lastRank = RANK_HUNDREDS;
        continue;
      }
      if (used && !afterScale) break;
      group += r.value;
      lastRank = RANK_HUNDREDS;
    } else if (r.role === 'scale') {
      if (conj) {
        // «مليون وألف»: a scale after و adds a new group below the last scale
        if (!afterScale || r.value >= lastScale || r.plural === true) break;
        total += r.dual === true ? 2 * r.value : r.value;
      } else if (used && lastRank === 0) {
        // «ألف مليون»: a bigger scale multiplies what came before
        if (r.value <= lastScale || r.plural === true) break;
        total *= r.value;
      } else if (r.dual === true) {
        if (used) break;
        total += 2 * r.value;
      } else {
        // «ثلاثة آلاف», «مئة وخمسون ألفا», «أحد عشر ألفا»; a bare «ألف» is one thousand
        total += (used ? group : 1) * r.value;
      }
      group = 0;
      lastRank = 0;
      lastScale = r.value;
    } else break;
  }
  if (k === i) return undefined;
  return { next: k, value: { kind: 'exact', value: total + group } };
}

/** The word at items[k] when it carries only the article and is adjacent: «عشرات الآلاف». */
function articleAt(items: readonly Item[], k: number, adjacent: (k: number) => boolean): Lookup | undefined {
  const it = items[k];
  if (it === undefined || it.lookup === undefined || !adjacent(k)) return undefined;
  const lk = it.lookup;
  return lk.article && lk.clitic === 0 ? lk : undefined;
}

function combine(m: 'tens' | 'hundreds' | 'few', scale: number): Magnitude {
  if (m === 'few') return scale === 1e3 ? 'thousands' : scale === 1e6 ? 'millions' : 'billions';
  if (scale === 1e3) return m === 'tens' ? 'tens-of-thousands' : 'hundreds-of-thousands';
  if (scale === 1e6) return m === 'tens' ? 'tens-of-millions' : 'hundreds-of-millions';
  return 'billions';
}

function magnitudeValue(magnitude: Magnitude, min?: number): NumberValue {
  return { kind: 'magnitude', magnitude, min: min ?? MAGNITUDE_MIN[magnitude] };
}

function itemsOf(tokens: readonly Token[]): Item[] {
  const items: Item[] = [];
  for (const token of tokens) {
    if (token.kind === 'number' || token.kind === 'percent') {
      const percent = token.kind === 'percent';
      let body = token.text;
      if (percent) {
        const c0 = body.charCodeAt(0);
        body = c0 === 0x25 || c0 === 0x066a ? body.slice(1) : body.slice(0, -1);
      }
      const digits = parseDigits(body);
      items.push({ token, lookup: undefined, digits, percent });
    } else if (token.kind === 'word') {
      items.push({ token, lookup: checkSpelling(token.text, lookupWord(foldWord(token.text))), digits: NaN, percent: false });
    } else items.push({ token, lookup: undefined, digits: NaN, percent: false });
  }
  return items;
}

const HAMZA_CHARS = /[ءأإآؤئ]/;

/**
 * Undoes two collisions of folding: «وأحد» (and one of) folds to «واحد» (one), and «مية»/«ميات» (colloquial
 * water) fold like «مئة»/«مئات»; the hundreds are accepted only when spelled with their hamza.
 */
function checkSpelling(original: string, lookup: Lookup | undefined): Lookup | undefined {
  if (lookup === undefined) return undefined;
  const role = lookup.role;
  if (role.role === 'unit' && role.value === 1 && lookup.prefix === 0 && /^و[\u064B-\u0652]*[أإ]/.test(original)) {
    return { role: { role: 'unit', value: 1, teenOnly: true }, prefix: 1, clitic: 1, conjoined: true, article: false };
  }
  const hundred = role.role === 'hundreds' || (role.role === 'magnitude' && role.magnitude === 'hundreds');
  if (hundred && !HAMZA_CHARS.test(original) && !original.includes('ما')) return undefined;
  return lookup;
}

/** Finds every number in the text: digits, number words, digits with a scale word, and magnitudes. */
export function findNumbers(text: string): NumberExpr[] {
  const items = itemsOf(tokenize(text));
  const found: NumberExpr[] = [];
  let i = 0;
  while (i < items.length) {
    const it = items[i] as Item;
    if ((it.lookup === undefined && Number.isNaN(it.digits)) || (it.lookup !== undefined && !startsPhrase(it.lookup))) {
      i++;
      continue;
    }
    const parsed = parsePhrase(items, i, text);
    if (parsed === undefined || parsed.next <= i || (parsed.value.kind === 'exact' && !Number.isFinite(parsed.value.value))) {
      i++;
      continue;
    }
    const start = it.lookup === undefined ? it.token.start : wordStart(it.token, it.lookup.clitic);
    const end = (items[parsed.next - 1] as Item).token.end;
    const expr: NumberExpr = { start, end, text: text.slice(start, end), value: parsed.value };
    if (it.percent) expr.percent = true;
    found.push(expr);
    i = parsed.next;
  }
  return found;
}

function startsPhrase(lookup: Lookup): boolean {
  return lookup.role.role !== 'ten' || lookup.prefix === 0;
}

/** The value of a text that is exactly one number expression («ثلاثة آلاف وخمسمائة», «عشرات», «2.5 مليار»), else null. */
export function parseNumberWords(text: string): NumberValue | null {
  const numbers = findNumbers(text);
  if (numbers.length !== 1) return null;
  const only = numbers[0] as NumberExpr;
  if (text.slice(0, only.start).trim() !== '' && !isCliticOnly(text.slice(0, only.start))) return null;
  if (text.slice(only.end).trim() !== '') return null;
  return only.value;
}

function isCliticOnly(s: string): boolean {
  const f = foldWord(s.trim());
  return PREFIXES.includes(f) || f === 'ال' || PREFIXES.some((p) => f === p + 'ال');
}
