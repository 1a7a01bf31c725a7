import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../api.js';
import { nestHighlights } from '../../lib/highlights.js';
import { collectAnnotations, isWebUrl } from './annotations.js';

const TEXT = 'قال الوزير سامي العلي إن المتظاهرين أغلقوا الطريق في بيروت.';

function analysis(): Analysis {
  const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length, text: word });
  return {
    schema: 'marsad.analysis/1',
    article: {
      id: 'a1b2c3d4',
      outlet: 'بيروت اليوم',
      author: null,
      url: null,
      published: '2025-03-04',
      title: 'احتجاج في بيروت',
      caption: null,
      photoCredit: null,
      language: 'ar',
      text: TEXT,
      paragraphs: [{ start: 0, end: TEXT.length }],
      removed: [],
    },
    sentences: [{ start: 0, end: TEXT.length }],
    entities: [
      { id: 'nil:سامي_العلي', type: 'PER', name: { ar: 'سامي العلي' }, mentions: [{ ...at('سامي العلي'), kind: 'name' }] },
      {
        id: 'iso:LB-BEY',
        type: 'GPE',
        name: { ar: 'بيروت', en: 'Beirut' },
        mentions: [
          { ...at('بيروت'), kind: 'name' },
          { start: 11, end: 16, text: 'بيروت', kind: 'name', field: 'title' },
        ],
      },
    ],
    quotes: [{ speaker: { entity: 'nil:سامي_العلي', text: 'الوزير سامي العلي' }, cue: 'قال', content: { ...at('المتظاهرين أغلقوا الطريق في بيروت') }, direct: false, channel: null, via: [] }],
    times: [],
    events: [
      {
        type: 'PROTEST',
        mode: 'block',
        cameo: '145',
        actor: [{ entity: null, text: 'المتظاهرين' }],
        recipient: [],
        location: { entity: 'iso:LB-BEY', text: 'بيروت' },
        date: '2025-03-04',
        size: {},
        modality: 'reported',
        evidence: { ...at('المتظاهرين أغلقوا الطريق') },
        confidence: 0.8,
      },
    ],
  };
}

describe('collectAnnotations', () => {
  it('takes body mentions, quote contents and event evidence for the text', () => {
    const spans = collectAnnotations(analysis(), 'text');
    expect(spans.map((s) => [s.kind, s.type, TEXT.slice(s.start, s.end)])).toEqual([
      ['entity', 'PER', 'سامي العلي'],
      ['entity', 'GPE', 'بيروت'],
      ['quote', 'indirect', 'المتظاهرين أغلقوا الطريق في بيروت'],
      ['event', 'PROTEST', 'المتظاهرين أغلقوا الطريق'],
    ]);
  });

  it('takes only the entity mentions of the title', () => {
    const spans = collectAnnotations(analysis(), 'title');
    expect(spans).toEqual([{ start: 11, end: 16, kind: 'entity', type: 'GPE', ref: { kind: 'entity', entity: 1, mention: 1 } }]);
  });

  it('nests the event and the place inside the quote that holds them', () => {
    const tree = nestHighlights(TEXT.length, collectAnnotations(analysis(), 'text'));
    const quote = tree.find((n) => n.kind === 'mark' && n.annotation.kind === 'quote');
    expect(quote?.kind === 'mark' && quote.children.filter((c) => c.kind === 'mark').map((c) => c.kind === 'mark' && c.annotation.kind)).toEqual(['event', 'entity']);
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://example.org/news/1', true],
    ['HTTP://example.org', true],
    ['javascript:alert(1)', false],
    ['//example.org', false],
    [null, false],
  ])('%s → %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
