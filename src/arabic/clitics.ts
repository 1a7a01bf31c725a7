// Clitic segmentation: a surface token becomes its words (وبالمدينة = و + ب + ال + مدينة), decided by a lexicon.
import { TATWEEL, isArabicLetter, isArabicMark, isInvisible } from './chars.js';
import { foldWord } from './normalize.js';
import { FLAG_DEFINITE, FLAG_NAME, FLAG_STOP, lexiconKey, type CliticLexicon, type CliticPriors } from './clitic-lexicon.js';

/** One word of a token: a clitic or the stem, with offsets into the original text. */
export interface Word {
  start: number;
  end: number;
  /** The original characters of the word (harakat included); empty for an article merged into «للّجنة». */
  text: string;
  role: 'proclitic' | 'stem' | 'enclitic';
  /** Normalised lexical form: 'و', 'ب', 'ال', 'ه' for clitics; the stem without harakat, ة restored («حكومة»). */
  form: string;
}

export interface Segmenter {
  /** Splits one token; `offset` is where the token starts in the text, so spans point into that text. */
  segment(token: string, offset?: number): Word[];
  /**
   * The match key of the token's stem: no clitics, no article, then normalize's foldWord, so «الرئيس» and
   * «ورئيسه» both give «رييس» (foldWord of رئيس) and «حكومته» gives «حكومه».
   */
  stem(token: string): string;
}

export interface SegmenterOptions {
  /** How many distinct surface forms to remember (default 200,000); the memo is dropped when full. */
  cacheSize?: number;
}

// Clitic letters. Each is one letter; the names say which clitic they spell.
const WAW_CONJ = 'و'; // و «and»
const FA_CONJ = 'ف'; // ف «so, then»
const BA_PREP = 'ب'; // ب «in, with»
const KAF_PREP = 'ك'; // ك «like»
const LAM_PREP = 'ل'; // ل «for, to»
const SIN_FUTURE = 'س'; // س «will», only before an imperfect verb
const ARTICLE = 'ال'; // ال, always written with plain alef: «ألماتا» with أ is never ال + ماتا
const TA = 'ت'; // ت: ta marbuta is written ت before an enclitic (حكومة + ه = حكومته)
const TA_MARBUTA = 'ة'; // ة
const HA = 'ه'; // ه, written for ة in hurried spelling
const ALEF = 'ا'; // ا: alef maksura is written ا before an enclitic (مستشفى + ه = مستشفاه)
const ALEF_MAKSURA = 'ى'; // ى
const YA_KEY = 'ي'; // ي: the lexicon key of ى
const WAW = 'و'; // و: the plural «وا» drops its alef before an enclitic (ضربوا + ه = ضربوه)

/** Alef with hamza or madda: أ إ آ. */
const HAMZA_ALEFS = 'أإآ';

/** Letters an imperfect verb starts with (ي ت ن أ ا): «سيزور» = س + يزور, but «سوريا» is not س + وريا. */
const IMPERFECT_PREFIXES = 'يتنأا';

/** Pronoun enclitics, longest first so «هما» is tried before «ها» and «ه». */
export const ENCLITICS: readonly string[] = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'ني', 'نا', 'ه', 'ك', 'ي'];

/** Function words this short never take the article. */
const SHORT_FUNCTION_WORD = 2;

/** Stems are at least two letters: «له» stays whole rather than ل + ه with an empty stem. */
const MIN_STEM = 2;

/** Restoring ة, ى or the plural alef is a guess the lexicon must confirm: a small cost against the plain stem. */
const LOG_RESTORE = Math.log(0.9);
/** Reading a final ه as ة is a misspelling repaired: it must beat «مكتبه» = مكتب + ه by a wide margin. */
const LOG_HA_FOR_TA = Math.log(0.1);
/** Names keep their letters: a name stem is preferred as if seen this many more times. */
const NAME_BONUS = Math.log(20);
/** Reading «لل» against the stem's usual definiteness (see FLAG_DEFINITE). */
const LOG_WRONG_DEFINITENESS = Math.log(0.1);
/** The weight of a whole word the lexicon does not know: below any attested stem. */
const LOG_UNKNOWN = Math.log(0.05);

/** Log priors of a lexicon's CliticPriors, computed once per priors table. */
interface LogPriors {
  conj: Map<string, number>;
  prep: Map<string, number>;
  article: Map<string, number>;
  enclitic: Map<string, number>;
}
const LOG_PRIORS = new WeakMap<CliticPriors, LogPriors>();

function logPriorsOf(priors: CliticPriors): LogPriors {
  let logs = LOG_PRIORS.get(priors);
  if (!logs) {
    const table = (r: Readonly<Record<string, number>>): Map<string, number> =>
      new Map(Object.entries(r).map(([k, p]) => [k, Math.log(p)]));
    logs = { conj: table(priors.conj), prep: table(priors.prep), article: table(priors.article), enclitic: table(priors.enclitic) };
    LOG_PRIORS.set(priors, logs);
  }
  return logs;
}

/** The log prior of an analysis's clitic configuration under a priors table. */
export function logPriorOf(a: Analysis, priors: CliticPriors): number {
  const logs = logPriorsOf(priors);
  const article = a.article === 'none' ? '' : ARTICLE;
  return (
    (logs.conj.get(a.conj) ?? -Infinity) +
    (logs.prep.get(a.prep) ?? -Infinity) +
    (logs.article.get(article) ?? -Infinity) +
    (logs.enclitic.get(a.enclitic) ?? -Infinity) +
    (a.restored ? LOG_RESTORE : 0) +
    (a.haForTa ? LOG_HA_FOR_TA : 0)
  );
}


/** How the article is spelled in an analysis. */
type ArticleSpelling = 'none' | 'written' | 'lam' | 'merged';

/** One way to read a token: clitics around a stem, in the token's letters-only form. */
export interface Analysis {
  conj: string;
  prep: string;
  /** 'written': «ال»; 'lam': the second ل of «للرئيس»; 'merged': no letter left («للّجنة» = ل + ال + لجنة). */
  article: ArticleSpelling;
  stemStart: number;
  stemEnd: number;
  /** The stem as a lexical form: letters of the token with ة, ى or «وا» restored before an enclitic. */
  stemForm: string;
  stemKey: string;
  enclitic: string;
  /** True when ة, ى or the plural alef was restored in `stemForm` before an enclitic. */
  restored: boolean;
  /** True when a final ه was read as ة («لجنه» for «لجنة»). */
  haForTa: boolean;
}

/** The letters of a token (harakat, tatweel, invisibles dropped) and where each came from. */
interface Letters {
  text: string;
  pos: number[];
}

function lettersOf(token: string): Letters {
  let text = '';
  const pos: number[] = [];
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    // «الرَّئِيسِ» and «الرئيـــس» segment like «الرئيس»: marks and tatweel carry no letters.
    if (isArabicMark(c) || c === TATWEEL || isInvisible(c)) continue;
    text += token[i];
    pos.push(i);
  }
  return { text, pos };
}

function hasArabicLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isArabicLetter(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Every clitic reading of a letters-only word that the spelling allows, the whole word included.
 * `flagsOf(key)` gives lexicon flags: the article never attaches to a short function word («الذي» is not
 * ال + ذي), and a stem may begin with ال only when it is a function word («والذي» = و + الذي) or a name
 * whose أ was dropped («بالبانيا» = ب + البانيا).
 */
export function enumerateAnalyses(word: string, flagsOf: (key: string) => number): Analysis[] {
  const out: Analysis[] = [];
  const key = lexiconKey(word);
  const conjs = [''];
  if (word[0] === WAW_CONJ || word[0] === FA_CONJ) conjs.push(word[0]);
  for (const conj of conjs) {
    const i0 = conj.length;
    const preps = [''];
    const p = word[i0];
    if (p === BA_PREP || p === KAF_PREP || p === LAM_PREP) preps.push(p);
    if (p === SIN_FUTURE && IMPERFECT_PREFIXES.includes(word[i0 + 1] ?? '')) preps.push(p);
    for (const prep of preps) {
      const i1 = i0 + prep.length;
      addStems(out, word, key, conj, prep, 'none', i1, flagsOf);
      if (prep === SIN_FUTURE) continue;
      if (prep !== LAM_PREP && word.startsWith(ARTICLE, i1)) {
        addStems(out, word, key, conj, prep, 'written', i1 + 2, flagsOf);
      } else if (prep === LAM_PREP && word[i1] === LAM_PREP) {
        // ل + ال drops the alef: «للرئيس» = ل + ال + رئيس; before a stem in ل the article leaves no letter
        // at all: «للجنة» = ل + ال + لجنة.
        addStems(out, word, key, conj, prep, 'lam', i1 + 1, flagsOf);
        addStems(out, word, key, conj, prep, 'merged', i1, flagsOf);
      }
    }
  }
  return out;
}

function addStems(
  out: Analysis[],
  word: string,
  key: string,
  conj: string,
  prep: string,
  article: ArticleSpelling,
  stemStart: number,
  flagsOf: (key: string) => number,
): void {
  const n = word.length;
  const hasClitic = conj !== '' || prep !== '' || article !== 'none';
  // The whole word is always a reading, however short («و» alone, «في»).
  if (n - stemStart < MIN_STEM && hasClitic) return;
  // lexiconKey maps letter for letter, so a stem's key is a slice of the word's key, plus the restored
  // letter's key when ة, ى or the plural alef comes back before an enclitic.
  const push = (stemEnd: number, stemForm: string, enclitic: string, keyEnd = stemEnd, keySuffix = '', haForTa = false): void => {
    const stemKey = key.slice(stemStart, keyEnd) + keySuffix;
    const flags = flagsOf(stemKey);
    const stop = (flags & FLAG_STOP) !== 0;
    // The article never takes a short function word: «الذي» is not ال + ذي, «الله» not ال + له. Longer stop
    // words take it («اليوم», «السنة»): the stop lists hold nouns too.
    if (article !== 'none' && stop && stemKey.length <= SHORT_FUNCTION_WORD) return;
    // A stem starting with ال is the article not split off, unless it is a function word like «الذي» or a name.
    if (hasClitic && !(flags & (FLAG_STOP | FLAG_NAME)) && stemForm.startsWith(ARTICLE)) return;
    const restored = keySuffix !== '' && !haForTa;
    out.push({ conj, prep, article, stemStart, stemEnd, stemForm, stemKey, enclitic, restored, haForTa });
  };
  push(n, word.slice(stemStart), '');
  // ه written for ة, common in hurried spelling («لجنه» for «لجنة»): read as the ة word when that is known.
  if (word.endsWith(HA) && n - 1 - stemStart >= MIN_STEM) {
    push(n, word.slice(stemStart, n - 1) + TA_MARBUTA, '', n - 1, TA_MARBUTA, true);
  }
  // The article and a pronoun never share a word: «الكتابه» is not ال + كتاب + ه.
  if (article !== 'none') return;
  for (const enclitic of ENCLITICS) {
    const stemEnd = n - enclitic.length;
    if (stemEnd - stemStart < MIN_STEM || !word.endsWith(enclitic)) continue;
    const stem = word.slice(stemStart, stemEnd);
    push(stemEnd, stem, enclitic);
    const last = stem[stem.length - 1];
    const body = stem.slice(0, -1);
    if (last === TA) push(stemEnd, body + TA_MARBUTA, enclitic, stemEnd - 1, TA_MARBUTA);
    else if (last === ALEF) push(stemEnd, body + ALEF_MAKSURA, enclitic, stemEnd - 1, YA_KEY);
    else if (last === WAW) push(stemEnd, stem + ALEF, enclitic, stemEnd, ALEF);
  }
}

/** True when an analysis is the word as written: no clitic, no letter read otherwise. */
function isWholeWord(a: Analysis): boolean {
  return a.conj === '' && a.prep === '' && a.article === 'none' && a.enclitic === '' && !a.haForTa;
}

/**
 * Log score of an analysis under a lexicon: stem weight × clitic prior. An analysis with clitics needs a
 * known stem (-Infinity otherwise); the whole word, when unknown, scores as an unknown word. `discount` is
 * taken off the stem weight first: the build removes a word type's own share so it cannot vote for itself.
 */
export function scoreAnalysis(a: Analysis, lexicon: CliticLexicon, discount = 0): number {
  const entry = lexicon.entries.get(a.stemKey);
  const whole = isWholeWord(a);
  // A whole word in plain ال is read as the article first: «الرياض» = ال + رياض, like «بالرياض». Names
  // whose أ was dropped in writing are the exception: «البانيا» for «ألبانيا».
  const articleLike = whole && a.stemForm.startsWith(ARTICLE) && !((entry?.flags ?? 0) & (FLAG_STOP | FLAG_NAME));
  const prior = logPriorOf(a, lexicon.priors);
  const weight = (entry?.weight ?? 0) - discount;
  if (!entry || weight <= 1e-9 || articleLike) return whole ? LOG_UNKNOWN + prior : -Infinity;
  let score = Math.log(weight) + prior;
  // The bonus keeps a name whole («بيروت» is not ب + يروت); as the stem of a split it earns nothing, or a
  // stray name fragment in the gazetteers («يان») would win «بيان» = ب + يان.
  // A clitic letter before a hamza alef is a clitic: «فإن» is ف + إن whatever «فان» (Van) is as a name.
  if (whole && entry.flags & FLAG_NAME && !HAMZA_ALEFS.includes(a.stemForm[1] ?? '')) score += NAME_BONUS;
  // «للجنة» and «للبنان» are spelled alike: the article is read into the first only because «لجنة» usually
  // takes it («اللجنة») and «لبنان» does not.
  const definite = (entry.flags & FLAG_DEFINITE) !== 0;
  if (a.article === 'merged' && !definite) score += LOG_WRONG_DEFINITENESS;
  if (definite && a.prep === LAM_PREP && a.article === 'none' && a.stemForm[0] === LAM_PREP) score += LOG_WRONG_DEFINITENESS;
  return score;
}

/** The best analysis of a letters-only word under a lexicon. */
export function bestAnalysis(word: string, lexicon: CliticLexicon): Analysis {
  const flagsOf = (key: string): number => lexicon.entries.get(key)?.flags ?? 0;
  const all = enumerateAnalyses(word, flagsOf);
  const whole = all[0] as Analysis;
  // A function word is never split further («لكن» is not ل + كن, «فقط» not ف + قط).
  if (flagsOf(whole.stemKey) & FLAG_STOP) return whole;
  let best = whole;
  let bestScore = scoreAnalysis(whole, lexicon);
  for (let i = 1; i < all.length; i++) {
    const a = all[i] as Analysis;
    const s = scoreAnalysis(a, lexicon);
    if (s > bestScore) {
      best = a;
      bestScore = s;
    }
  }
  if (best === whole && !lexicon.entries.has(whole.stemKey)) return unknownWord(word, whole);
  return best;
}

/**
 * An unknown word: split only a leading و before a consonant («وتوكاييف» = و + توكاييف). A foreign name
 * starting with و has a long vowel next («واشنطن», «ويلز», «ووهان»), so those stay whole.
 */
function unknownWord(word: string, whole: Analysis): Analysis {
  const next = word[1] ?? '';
  if (word[0] !== WAW_CONJ || word.length - 1 < 3 || 'اويىآءأإئؤ'.includes(next)) return whole;
  const stemForm = word.slice(1);
  return { ...whole, conj: WAW_CONJ, stemStart: 1, stemForm, stemKey: lexiconKey(stemForm) };
}

/** The words of an analysis, with offsets relative to the token. */
function wordsOf(token: string, letters: Letters, a: Analysis): Word[] {
  const { pos } = letters;
  const n = letters.text.length;
  // Letter i of the letters-only form covers the token from pos[i] up to the next letter (its marks included).
  const startOf = (i: number): number => (i >= n ? token.length : (pos[i] as number));
  const span = (from: number, to: number, role: Word['role'], form: string): Word => {
    const start = from === 0 ? 0 : startOf(from);
    const end = to === n ? token.length : startOf(to);
    return { start, end, text: token.slice(start, end), role, form };
  };
  const words: Word[] = [];
  let i = 0;
  if (a.conj) {
    words.push(span(0, 1, 'proclitic', a.conj));
    i = 1;
  }
  if (a.prep) {
    words.push(span(i, i + 1, 'proclitic', a.prep));
    i += 1;
  }
  if (a.article === 'written') words.push(span(i, i + 2, 'proclitic', ARTICLE));
  else if (a.article === 'lam') words.push(span(i, i + 1, 'proclitic', ARTICLE));
  else if (a.article === 'merged') {
    const at = startOf(i);
    words.push({ start: at, end: at, text: '', role: 'proclitic', form: ARTICLE });
  }
  words.push(span(a.stemStart, a.stemEnd, 'stem', a.stemForm));
  if (a.enclitic) words.push(span(a.stemEnd, n, 'enclitic', a.enclitic));
  return words;
}

/** Creates a segmenter over a lexicon; results are memoised per surface form. */
export function createSegmenter(lexicon: CliticLexicon, options: SegmenterOptions = {}): Segmenter {
  const cacheSize = options.cacheSize ?? 200_000;
  const cache = new Map<string, { words: Word[]; stem: string }>();

  const analyse = (token: string): { words: Word[]; stem: string } => {
    const hit = cache.get(token);
    if (hit) return hit;
    const letters = lettersOf(token);
    let result: { words: Word[]; stem: string };
    if (token === '') result = { words: [], stem: '' };
    else if (letters.text.length === 0 || !hasArabicLetter(letters.text)) {
      result = { words: [{ start: 0, end: token.length, text: token, role: 'stem', form: token }], stem: foldWord(token) };
    } else {
      const a = bestAnalysis(letters.text, lexicon);
      result = { words: wordsOf(token, letters, a), stem: foldWord(a.stemForm) };
    }
    if (cache.size >= cacheSize) cache.clear();
    cache.set(token, result);
    return result;
  };

  return {
    segment(token, offset = 0) {
      const { words } = analyse(token);
      const out: Word[] = new Array<Word>(words.length);
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as Word;
        out[i] = { start: w.start + offset, end: w.end + offset, text: w.text, role: w.role, form: w.form };
      }
      return out;
    },
    stem(token) {
      return analyse(token).stem;
    },
  };
}
