// The clitic lexicon: stem weights and word flags that decide how a surface word splits into clitics.
import { readFileSync } from 'node:fs';
import { MarsadError } from '../model/errors.js';
import {
  ALEF,
  ALEF_HAMZA_ABOVE,
  ALEF_HAMZA_BELOW,
  ALEF_MADDA,
  ALEF_WASLA,
  ALEF_MAKSURA,
  FARSI_YEH,
  KAF,
  KEHEH,
  WAW,
  WAW_HAMZA,
  YA,
  YA_HAMZA,
} from './chars.js';

/** A word is a name (gazetteers, ANERcorp PERS/LOC): it keeps letters that look like clitics («بيروت»). */
export const FLAG_NAME = 1;
/** A function word («لكن», «كما», «الذي»): it stays whole, and the article never attaches to a short one. */
export const FLAG_STOP = 2;
/** A stem seen mostly with the article («لجنة» as «اللجنة»): decides «للجنة» = ل + ال + لجنة. */
export const FLAG_DEFINITE = 4;

const FLAG_LETTERS: readonly (readonly [string, number])[] = [
  ['N', FLAG_NAME],
  ['S', FLAG_STOP],
  ['D', FLAG_DEFINITE],
];

/** One lexicon row: how much evidence there is for `key` as a stem, how often it occurs alone, its flags. */
export interface CliticLexiconEntry {
  /** Expected corpus word types analysed with this stem, each counted log2(1 + freq): the paradigm's weight. */
  readonly weight: number;
  /** Corpus frequency of the key as a whole surface word. */
  readonly freq: number;
  /** Bit set of FLAG_NAME, FLAG_STOP, FLAG_DEFINITE. */
  readonly flags: number;
}

/**
 * Probability of each value of each clitic slot, per word type. The build fits the stem weights under
 * these and ships them as `+slot:value` rows; a value missing from a slot has probability 0. They are
 * scores more than a distribution: «س» is high because it is only offered before ي ت ن أ.
 */
export interface CliticPriors {
  /** '' (none), و, ف */
  readonly conj: Readonly<Record<string, number>>;
  /** '' (none), ب, ك, ل, س */
  readonly prep: Readonly<Record<string, number>>;
  /** '' (none), ال */
  readonly article: Readonly<Record<string, number>>;
  /** '' (none) and the pronouns ه ها هما هم هن ك كما كم كن ي ني نا */
  readonly enclitic: Readonly<Record<string, number>>;
}

export type CliticSlot = keyof CliticPriors;
const SLOTS: readonly CliticSlot[] = ['conj', 'prep', 'article', 'enclitic'];

/**
 * The priors the shipped lexicon was built with, and those of a lexicon that ships none (the unit tests'
 * mini lexicons): rough rates over news word types, tuned on the merge groups of clitics.quality.test.ts.
 */
export const DEFAULT_PRIORS: CliticPriors = {
  conj: { '': 0.6, و: 0.33, ف: 0.07 },
  prep: { '': 0.75, ب: 0.1, ل: 0.1, ك: 0.02, س: 0.3 },
  article: { '': 0.6, ال: 0.4 },
  enclitic: {
    '': 0.6,
    ه: 0.12,
    ها: 0.1,
    هم: 0.08,
    هما: 0.01,
    هن: 0.005,
    نا: 0.06,
    ك: 0.01,
    كم: 0.01,
    كما: 0.002,
    كن: 0.002,
    // «ي» and «ني» look like the nisba ending («مصري», «مدني»): kept rare so only an unknown word loses them.
    ي: 0.0003,
    ني: 0.0003,
  },
};

/** The lexicon the segmenter consults; keys are `lexiconKey` forms. */
export interface CliticLexicon {
  readonly entries: ReadonlyMap<string, CliticLexiconEntry>;
  readonly priors: CliticPriors;
}

/**
 * The lexicon key of a word already free of harakat and tatweel: alef variants → ا, ى → ي, ؤ → و, ئ → ي,
 * Persian ی → ي and ک → ك.
 * Unlike match folding it keeps ة apart from ه, because «مكتبة» (library) and «مكتبه» (his office) are
 * different analyses, and hamza-less spellings of «أكد» and «اكد» must meet in one row.
 */
export function lexiconKey(word: string): string {
  return KEY_FOLDED.test(word) ? word.replace(KEY_FOLDED_ALL, (c) => KEY_FOLD[c] as string) : word;
}

/** What lexiconKey folds: alef variants to ا, ى and ئ to ي, ؤ to و. */
const KEY_FOLD: Readonly<Record<string, string>> = {
  [String.fromCharCode(ALEF_HAMZA_ABOVE)]: String.fromCharCode(ALEF),
  [String.fromCharCode(ALEF_HAMZA_BELOW)]: String.fromCharCode(ALEF),
  [String.fromCharCode(ALEF_MADDA)]: String.fromCharCode(ALEF),
  [String.fromCharCode(ALEF_WASLA)]: String.fromCharCode(ALEF),
  [String.fromCharCode(ALEF_MAKSURA)]: String.fromCharCode(YA),
  [String.fromCharCode(YA_HAMZA)]: String.fromCharCode(YA),
  [String.fromCharCode(WAW_HAMZA)]: String.fromCharCode(WAW),
  // Persian keyboards type ی for ي and ک for ك («کازاخستان»).
  [String.fromCharCode(FARSI_YEH)]: String.fromCharCode(YA),
  [String.fromCharCode(KEHEH)]: String.fromCharCode(KAF),
};
const KEY_FOLDED_CLASS = `[${Object.keys(KEY_FOLD).join('')}]`;
const KEY_FOLDED = new RegExp(KEY_FOLDED_CLASS);
const KEY_FOLDED_ALL = new RegExp(KEY_FOLDED_CLASS, 'g');

/** Builds a lexicon from rows (tests pass a five-row lexicon; the build script passes the corpus one). */
export function createCliticLexicon(
  rows: Iterable<readonly [string, Partial<CliticLexiconEntry>]>,
  priors: CliticPriors = DEFAULT_PRIORS,
): CliticLexicon {
  const entries = new Map<string, CliticLexiconEntry>();
  for (const [word, entry] of rows) {
    entries.set(lexiconKey(word), { weight: entry.weight ?? 1, freq: entry.freq ?? 0, flags: entry.flags ?? 0 });
  }
  return { entries, priors };
}

/** The `+slot:value` rows of a priors table, in a fixed order. */
export function formatPriors(priors: CliticPriors): string[] {
  return SLOTS.flatMap((slot) =>
    Object.entries(priors[slot]).map(([value, p]) => `+${slot}:${value}\t${Number(p.toPrecision(4))}\t0\t`),
  );
}

/** Formats flags as the letters used in the TSV («NS»). */
export function formatFlags(flags: number): string {
  let out = '';
  for (const [letter, bit] of FLAG_LETTERS) if (flags & bit) out += letter;
  return out;
}

function parseFlags(text: string, line: number, source: string | undefined): number {
  let flags = 0;
  for (const ch of text) {
    const found = FLAG_LETTERS.find(([letter]) => letter === ch);
    if (!found) {
      throw new MarsadError('E_RESOURCE', `Clitic lexicon line ${line}: expected flags from N, S, D, found «${text}».`, {
        source,
      });
    }
    flags |= found[1];
  }
  return flags;
}

/**
 * Parses the TSV lexicon: `#` header lines, a column line `key weight freq flags`, then one row per key
 * and `+slot:value<TAB>probability<TAB>0<TAB>` rows for the clitic priors.
 * Throws E_RESOURCE naming the line when a row is malformed.
 */
export function parseCliticLexicon(text: string, source?: string): CliticLexicon {
  const entries = new Map<string, CliticLexiconEntry>();
  const priors: Record<CliticSlot, Record<string, number>> = { conj: {}, prep: {}, article: {}, enclitic: {} };
  const lines = text.split('\n');
  let sawColumns = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineText === '' || lineText.startsWith('#')) continue;
    if (!sawColumns) {
      if (lineText !== 'key\tweight\tfreq\tflags') {
        throw new MarsadError(
          'E_RESOURCE',
          `Clitic lexicon line ${i + 1}: expected the column line «key<TAB>weight<TAB>freq<TAB>flags», found «${lineText.slice(0, 60)}». Rebuild it with scripts/build-clitic-lexicon.ts.`,
          { source },
        );
      }
      sawColumns = true;
      continue;
    }
    const cols = lineText.split('\t');
    if (lineText.startsWith('+')) {
      parsePrior(priors, cols, i + 1, source);
      continue;
    }
    const weight = Number(cols[1]);
    const freq = Number(cols[2]);
    if (cols.length !== 4 || !cols[0] || !Number.isFinite(weight) || weight < 0 || !Number.isInteger(freq) || freq < 0) {
      throw new MarsadError(
        'E_RESOURCE',
        `Clitic lexicon line ${i + 1}: expected «key<TAB>weight<TAB>freq<TAB>flags» with a non-negative weight and integer freq, found «${lineText.slice(0, 60)}».`,
        { source },
      );
    }
    entries.set(lexiconKey(cols[0]), { weight, freq, flags: parseFlags(cols[3] as string, i + 1, source) });
  }
  if (!sawColumns) {
    throw new MarsadError('E_RESOURCE', 'Clitic lexicon: no column line «key<TAB>weight<TAB>freq<TAB>flags» was found.', {
      source,
    });
  }
  const hasPriors = SLOTS.every((slot) => Object.keys(priors[slot]).length > 0);
  return { entries, priors: hasPriors ? priors : DEFAULT_PRIORS };
}

function parsePrior(
  priors: Record<CliticSlot, Record<string, number>>,
  cols: string[],
  line: number,
  source: string | undefined,
): void {
  const [slot, value] = (cols[0] as string).slice(1).split(':') as [string, string | undefined];
  const p = Number(cols[1]);
  if (!SLOTS.includes(slot as CliticSlot) || value === undefined || !(p >= 0 && p <= 1)) {
    throw new MarsadError(
      'E_RESOURCE',
      `Clitic lexicon line ${line}: expected a prior row «+slot:value<TAB>probability» with slot conj, prep, article or enclitic, found «${cols.join(' ').slice(0, 60)}».`,
      { source },
    );
  }
  priors[slot as CliticSlot][value] = p;
}

/** Reads and parses a lexicon file (resources/arabic/clitic-lexicon.tsv). */
export function loadCliticLexicon(path: string): CliticLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new MarsadError('E_RESOURCE', `Clitic lexicon not readable at ${path}; expected a TSV built by scripts/build-clitic-lexicon.ts.`, {
      cause,
      source: path,
    });
  }
  return parseCliticLexicon(text, path);
}
