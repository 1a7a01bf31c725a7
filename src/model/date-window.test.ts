import { describe, expect, it } from 'vitest';
import { daysWithin, findDateWindow, findDefaultWindow, hasDateRange, spanDays, windowTimeline, type DayTotal } from './date-window.js';

/** Days from a compact `day:total` list. */
const days = (...entries: string[]): DayTotal[] =>
  entries.map((entry) => {
    const [day, total] = entry.split(':');
    return { day: day!, total: Number(total) };
  });

/** `count` consecutive days from `start` with `total` events each. */
function run(start: string, count: number, total: number): DayTotal[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({ day: new Date(t0 + i * 86_400_000).toISOString().slice(0, 10), total }));
}

describe('spanDays', () => {
  it.each([
    ['2025-03-04', '2025-03-04', 1],
    ['2025-02-28', '2025-03-01', 2],
    ['2024-02-28', '2024-03-01', 3],
    ['2015-01-01', '2016-01-01', 366],
  ])('%s → %s is %d days', (from, to, n) => {
    expect(spanDays(from, to)).toBe(n);
  });

  it('rejects a malformed day', () => {
    expect(() => spanDays('2025-3-4', '2025-03-05')).toThrow(/YYYY-MM-DD/);
  });
});

describe('findDateWindow', () => {
  it('is null when no day has events', () => {
    expect(findDateWindow([])).toBeNull();
    expect(findDateWindow(days('2025-03-04:0', '2025-03-05:0'))).toBeNull();
  });

  it('keeps every day with events when they span at most maxDays, trimmed to the first and last event', () => {
    const w = findDateWindow(days('2025-03-01:0', '2025-03-02:4', '2025-03-20:1', '2025-04-30:2', '2025-05-02:0'));
    expect(w).toEqual({ rule: 'all', from: '2025-03-02', to: '2025-04-30', events: 7, total: 7, first: '2025-03-02', last: '2025-04-30' });
  });

  it('drops a far-off day holding under 1 % of events at each end (the central 98 %)', () => {
    // 300 events over March 2018, one resolved to 2009 and one to 2019: 2 of 302 events, under 1 % each side.
    const input = [...days('2009-10-24:1'), ...run('2018-03-01', 30, 10), ...days('2019-10-31:1')];
    const w = findDateWindow(input);
    expect(w).toMatchObject({ rule: 'central', from: '2018-03-01', to: '2018-03-30', events: 300, total: 302, first: '2009-10-24', last: '2019-10-31' });
  });

  it('drops whole days only: a tail day holding more than the 1 % allowance stays', () => {
    // The 2009 day holds 5 of 305 events (1.6 %): not central, so the busiest 90 days are shown instead.
    const input = [...days('2009-10-24:5'), ...run('2018-03-01', 30, 10)];
    const w = findDateWindow(input);
    expect(w?.rule).toBe('busiest');
    expect([w?.from, w?.to, w?.events]).toEqual(['2018-03-01', '2018-03-30', 300]);
  });

  it('takes the busiest stretch of 90 days when even the central events span too long (two seasons of news)', () => {
    // August 2015 (31 × 5 = 155 events) and March–April 2018 (61 × 4 = 244): the later, busier season wins.
    const input = [...run('2015-08-01', 31, 5), ...days('2016-06-01:1'), ...run('2018-03-01', 61, 4)];
    const w = findDateWindow(input);
    expect(w).toMatchObject({ rule: 'busiest', from: '2018-03-01', to: '2018-04-30', events: 244, total: 400 });
  });

  it('trims the sparse edges of the busiest stretch as it trims far-off days', () => {
    // Stragglers on 10 February and 10 May fit in the same 90 days as March–April, but hold 2 of 612 events.
    const input = [...run('2015-08-01', 31, 5), ...days('2018-02-10:1'), ...run('2018-03-01', 61, 10), ...days('2018-05-10:1')];
    expect(findDateWindow(input)).toMatchObject({ rule: 'busiest', from: '2018-03-01', to: '2018-04-30', events: 610, total: 767 });
  });

  it('prefers the latest stretch when two hold as many events', () => {
    const input = [...run('2015-08-01', 10, 3), ...run('2018-03-01', 10, 3)];
    expect(findDateWindow(input)).toMatchObject({ rule: 'busiest', from: '2018-03-01', to: '2018-03-10', events: 30 });
  });

  it('shows every day when even the busiest stretch holds under half the events (no stretch stands for the rest)', () => {
    // Three seasons of 100 events each: any 90 days hold a third.
    const input = [...run('2015-08-01', 10, 10), ...run('2016-08-01', 10, 10), ...run('2017-08-01', 10, 10)];
    expect(findDateWindow(input)).toMatchObject({ rule: 'all', from: '2015-08-01', to: '2017-08-10', events: 300, total: 300 });
  });

  it('never makes the busiest stretch longer than busiestDays', () => {
    const input = run('2020-01-01', 400, 1);
    const w = findDateWindow(input, { maxDays: 120, centralShare: 0.98, busiestDays: 90, busiestShare: 0.2 });
    expect(w?.rule).toBe('busiest');
    expect(spanDays(w!.from, w!.to)).toBe(90);
    expect(w?.events).toBe(90);
    // All stretches tie: the latest one ends on the last day.
    expect(w?.to).toBe(input[input.length - 1]!.day);
  });

  it('takes its limits as an argument', () => {
    const input = days('2025-03-01:1', '2025-03-11:1');
    expect(findDateWindow(input, { maxDays: 10, centralShare: 0.98, busiestDays: 5, busiestShare: 0.5 })?.rule).toBe('busiest');
    expect(findDateWindow(input, { maxDays: 11, centralShare: 0.98, busiestDays: 5, busiestShare: 0.5 })?.rule).toBe('all');
  });

  it('reads days in any order', () => {
    const input = days('2025-03-20:1', '2025-03-02:4');
    expect(findDateWindow(input)).toMatchObject({ rule: 'all', from: '2025-03-02', to: '2025-03-20' });
  });
});

describe('daysWithin', () => {
  it('keeps the days between both bounds, inclusive', () => {
    const input = days('2025-03-01:1', '2025-03-02:0', '2025-03-03:2', '2025-03-04:3');
    expect(daysWithin(input, '2025-03-02', '2025-03-03').map((d) => d.day)).toEqual(['2025-03-02', '2025-03-03']);
  });
});

describe('windowTimeline and hasDateRange', () => {
  const timeline = { from: '2025-03-01', to: '2025-03-04', types: ['PROTEST'], days: days('2025-03-01:1', '2025-03-02:0', '2025-03-03:2', '2025-03-04:3') };

  it('cuts a timeline to the window, bounds included, and leaves it whole without one', () => {
    const cut = windowTimeline(timeline, { from: '2025-03-03', to: '2025-03-04' });
    expect([cut.from, cut.to, cut.days.map((d) => d.day), cut.types]).toEqual(['2025-03-03', '2025-03-04', ['2025-03-03', '2025-03-04'], ['PROTEST']]);
    expect(windowTimeline(timeline, null)).toBe(timeline);
  });

  it('sees a range when either bound is set', () => {
    expect(hasDateRange({})).toBe(false);
    expect(hasDateRange({ from: '2025-03-01' })).toBe(true);
    expect(hasDateRange({ to: '2025-03-01' })).toBe(true);
  });
});

describe('findDefaultWindow', () => {
  it('applies a window only when it leaves events out', () => {
    expect(findDefaultWindow(days('2025-03-02:4', '2025-03-20:1'))).toBeNull();
    expect(findDefaultWindow([...days('2009-10-24:1'), ...run('2018-03-01', 30, 10)])).toMatchObject({ rule: 'central', from: '2018-03-01' });
  });
});
