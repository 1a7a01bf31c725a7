// Derives resources/arabic/clitic-lexicon.tsv (stem weights, name and stop-word flags) from ../shared/data.
//
// Run: npx tsx scripts/build-clitic-lexicon.ts [output path]   (MARSAD_DATA overrides ../shared/data)
//
// How the weights are found: every word type of the news corpus (types = lexicon keys, each voting
// log2(1 + frequency)) is read as every clitic analysis its spelling allows (enumerateAnalyses, the same
// code the segmenter runs), and an EM loop shares each type between its analyses in proportion to
// stem weight × clitic prior. A stem's weight is the vote it collects: «رئيس» collects الرئيس، والرئيس،
// للرئيس، رئيسه… and ends heavy. Two guards keep a clitic form from becoming its own stem: leave-one-out
// (a type is scored without its own last vote, so «والرئيس» cannot explain itself) and demotion (a stem
// that is a clitic reading of a stem twice as heavy, like «بالإضافة» of «إضافة», is dropped).
import { createReadStream, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TATWEEL, isArabicLetter, isArabicMark, isInvisible } from '../src/arabic/chars.js';
import {
  FLAG_DEFINITE,
  FLAG_NAME,
  FLAG_STOP,
  DEFAULT_PRIORS,
  createCliticLexicon,
  formatFlags,
  formatPriors,
  type CliticPriors,
  lexiconKey,
  type CliticLexiconEntry,
} from '../src/arabic/clitic-lexicon.js';
import { enumerateAnalyses, scoreAnalysis, type Analysis } from '../src/arabic/clitics.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'));
const OUT = resolve(process.argv[2] ?? join(ROOT, 'resources/arabic/clitic-lexicon.tsv'));

/** The changelog written into the header, newest last; dated by hand so the output stays deterministic. */
const CHANGES = [
  '1 — 2026-11-29: first build. EM over word types with leave-one-out, demotion of clitic forms that hold their own paradigm, fixed clitic priors.',
];
/** EM rounds; the weights stop moving after about five. */
const ROUNDS = 6;
/** From this EM round to the one before last, clitic forms holding their own paradigm are demoted (see demote). */
const DEMOTE_AFTER = 2;
/** How much heavier the clitic reading's stem must be for a demotion. */
const DEMOTE_RATIO = 2;
/** Taken off each final stem weight: a stem that explains half a type is noise. */
const DISCOUNT = 0.5;
/** Rows below this weight are not shipped (unless flagged): the segmenter treats them as unknown. */
const MIN_WEIGHT = 0.3;
/** Keys whose votes the last round prints (MARSAD_DEBUG_KEYS=رئيس,حكومة), to see why a stem weighs what it does. */
const DEBUG = new Set((process.env.MARSAD_DEBUG_KEYS ?? '').split(',').filter(Boolean));
/** Letters that mark a Persian, Urdu or Kurdish spelling among GeoNames' untagged Arabic-script names. */
const NON_ARABIC_LETTERS = /[پچژگکیہۇڵەٱڕۆێ]/u;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Arabic words of a text, harakat/tatweel/invisibles dropped (hamza and ة kept). */
function* arabicWords(text: string): Generator<string> {
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArabicLetter(c)) word += text[i];
    else if (isArabicMark(c) || c === TATWEEL || isInvisible(c)) continue;
    else if (word) {
      yield word;
      word = '';
    }
  }
  if (word) yield word;
}

async function countCorpus(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const files = ['saudinewsnet-2015-08.jsonl', 'ant-multisource-2018-03-04.jsonl'];
  let tokens = 0;
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(join(dir, file), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { title?: string | null; text?: string | null };
      for (const field of [record.title, record.text]) {
        if (!field) continue;
        for (const w of arabicWords(field)) {
          counts.set(w, (counts.get(w) ?? 0) + 1);
          tokens++;
        }
      }
    }
  }
  log(`corpus: ${tokens} Arabic tokens, ${counts.size} types`);
  return counts;
}

/** Relative pronouns: function words that begin with ال yet are not ال + a stem («الذي» is not ال + ذي). */
const ARTICLE_FUNCTION_WORDS = ['الذي', 'الذى', 'التي', 'التى', 'الذين', 'اللذان', 'اللذين', 'اللتان', 'اللتين', 'اللاتي', 'اللواتي', 'اللائي', 'الآن', 'الان'];

/**
 * Stop words: the MIT list (mohataher). The list also holds clitic forms and content words, which would
 * then never split: «وأوضح» (و + أوضح), «وفي» (و + في), «الماضي» and «الوقت» (ال + …). Entries that are
 * و/ف + a stop word or + three letters or more, and ال + three letters or more (bar the relative
 * pronouns), are left to the segmenter.
 */
function readStopWords(dir: string): Set<string> {
  const words = readFileSync(join(dir, 'stopwords-ar/mohataher_list.txt'), 'utf8')
    .split('\n')
    .flatMap((line) => [...arabicWords(line)]);
  const listed = new Set(words.map(lexiconKey));
  const keys = new Set(listed);
  const keep = new Set(ARTICLE_FUNCTION_WORDS.map(lexiconKey));
  for (const key of listed) {
    const rest = key.slice(1);
    if ((key[0] === 'و' || key[0] === 'ف') && (listed.has(rest) || rest.length >= 3)) keys.delete(key);
    if (key.startsWith('ال') && key.length >= 5 && !keep.has(key)) keys.delete(key);
  }
  for (const k of keep) keys.add(k);
  return keys;
}

/**
 * Single-word names (letters-only forms, hamza kept) from ANERcorp train (never test), ANERgazet, GeoNames and mledoze. Organisation
 * names are left out: their words are common words («الاتحاد الدولي لكرة القدم» would make «لكرة» a name).
 */
function readNames(dir: string): Set<string> {
  const names = new Set<string>();
  const add = (text: string): void => {
    for (const w of arabicWords(text)) if (w.length >= 3) names.add(w);
  };
  for (const line of readFileSync(join(dir, 'anercorp/ANERCorp_CamelLab_train.reconstructed.txt'), 'utf8').split('\n')) {
    const [token, tag] = line.split(' ');
    if (token && tag && /-(PERS|LOC)$/.test(tag)) add(token);
  }
  for (const file of ['AlignedLocGazetteer.txt', 'AlignedPersGazetteer.txt']) {
    for (const line of readFileSync(join(dir, 'anergazet', file), 'utf8').split('\n')) add(line);
  }
  const cities = gunzipSync(readFileSync(join(dir, 'geonames/cities15000.txt.gz'))).toString('utf8');
  for (const line of cities.split('\n')) {
    for (const alt of (line.split('\t')[3] ?? '').split(',')) {
      if (!NON_ARABIC_LETTERS.test(alt) && [...arabicWords(alt)].length > 0) add(alt);
    }
  }
  const translations = JSON.parse(readFileSync(join(dir, 'geonames/country_translations.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  for (const byLang of Object.values(translations)) if (byLang.ar) add(byLang.ar);
  const countries = JSON.parse(readFileSync(join(dir, 'countries-mledoze/countries.json'), 'utf8')) as {
    translations?: { ara?: { common?: string; official?: string } };
  }[];
  for (const c of countries) add(c.translations?.ara?.common ?? '');
  return names;
}

/**
 * Name lists hold clitic forms too (ANERcorp tags «وواشنطن» as a place): a key that is a proclitic plus
 * another name is dropped, and a name with the article gives its stem («الرياض» → «رياض»).
 */
function cleanNames(names: Set<string>, freq: ReadonlyMap<string, number>): Set<string> {
  const keys = new Set([...names].map(lexiconKey));
  // «وائل» is a name and «ائل» a fragment: a clitic-looking name stays when it is the commoner spelling.
  const rarer = (key: string, rest: string): boolean => keys.has(rest) && (freq.get(key) ?? 0) < (freq.get(rest) ?? 0);
  const out = new Set<string>();
  for (const name of names) {
    // Only a plain-alef ال is the article: «الرياض» gives «رياض», «ألبانيا» stays «ألبانيا».
    const prefix = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'].find((p) => name.startsWith(p) && name.length - p.length >= 3);
    if (prefix) {
      out.add(lexiconKey(name.slice(prefix.length)));
      continue;
    }
    const key = lexiconKey(name);
    const first = key[0] ?? '';
    if ('وفبلك'.includes(first) && rarer(key, key.slice(1))) continue;
    if ((key.startsWith('وب') || key.startsWith('ول')) && rarer(key, key.slice(2))) continue;
    out.add(key);
  }
  return out;
}

/**
 * EM keeps some clitic forms as stems: «بالإضافة», «للمرة», «لكرة» are frequent, and their own clitic
 * variants («وبالإضافة») vote for them as they vote for «إضافة». A stem that is itself a clitic reading of
 * a stem DEMOTE_RATIO times heavier is taken out, so its types go to the lighter analysis. Names and
 * function words stay, and «ي»/«ني» and bare «ك» readings do not count («عالمي», «كيري» are words).
 */
function demote(types: readonly TypeRow[], theta: ReadonlyMap<string, number>, flagsOf: (key: string) => number, out: Set<string>): void {
  for (const t of types) {
    const whole = t.analyses[0] as Analysis;
    const w = theta.get(whole.stemKey) ?? 0;
    if (w <= 0 || flagsOf(whole.stemKey) & (FLAG_NAME | FLAG_STOP)) continue;
    let heaviest = 0;
    for (let i = 1; i < t.analyses.length; i++) {
      const a = t.analyses[i] as Analysis;
      if (a.enclitic === 'ي' || a.enclitic === 'ني') continue;
      // ك alone is a rare clitic and a common first letter: «كيري» (Kerry) is not demoted for «يري».
      if (a.prep === 'ك' && !a.conj && a.article === 'none' && !a.enclitic) continue;
      heaviest = Math.max(heaviest, theta.get(a.stemKey) ?? 0);
    }
    if (heaviest >= DEMOTE_RATIO * w) out.add(whole.stemKey);
  }
}

interface TypeRow {
  weight: number;
  analyses: Analysis[];
  /** What this type gave each of its analyses' stems last round: taken back before it votes again. */
  shares: Float64Array;
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'news'))) {
    log(`build-clitic-lexicon: no data at ${DATA} (set MARSAD_DATA to the shared data folder); nothing built.`);
    return;
  }
  const started = Date.now();
  const stop = readStopWords(DATA);
  const counts = await countCorpus(join(DATA, 'news'));

  // Whole-word frequency per key, and the article rate per key for the D flag.
  const freq = new Map<string, number>();
  for (const [w, f] of counts) {
    const k = lexiconKey(w);
    freq.set(k, (freq.get(k) ?? 0) + f);
  }
  const names = cleanNames(readNames(DATA), freq);
  log(`stop words: ${stop.size}, names: ${names.size}`);
  const flagsOf = (key: string): number => (stop.has(key) ? FLAG_STOP : 0) | (names.has(key) ? FLAG_NAME : 0);
  // Candidate stems: corpus keys, names, and keys the article leaves behind («جزائر» from «الجزائر»).
  const candidates = new Set<string>(freq.keys());
  for (const n of names) candidates.add(n);
  for (const k of freq.keys()) if (k.startsWith('ال') && k.length >= 4) candidates.add(k.slice(2));

  // Word types are counted by key, so hamza spellings («وأكد», «واكد») are one type, not two votes. A type
  // votes with log2(1 + frequency): «وأكد» seen 1,612 times outweighs a stray «بواكد», yet no single
  // frequent surface outvotes a whole paradigm.
  const byKey = new Map<string, { word: string; best: number; f: number }>();
  for (const [w, f] of counts) {
    const k = lexiconKey(w);
    const row = byKey.get(k);
    if (!row) byKey.set(k, { word: w, best: f, f });
    else {
      row.f += f;
      if (f > row.best || (f === row.best && w < row.word)) {
        row.word = w;
        row.best = f;
      }
    }
  }
  const types: TypeRow[] = [];
  for (const { word, f } of byKey.values()) {
    const analyses = enumerateAnalyses(word, flagsOf).filter((a, i) => i === 0 || candidates.has(a.stemKey));
    types.push({ weight: Math.log2(1 + f), analyses, shares: new Float64Array(analyses.length) });
  }
  log(`types: ${types.length}`);

  // Round 0 shares: each type spread evenly over its readings, so a stem starts with every type it could
  // explain («حكومة» with الحكومة، حكومته، بحكومتها…), not only the types spelled as itself.
  let theta = new Map<string, number>();
  for (const t of types) {
    const share = t.weight / t.analyses.length;
    t.analyses.forEach((a, i) => {
      theta.set(a.stemKey, (theta.get(a.stemKey) ?? 0) + share);
      t.shares[i] = share;
    });
  }
  for (const n of names) theta.set(n, (theta.get(n) ?? 0) + 1);

  // EM with leave-one-out: a type is scored against the stem weights without its own last shares, so
  // «والرئيس» cannot be its own stem merely because it exists, while «وزير» keeps الوزير، للوزير… behind it.
  // The clitic priors stay fixed: learnt over types they collapse towards «no clitic» (whole-word readings
  // win early and then teach the priors), which undoes the splits EM is for.
  const priors: CliticPriors = DEFAULT_PRIORS;
  const demoted = new Set<string>();
  for (let round = 0; round < ROUNDS; round++) {
    if (round >= DEMOTE_AFTER && round < ROUNDS - 1) {
      demote(types, theta, flagsOf, demoted);
      log(`demoted ${demoted.size} clitic forms that held their own paradigm`);
    }
    for (const k of demoted) theta.delete(k);
    const lexicon = createCliticLexicon(
      [...theta].filter(([, w]) => w > 0).map(([k, w]) => [k, { weight: w, flags: flagsOf(k) }] as const),
      priors,
    );
    const next = new Map<string, number>();
    for (const t of types) {
      const scores = t.analyses.map((a, i) => scoreAnalysis(a, lexicon, t.shares[i] as number));
      const max = Math.max(...scores);
      if (max === -Infinity) continue;
      let total = 0;
      const ps = scores.map((s) => {
        const p = Math.exp(s - max);
        total += p;
        return p;
      });
      t.analyses.forEach((a, i) => {
        const share = (t.weight * (ps[i] as number)) / total;
        t.shares[i] = share;
        if (share > 1e-6) next.set(a.stemKey, (next.get(a.stemKey) ?? 0) + share);
        if (DEBUG.has(a.stemKey) && round === ROUNDS - 1 && share > 0.01) {
          log(`debug ${a.stemKey} ← ${(t.analyses[0] as Analysis).stemForm} ${a.conj}|${a.prep}|${a.article}|${a.enclitic} ${share.toFixed(3)}`);
        }
      });
    }
    for (const n of names) next.set(n, (next.get(n) ?? 0) + 1);
    theta = next;
    log(`round ${round + 1} done`);
  }
  theta = new Map([...theta].map(([k, c]) => [k, Math.max(0, c - DISCOUNT)]));

  const rows: [string, CliticLexiconEntry][] = [];
  const keys = new Set([...theta.keys(), ...stop]);
  for (const key of keys) {
    const weight = Math.round((theta.get(key) ?? 0) * 100) / 100;
    let flags = flagsOf(key);
    const f = freq.get(key) ?? 0;
    const withArticle = freq.get(`ال${key}`) ?? 0;
    if (withArticle >= 2 && withArticle >= f) flags |= FLAG_DEFINITE;
    if (weight < MIN_WEIGHT && !(flags & (FLAG_STOP | FLAG_NAME))) continue;
    rows.push([key, { weight, freq: f, flags }]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const header = [
    '# marsad clitic lexicon: stem weights and flags for src/arabic/clitics.ts',
    '# format: TSV, UTF-8. Columns: key (lexiconKey form: no harakat, أإآٱ→ا, ى→ي, ؤ→و, ئ→ي, ی→ي, ک→ك, ة kept),',
    '#   weight (expected number of corpus word types analysed with this stem, each type counted log2(1 + freq),',
    '#   after EM and a 0.5 discount),',
    '#   freq (corpus count of the key as a whole word), flags (N name, S stop word, D usually takes ال).',
    '#   Rows «+slot:value<TAB>p<TAB>0<TAB>» first: the prior of each clitic slot value the weights were fitted with.',
    '# source: derived facts only, no text. Word-type counts from the news corpus in ../shared/data/news',
    '#   (SaudiNewsNet 2015, ANT 2018); names from ANERcorp train split (CC BY-SA 4.0; never the test split),',
    '#   ANERgazet (research use), GeoNames cities15000 and country names (CC BY 4.0, geonames.org),',
    '#   mledoze/countries Arabic common names (ODbL 1.0); stop words from mohataher/arabic-stop-words (MIT).',
    '# rebuild: npx tsx scripts/build-clitic-lexicon.ts  (MARSAD_DATA=<shared data folder>); deterministic.',
    ...CHANGES.map((line) => `# changes: ${line}`),
    `# this build: ${rows.length} rows, ${ROUNDS} EM rounds, min weight ${MIN_WEIGHT}.`,
  ];
  const body = formatPriors(priors);
  body.push(...rows.map(([k, e]) => `${k}\t${e.weight}\t${e.freq}\t${formatFlags(e.flags)}`));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, [...header, 'key\tweight\tfreq\tflags', ...body, ''].join('\n'));
  log(`wrote ${rows.length} rows to ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
