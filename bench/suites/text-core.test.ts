// Tests for the text-core suite's peer discovery: which Debian Lucene jars it picks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLuceneClasspath } from './text-core.js';

let javaDir: string;

beforeEach(() => {
  javaDir = mkdtempSync(join(tmpdir(), 'marsad-java-test-'));
});

afterEach(() => {
  rmSync(javaDir, { recursive: true, force: true });
});

const jars = (...names: string[]): void => {
  for (const name of names) writeFileSync(join(javaDir, name), '');
};

describe('findLuceneClasspath', () => {
  it.each([
    ['Debian 8.x (analyzers-common)', ['lucene-core.jar', 'lucene-core-8.7.0.jar', 'lucene-analyzers-common-8.7.0.jar'], ['lucene-core-8.7.0.jar', 'lucene-analyzers-common-8.7.0.jar']],
    ['9.x (analysis-common)', ['lucene-core-9.12.3.jar', 'lucene-analysis-common-9.12.3.jar'], ['lucene-core-9.12.3.jar', 'lucene-analysis-common-9.12.3.jar']],
    [
      'the newest version that has both jars',
      ['lucene-core-8.7.0.jar', 'lucene-analyzers-common-8.7.0.jar', 'lucene-core-10.1.0.jar', 'lucene-core-9.12.3.jar', 'lucene-analysis-common-9.12.3.jar'],
      ['lucene-core-9.12.3.jar', 'lucene-analysis-common-9.12.3.jar'],
    ],
  ])('picks %s', (_what, present, expected) => {
    jars(...present);
    expect(findLuceneClasspath({}, javaDir)).toBe(expected.map((name) => join(javaDir, name)).join(':'));
  });

  it('is null when the analysis jar is missing', () => {
    jars('lucene-core-8.7.0.jar');
    expect(findLuceneClasspath({}, javaDir)).toBeNull();
  });

  it('is null without the folder', () => {
    expect(findLuceneClasspath({}, join(javaDir, 'absent'))).toBeNull();
  });

  it('takes MARSAD_LUCENE_CLASSPATH as given', () => {
    expect(findLuceneClasspath({ MARSAD_LUCENE_CLASSPATH: '/opt/a.jar:/opt/b.jar' }, javaDir)).toBe('/opt/a.jar:/opt/b.jar');
  });
});
