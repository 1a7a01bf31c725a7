import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { boundsOf, DEFAULT_BOUNDS, MAP_WIDTH, projectPoint, projectShape, viewOf, type Bounds } from './map-view.js';

/** Where a [lon, lat] point lands on the drawn map through the view box. */
function drawn(view: ReturnType<typeof viewOf>, point: [number, number]): [number, number] {
  const [x, y] = projectPoint(point)!;
  return [(x - view.x) * view.zoom, (y - view.y) * view.zoom];
}

describe('boundsOf', () => {
  it('pads the points by 4° and widens a single city to 24° × 12°', () => {
    expect(boundsOf([[10.18, 36.8]])).toEqual([
      [10.18 - 12, 36.8 - 6],
      [10.18 + 12, 36.8 + 6],
    ]);
  });

  it('spans Rabat, Baghdad and Aden with the margin, and falls back to the region without points', () => {
    expect(boundsOf([[-6.84, 34.02], [44.36, 33.31], [45.03, 12.8]])).toEqual([
      [-6.84 - 4, 12.8 - 4],
      [45.03 + 4, 34.02 + 4],
    ]);
    expect(boundsOf([])).toBe(DEFAULT_BOUNDS);
  });

  it('stays inside the drawable world', () => {
    const [[west, south], [east, north]] = boundsOf([[-179, -80], [179, 84]]);
    expect([west, south, east, north]).toEqual([-180, -75, 180, 80]);
  });
});

describe('viewOf', () => {
  // The view box on the fixed world projection must draw exactly what a Mercator fitted to the bounds drew before.
  it.each<[string, Bounds, number]>([
    ['the default region', DEFAULT_BOUNDS, 560],
    ['the Gulf', [[44, 20], [60, 30]], 560],
    ['the Maghreb, on the home page', [[-14, 24], [16, 40]], 420],
    ['a wide world', [[-120, -40], [150, 70]], 560],
  ])('draws %s as a Mercator fitted to its bounds', (_, bounds, height) => {
    const [[west, south], [east, north]] = bounds;
    const fitted = geoMercator().fitExtent(
      [
        [8, 8],
        [MAP_WIDTH - 8, height - 8],
      ],
      { type: 'MultiPoint', coordinates: [[west, south], [east, north], [west, north], [east, south]] },
    );
    const view = viewOf(bounds, height);
    expect(view.width / view.height).toBeCloseTo(MAP_WIDTH / height, 9);
    for (const point of [[west, south], [east, north], [(west + east) / 2, (south + north) / 2], [10.18, 36.8]] as Array<[number, number]>) {
      const [x, y] = drawn(view, point);
      const [fx, fy] = fitted(point)!;
      expect(x).toBeCloseTo(fx, 6);
      expect(y).toBeCloseTo(fy, 6);
    }
  });
});

describe('projectShape', () => {
  it('draws a shape in world units, east to the right and north up', () => {
    const d = projectShape({ type: 'LineString', coordinates: [[0, 0], [90, 45]] });
    const [start, end] = d.replace(/^M/u, '').split('L').map((xy) => xy.split(',').map(Number));
    expect(start![0]).toBeCloseTo(MAP_WIDTH / 2, 6);
    expect(start![1]).toBeCloseTo(MAP_WIDTH / 2, 6);
    expect(end![0]).toBeGreaterThan(start![0]!);
    expect(end![1]).toBeLessThan(start![1]!);
  });
});
