// Guesses which reader an input needs (text dump, HTML page, RSS/Atom feed, JSONL) from its content,
// then from the path or content type.
import { MarsadError } from '../model/errors.js';

export const INPUT_FORMATS = ['text', 'html', 'feed', 'jsonl'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Parses a user's --input-format value; an unknown one is a usage error that lists the known ones. */
export function parseInputFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  if ((INPUT_FORMATS as readonly string[]).includes(value)) return value as InputFormat;
  throw new MarsadError('E_USAGE', `--input-format must be one of ${INPUT_FORMATS.join(', ')}, not "${value}"`);
}

export interface FormatHint {
  path?: string;
  contentType?: string;
}

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|article|main|div|p|section|h[1-6]|meta|title|span|br|figure|table|ul|ol)\b/iu;

/**
 * Content first: a feed root (<rss>, <feed>, <rdf:RDF>), an HTML root or common tags, or a first line
 * that is a JSON object. Then the hint (extension or content type). Plain text otherwise.
 */
export function sniffFormat(text: string, hint: FormatHint = {}): InputFormat {
  const head = text.slice(0, 8192).replace(/^[\uFEFF\s]+/u, '');
  const lead = head.replace(/^(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|\s)+/u, '');
  if (/^<(?:rss|feed|rdf:RDF)\b/iu.test(lead)) return 'feed';
  if (/^<(?:!doctype\s+html|html)\b/iu.test(lead)) return 'html';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0]!.trim();
    if (isJsonObject(firstLine) || /^\{\s*"/u.test(firstLine)) return 'jsonl';
  }
  const byHint = formatFromHint(hint);
  if (byHint !== null) return byHint;
  if (head.startsWith('<') && HTML_TAG.test(head)) return 'html';
  return 'text';
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function formatFromHint(hint: FormatHint): InputFormat | null {
  const type = hint.contentType?.toLowerCase() ?? '';
  if (/(?:rss|atom)\+xml/u.test(type)) return 'feed';
  if (/html/u.test(type)) return 'html';
  if (/(?:ndjson|jsonl|json-seq|x-json-lines)/u.test(type)) return 'jsonl';
  const ext = /\.([a-z0-9]+)$/iu.exec(hint.path ?? '')?.[1]?.toLowerCase();
  switch (ext) {
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'rss':
    case 'atom':
      return 'feed';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'txt':
    case 'text':
      return 'text';
    default:
      return /text\/plain/u.test(type) ? 'text' : null;
  }
}
