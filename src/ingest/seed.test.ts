// Seed acceptance (issue 2): the text dump in ../shared/seeds read end to end. Reads the seed when present, skips otherwise;
// no seed text is copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean-article.js';
import { decode } from './decode.js';
import { tidyParagraph } from './script.js';
import { parseTextDump } from './text-dump.js';

const SEED = fileURLToPath(new URL('../../../shared/seeds/000_d756f70e890e7ef2.txt', import.meta.url));
const present = existsSync(SEED);

describe.skipIf(!present)('seed 000_d756f70e890e7ef2', () => {
  const bytes = present ? readFileSync(SEED) : Buffer.alloc(0);
  const source = present ? decode(bytes).text : '';
  const article = cleanArticle(parseTextDump(source, 'seed'));
  const kept = article.paragraphs.map((s) => article.text.slice(s.start, s.end));

  it('reads the header: date, outlet, author, caption and photo credit', () => {
    expect(article).toMatchObject({
      published: '2022-01-06',
      outlet: 'الترا صوت',
      author: 'فريق التحرير',
      caption: 'تصعيد مستمر في كازخستان',
      photoCredit: 'رويترز',
      language: 'ar',
    });
  });

  it('removes the read-also line', () => {
    const readAlso = article.removed.filter((r) => r.kind === 'read-also');
    expect(readAlso).toHaveLength(1);
    expect(readAlso[0]!.text.startsWith('اقرأ/ي أيضًا:')).toBe(true);
    expect(article.text).not.toContain('اقرأ/ي');
  });

  it('removes both repeated pull-quotes: a truncated opening with NBSPs, and a repeat without «بدوره»', () => {
    const pullQuotes = article.removed.filter((r) => r.kind === 'pull-quote').map((r) => r.text);
    expect(pullQuotes).toHaveLength(2);
    // The first repeats the opening of a kept paragraph; in the seed its words are joined by NBSPs.
    const withNbsp = source.split('\n').find((line) => line.includes('\u00A0') && tidyParagraph(line) === pullQuotes[0]);
    expect(withNbsp).toBeDefined();
    expect(kept.some((p) => p.startsWith(pullQuotes[0]!))).toBe(true);
    // The second is a kept paragraph without its leading «بدوره».
    const full = kept.find((p) => p.startsWith('بدوره '));
    expect(full).toBeDefined();
    expect(full!.slice('بدوره '.length).startsWith(pullQuotes[1]!)).toBe(true);
    for (const quote of pullQuotes) expect(article.text.split(quote).length - 1).toBe(1);
  });

  it('keeps every real paragraph exactly once and loses nothing silently', () => {
    const removedTexts = new Set(article.removed.map((r) => r.text));
    const bodyLines = source.split('\n').map(tidyParagraph).filter((l) => l !== '');
    for (const line of bodyLines) {
      const inText = kept.filter((p) => p === line).length;
      expect(inText + (removedTexts.has(line) ? 1 : 0), line.slice(0, 40)).toBe(1);
    }
    expect(kept).toHaveLength(bodyLines.length - article.removed.length);
    for (const span of article.paragraphs) expect(article.text.slice(span.start, span.end).trim()).not.toBe('');
  });
});

it.runIf(!present)('seed acceptance skipped: ../shared/seeds is absent', () => {
  expect(present).toBe(false);
});
