// Acceptance of clitic segmentation on the shipped lexicon: variants merge, different words stay apart, names stay whole.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCliticLexicon } from './clitic-lexicon.js';
import { createSegmenter } from './clitics.js';
import { APART_GROUPS, MERGE_GROUPS, NAME_SPLITS, WHOLE_NAMES, WHOLE_WORDS } from './clitics.gold.js';

const LEXICON = fileURLToPath(new URL('../../resources/arabic/clitic-lexicon.tsv', import.meta.url));

const available = existsSync(LEXICON);

describe.skipIf(!available)('clitic segmentation quality on the shipped lexicon', () => {
  const segment = available ? createSegmenter(loadCliticLexicon(LEXICON)) : undefined;

  it('merges ≥ 95% of the variant groups', () => {
    const failed = MERGE_GROUPS.filter((group) => new Set(group.map((w) => segment!.stem(w))).size !== 1);
    const report = failed.map((g) => g.map((w) => `${w}→${segment!.stem(w)}`).join(' ')).join('\n');
    expect(1 - failed.length / MERGE_GROUPS.length, report).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every different word apart', () => {
    const merged = APART_GROUPS.filter((group) => new Set(group.map((w) => segment!.stem(w))).size !== group.length);
    expect(merged.map((g) => g.map((w) => `${w}→${segment!.stem(w)}`).join(' '))).toEqual([]);
  });

  it.each(WHOLE_WORDS)('keeps the word «%s» whole', (word) => {
    expect(segment!.segment(word).map((w) => w.role)).toEqual(['stem']);
  });

  it.each(WHOLE_NAMES)('keeps the name «%s» whole', (name) => {
    const words = segment!.segment(name);
    expect(words.map((w) => w.role)).toEqual(['stem']);
  });

  it.each(NAME_SPLITS)('splits «%s» into %j', (token, forms) => {
    expect(segment!.segment(token).map((w) => w.form)).toEqual(forms);
  });
});
