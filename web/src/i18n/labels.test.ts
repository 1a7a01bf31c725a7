import { describe, expect, it } from 'vitest';
import { EVENT_TYPE_ORDER, ENTITY_COLORS } from '../lib/palette.js';
import { CODE_NAMES, countNoun, fillLabel, LABELS } from './labels.js';

describe('countNoun', () => {
  it.each([
    [1, 'مقال'],
    [2, 'مقالان'],
    [3, 'مقالات'],
    [10, 'مقالات'],
    [11, 'مقالاً'],
    [100, 'مقال'],
  ])('Arabic: %d → %s', (count, word) => {
    expect(countNoun('ar', 'article', count)).toBe(word);
  });

  it('English: singular for one, plural otherwise', () => {
    expect(countNoun('en', 'result', 1)).toBe('result');
    expect(countNoun('en', 'result', 0)).toBe('results');
    expect(countNoun('en', 'story', 26)).toBe('stories');
  });
});

describe('labels', () => {
  it('names every event and entity type the UI colours in Arabic', () => {
    for (const code of [...EVENT_TYPE_ORDER, ...Object.keys(ENTITY_COLORS)]) expect(CODE_NAMES.ar[code], code).toMatch(/\p{Script=Arabic}/u);
  });

  it('has no empty label in either language', () => {
    for (const lang of ['ar', 'en'] as const) for (const [key, label] of Object.entries(LABELS[lang])) expect(label.trim(), `${lang}.${key}`).not.toBe('');
  });
});

describe('fillLabel', () => {
  it('fills named slots and leaves unknown ones', () => {
    expect(fillLabel(LABELS.ar.windowShowing, { from: '2 فبراير 2018', to: '30 أبريل 2018' })).toBe('يُعرض من 2 فبراير 2018 إلى 30 أبريل 2018');
    expect(fillLabel('{events} of {total}', { events: 3 })).toBe('3 of {total}');
  });

  it('has the same slots in both languages', () => {
    const slots = (label: string) => [...label.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
    for (const [key, label] of Object.entries(LABELS.ar)) expect(slots(LABELS.en[key as keyof typeof LABELS.en]), key).toEqual(slots(label));
  });
});
