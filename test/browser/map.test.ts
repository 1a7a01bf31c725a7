// The event map in the browser: one point per geolocated place, in the right country and the right place on screen;
// the default date window (issue 7) and all dates; dates filter; a click lists events.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
import type { Page } from 'playwright-core';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { expect, it } from 'vitest';
import { describeBrowser, type BrowserSession } from './harness.js';
import { PROTEST_FACTS, PROTEST_RECORD } from './test-articles.js';

interface PlaceFeature {
  geometry: { coordinates: [number, number] };
  properties: { place: string; name: string; country: string | null; count: number };
}

/** Tunisia in world-atlas (ISO 3166 numeric 788): the country the test protest happened in. */
const TUNISIA_NUMERIC = '788';

/** Tunisia's [[west, south], [east, north]] from the same world map the UI draws. */
function tunisiaBounds(): [[number, number], [number, number]] {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries);
  const tunisia = countries.features.find((f) => String(f.id) === TUNISIA_NUMERIC);
  if (tunisia === undefined) throw new Error(`expected Tunisia (${TUNISIA_NUMERIC}) in world-atlas`);
  return geoBounds(tunisia);
}

/** Centre of each map point on the screen, by place id. */
async function pointCentres(page: Page): Promise<Map<string, { x: number; y: number }>> {
  const centres = new Map<string, { x: number; y: number }>();
  for (const circle of await page.getByTestId('map-point').all()) {
    const place = await circle.getAttribute('data-place');
    const box = await circle.boundingBox();
    if (place === null || box === null) throw new Error(`expected every map point to have data-place and a box, found ${place} / ${JSON.stringify(box)}`);
    centres.set(place, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  return centres;
}

const geojsonPath = (query = '') => `/api/events/geojson${query}`;

/** `?from=…&to=…` spanning every event day (the test protest's 2025 day and the 2026 demo corpus). */
async function allDates(session: BrowserSession): Promise<string> {
  const timeline = await session.observatory.api<{ from: string; to: string }>('/api/timeline');
  return `?from=${timeline.from}&to=${timeline.to}`;
}

describeBrowser('map page', (session) => {
  it('shows the places of the default date window, says so, and draws one point per place the API returns for it', async () => {
    const { page } = await session().open('/map');
    const note = page.getByTestId('date-window');
    await note.waitFor();
    // One request for the map's data: the server finds the window (window=auto), no timeline is asked for first.
    const apiCalls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((url) => url.pathname.startsWith('/api/'))
        .map((url) => url.pathname + url.search),
    );
    expect(apiCalls).toEqual(['/api/events/geojson?window=auto']);
    const [from, to] = await Promise.all([note.getAttribute('data-from'), note.getAttribute('data-to')]);
    // The test protest (March 2025) lies outside the busiest days of the 2026 demo corpus.
    expect(from! > PROTEST_FACTS.day).toBe(true);
    await expect(page.getByTestId('date-from').inputValue()).resolves.toBe(from);
    await expect(page.getByTestId('date-to').inputValue()).resolves.toBe(to);
    const api = await session().observatory.api<{ features: PlaceFeature[] }>(geojsonPath(`?from=${from}&to=${to}`));
    expect(api.features.length).toBeGreaterThan(1);
    const points = page.getByTestId('map-point');
    const places = await points.evaluateAll((els) => els.map((el) => el.getAttribute('data-place')));
    expect(places.sort()).toEqual(api.features.map((f) => f.properties.place).sort());
    const types = await points.evaluateAll((els) => els.map((el) => el.getAttribute('data-type') ?? ''));
    for (const type of types) expect(type).toMatch(/^[A-Z_]+$/u);
  });

  it('draws the places of every day after «show all dates», the Tunis protest included', async () => {
    const { page } = await session().open('/map');
    const range = await allDates(session());
    await page.getByTestId('date-window-all').click();
    await page.waitForURL((url) => url.search === range);
    const api = await session().observatory.api<{ features: PlaceFeature[] }>(geojsonPath(range));
    expect(api.features.map((f) => f.properties.place)).toContain(PROTEST_FACTS.place);
    // The window's note goes once the places of every day have arrived (the window's own points may already be the
    // same set: the demo corpus has Tunisian events too, so the points alone do not tell the new answer has come).
    await page.getByTestId('date-window').waitFor({ state: 'detached', timeout: 10_000 });
    await expect
      .poll(async () => (await page.getByTestId('map-point').evaluateAll((els) => els.map((el) => el.getAttribute('data-place')))).sort(), { timeout: 10_000 })
      .toEqual(api.features.map((f) => f.properties.place).sort());
    await expect(page.getByTestId('date-window').count()).resolves.toBe(0);
  });

  it('puts the Tunis protest in Tunisia, west of and north of places further east and south', async () => {
    const range = await allDates(session());
    const { page } = await session().open(`/map${range}`);
    const api = await session().observatory.api<{ features: PlaceFeature[] }>(geojsonPath(range));
    const tunisia = api.features.find((f) => f.properties.place === PROTEST_FACTS.place);
    expect(tunisia, `a map feature for ${PROTEST_FACTS.place}`).toBeDefined();
    const [lon, lat] = tunisia!.geometry.coordinates;
    const [[west, south], [east, north]] = tunisiaBounds();
    expect(lon).toBeGreaterThanOrEqual(west - 0.5);
    expect(lon).toBeLessThanOrEqual(east + 0.5);
    expect(lat).toBeGreaterThanOrEqual(south - 0.5);
    expect(lat).toBeLessThanOrEqual(north + 0.5);

    // On screen, any world projection keeps east to the right and north up: compare Tunis with every
    // other point that lies clearly east (more than 8° of longitude) or south (more than 1° of latitude).
    const centres = await pointCentres(page);
    const here = centres.get(PROTEST_FACTS.place);
    expect(here, 'the Tunisia point on screen').toBeDefined();
    let compared = 0;
    for (const other of api.features) {
      const there = centres.get(other.properties.place);
      if (there === undefined || other.properties.place === PROTEST_FACTS.place) continue;
      const [otherLon, otherLat] = other.geometry.coordinates;
      if (otherLon - lon > 8) {
        expect(there.x, `${other.properties.name} (lon ${otherLon}) right of Tunis (lon ${lon})`).toBeGreaterThan(here!.x);
        compared++;
      }
      if (lon - otherLon > 8) {
        expect(there.x, `${other.properties.name} (lon ${otherLon}) left of Tunis (lon ${lon})`).toBeLessThan(here!.x);
        compared++;
      }
      if (lat - otherLat > 1) {
        expect(there.y, `${other.properties.name} (lat ${otherLat}) below Tunis (lat ${lat})`).toBeGreaterThan(here!.y);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);

    // And the point sits inside the box of the country shape the map drew for Tunisia (titled by world-atlas name).
    const placed = await page.getByTestId('event-map').evaluate((svg, place) => {
      interface Box {
        x: number;
        y: number;
        width: number;
        height: number;
      }
      interface SvgEl {
        getAttribute(name: string): string | null;
        getBBox(): Box;
        querySelector(selector: string): { textContent: string | null } | null;
      }
      const root = svg as unknown as { querySelectorAll(selector: string): Iterable<SvgEl>; querySelector(selector: string): SvgEl | null };
      const shape = [...root.querySelectorAll('path')].find((p) => p.querySelector('title')?.textContent === 'Tunisia');
      const circle = root.querySelector(`[data-testid="map-point"][data-place="${place}"]`);
      if (shape === undefined || circle === null) return null;
      const { x, y, width, height } = shape.getBBox(); // an SVGRect: copied, since it does not serialise
      return { box: { x, y, width, height }, cx: Number(circle.getAttribute('cx')), cy: Number(circle.getAttribute('cy')) };
    }, PROTEST_FACTS.place);
    expect(placed, 'a country path titled Tunisia and the Tunisia point').not.toBeNull();
    const { box, cx, cy } = placed!;
    expect(cx).toBeGreaterThanOrEqual(box.x);
    expect(cx).toBeLessThanOrEqual(box.x + box.width);
    expect(cy).toBeGreaterThanOrEqual(box.y);
    expect(cy).toBeLessThanOrEqual(box.y + box.height);
  });

  it('draws every point whose country the map names inside that country’s drawn shape', async () => {
    const range = await allDates(session());
    const { page } = await session().open(`/map${range}`);
    const api = await session().observatory.api<{ features: PlaceFeature[] }>(geojsonPath(range));
    // The country's English name in the knowledge base, as world-atlas titles its shape («Tunisia»).
    const countryNames = new Map<string, string | null>();
    for (const code of new Set(api.features.map((f) => f.properties.country).filter((c): c is string => c !== null))) {
      const doc = await session().observatory.api<{ entity: { name: { en: string | null } } }>(`/api/entities/${encodeURIComponent(`iso:${code}`)}`).catch(() => null);
      countryNames.set(code, doc?.entity.name.en ?? null);
    }
    const expected = api.features.flatMap((f) => {
      const country = f.properties.country === null ? null : countryNames.get(f.properties.country);
      return country ? [{ place: f.properties.place, country }] : [];
    });
    const found = await page.getByTestId('event-map').evaluate((svg, wanted) => {
      interface SvgEl {
        getAttribute(name: string): string | null;
        getBBox(): { x: number; y: number; width: number; height: number };
        querySelector(selector: string): { textContent: string | null } | null;
      }
      const root = svg as unknown as { querySelectorAll(selector: string): Iterable<SvgEl>; querySelector(selector: string): SvgEl | null };
      const shapes = [...root.querySelectorAll('path')];
      return wanted.map(({ place, country }) => {
        const shape = shapes.find((p) => p.querySelector('title')?.textContent === country);
        const circle = root.querySelector(`[data-testid="map-point"][data-place="${place}"]`);
        if (shape === undefined || circle === null) return { place, country, inside: null };
        const box = shape.getBBox();
        const [cx, cy] = [Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))];
        return { place, country, inside: cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height };
      });
    }, expected);
    const checked = found.filter((f) => f.inside !== null);
    // Names that differ between the KB and world-atlas («United States» / «United States of America») are not checked.
    expect(checked.map((f) => f.place)).toContain(PROTEST_FACTS.place);
    expect(checked.length).toBeGreaterThanOrEqual(Math.min(3, expected.length));
    expect(checked.filter((f) => !f.inside)).toEqual([]);
  });

  it('keeps only the points of the chosen dates when a date range is set', async () => {
    const { page } = await session().open(`/map${await allDates(session())}`);
    const all = await page.getByTestId('map-point').count();
    const day = PROTEST_FACTS.day;
    const api = await session().observatory.api<{ features: PlaceFeature[] }>(geojsonPath(`?from=${day}&to=${day}`));
    expect(api.features.length).toBeGreaterThan(0);
    expect(api.features.length).toBeLessThan(all);
    await page.getByTestId('date-from').fill(day);
    await page.getByTestId('date-to').fill(day);
    await expect.poll(() => page.getByTestId('map-point').count(), { timeout: 10_000 }).toBe(api.features.length);
    const places = await page.getByTestId('map-point').evaluateAll((els) => els.map((el) => el.getAttribute('data-place')));
    expect(places).toContain(PROTEST_FACTS.place);
  });

  it('lists the events of a point when it is clicked', async () => {
    const { page } = await session().open(`/map${await allDates(session())}`);
    await page.locator(`[data-testid="map-point"][data-place="${PROTEST_FACTS.place}"]`).click();
    const list = page.getByTestId('map-point-events');
    await list.waitFor({ state: 'visible' });
    await expect.poll(async () => (await list.textContent()) ?? '', { timeout: 10_000 }).toContain(PROTEST_RECORD.title);
  });
});
