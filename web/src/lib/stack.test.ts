import { describe, expect, it } from 'vitest';
import { countTicks, labelSlots, niceMax, stackDays, type DayCounts } from './stack.js';

describe('stackDays', () => {
  it('stacks each day bottom-up in type order, skipping zeros and putting unknown types last', () => {
    const days: DayCounts[] = [
      { day: '2025-03-04', total: 3, counts: { PROTEST: 2, ASSAULT: 1 } },
      { day: '2025-03-05', total: 0, counts: {} },
      { day: '2025-03-06', total: 4, counts: { ASSAULT: 0, AID: 3, DISMISS: 1 } },
    ];
    expect(stackDays(days, ['ASSAULT', 'PROTEST', 'AID']).map((s) => [s.day, s.slot, s.type, s.y0, s.y1])).toEqual([
      ['2025-03-04', 0, 'ASSAULT', 0, 1],
      ['2025-03-04', 0, 'PROTEST', 1, 3],
      ['2025-03-06', 2, 'AID', 0, 3],
      ['2025-03-06', 2, 'DISMISS', 3, 4],
    ]);
  });
});

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [120, 200],
    [500, 500],
  ])('%d → %d', (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });
});

describe('countTicks', () => {
  it.each([
    [0, [0, 1]],
    [2, [0, 1, 2]],
    // Issue 7: the story timeline's count axis showed «2.5»; a 3-event maximum counts by 1.
    [3, [0, 1, 2, 3, 4, 5]],
    [7, [0, 2, 4, 6, 8, 10]],
    [11, [0, 5, 10, 15, 20]],
    [42, [0, 10, 20, 30, 40, 50]],
    [120, [0, 50, 100, 150, 200]],
    [4321, [0, 1000, 2000, 3000, 4000, 5000]],
  ])('%d → %j', (value, ticks) => {
    expect(countTicks(value).ticks).toEqual(ticks);
  });

  it('gives whole, evenly spaced ticks from 0 to a maximum at or above the value, at most 5 intervals', () => {
    for (let value = 0; value <= 20_000; value += value < 200 ? 1 : 37) {
      const { max, ticks } = countTicks(value);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBe(max);
      expect(max).toBeGreaterThanOrEqual(value);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
      for (const tick of ticks) expect(Number.isInteger(tick), `${value}: ${ticks.join(',')}`).toBe(true);
      const step = ticks[1]! - ticks[0]!;
      ticks.forEach((tick, i) => expect(tick).toBe(i * step));
    }
  });
});

describe('labelSlots', () => {
  it('keeps all slots when few, else spreads them including both ends', () => {
    expect(labelSlots(3, 6)).toEqual([0, 1, 2]);
    expect(labelSlots(11, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(labelSlots(0, 6)).toEqual([]);
  });
});
