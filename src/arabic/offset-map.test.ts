// Tests of offset maps: the builder, identity and composition map spans back to the input they came from.
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { OffsetMapBuilder, compose, identity } from './offset-map.js';

describe('OffsetMapBuilder', () => {
  // «قـال» with the tatweel dropped: output «قال», the tatweel joins the span of ق
  const b = new OffsetMapBuilder();
  b.push('ق', 0, 2);
  b.push('ا', 2, 3);
  b.push('ل', 3, 4);
  const t = b.finish(4);

  it('builds the text', () => {
    expect(t.text).toBe('قال');
  });

  it.each([
    [0, 0],
    [1, 2],
    [2, 3],
    [3, 4],
  ])('toOriginal(%i) = %i', (offset, original) => {
    expect(t.toOriginal(offset)).toBe(original);
  });

  it.each([
    [0, 3, 0, 4],
    [0, 1, 0, 2],
    [1, 3, 2, 4],
    [2, 2, 3, 3],
  ])('toOriginalSpan(%i, %i) = [%i, %i]', (s, e, os, oe) => {
    expect(t.toOriginalSpan(s, e)).toEqual([os, oe]);
  });

  it('maps an empty output to the input end', () => {
    const empty = new OffsetMapBuilder().finish(5);
    expect(empty.text).toBe('');
    expect(empty.toOriginal(0)).toBe(5);
    expect(empty.toOriginalSpan(0, 0)).toEqual([5, 5]);
  });
});

describe('identity', () => {
  it('clamps offsets into the text', () => {
    const t = identity('خبر');
    expect(t.toOriginal(2)).toBe(2);
    expect(t.toOriginal(9)).toBe(3);
    expect(t.toOriginalSpan(-1, 9)).toEqual([0, 3]);
  });
});

describe('compose', () => {
  it('maps through two transforms', () => {
    const input = 'قَالَ ﻻ';
    const first = normalize(input, { presentationForms: false });
    const second = normalize(first.text);
    const both = compose(first, second);
    expect(both.text).toBe('قال لا');
    const [s, e] = both.toOriginalSpan(4, 6);
    expect(input.slice(s, e)).toBe('ﻻ');
    expect(input.slice(...both.toOriginalSpan(0, 3))).toBe('قَالَ');
  });
});
