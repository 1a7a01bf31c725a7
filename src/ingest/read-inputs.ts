// readInputs: files, directories (recursive, sorted, hidden skipped) and stdin («-») to cleaned Articles;
// a failing file or record yields an error result and the iteration goes on.
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../model/analysis.js';
import { isMarsadError, MarsadError, type ErrorCode } from '../model/errors.js';
import { cleanArticle } from './clean-article.js';
import { canonicalLabel, decode } from './decode.js';
import { parseFeed } from './feed.js';
import { parseHtml } from './html.js';
import { parseJsonl, parseJsonlRecord } from './jsonl.js';
import { isRecordError, type RawArticle } from './raw-article.js';
import { sniffFormat, type InputFormat } from './sniff-format.js';
import { parseTextDump } from './text-dump.js';

export type ReadResult = { ok: true; article: Article; source: string } | { ok: false; source: string; error: MarsadError };

export interface ReadOptions {
  /** Read for «-»; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Skip sniffing and read every input in this format. */
  format?: InputFormat;
  /**
   * Inputs larger than this many bytes are refused with E_INPUT_TOO_LARGE (default 64 MiB). UTF-8 JSONL files
   * are streamed line by line, so for them the bound applies to each line (one record), not to the file.
   */
  maxBytes?: number;
  /** Forces a byte encoding for every input. */
  encoding?: string;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Reads every input in order. JSONL files yield one result per line (`path#L<n>`), feeds one per item (`path#item<n>`). */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncIterable<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (path === '-') {
      yield* readSource('stdin', () => readStream(options.stdin ?? process.stdin, maxBytes), options);
      continue;
    }
    let files: string[];
    try {
      files = await expandPath(path);
    } catch (error) {
      yield { ok: false, source: path, error: fileError(error, path) };
      continue;
    }
    for (const file of files) {
      if (await isStreamableJsonl(file, options)) yield* readJsonlStream(file, maxBytes);
      else yield* readSource(file, () => readBounded(file, maxBytes), options);
    }
  }
}

async function* readSource(source: string, load: () => Promise<Uint8Array>, options: ReadOptions): AsyncIterable<ReadResult> {
  let results: ReadResult[];
  try {
    const bytes = await load();
    const { text } = decode(bytes, options.encoding === undefined ? {} : { encoding: options.encoding });
    const format = options.format ?? sniffFormat(text, { path: source });
    results = readText(text, format, source);
  } catch (error) {
    results = [{ ok: false, source, error: asMarsadError(error, source) }];
  }
  yield* results;
}

/** How much of a file is read to decide whether it can be streamed: as much as sniffing and decoding look at. */
const HEAD_BYTES = 64 * 1024;

/**
 * A file is streamed line by line when it is JSONL (forced, or sniffed from its head) in UTF-8, so a corpus file's
 * memory is one line, not the whole file and all its articles. Anything else (legacy encodings, UTF-16, a head
 * with no line end) goes the whole-file way, whose detection looks at the full bytes.
 */
async function isStreamableJsonl(file: string, options: ReadOptions): Promise<boolean> {
  if (options.format !== undefined && options.format !== 'jsonl') return false;
  if (options.encoding !== undefined && canonicalLabel(options.encoding) !== 'utf-8') return false;
  let head: Buffer;
  let size: number;
  try {
    const handle = await open(file, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return false; // the whole-file path reports the error with its code
  }
  // Cut at the last line end, so the sample never ends inside a multi-byte letter (which would fail UTF-8 validity).
  const cut = head.length < size ? head.lastIndexOf(0x0a) : head.length;
  if (cut <= 0) return false;
  try {
    const decoded = decode(head.subarray(0, cut), options.encoding === undefined ? {} : { encoding: options.encoding });
    if (decoded.encoding !== 'utf-8') return false;
    return (options.format ?? sniffFormat(decoded.text, { path: file })) === 'jsonl';
  } catch {
    return false;
  }
}

/** Yields one result per non-blank line of a UTF-8 JSONL file, as readText does for the whole text. */
async function* readJsonlStream(file: string, maxBytes: number): AsyncIterable<ReadResult> {
  let lineNumber = 0;
  try {
    for await (const line of byteLines(file, maxBytes)) {
      lineNumber++;
      const where = `${file}#L${lineNumber}`;
      if (typeof line === 'number') {
        yield { ok: false, source: where, error: tooLarge(where, line, maxBytes) };
        continue;
      }
      const text = line.replace(/^\uFEFF/u, '').trim();
      if (text === '') continue;
      try {
        const record = parseJsonlRecord(text, lineNumber, where);
        if (isRecordError(record)) yield { ok: false, source: where, error: new MarsadError(record.code, record.message, { source: where }) };
        else yield finish(record);
      } catch (error) {
        yield { ok: false, source: where, error: asMarsadError(error, where) };
      }
    }
  } catch (error) {
    yield { ok: false, source: file, error: fileError(error, file) };
  }
}

/**
 * The lines of a file, split on LF bytes (never inside a UTF-8 sequence) and decoded one at a time; a line
 * over `maxBytes` is dropped as it is read and reported by its length instead.
 */
async function* byteLines(file: string, maxBytes: number): AsyncIterable<string | number> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      length += end - start;
      if (length <= maxBytes) pending.push(chunk.subarray(start, end));
      else pending = [];
      if (nl < 0) break;
      yield length <= maxBytes ? Buffer.concat(pending).toString('utf8') : length;
      pending = [];
      length = 0;
      start = nl + 1;
    }
  }
  if (length > 0) yield length <= maxBytes ? Buffer.concat(pending).toString('utf8') : length;
}

/** Parses and cleans decoded text in a known format; never throws. */
export function readText(text: string, format: InputFormat, source: string): ReadResult[] {
  try {
    switch (format) {
      case 'jsonl':
        return parseJsonl(text, source).map((record) => {
          if (isRecordError(record)) {
            const where = `${source}#L${record.line}`;
            return { ok: false as const, source: where, error: new MarsadError(record.code, record.message, { source: where }) };
          }
          return finish(record);
        });
      case 'feed':
        return parseFeed(text, source).map(finish);
      case 'html':
        return [finish(parseHtml(text, source))];
      case 'text':
        return [finish(parseTextDump(text, source))];
    }
  } catch (error) {
    return [{ ok: false, source, error: asMarsadError(error, source) }];
  }
}

function finish(raw: RawArticle): ReadResult {
  const article = cleanArticle(raw);
  if (article.text === '') {
    return { ok: false, source: raw.source, error: new MarsadError('E_NO_TEXT', 'Expected article body text, found none after cleaning (only metadata, furniture or an empty body).', { source: raw.source }) };
  }
  return { ok: true, article, source: raw.source };
}

/** A file stays a file; a directory becomes its files, recursively, sorted by path, hidden entries skipped. */
async function expandPath(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await expandPath(full)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
  }
  return out;
}

async function readBounded(file: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw fileError(error, file);
  }
  if (size > maxBytes) throw tooLarge(file, size, maxBytes);
  try {
    return await readFile(file);
  } catch (error) {
    throw fileError(error, file);
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += buf.length;
    if (total > maxBytes) throw tooLarge('stdin', total, maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function tooLarge(source: string, size: number, maxBytes: number): MarsadError {
  return new MarsadError('E_INPUT_TOO_LARGE', `Expected at most ${maxBytes} bytes, found ${size}${source === 'stdin' ? '+' : ''}. Raise maxBytes or split the input.`, { source });
}

function fileError(error: unknown, path: string): MarsadError {
  if (isMarsadError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const marsadCode: ErrorCode = code === 'ENOENT' || code === 'ENOTDIR' ? 'E_INPUT_NOT_FOUND' : 'E_INPUT_UNREADABLE';
  const message = marsadCode === 'E_INPUT_NOT_FOUND' ? `Expected an existing file or directory, found nothing at ${path}.` : `Could not read ${path} (${code ?? String(error)}). Check permissions and that it is a regular file.`;
  return new MarsadError(marsadCode, message, { cause: error, source: path });
}

function asMarsadError(error: unknown, source: string): MarsadError {
  if (isMarsadError(error)) return error.source === undefined ? new MarsadError(error.code, error.message, { cause: error.cause, source }) : error;
  return new MarsadError('E_INPUT_FORMAT', `Could not read ${source} as its detected format: ${(error as Error)?.message ?? String(error)}.`, { cause: error, source });
}
