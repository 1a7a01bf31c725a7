// Arabic character classes: every letter, mark, digit and invisible marsad cares about, named once.

/** Plain alef ا (U+0627): the target of alef folding. */
export const ALEF = 0x0627; // ا
/** Alef with hamza above أ. */
export const ALEF_HAMZA_ABOVE = 0x0623; // أ
/** Alef with hamza below إ. */
export const ALEF_HAMZA_BELOW = 0x0625; // إ
/** Alef with madda above آ (never drop it: «آلاف» is spelled with it). */
export const ALEF_MADDA = 0x0622; // آ
/** Alef wasla ٱ (Quranic and classical spelling of «ٱلله»). */
export const ALEF_WASLA = 0x0671; // ٱ
/** Alef with wavy hamza above ٲ and below ٳ (Urdu/Kashmiri, seen in OCR and copy-pasted text). */
export const ALEF_WAVY_HAMZA_ABOVE = 0x0672; // ٲ
export const ALEF_WAVY_HAMZA_BELOW = 0x0673; // ٳ
/** High hamza alef ٵ (Kazakh), folded like أ when it appears. */
export const ALEF_HIGH_HAMZA = 0x0675; // ٵ
/** All alef variants folded to ا when `alef` normalisation is on. */
export const ALEF_VARIANTS: readonly number[] = [
  ALEF_HAMZA_ABOVE,
  ALEF_HAMZA_BELOW,
  ALEF_MADDA,
  ALEF_WASLA,
  ALEF_WAVY_HAMZA_ABOVE,
  ALEF_WAVY_HAMZA_BELOW,
  ALEF_HIGH_HAMZA,
];

/** Standalone hamza ء: a letter in its own right («سماء»), never folded or dropped. */
export const HAMZA = 0x0621; // ء
/** Waw with hamza ؤ («مسؤول»), folded to و for matching. */
export const WAW_HAMZA = 0x0624; // ؤ
/** Ya with hamza ئ («رئيس»), folded to ي for matching. */
export const YA_HAMZA = 0x0626; // ئ
export const WAW = 0x0648; // و
export const YA = 0x064a; // ي
/** Alef maksura ى («على»), written for final ي in Egyptian spelling, so folded to ي. */
export const ALEF_MAKSURA = 0x0649; // ى
/** Persian ye ی: Persian keyboards type it for both ي and ى. */
export const FARSI_YEH = 0x06cc; // ی
/** Keheh ک: the Persian kaf, typed for ك on Persian keyboards. */
export const KEHEH = 0x06a9; // ک
export const KAF = 0x0643; // ك
/** Heh doachashmee ھ (Urdu), folded to ه. */
export const HEH_DOACHASHMEE = 0x06be; // ھ
/** Ta marbuta ة («مدينة»), folded to ه only for matching: it is a different letter. */
export const TA_MARBUTA = 0x0629; // ة
export const HA = 0x0647; // ه
/** Tatweel ـ: a stretching stroke with no linguistic content («محـــمد»). */
export const TATWEEL = 0x0640; // ـ
/** Lam ل and the article's first letter; used by the clitic and numeral code. */
export const LAM = 0x0644; // ل

/** Harakat and other combining marks of the Arabic block: U+064B–U+065F. */
export const HARAKAT_FIRST = 0x064b; // ً fathatan
export const HARAKAT_LAST = 0x065f; // ٟ wavy hamza below
/** Superscript (dagger) alef ٰ («هٰذا»): a vowel mark, not a letter. */
export const SUPERSCRIPT_ALEF = 0x0670; // ٰ
/** Quranic annotation signs: U+0610–U+061A and U+06D6–U+06ED (small high letters, stop signs). */
export const QURANIC_MARKS: readonly (readonly [number, number])[] = [
  [0x0610, 0x061a],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
];
/** Quranic signs in 06D6–06ED that are not combining marks but are still annotation: ۝ ۞ ۥ ۦ ۩. */
export const QURANIC_SIGNS: readonly number[] = [0x06dd, 0x06de, 0x06e5, 0x06e6, 0x06e9];

/** Arabic-Indic digits ٠ (U+0660) to ٩ (U+0669). */
export const ARABIC_INDIC_ZERO = 0x0660; // ٠
/** Extended (Persian/Urdu) digits ۰ (U+06F0) to ۹ (U+06F9). */
export const PERSIAN_ZERO = 0x06f0; // ۰

/** Arabic comma ، */
export const ARABIC_COMMA = 0x060c; // ،
/** Arabic semicolon ؛ */
export const ARABIC_SEMICOLON = 0x061b; // ؛
/** Arabic question mark ؟ */
export const ARABIC_QUESTION_MARK = 0x061f; // ؟
/** Arabic full stop ۔ (Urdu), rare in Arabic news but seen in copy-paste. */
export const ARABIC_FULL_STOP = 0x06d4; // ۔
/** Guillemets « » : the usual quotation marks of Arabic news. */
export const LEFT_GUILLEMET = 0x00ab; // «
export const RIGHT_GUILLEMET = 0x00bb; // »
/** Arabic percent sign ٪ («25٪»). */
export const ARABIC_PERCENT = 0x066a; // ٪
/** Arabic decimal separator ٫ («٣٫٥»). */
export const ARABIC_DECIMAL_SEPARATOR = 0x066b; // ٫
/** Arabic thousands separator ٬ («١٬٥٠٠»). */
export const ARABIC_THOUSANDS_SEPARATOR = 0x066c; // ٬
/** Arabic punctuation that has an ASCII counterpart for matching. */
export const ARABIC_PUNCTUATION: readonly number[] = [
  ARABIC_COMMA,
  ARABIC_SEMICOLON,
  ARABIC_QUESTION_MARK,
  ARABIC_FULL_STOP,
  LEFT_GUILLEMET,
  RIGHT_GUILLEMET,
  ARABIC_PERCENT,
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_THOUSANDS_SEPARATOR,
];

/** Presentation forms A (U+FB50–U+FDFF) and B (U+FE70–U+FEFF): legacy glyph codes, e.g. the ligature ﻻ. */
export const PRESENTATION_FORMS_A: readonly [number, number] = [0xfb50, 0xfdff];
export const PRESENTATION_FORMS_B: readonly [number, number] = [0xfe70, 0xfefe];

/** No-break space: a space for every purpose of ours. */
export const NBSP = 0x00a0;
/** Zero-width non-joiner: breaks the cursive join inside a word («می‌خواهم»); deleted for matching. */
export const ZWNJ = 0x200c;
/** Zero-width joiner. */
export const ZWJ = 0x200d;
export const LRM = 0x200e; // left-to-right mark
export const RLM = 0x200f; // right-to-left mark
/** Arabic letter mark: an invisible bidi control placed by Arabic keyboards. */
export const ALM = 0x061c;
/** Byte order mark / zero-width no-break space. */
export const BOM = 0xfeff;
/** Zero-width space. */
export const ZWSP = 0x200b;
/** Soft hyphen: invisible unless a line breaks there. */
export const SOFT_HYPHEN = 0x00ad;
/** Word joiner. */
export const WORD_JOINER = 0x2060;
/** Bidi embedding/override controls U+202A–U+202E and isolates U+2066–U+2069. */
export const BIDI_CONTROLS: readonly (readonly [number, number])[] = [
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
/** Invisible format characters deleted by `invisibles` normalisation. */
export const INVISIBLES: readonly number[] = [
  ZWNJ,
  ZWJ,
  LRM,
  RLM,
  ALM,
  BOM,
  ZWSP,
  SOFT_HYPHEN,
  WORD_JOINER,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
];

/** True for a letter of the Arabic script, including ء, آ, ى, ة and the Persian/Urdu letters (not marks, digits, tatweel). */
export function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0621 && code <= 0x063a) || // ء..غ
    (code >= 0x0641 && code <= 0x064a) || // ف..ي
    (code >= 0x066e && code <= 0x066f) || // ٮ ٯ dotless beh and qaf
    (code >= 0x0671 && code <= 0x06d3) || // ٱ..ۓ extended letters (ک ی پ چ ژ گ ...)
    code === 0x06d5 || // ە
    (code >= 0x06ee && code <= 0x06ef) ||
    (code >= 0x06fa && code <= 0x06fc) ||
    code === 0x06ff ||
    (code >= 0x0750 && code <= 0x077f) || // Arabic Supplement
    (code >= 0x08a0 && code <= 0x08c9) // Arabic Extended-A letters
  );
}

/** True for a haraka or other Arabic combining vowel mark (U+064B–U+065F, U+0670). */
export function isHaraka(code: number): boolean {
  return (code >= HARAKAT_FIRST && code <= HARAKAT_LAST) || code === SUPERSCRIPT_ALEF;
}

/** True for a Quranic annotation mark (U+0610–U+061A, U+06D6–U+06ED). */
export function isQuranicMark(code: number): boolean {
  return (code >= 0x0610 && code <= 0x061a) || (code >= 0x06d6 && code <= 0x06ed);
}

/** True for a combining mark carried inside an Arabic word: harakat, Quranic marks, Arabic Extended-A marks. */
export function isArabicMark(code: number): boolean {
  return isHaraka(code) || isQuranicMark(code) || (code >= 0x08ca && code <= 0x08ff);
}

/** True for an Arabic-Indic digit ٠-٩. */
export function isArabicIndicDigit(code: number): boolean {
  return code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9;
}

/** True for an extended (Persian) digit ۰-۹. */
export function isPersianDigit(code: number): boolean {
  return code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9;
}

/** True for an Arabic-Indic or Persian digit. */
export function isArabicDigit(code: number): boolean {
  return isArabicIndicDigit(code) || isPersianDigit(code);
}

/** True for an ASCII digit 0-9. */
export function isLatinDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** True for any digit marsad reads: Latin, Arabic-Indic or Persian. */
export function isDigit(code: number): boolean {
  return isLatinDigit(code) || isArabicDigit(code);
}

/** The value 0-9 of a Latin, Arabic-Indic or Persian digit; -1 for anything else. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) return code - ARABIC_INDIC_ZERO;
  if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) return code - PERSIAN_ZERO;
  return -1;
}

/** True for a code in the Arabic presentation-form blocks (FB50–FDFF, FE70–FEFE). */
export function isPresentationForm(code: number): boolean {
  return (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefe);
}

/** True for a zero-width or bidi format character that carries no text (ZWNJ, LRM, RLM, ALM, BOM, ...). */
export function isInvisible(code: number): boolean {
  return (
    code === ZWNJ ||
    code === ZWJ ||
    code === LRM ||
    code === RLM ||
    code === ALM ||
    code === BOM ||
    code === ZWSP ||
    code === SOFT_HYPHEN ||
    code === WORD_JOINER ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** True for a line break: \n, \r, \v, \f, NEL, line and paragraph separators. */
export function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** True for horizontal whitespace: space, tab, NBSP and the Unicode space separators. */
export function isHorizontalSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === NBSP ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** True for any whitespace (horizontal space or line break). */
export function isWhitespace(code: number): boolean {
  return isHorizontalSpace(code) || isLineBreak(code);
}

/** True for an ASCII letter. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
