// Tests for story features: the light stemmer, entity keys, term statistics and the feature vector.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../model/analysis.js';
import { articleFeatures, createTermStats, documentKeys, entityKey, lightStem, textStems } from './features.js';

/** A minimal Analysis with the fields features read. */
export function makeAnalysis(over: {
  id?: string;
  title?: string;
  text?: string;
  published?: string | null;
  outlet?: string;
  entities?: Analysis['entities'];
  events?: Analysis['events'];
}): Analysis {
  const text = over.text ?? '';
  return {
    schema: 'marsad.analysis/1',
    article: {
      id: over.id ?? 'a1',
      outlet: over.outlet ?? 'akhbar',
      author: null,
      url: null,
      published: over.published === undefined ? '2025-03-04T10:00:00+03:00' : over.published,
      title: over.title ?? null,
      caption: null,
      photoCredit: null,
      language: 'ar',
      text,
      paragraphs: [{ start: 0, end: text.length }],
      removed: [],
    },
    sentences: [],
    entities: over.entities ?? [],
    quotes: [],
    times: [],
    events: over.events ?? [],
  };
}

describe('lightStem', () => {
  it.each([
    ['والمسجد', 'مسجد'], // و + ال
    ['بالمسجد', 'مسجد'], // ب + ال
    ['للطواري', 'طوار'], // ل + ال with the alef dropped; the final ي goes like a nisba ending
    ['المصلين', 'مصل'], // ال and the plural ين
    ['وزير', 'وزير'], // a word that starts with و keeps it
    ['بيان', 'بيان'], // ان is not stripped when only two letters would remain
  ])('%s → %s', (word, stem) => {
    expect(lightStem(word)).toBe(stem);
  });
});

describe('textStems', () => {
  it('drops function words and folds spelling variants to one stem', () => {
    expect(textStems('في المدينة')).toEqual(textStems('فى المدينه'));
    expect(textStems('في من على')).toEqual([]);
  });
});

describe('entityKey', () => {
  it('keeps a linked id', () => {
    expect(entityKey({ id: 'geonames:108410', name: { ar: 'الرياض' } })).toBe('geonames:108410');
  });
  it('keys an unlinked entity by its folded name, so «أبها» in two articles is one place', () => {
    expect(entityKey({ id: 'nil:3', name: { ar: 'أبها' } })).toBe(entityKey({ id: 'nil:9', name: { ar: 'ابها' } }));
  });
});

describe('articleFeatures', () => {
  const place = { id: 'geonames:1', type: 'GPE' as const, name: { ar: 'حائل' }, mentions: [{ start: 0, end: 4, text: 'حائل', kind: 'name' as const }] };
  const analysis = makeAnalysis({
    title: 'انفجار في مسجد بحائل',
    text: 'وقع انفجار داخل مسجد في حائل أثناء صلاة الظهر وأسفر عن قتلى وجرحى.',
    entities: [place],
  });

  it('gives a unit-length term vector, places apart from other entities, and the time', () => {
    const f = articleFeatures(analysis);
    const norm = Math.sqrt(Object.values(f.terms).reduce((s, w) => s + w * w, 0));
    expect(norm).toBeCloseTo(1, 4);
    expect(Object.keys(f.places)).toEqual(['geonames:1']);
    expect(f.entities).toEqual({});
    expect(f.time).toBe(Date.parse('2025-03-04T07:00:00Z'));
  });

  it('weights title stems above body-only stems', () => {
    const f = articleFeatures(analysis);
    expect(f.terms['انفجار']).toBeGreaterThan(f.terms['صلا'] ?? 0);
  });

  it('lowers the weight of a stem every document has', () => {
    const stats = createTermStats();
    for (let i = 0; i < 20; i++) stats.addDocument(['مسجد']);
    stats.addDocument(documentKeys(analysis));
    const f = articleFeatures(analysis, { stats });
    expect(f.terms['مسجد']).toBeLessThan(f.terms['ظهر'] ?? 0);
  });

  it('serialises term statistics and reads them back', () => {
    const stats = createTermStats();
    stats.addDocument(['a', 'b', 'a']);
    const again = createTermStats(JSON.parse(JSON.stringify(stats.toJSON())));
    expect(again.documentCount).toBe(1);
    expect(again.documentFrequency('a')).toBe(1);
  });
});
