// Segmentation eval: marsad's clitic stem against Snowball Arabic and ISRI on the gold of src/arabic/clitics.gold.ts.
// Run by `npm run eval -- segmentation` or alone: `npx tsx eval/segmentation.ts`. Needs no corpus (dataDir unused).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCliticLexicon } from '../src/arabic/clitic-lexicon.js';
import { createSegmenter } from '../src/arabic/clitics.js';
import { APART_GROUPS, MERGE_GROUPS, NAME_SPLITS, WHOLE_NAMES, WHOLE_WORDS } from '../src/arabic/clitics.gold.js';
import { foldWord } from '../src/arabic/normalize.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LEXICON = join(ROOT, 'resources/arabic/clitic-lexicon.tsv');
const PYTHON = '/usr/bin/python3';

/** A stemmer under test: all words in, one stem per word out, or the reason it cannot run here. */
interface System {
  name: string;
  stemAll(words: readonly string[]): Promise<{ stems: string[] } | { skipped: string }>;
}

/** Scores on the gold lists, each a fraction in [0, 1]. */
export interface SegmentationScores {
  /** Variant groups whose members all give one stem. */
  groupsMerged: number;
  /** Over all groups, the mean share of member pairs that give the same stem. */
  pairsMerged: number;
  /** Different-word groups whose members all give different stems. */
  groupsApart: number;
  /** Over all different-word groups, the mean share of member pairs that give different stems. */
  pairsApart: number;
  wordsWhole: number;
  namesWhole: number;
  /** Clitic forms of names («وكازاخستان») whose stem is the name. */
  namesSplit: number;
}

// Python programs for the peers: words on stdin one a line, stems on stdout one a line, in order.
const SNOWBALL_PY = `import sys, Stemmer
s = Stemmer.Stemmer('arabic')
words = sys.stdin.read().split('\\n')[:-1]
sys.stdout.write(''.join(s.stemWord(w) + '\\n' for w in words))`;
const ISRI_PY = `import sys
from nltk.stem.isri import ISRIStemmer
s = ISRIStemmer()
words = sys.stdin.read().split('\\n')[:-1]
sys.stdout.write(''.join(s.stem(w) + '\\n' for w in words))`;

/** Runs one Python program over all words in one process; a missing module becomes a skip with its install command. */
function pythonSystem(name: string, program: string, module: string, install: string): System {
  return {
    name,
    stemAll: (words) =>
      new Promise((done, fail) => {
        if (!existsSync(PYTHON)) {
          done({ skipped: `${PYTHON} not found; install: ${install}` });
          return;
        }
        const child = spawn(PYTHON, ['-c', program], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
        child.on('error', fail);
        // Python dying before it reads stdin («No module named nltk») closes the pipe; 'close' then reports why.
        child.stdin.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE') fail(error);
        });
        child.on('close', (code) => {
          if (code !== 0) {
            if (err.includes('ModuleNotFoundError') && err.includes(`'${module}'`)) done({ skipped: `Python module ${module} missing; install: ${install}` });
            else fail(new Error(`${name}: ${PYTHON} exited with ${code}: ${err.trim()}`));
            return;
          }
          const stems = out.split('\n').slice(0, -1);
          if (stems.length !== words.length) fail(new Error(`${name}: ${words.length} words in, ${stems.length} stems out`));
          else done({ stems });
        });
        child.stdin.end(words.join('\n') + '\n');
      }),
  };
}

function marsadSystem(): System {
  return {
    name: 'marsad stem()',
    stemAll: async (words) => {
      if (!existsSync(LEXICON)) return { skipped: `${LEXICON} not found; build it with 'npx tsx scripts/build-clitic-lexicon.ts'` };
      const segmenter = createSegmenter(loadCliticLexicon(LEXICON));
      return { stems: words.map((w) => segmenter.stem(w)) };
    },
  };
}

/** Every word the gold lists ask about, each once. */
function goldWords(): string[] {
  return [...new Set([...MERGE_GROUPS.flat(), ...APART_GROUPS.flat(), ...WHOLE_WORDS, ...WHOLE_NAMES, ...NAME_SPLITS.map(([token]) => token)])];
}

/** Fraction of the unordered pairs of `items` for which `same` holds as wanted (1 for a group of one). */
function pairShare(items: readonly string[], wantSame: boolean): number {
  let pairs = 0;
  let hits = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      pairs++;
      if ((items[i] === items[j]) === wantSame) hits++;
    }
  }
  return pairs === 0 ? 1 : hits / pairs;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const share = <T>(xs: readonly T[], ok: (x: T) => boolean): number => (xs.length === 0 ? 0 : xs.filter(ok).length / xs.length);

/**
 * Scores one system's stems. Every stem is compared after marsad's foldWord (alef variants, ة/ه, ى/ي, hamza
 * carriers), which marsad's stem() already applies, so a peer is not penalised for its own orthographic folding:
 * Snowball gives «رييس» for «الرئيس», and «رئيس» and «رييس» must count as one stem. A word or name is
 * kept whole when its folded stem equals the folded word («بيروت» → «بيروت», not «يروت»).
 */
export function scoreSegmentation(stemOf: (word: string) => string): SegmentationScores {
  const key = (w: string): string => foldWord(stemOf(w));
  const merged = MERGE_GROUPS.map((g) => g.map(key));
  const apart = APART_GROUPS.map((g) => g.map(key));
  const whole = (w: string): boolean => key(w) === foldWord(w);
  return {
    groupsMerged: share(merged, (stems) => new Set(stems).size === 1),
    pairsMerged: mean(merged.map((stems) => pairShare(stems, true))),
    groupsApart: share(apart, (stems) => new Set(stems).size === stems.length),
    pairsApart: mean(apart.map((stems) => pairShare(stems, false))),
    wordsWhole: share(WHOLE_WORDS, whole),
    namesWhole: share(WHOLE_NAMES, whole),
    namesSplit: share(NAME_SPLITS, ([token, forms]) => key(token) === foldWord(forms[forms.length - 1] ?? '')),
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(7);

export async function runSegmentationEval(options: { dataDir: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const systems: System[] = [
    marsadSystem(),
    pythonSystem('Snowball Arabic', SNOWBALL_PY, 'Stemmer', 'apt-get install -y python3-stemmer'),
    pythonSystem('ISRI (NLTK)', ISRI_PY, 'nltk', 'apt-get install -y python3-nltk'),
  ];
  const words = goldWords();
  log(
    `gold (src/arabic/clitics.gold.ts): ${MERGE_GROUPS.length} variant groups, ${APART_GROUPS.length} different-word groups, ` +
      `${WHOLE_WORDS.length} whole words, ${WHOLE_NAMES.length} whole names, ${NAME_SPLITS.length} clitic names; ${words.length} distinct words`,
  );
  log('stems compared after foldWord; Farasa not run (not installable here: no downloads)');
  log(`${'system'.padEnd(16)} groups-merged pairs-merged groups-apart pairs-apart words-whole names-whole names-split    ms`);
  const failures: { name: string; sample: string[] }[] = [];
  for (const system of systems) {
    const start = performance.now();
    const result = await system.stemAll(words);
    const ms = performance.now() - start;
    if ('skipped' in result) {
      log(`${system.name.padEnd(16)} skipped: ${result.skipped}`);
      continue;
    }
    const byWord = new Map(words.map((w, i) => [w, result.stems[i] ?? '']));
    const stemOf = (w: string): string => byWord.get(w) ?? '';
    const s = scoreSegmentation(stemOf);
    log(
      `${system.name.padEnd(16)} ${pct(s.groupsMerged)}      ${pct(s.pairsMerged)}     ${pct(s.groupsApart)}      ${pct(s.pairsApart)}    ` +
        `${pct(s.wordsWhole)}     ${pct(s.namesWhole)}     ${pct(s.namesSplit)} ${ms.toFixed(0).padStart(5)}`,
    );
    // A few failures per system, so a number can be checked by eye.
    const key = (w: string): string => foldWord(stemOf(w));
    const sample = [
      ...MERGE_GROUPS.filter((g) => new Set(g.map(key)).size !== 1).slice(0, 2),
      ...APART_GROUPS.filter((g) => new Set(g.map(key)).size !== g.length).slice(0, 2),
    ].map((g) => g.map((w) => `${w}→${stemOf(w)}`).join(' '));
    failures.push({ name: system.name, sample });
  }
  for (const { name, sample } of failures) {
    log(`${name}: ${sample.length === 0 ? 'no failed groups' : 'e.g.'}`);
    for (const line of sample) log(`  ${line}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'));
  await runSegmentationEval({ dataDir, log: (line) => process.stdout.write(line + '\n') });
}
