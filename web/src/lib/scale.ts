// Circle sizes for map points: area proportional to count (a square-root scale), within [min, max] pixels.

/** The radius for `count` when `maxCount` gets `maxRadius`; any positive count gets at least `minRadius`. */
export function sqrtRadius(count: number, maxCount: number, minRadius: number, maxRadius: number): number {
  if (!(count > 0) || !(maxCount > 0)) return 0;
  const r = maxRadius * Math.sqrt(Math.min(count, maxCount) / maxCount);
  return Math.max(minRadius, r);
}
