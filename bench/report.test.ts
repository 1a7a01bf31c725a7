// Tests for suite reports: one word count for every row, ratios to peers and references, targets, the table.
import { describe, expect, it } from 'vitest';
import type { Suite, Throughput } from './measure.js';
import { buildReport, formatReport, type JobOutcome } from './report.js';

const suite: Suite = {
  description: 'test suite',
  plan: async () => [],
  measures: {},
  targets: [
    { row: 'ours fast', minWordsPerSecond: 100 },
    { row: 'ours slow', minWordsPerSecond: 200 },
    { row: 'ours absent', minWordsPerSecond: 1 },
  ],
};

const result = (passes: number[], words: number | null, ownTokens: number): Throughput => ({
  implementation: 'test',
  texts: 3,
  words,
  ownTokens,
  passes,
  cpuPasses: passes.map((p) => p / 2),
  rssAfterLoadMb: 10,
  peakRssMb: 12,
});

const outcomes: JobOutcome[] = [
  { kind: 'throughput', name: 'ours fast', role: 'ours', result: result([1], 1000, 1000) },
  { kind: 'throughput', name: 'ours slow', role: 'ours', result: result([20], 1000, 1400) },
  { kind: 'throughput', name: 'peer', role: 'peer', result: result([2, 2, 4], null, 800) },
  { kind: 'skipped', name: 'missing peer', role: 'peer', reason: 'not installed' },
  { kind: 'reference', name: 'published', wordsPerSecond: 10, note: 'quoted' },
];

describe('buildReport', () => {
  const report = buildReport(suite, outcomes);

  it("measures a peer's words/s on marsad's word count", () => {
    const peer = report.rows.find((r) => r.name === 'peer');
    expect(peer?.words).toBe(1000);
    expect(peer?.ownTokens).toBe(800);
    expect(peer?.wordsPerSecond).toBe(500);
  });

  it('gives the ratio of each marsad row to each peer and reference', () => {
    expect(report.ratios).toEqual([
      { ours: 'ours fast', peer: 'peer', ratio: 2, cpuRatio: 2 },
      { ours: 'ours fast', peer: 'published', ratio: 100, cpuRatio: null },
      { ours: 'ours slow', peer: 'peer', ratio: 0.1, cpuRatio: 0.1 },
      { ours: 'ours slow', peer: 'published', ratio: 5, cpuRatio: null },
    ]);
  });

  it('marks targets met, missed or not measured', () => {
    expect(report.targets.map((t) => [t.row, t.met, t.wordsPerSecond, t.metOnCpu])).toEqual([
      ['ours fast', true, 1000, true],
      ['ours slow', false, 50, false],
      ['ours absent', false, null, false],
    ]);
  });

  it('tells a target missed on the wall clock but met on CPU time', () => {
    const busy = buildReport({ ...suite, targets: [{ row: 'ours slow', minWordsPerSecond: 80 }] }, outcomes);
    expect(busy.targets[0]).toMatchObject({ met: false, metOnCpu: true });
    expect(formatReport('busy', busy).join('\n')).toMatch(/MISSED on wall clock, met on CPU time/);
  });

  it('keeps skipped jobs with their reason', () => {
    expect(report.skipped).toEqual([{ name: 'missing peer', reason: 'not installed' }]);
  });

  it("falls back to a peer's own tokens, with a note, when no marsad row ran", () => {
    const alone = buildReport(suite, outcomes.slice(2));
    expect(alone.rows[0]?.wordsPerSecond).toBe(400);
    expect(alone.rows[0]?.note).toMatch(/own token count/);
  });
});

describe('formatReport', () => {
  const text = formatReport('test', buildReport(suite, outcomes)).join('\n');

  it.each([
    ['the row with its median and best words/s', /peer\s+1,000\s+800\s+2\.000\s+100\s+500\s+500\s+1,000/],
    ['the best pass', /ours fast\s+1,000\s+1,000\s+1\.000\s+-\s+1,000\s+1,000\s+2,000/],
    ['the skipped peer', /skipped\s+missing peer: not installed/],
    ['the ratios on wall and CPU time', /peer\s+2\.00 \| 2\.00\s+0\.10 \| 0\.10/],
    ['a missed target', /ours slow ≥ 200 words\/s: MISSED \(median 50; per CPU-s 100\)/],
    ['an unmeasured target', /ours absent ≥ 1 words\/s: NOT MEASURED/],
  ])('shows %s', (_what, pattern) => {
    expect(text).toMatch(pattern);
  });
});
