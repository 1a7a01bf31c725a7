// The default date window of the timeline and the map: when no range is asked for, the days that hold the events,
// so that a few events resolved to old years («في عام 2009») do not stretch ten years of axis under a few weeks of news.
// Pure and free of node imports: the API computes it (`window=auto`) and the web UI imports the same code.

/** Days with their event totals, oldest first (a timeline's `days`). */
export interface DayTotal {
  day: string;
  total: number;
}

/**
 * How the window was chosen: `all` every day with events (their span is short enough), `central` the days holding
 * the central share of events (a few far-off days dropped), `busiest` the stretch of `busiestDays` days with the
 * most events (the events themselves span too long for day bars).
 */
export type WindowRule = 'all' | 'central' | 'busiest';

export interface DateWindow {
  rule: WindowRule;
  /** Inclusive days, YYYY-MM-DD: both are days with events. */
  from: string;
  to: string;
  /** Events inside the window, and in all the days given. */
  events: number;
  total: number;
  /** The first and last day with events: the range that "all dates" shows. */
  first: string;
  last: string;
}

export interface WindowLimits {
  /** The longest span drawn as day bars by default (120 days: bars stay at least ~6 px wide on a 960-unit chart). */
  maxDays: number;
  /** The share of events the central window keeps (0.98: 1 % dropped at each end). */
  centralShare: number;
  /** The longest busiest stretch, in days (its sparse edges trimmed as the central share trims the whole). */
  busiestDays: number;
  /** The least share of events the busiest stretch must hold to be shown alone (0.5: else no stretch stands for the rest). */
  busiestShare: number;
}

export const WINDOW_LIMITS: Readonly<WindowLimits> = Object.freeze({ maxDays: 120, centralShare: 0.98, busiestDays: 90, busiestShare: 0.5 });

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new Error(`expected a YYYY-MM-DD day, found «${day}»`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Days from `from` to `to`, both counted (a single day is 1). */
export function spanDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/**
 * The window to show when no date range is given, or null when no day has events:
 * - every day with events, when they span at most `maxDays`;
 * - else the days holding the central `centralShare` of events, when those span at most `maxDays`;
 * - else the `busiestDays` days with the most events (the latest such stretch on a tie), cut to the days holding
 *   its own central `centralShare`, when it holds at least `busiestShare` of all events;
 * - else every day with events again (no stretch stands for the rest).
 * Days need not be contiguous or sorted; days with a zero or negative total are ignored.
 */
export function findDateWindow(days: readonly DayTotal[], limits: Readonly<WindowLimits> = WINDOW_LIMITS): DateWindow | null {
  const active = days.filter((d) => d.total > 0).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const head = active[0];
  const tail = active[active.length - 1];
  if (head === undefined || tail === undefined) return null;
  const total = active.reduce((n, d) => n + d.total, 0);
  const whole = { total, first: head.day, last: tail.day };
  if (spanDays(head.day, tail.day) <= limits.maxDays) return { rule: 'all', from: head.day, to: tail.day, events: total, ...whole };

  const [lo, hi] = centralIndices(active, 0, active.length - 1, limits.centralShare);
  if (spanDays(active[lo]!.day, active[hi]!.day) <= limits.maxDays) {
    return { rule: 'central', from: active[lo]!.day, to: active[hi]!.day, events: sum(active, lo, hi), ...whole };
  }

  // Busiest stretch: a sliding window over the days with events, at most `busiestDays` long.
  let best = { start: 0, end: 0, events: -1 };
  let start = 0;
  let inside = 0;
  for (let end = 0; end < active.length; end++) {
    inside += active[end]!.total;
    while (spanDays(active[start]!.day, active[end]!.day) > limits.busiestDays) inside -= active[start++]!.total;
    if (inside >= best.events) best = { start, end, events: inside };
  }
  if (best.events < limits.busiestShare * total) return { rule: 'all', from: head.day, to: tail.day, events: total, ...whole };
  // Its own sparse edges go the way of the far-off days: a stretch of February stragglers before a March of news.
  const [from, to] = centralIndices(active, best.start, best.end, limits.centralShare);
  return { rule: 'busiest', from: active[from]!.day, to: active[to]!.day, events: sum(active, from, to), ...whole };
}

/**
 * The first and last index of days[start..end] holding the central `share` of their events: whole days are dropped
 * from each end while what they hold stays within (1 − share) / 2 of the events.
 */
function centralIndices(days: readonly DayTotal[], start: number, end: number, share: number): [number, number] {
  const allowance = (sum(days, start, end) * (1 - share)) / 2;
  let lo = start;
  for (let below = 0; lo < end && below + days[lo]!.total <= allowance; lo++) below += days[lo]!.total;
  let hi = end;
  for (let above = 0; hi > lo && above + days[hi]!.total <= allowance; hi--) above += days[hi]!.total;
  return [lo, hi];
}

function sum(days: readonly DayTotal[], lo: number, hi: number): number {
  let n = 0;
  for (let i = lo; i <= hi; i++) n += days[i]!.total;
  return n;
}

/** The days of `days` from `from` to `to` (inclusive YYYY-MM-DD bounds), in their order. */
export function daysWithin<T extends { day: string }>(days: readonly T[], from: string, to: string): T[] {
  return days.filter((d) => d.day >= from && d.day <= to);
}

/** The window to apply when no range is asked for: findDateWindow's, or null when it leaves no event out (rule `all`). */
export function findDefaultWindow(days: readonly DayTotal[], limits: Readonly<WindowLimits> = WINDOW_LIMITS): DateWindow | null {
  const found = findDateWindow(days, limits);
  return found !== null && found.rule !== 'all' ? found : null;
}

/** True when the filters ask for a date range (either bound): then no default window applies. */
export function hasDateRange(filters: { from?: string; to?: string }): boolean {
  return filters.from !== undefined || filters.to !== undefined;
}

/** The timeline cut to the window (`from`, `to` and its days), or as it is when the window is null. */
export function windowTimeline<T extends { from: string | null; to: string | null; days: Array<{ day: string }> }>(timeline: T, window: { from: string; to: string } | null): T {
  return window === null ? timeline : { ...timeline, from: window.from, to: window.to, days: daysWithin(timeline.days, window.from, window.to) };
}
