// An offline world map (d3-geo over the world-atlas 110m countries) with one circle per place with events.
import type { FeatureCollection, Geometry } from 'geojson';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { PlaceFeature } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { boundsOf, projectPoint, projectShape, viewOf } from '../../lib/map-view.js';
import { eventColor, sortEventTypes } from '../../lib/palette.js';
import { sqrtRadius } from '../../lib/scale.js';
import { TypeLegend } from '../common/parts.js';

const HEIGHT = 560;

/** A country as drawn: its path in world units (lib/map-view.ts), projected once per session. */
interface CountryShape {
  key: string;
  d: string;
  name: string;
}

let worldPromise: Promise<CountryShape[]> | null = null;
/** The shapes once loaded: a map mounted after that draws them in its first render, with its points. */
let worldLoaded: CountryShape[] | null = null;

/**
 * The country shapes, loaded and projected once (a separate chunk bundled with the UI: no tile server, no network).
 * Pages call it when they start, so the chunk loads and is projected while their data is on its way; a failure
 * reaches every caller, and EventMap shows it.
 */
export function loadCountries(): Promise<CountryShape[]> {
  worldPromise ??= import('world-atlas/countries-110m.json').then((module) => {
    const topology = (module.default ?? module) as unknown as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
    const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    worldLoaded = countries.features.map((f, i) => ({ key: `${f.id ?? i}`, d: projectShape(f), name: f.properties?.name ?? '' }));
    return worldLoaded;
  });
  return worldPromise;
}

interface Props {
  points: PlaceFeature[];
  selected?: string | null;
  onSelect?: (place: PlaceFeature) => void;
  /** Called once the country shapes are drawn (or failed to load). */
  onDrawn?: () => void;
  height?: number;
}

/** The countries: the same elements whatever the points, the view box or the selection. */
const CountryShapes = memo(function CountryShapes({ countries }: { countries: CountryShape[] }) {
  return (
    <g className="countries">
      {countries.map((c) => (
        <path key={c.key} d={c.d}>
          <title>{c.name}</title>
        </path>
      ))}
    </g>
  );
});

/** The place of a click or key press on a point (one handler on the layer, not two per circle). */
function placeOf(target: EventTarget): string | null {
  return target instanceof Element ? (target.closest('[data-place]')?.getAttribute('data-place') ?? null) : null;
}

export function EventMap({ points, selected, onSelect, onDrawn, height = HEIGHT }: Props) {
  const { t, code } = useLang();
  const [countries, setCountries] = useState<CountryShape[] | null>(() => worldLoaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCountries().then(
      (c) => live && setCountries(c),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  // Before the paint: a page waiting on the map is ready in the same frame that draws it.
  useLayoutEffect(() => {
    if (countries || failed) onDrawn?.();
  }, [countries, failed, onDrawn]);

  const view = useMemo(() => viewOf(boundsOf(points.map((p) => p.geometry.coordinates)), height), [points, height]);

  // The latest onSelect, read at click time: a parent's new callback does not redraw the points.
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  const byPlace = useMemo(() => new Map(points.map((p) => [p.properties.place, p])), [points]);
  const pick = (target: EventTarget) => {
    const place = placeOf(target);
    const point = place === null ? undefined : byPlace.get(place);
    if (point) select.current?.(point);
  };

  // All circles in one pass, larger first so small places stay clickable on top of big ones.
  const circles = useMemo(() => {
    const maxCount = Math.max(1, ...points.map((p) => p.properties.count));
    return [...points]
      .sort((a, b) => b.properties.count - a.properties.count)
      .map((p) => {
        const xy = projectPoint(p.geometry.coordinates);
        if (!xy) return null;
        const { place, name, count, dominantType, types: counts } = p.properties;
        const breakdown = sortEventTypes(Object.keys(counts))
          .map((type) => `${code(type)} ${counts[type]}`)
          .join('، ');
        return (
          <circle
            key={place}
            data-testid="map-point"
            data-place={place}
            data-type={dominantType}
            data-count={count}
            cx={xy[0]}
            cy={xy[1]}
            r={sqrtRadius(count, maxCount, 5, 26) / view.zoom}
            fill={eventColor(dominantType)}
            className={place === selected ? 'point selected' : 'point'}
            tabIndex={0}
            role="button"
            aria-label={`${name}: ${count}`}
          >
            <title>{`${name} — ${count} (${breakdown})`}</title>
          </circle>
        );
      });
  }, [points, view, selected, code]);
  const types = useMemo(() => sortEventTypes(points.map((p) => p.properties.dominantType)), [points]);

  return (
    <figure className="map">
      <svg
        data-testid="event-map"
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        role="img"
        aria-label={t('mapTitle')}
        data-countries={countries?.length ?? 0}
        direction="ltr"
      >
        <rect className="sea" x={view.x} y={view.y} width={view.width} height={view.height} />
        {countries ? <CountryShapes countries={countries} /> : null}
        <g
          className="points"
          onClick={(e) => pick(e.target)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              pick(e.target);
            }
          }}
        >
          {circles}
        </g>
      </svg>
      <TypeLegend types={types} testId="map-legend" />
    </figure>
  );
}
