// JSONL reader: one article per line ({id, outlet, outlet_name, url, date, title, text, author, summary, category});
// a bad line becomes a RecordError and the rest goes on.
import { createRawArticle, nonEmpty, toIsoDate, type RawArticle, type RecordError } from './raw-article.js';
import { splitByline } from './text-dump.js';

/** Reads every non-blank line. `source` names the file; each article's source is `source#L<line>`. */
export function parseJsonl(text: string, source = 'jsonl'): Array<RawArticle | RecordError> {
  const out: Array<RawArticle | RecordError> = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/^\uFEFF/u, '').trim();
    if (line === '') continue;
    const result = parseJsonlRecord(line, index + 1, `${source}#L${index + 1}`);
    out.push(result);
  }
  return out;
}

/** Reads one JSONL line (1-based `line`). */
export function parseJsonlRecord(line: string, lineNumber: number, source: string): RawArticle | RecordError {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return recordError(lineNumber, `Expected a JSON object, found invalid JSON (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return recordError(lineNumber, `Expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  const record = value as Record<string, unknown>;
  const body = record['text'] ?? record['body'] ?? record['content'];
  if (typeof body !== 'string') {
    return recordError(lineNumber, `Expected a string field "text", found ${body === undefined ? 'none' : typeof body}. Keys: ${Object.keys(record).slice(0, 10).join(', ')}.`);
  }
  const raw = createRawArticle(source);
  raw.sourceId = typeof record['id'] === 'string' || typeof record['id'] === 'number' ? String(record['id']) : null;
  raw.outlet = nonEmpty(record['outlet_name']) ?? nonEmpty(record['outlet']);
  raw.author = nonEmpty(record['author']);
  raw.url = nonEmpty(record['url']);
  raw.published = toIsoDate(nonEmpty(record['date']) ?? nonEmpty(record['published']));
  raw.title = nonEmpty(record['title']);
  raw.caption = nonEmpty(record['caption']);
  raw.photoCredit = nonEmpty(record['photo_credit']) ?? nonEmpty(record['photoCredit']);
  raw.language = nonEmpty(record['language']) ?? nonEmpty(record['lang']);
  const category = nonEmpty(record['category']);
  if (category !== null) raw.categories = [category];
  const paragraphs = body.split(/\r?\n/u).filter((l) => l.trim() !== '');
  // SaudiNewsNet bodies open with a byline «لجين الأحمدي – عين اليوم»: metadata, not body text.
  const first = paragraphs[0];
  if (first !== undefined && paragraphs.length > 1 && splitByline(first) !== null) {
    raw.removed.push({ kind: 'byline', text: first.trim() });
    paragraphs.shift();
  }
  raw.paragraphs = paragraphs;
  return raw;
}

function recordError(line: number, message: string): RecordError {
  return { line, code: 'E_JSONL_RECORD', message };
}
