// Tests for the benchmark primitives: median, timed passes, rows on one word count, memory readings.
import { describe, expect, it } from 'vitest';
import { median, peakRssMb, timePasses, toRow, type Throughput } from './measure.js';

const throughput = (over: Partial<Throughput> = {}): Throughput => ({
  implementation: 'test',
  texts: 10,
  words: null,
  ownTokens: 80,
  passes: [2, 1, 4],
  cpuPasses: [1, 1, 2],
  rssAfterLoadMb: 50,
  peakRssMb: 60,
  ...over,
});

describe('median', () => {
  it.each([
    [[1], 1],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });
});

describe('timePasses', () => {
  it('runs the warm-up untimed, then times each repeat', () => {
    let calls = 0;
    const { passes, cpuPasses, last } = timePasses(() => ++calls, 2, 3);
    expect(calls).toBe(5);
    expect(passes).toHaveLength(3);
    expect(cpuPasses).toHaveLength(3);
    expect(last).toBe(5);
    for (const seconds of passes) expect(seconds).toBeGreaterThanOrEqual(0);
  });

  it('times at least one pass', () => {
    expect(timePasses(() => 1, 0, 0).passes).toHaveLength(1);
  });
});

describe('toRow', () => {
  it('divides our own word count by the median pass', () => {
    const row = toRow('ours', 'ours', throughput({ words: 100 }), null);
    expect(row.seconds).toBe(2);
    expect(row.wordsPerSecond).toBe(50);
  });

  it('divides the word count by the median CPU seconds, when known', () => {
    expect(toRow('ours', 'ours', throughput({ words: 100 }), null).wordsPerCpuSecond).toBe(100);
    expect(toRow('ours', 'ours', throughput({ words: 100, cpuPasses: null }), null).wordsPerCpuSecond).toBeNull();
  });

  it('gives a peer the word count it is handed, not its own token count', () => {
    const row = toRow('peer', 'peer', throughput(), 100);
    expect(row.words).toBe(100);
    expect(row.ownTokens).toBe(80);
    expect(row.wordsPerSecond).toBe(50);
  });

  it('has no words/s without a word count or a positive time', () => {
    expect(toRow('p', 'peer', throughput(), null).wordsPerSecond).toBeNull();
    expect(toRow('p', 'peer', throughput({ passes: [0] }), 100).wordsPerSecond).toBeNull();
  });
});

describe('peakRssMb', () => {
  it('reports this process, which holds at least a megabyte', () => {
    expect(peakRssMb()).toBeGreaterThan(1);
  });
});
