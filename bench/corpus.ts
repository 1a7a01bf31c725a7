// The benchmark corpus: streams article texts from the shared news JSONL files, never copying them into the repo.
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { MarsadError } from '../src/model/errors.js';

/** One article of the corpus: where it came from and its body text. */
export interface CorpusArticle {
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

/** The folder of the shared data: `MARSAD_DATA`, else `../shared/data` beside the repository root. */
export function resolveDataDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['MARSAD_DATA'];
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : resolve(repoRoot, '..', 'shared', 'data');
}

/**
 * The news JSONL files under `dataDir/news`, sorted so every run reads articles in the same order;
 * null when the folder is absent or holds none (the bench then skips with a message, it does not fail).
 */
export function findCorpusFiles(dataDir: string): string[] | null {
  const newsDir = join(dataDir, 'news');
  if (!existsSync(newsDir)) return null;
  const files = readdirSync(newsDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(newsDir, name));
  return files.length > 0 ? files : null;
}

/** Streams the articles with a non-empty `text`, in file order, up to `limit` articles. */
export async function* streamArticles(
  dataDir: string,
  options: { limit?: number } = {},
): AsyncGenerator<CorpusArticle> {
  const files = findCorpusFiles(dataDir);
  if (files === null) {
    throw new MarsadError('E_INPUT_NOT_FOUND', `expected news/*.jsonl under ${dataDir}, found none; set MARSAD_DATA to the shared data folder`, {
      source: dataDir,
    });
  }
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let count = 0;
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (count >= limit) break;
      if (line.trim() === '') continue;
      const article = parseRecord(line, file, lineNumber);
      if (article === null) continue;
      count++;
      yield article;
    }
    lines.close();
    if (count >= limit) return;
  }
}

/** Loads the article texts into memory (before any timing, so reading the disk is never measured). */
export async function loadCorpus(dataDir: string, options: { limit?: number } = {}): Promise<string[]> {
  const texts: string[] = [];
  for await (const article of streamArticles(dataDir, options)) texts.push(article.text);
  return texts;
}

/**
 * Writes texts separated by NUL characters, the format the Java and Python peers read: a NUL never
 * occurs in news text, so each article keeps its own line breaks.
 */
export async function writeCorpusFile(texts: readonly string[], path: string): Promise<void> {
  await writeFile(path, texts.join('\u0000'), 'utf8');
}

function parseRecord(line: string, file: string, lineNumber: number): CorpusArticle | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (cause) {
    throw new MarsadError('E_JSONL_RECORD', `expected a JSON object on line ${lineNumber}, found unparsable JSON`, {
      cause,
      source: `${file}:${lineNumber}`,
    });
  }
  if (typeof record !== 'object' || record === null) {
    throw new MarsadError('E_JSONL_RECORD', `expected a JSON object on line ${lineNumber}, found ${typeof record}`, {
      source: `${file}:${lineNumber}`,
    });
  }
  const { id, text } = record as { id?: unknown; text?: unknown };
  // A record whose body is missing or empty has nothing to measure; skipping it keeps word counts honest.
  if (typeof text !== 'string' || text.trim() === '') return null;
  return { id: typeof id === 'string' ? id : `${file}:${lineNumber}`, file, text };
}
