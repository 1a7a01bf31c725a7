// WikiFANE mapping: fine classes onto ANERcorp types, clitics re-attached, and the names the gazetteer takes.
import { describe, expect, it } from 'vitest';
import { mapWikiFane, wikiFaneNames } from './ner-wikifane.js';

/** A self-written sentence in WikiFANE's layout: clitics as tokens of their own, fine classes. */
const SENTENCE = {
  tokens: ['و', 'فاز', 'النادي', 'الاهلي', 'على', 'نادي', 'الزمالك', 'في', 'القاهرة', 'و', 'ل', 'النادي', 'الاهلي'],
  tags: ['O', 'O', 'B-Sports', 'I-Sports', 'O', 'B-Sports', 'I-Sports', 'O', 'B-Population-Center', 'O', 'O', 'B-Sports', 'I-Sports'],
};

describe('WikiFANE', () => {
  it('re-attaches clitics and maps fine classes to ANERcorp types', () => {
    const [mapped] = mapWikiFane([SENTENCE]);
    expect(mapped!.tokens).toEqual(['وفاز', 'النادي', 'الاهلي', 'على', 'نادي', 'الزمالك', 'في', 'القاهرة', 'وللنادي', 'الاهلي']);
    expect(mapped!.tags).toEqual(['O', 'B-ORG', 'I-ORG', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'B-ORG', 'I-ORG']);
  });

  it('lists names without their clitics, counted per type', () => {
    const names = wikiFaneNames([SENTENCE]);
    expect(names.get('النادي الاهلي')).toEqual(new Map([['ORG', 2]]));
    expect(names.get('القاهرة')).toEqual(new Map([['LOC', 1]]));
    expect(names.has('وللنادي الاهلي')).toBe(false);
  });
});
