// The text-core suite: normalise + tokenise and + clitic segmentation, beside Lucene's ArabicAnalyzer and Snowball.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCliticLexicon } from '../../src/arabic/clitic-lexicon.js';
import { createSegmenter } from '../../src/arabic/clitics.js';
import { normalize } from '../../src/arabic/normalize.js';
import { isWordToken, tokenize } from '../../src/arabic/tokenize.js';
import { loadCorpus, writeCorpusFile } from '../corpus.js';
import { rssNowMb, peakRssMb, timePasses, type Job, type MeasureContext, type MeasureOutput, type PlanContext, type Suite } from '../measure.js';

/** Row names, shared by the jobs, the targets and the README. */
export const ROW = {
  tokenise: 'marsad normalise+tokenise',
  segment: 'marsad +segmentation',
  luceneTokenise: 'Lucene normalise+tokenise',
  luceneAnalyzer: 'Lucene ArabicAnalyzer',
  snowballStem: 'Snowball stem (marsad words)',
  snowballPipeline: 'Snowball \\w+ tokenise+stem',
  farasaHere: 'Farasa segmenter (issue, here)',
  farasaPublished: 'Farasa segmenter (published)',
} as const;

/** The word list the tokenise measurement leaves for the Snowball peer, one word per line. */
const WORDS_FILE = 'words.txt';
/** The articles, NUL-separated, for the Java and Python peers. */
const CORPUS_FILE = 'corpus.txt';
const LEXICON_PATH = join('resources', 'arabic', 'clitic-lexicon.tsv');

/**
 * The work measured, as the pipeline does it: normalise the text (building its offset map, kept beside
 * the original), and tokenise the original text, whose tokens carry offsets into it and keep harakat
 * for the segmenter («وَبِالمَدِينَةِ»). Words are word tokens (`isWordToken`: Arabic and Latin words),
 * one definition for every row, peers included. The normalised length goes into a checksum so the
 * work cannot be optimised away.
 */
async function measureTokenise(ctx: MeasureContext): Promise<MeasureOutput> {
  const texts = await loadCorpus(ctx.dataDir, { limit: ctx.limit });
  const rssAfterLoadMb = rssNowMb();
  const pass = (): { words: number; tokens: number; checksum: number } => {
    let words = 0;
    let tokens = 0;
    let checksum = 0;
    for (const text of texts) {
      checksum += normalize(text).text.length;
      const found = tokenize(text);
      tokens += found.length;
      for (const token of found) if (isWordToken(token)) words++;
    }
    return { words, tokens, checksum };
  };
  const { passes, cpuPasses, last } = timePasses(pass, ctx.warmup, ctx.repeat);
  const peak = peakRssMb();
  // Outside the timing: the same word tokens for the Snowball peer, so both sides stem the same words.
  const lines: string[] = [];
  for (const text of texts) for (const token of tokenize(text)) if (isWordToken(token)) lines.push(token.text);
  await writeFile(join(ctx.scratchDir, WORDS_FILE), lines.join('\n') + '\n', 'utf8');
  ctx.log(`${ROW.tokenise}: ${last.tokens} tokens, ${last.words} word tokens (checksum ${last.checksum})`);
  return {
    kind: 'throughput',
    result: {
      implementation: `marsad normalize() + tokenize(), Node ${process.version}`,
      texts: texts.length,
      words: last.words,
      ownTokens: last.words,
      passes,
      cpuPasses,
      rssAfterLoadMb,
      peakRssMb: peak,
    },
  };
}

async function measureSegment(ctx: MeasureContext): Promise<MeasureOutput> {
  const lexiconPath = join(ctx.repoRoot, LEXICON_PATH);
  const lexicon = loadCliticLexicon(lexiconPath);
  const texts = await loadCorpus(ctx.dataDir, { limit: ctx.limit });
  const rssAfterLoadMb = rssNowMb();
  const pass = (): { words: number; segments: number; checksum: number } => {
    // A fresh segmenter each pass: its memo of surface forms starts empty, as in a process that reads
    // the corpus once. Reusing it after the warm-up would time only memo hits (every form already seen).
    const segmenter = createSegmenter(lexicon);
    let words = 0;
    let segments = 0;
    let checksum = 0;
    for (const text of texts) {
      checksum += normalize(text).text.length;
      for (const token of tokenize(text)) {
        if (!isWordToken(token)) continue;
        words++;
        segments += segmenter.segment(token.text, token.start).length;
      }
    }
    return { words, segments, checksum };
  };
  const { passes, cpuPasses, last } = timePasses(pass, ctx.warmup, ctx.repeat);
  ctx.log(`${ROW.segment}: ${last.words} word tokens, ${last.segments} words after clitic segmentation (checksum ${last.checksum})`);
  return {
    kind: 'throughput',
    result: {
      implementation: `marsad normalize() + tokenize() + segment(), Node ${process.version}`,
      texts: texts.length,
      words: last.words,
      ownTokens: last.segments,
      passes,
      cpuPasses,
      rssAfterLoadMb,
      peakRssMb: peakRssMb(),
    },
  };
}

/** Lucene's jars: `MARSAD_LUCENE_CLASSPATH`, else Debian's under /usr/share/java (liblucene8-java or 9). */
export function findLuceneClasspath(env: NodeJS.ProcessEnv = process.env, javaDir = '/usr/share/java'): string | null {
  const fromEnv = env['MARSAD_LUCENE_CLASSPATH'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!existsSync(javaDir)) return null;
  const names = new Set(readdirSync(javaDir));
  // Debian ships versioned jars and unversioned links; the newest version with both jars is taken
  // (lucene-analyzers-common up to 8, lucene-analysis-common from 9).
  const versions = [...names]
    .map((name) => /^lucene-core-(\d[\d.]*)\.jar$/.exec(name)?.[1])
    .filter((version): version is string => version !== undefined)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const version of versions) {
    const analysis = [`lucene-analysis-common-${version}.jar`, `lucene-analyzers-common-${version}.jar`].find((name) => names.has(name));
    if (analysis !== undefined) return `${join(javaDir, `lucene-core-${version}.jar`)}:${join(javaDir, analysis)}`;
  }
  return null;
}

/** Compiles the Java peer into bench/peers/build when its class is missing or older than the source. */
function buildLucenePeer(repoRoot: string, classpath: string): { classDir: string } | { skip: string } {
  const source = join(repoRoot, 'bench', 'peers', 'LuceneArabicBench.java');
  const classDir = join(repoRoot, 'bench', 'peers', 'build');
  const classFile = join(classDir, 'LuceneArabicBench.class');
  if (existsSync(classFile) && statSync(classFile).mtimeMs >= statSync(source).mtimeMs) return { classDir };
  mkdirSync(classDir, { recursive: true });
  const javac = spawnSync('javac', ['-d', classDir, '-cp', classpath, source], { encoding: 'utf8' });
  if (javac.error !== undefined) return { skip: `javac not found (${javac.error.message}); install a JDK (17+)` };
  if (javac.status !== 0) return { skip: `javac failed against ${classpath}: ${javac.stderr.trim().split('\n')[0] ?? ''}` };
  return { classDir };
}

/** A python3 that can import PyStemmer (Debian's python3-stemmer lives under /usr/bin/python3, not pyenv's). */
function findStemmerPython(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import Stemmer; Stemmer.Stemmer("arabic")'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

async function plan(ctx: PlanContext): Promise<readonly Job[]> {
  const corpusFile = join(ctx.scratchDir, CORPUS_FILE);
  await writeCorpusFile(ctx.texts, corpusFile);
  const counts = [String(ctx.warmup), String(ctx.repeat)];
  const jobs: Job[] = [
    { kind: 'measure', name: ROW.tokenise, role: 'ours', measure: 'tokenise' },
    existsSync(join(ctx.repoRoot, LEXICON_PATH))
      ? { kind: 'measure', name: ROW.segment, role: 'ours', measure: 'segment' }
      : { kind: 'skip', name: ROW.segment, role: 'ours', reason: `no clitic lexicon at ${LEXICON_PATH}; build it with scripts/build-clitic-lexicon.ts` },
  ];

  const classpath = findLuceneClasspath();
  const lucene = classpath === null ? { skip: 'Lucene jars not found: apt-get install liblucene8-java, or set MARSAD_LUCENE_CLASSPATH' } : buildLucenePeer(ctx.repoRoot, classpath);
  for (const [name, mode] of [
    [ROW.luceneTokenise, 'normalize'],
    [ROW.luceneAnalyzer, 'analyzer'],
  ] as const) {
    jobs.push(
      'skip' in lucene
        ? { kind: 'skip', name, role: 'peer', reason: lucene.skip }
        : {
            kind: 'exec',
            name,
            role: 'peer',
            command: () => ({
              argv: ['java', '-Xmx2g', '-cp', `${lucene.classDir}:${classpath as string}`, 'LuceneArabicBench', mode, corpusFile, ...counts],
            }),
          },
    );
  }

  const python = findStemmerPython();
  const script = join(ctx.repoRoot, 'bench', 'peers', 'snowball_arabic.py');
  const noPython = 'no python3 with PyStemmer: apt-get install python3-stemmer';
  const wordsFile = join(ctx.scratchDir, WORDS_FILE);
  jobs.push(
    python === null
      ? { kind: 'skip', name: ROW.snowballStem, role: 'peer', reason: noPython }
      : {
          kind: 'exec',
          name: ROW.snowballStem,
          role: 'peer',
          command: () =>
            existsSync(wordsFile) ? { argv: [python, script, 'stem', wordsFile, ...counts] } : { skip: `no word list: ${ROW.tokenise} did not run` },
        },
    python === null
      ? { kind: 'skip', name: ROW.snowballPipeline, role: 'peer', reason: noPython }
      : { kind: 'exec', name: ROW.snowballPipeline, role: 'peer', command: () => ({ argv: [python, script, 'tokenise-stem', corpusFile, ...counts] }) },
    { kind: 'reference', name: ROW.farasaHere, wordsPerSecond: 34_000, note: 'quoted from the issue, not measured by this run (Farasa cannot be installed here)' },
    { kind: 'reference', name: ROW.farasaPublished, wordsPerSecond: 55_000, note: 'published figure, not measured by this run' },
  );
  return jobs;
}

export const textCoreSuite: Suite = {
  description: 'normalise + tokenise, and + clitic segmentation, on the news corpus; Lucene and Snowball side by side',
  plan,
  measures: { tokenise: measureTokenise, segment: measureSegment },
  targets: [
    { row: ROW.tokenise, minWordsPerSecond: 1_000_000 },
    { row: ROW.segment, minWordsPerSecond: 300_000 },
  ],
};
