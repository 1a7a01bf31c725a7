// Derives the 200 fixed search-bench queries from the corpus titles: frequent words, bigram phrases, OR pairs and exclusions.
// Run `npx tsx bench/suites/store-queries.ts` to regenerate bench/queries.txt (reads $MARSAD_DATA; skips when absent).
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { foldWord } from '../../src/arabic/normalize.js';
import { tokenize } from '../../src/arabic/tokenize.js';
import { findCorpusFiles, resolveDataDir } from '../corpus.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const QUERIES_FILE = join(REPO, 'bench/queries.txt');

/** How the 200 queries are made up. */
const MIX = { words: 100, phrases: 50, ors: 25, exclusions: 25 } as const;

/**
 * Picks queries deterministically: words and adjacent word pairs of titles ranked by frequency (ties by
 * folded form), skipping stop words and words of fewer than three letters. The queries are common
 * words, not article text; every query is one or two words.
 */
export function deriveQueries(titles: Iterable<string>, stopwords: ReadonlySet<string>): string[] {
  const words = new Map<string, { count: number; forms: Map<string, number> }>();
  const pairs = new Map<string, { count: number; forms: Map<string, number> }>();
  const add = (map: typeof words, key: string, form: string) => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = { count: 0, forms: new Map() }));
    entry.count++;
    entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
  };
  for (const title of titles) {
    const tokens = tokenize(title).filter((t) => t.kind === 'word');
    let previous: { key: string; text: string; end: number } | null = null;
    for (const token of tokens) {
      const key = foldWord(token.text);
      const ok = key.length >= 3 && !stopwords.has(key);
      if (ok) add(words, key, token.text);
      if (ok && previous && token.start - previous.end <= 1) add(pairs, `${previous.key} ${key}`, `${previous.text} ${token.text}`);
      previous = ok ? { key, text: token.text, end: token.end } : null;
    }
  }
  const ranked = (map: typeof words) =>
    [...map.entries()]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .map(([, e]) => [...e.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  const topWords = ranked(words);
  const topPairs = ranked(pairs);
  const out: string[] = [];
  // Single words spread over ranks 1–400, so both very common and moderately rare words are timed.
  for (let i = 0; i < MIX.words; i++) out.push(topWords[i * 4] ?? topWords[i]!);
  for (let i = 0; i < MIX.phrases; i++) out.push(`"${topPairs[i]}"`);
  for (let i = 0; i < MIX.ors; i++) out.push(`${topWords[i * 2 + 1]} OR ${topWords[i * 2 + 2]}`);
  for (let i = 0; i < MIX.exclusions; i++) out.push(`${topWords[i]} -${topWords[i + 7]}`);
  return out.filter((q): q is string => typeof q === 'string' && !q.includes('undefined'));
}

/** Reads the fixed query list (one per line). */
export function loadQueries(path = QUERIES_FILE): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(REPO);
  const files = findCorpusFiles(dataDir);
  if (files === null) {
    process.stderr.write(`store-queries: no news/*.jsonl under ${dataDir}; set MARSAD_DATA. Skipped.\n`);
    return;
  }
  const stopFile = join(dataDir, 'stopwords-ar/mohataher_list.txt');
  const stopwords = new Set(existsSync(stopFile) ? readFileSync(stopFile, 'utf8').split('\n').map((w) => foldWord(w.trim())).filter(Boolean) : []);
  const titles: string[] = [];
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const title = (JSON.parse(line) as { title?: unknown }).title;
      if (typeof title === 'string') titles.push(title);
    }
  }
  const queries = deriveQueries(titles, stopwords);
  writeFileSync(QUERIES_FILE, `# 200 search-bench queries derived from the corpus titles by bench/suites/store-queries.ts; regenerate, do not edit.\n${queries.join('\n')}\n`);
  process.stderr.write(`store-queries: wrote ${queries.length} queries to ${QUERIES_FILE}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
