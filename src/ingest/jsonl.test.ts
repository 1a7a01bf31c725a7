// Tests for the JSONL reader: fields, bad lines as RecordErrors, blank lines, leading bylines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from './jsonl.js';
import { isRecordError } from './raw-article.js';

const JSONL = readFileSync(new URL('../../fixtures/ingest/articles.jsonl', import.meta.url), 'utf8');

describe('parseJsonl', () => {
  const results = parseJsonl(JSONL, 'articles.jsonl');

  it('yields one result per non-blank line, errors in place', () => {
    expect(results.map((r) => (isRecordError(r) ? `error@${r.line}` : r.source))).toEqual([
      'articles.jsonl#L1',
      'error@3',
      'error@4',
      'articles.jsonl#L5',
      'error@6',
    ]);
    for (const r of results) if (isRecordError(r)) expect(r.code).toBe('E_JSONL_RECORD');
  });

  it('maps the record fields and drops the leading byline into removed', () => {
    expect(results[0]).toMatchObject({
      sourceId: 't-1',
      outlet: 'شبكة الأفق',
      url: 'https://example.org/a1',
      published: '2023-04-01T10:00:00+03:00',
      title: 'وصول قافلة مساعدات إلى المدينة',
      author: null,
      removed: [{ kind: 'byline', text: 'سامي العلي – شبكة الأفق' }],
    });
    expect(results[0]).toHaveProperty('paragraphs.length', 3);
    expect(results[3]).toMatchObject({ author: 'نادر حسن', published: '2023-04-02T08:00:00' });
  });

  it.each([
    { line: '{"text": 5}', message: /string field "text"/u },
    { line: '"just a string"', message: /JSON object, found string/u },
    { line: '{"id": "x", "text": "نص', message: /invalid JSON/u },
  ])('explains a bad line: $line', ({ line, message }) => {
    const [result] = parseJsonl(line);
    expect(result && isRecordError(result) ? result.message : '').toMatch(message);
  });

  it('reads a record without outlet_name from outlet, and a BOM on the first line', () => {
    const [result] = parseJsonl('\uFEFF{"outlet": "afq", "text": "نص الخبر."}');
    expect(result).toMatchObject({ outlet: 'afq', paragraphs: ['نص الخبر.'] });
  });
});
