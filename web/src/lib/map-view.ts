// Where the map looks: one fixed world projection (countries are projected once), and the view box that frames the points.
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';

/** [[west, south], [east, north]] in degrees. */
export type Bounds = [[number, number], [number, number]];

/** The width of the drawn map in view-box units at zoom 1 (the SVG's nominal pixels). */
export const MAP_WIDTH = 960;

/** The Middle East and North Africa: the view when there are no points to fit. */
export const DEFAULT_BOUNDS: Bounds = [
  [-12, 12],
  [62, 42],
];
/** Degrees of margin around the points, and the smallest span shown (a single city is not zoomed to a street). */
const PAD = 4;
const MIN_SPAN = 24;

/**
 * The world in Mercator, MAP_WIDTH units square (±180° of longitude, ±85° of latitude). Mercator framed on any
 * region is this projection scaled and shifted, so the map frames points with a view box on it, and the country
 * shapes are projected once, not again for every new set of points.
 */
const WORLD = geoMercator()
  .scale(MAP_WIDTH / (2 * Math.PI))
  .translate([MAP_WIDTH / 2, MAP_WIDTH / 2]);
const WORLD_PATH = geoPath(WORLD);

/** A [lon, lat] point in world units. */
export function projectPoint(coordinates: [number, number]): [number, number] | null {
  return WORLD(coordinates);
}

/** The SVG path of a shape in world units ('' when nothing of it is drawn). */
export function projectShape(shape: GeoPermissibleObjects): string {
  return WORLD_PATH(shape) ?? '';
}

/** Longitude/latitude bounds of the points, padded and widened to MIN_SPAN, or the default region when there are none. */
export function boundsOf(points: ReadonlyArray<[number, number]>): Bounds {
  if (points.length === 0) return DEFAULT_BOUNDS;
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon - PAD);
    east = Math.max(east, lon + PAD);
    south = Math.min(south, lat - PAD);
    north = Math.max(north, lat + PAD);
  }
  if (east - west < MIN_SPAN) [west, east] = [(west + east) / 2 - MIN_SPAN / 2, (west + east) / 2 + MIN_SPAN / 2];
  if (north - south < MIN_SPAN / 2) [south, north] = [(south + north) / 2 - MIN_SPAN / 4, (south + north) / 2 + MIN_SPAN / 4];
  return [
    [Math.max(-180, west), Math.max(-75, south)],
    [Math.min(180, east), Math.min(80, north)],
  ];
}

export interface View {
  /** The view box, in world units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Drawn units (of a MAP_WIDTH-wide map) per world unit: sizes meant in drawn units are divided by it. */
  zoom: number;
}

/** The view box of a MAP_WIDTH × `height` map that fits `bounds` with `margin` drawn units on every side, centred. */
export function viewOf(bounds: Bounds, height: number, margin = 8): View {
  const [[west, south], [east, north]] = bounds;
  const [x0, y0] = projectPoint([west, north]) as [number, number];
  const [x1, y1] = projectPoint([east, south]) as [number, number];
  const zoom = Math.min((MAP_WIDTH - 2 * margin) / Math.max(x1 - x0, 1e-9), (height - 2 * margin) / Math.max(y1 - y0, 1e-9));
  const [width, viewHeight] = [MAP_WIDTH / zoom, height / zoom];
  return { x: (x0 + x1) / 2 - width / 2, y: (y0 + y1) / 2 - viewHeight / 2, width, height: viewHeight, zoom };
}
