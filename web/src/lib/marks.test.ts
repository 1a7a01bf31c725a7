import { describe, expect, it } from 'vitest';
import { splitMarks } from './marks.js';

const TEXT = 'تظاهر آلاف في بيروت';

describe('splitMarks', () => {
  it.each([
    ['no highlights', [], [{ text: TEXT, mark: false }]],
    ['one word', [{ start: 14, end: 19 }], [{ text: 'تظاهر آلاف في ', mark: false }, { text: 'بيروت', mark: true }]],
    [
      'overlapping and touching highlights merge',
      [{ start: 6, end: 10 }, { start: 0, end: 5 }, { start: 3, end: 6 }],
      [{ text: 'تظاهر آلاف', mark: true }, { text: ' في بيروت', mark: false }],
    ],
    ['out of range and empty highlights are ignored or clamped', [{ start: 17, end: 99 }, { start: 4, end: 4 }, { start: -5, end: -1 }], [{ text: 'تظاهر آلاف في بير', mark: false }, { text: 'وت', mark: true }]],
  ] as const)('%s', (_name, highlights, runs) => {
    const result = splitMarks(TEXT, highlights);
    expect(result).toEqual(runs);
    expect(result.map((r) => r.text).join('')).toBe(TEXT);
  });
});
