// Stacked-bar geometry for timelines: per day, one segment per type, in a fixed type order.

export interface DayCounts {
  day: string;
  total: number;
  counts: Record<string, number>;
}

export interface StackSegment {
  day: string;
  /** Index of the day in the input (its x slot). */
  slot: number;
  type: string;
  count: number;
  /** Cumulative counts below and at the top of this segment. */
  y0: number;
  y1: number;
}

/** Segments for every non-zero count, stacked bottom-up in the order of `types` (types not listed go last, sorted). */
export function stackDays(days: readonly DayCounts[], types: readonly string[]): StackSegment[] {
  const order = [...types];
  const known = new Set(order);
  const extra = new Set<string>();
  for (const day of days) for (const type of Object.keys(day.counts)) if (!known.has(type)) extra.add(type);
  order.push(...[...extra].sort());
  const segments: StackSegment[] = [];
  days.forEach((day, slot) => {
    let y = 0;
    for (const type of order) {
      const count = day.counts[type] ?? 0;
      if (!(count > 0)) continue;
      segments.push({ day: day.day, slot, type, count, y0: y, y1: y + count });
      y += count;
    }
  });
  return segments;
}

/** The smallest "nice" axis maximum (1, 2, 5 × 10^k) at or above `value`; at least 1. */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The ticks of a count axis: whole numbers only, from 0 to a nice maximum at or above `value` (1, 2, 5 × 10^k), at a
 * step of 1, 2 or 5 × 10^k giving at most `most` intervals: events are whole, so no axis says «2.5».
 */
export function countTicks(value: number, most = 5): { max: number; ticks: number[] } {
  const max = niceMax(value);
  let step = 1;
  for (let power = 1; max / step > most; power *= 10) {
    step = [1, 2, 5, 10].map((m) => m * power).find((s) => max / s <= most && max % s === 0) ?? 10 * power;
  }
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, i) => i * step) };
}

/** Up to `count` evenly spaced indices of `length` slots, always including the first and the last. */
export function labelSlots(length: number, count: number): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (count - 1);
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round(i * step)))];
}
