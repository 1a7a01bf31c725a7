// The map page: places with events, filtered by date range and type; a clicked place lists its events and articles.
import { useCallback, useEffect, useState } from 'react';
import type { DateWindow } from '../../../../src/model/date-window.js';
import { api, fetchJson, type EventRow, type Page as ApiPage, type PlaceCollection, type PlaceFeature } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { formatDate } from '../../lib/dates.js';
import { filterParams, parseFilters, type Filters } from '../../lib/filters.js';
import { paths } from '../../lib/routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Empty, ErrorBox, Loading, Page, Section } from '../common/page.js';
import { ExportButtons, TypeChip } from '../common/parts.js';
import { useApi, useLoad } from '../common/use-api.js';
import { ActiveFilters } from '../common/active-filters.js';
import { DateTypeFilters } from '../common/date-type-filters.js';
import { DateWindowNote } from '../common/date-window-note.js';
import { EventMap, loadCountries } from './event-map.js';

function PlaceEvents({ place, filters }: { place: PlaceFeature; filters: Filters }) {
  const { t, lang, code } = useLang();
  const events = useApi<ApiPage<EventRow>>(api.events({ ...filters, place: [place.properties.place] }, { limit: 100, offset: 0 }));
  const articles = new Map<string, EventRow['article']>();
  for (const e of events.data?.items ?? []) articles.set(e.articleId, e.article);
  return (
    <Section title={`${t('eventsAt')} ${place.properties.name}`} testId="map-point-events">
      {events.status === 'loading' ? <Loading /> : null}
      {events.status === 'error' ? <ErrorBox error={events.error} retry={events.retry} /> : null}
      {events.status === 'ok' ? (
        <>
          <ol className="event-list" data-ready="true">
            {events.data.items.map((e) => (
              <li key={`${e.articleId}:${e.idx}`} data-testid="map-event">
                <TypeChip type={e.type} />
                <span className="modality">{code(e.modality)}</span>
                {e.day ? <time dateTime={e.day}>{formatDate(e.day, lang)}</time> : null}
                <q lang="ar" dir="rtl">
                  {e.evidence.text}
                </q>
                <Link to={paths.article(e.articleId)}>{e.article.title ?? t('untitled')}</Link>
              </li>
            ))}
          </ol>
          {events.data.total > events.data.items.length ? (
            <p className="muted">
              {events.data.items.length} / {events.data.total}
            </p>
          ) : null}
          <h3>{t('articles')}</h3>
          <ul className="article-list compact" data-testid="map-point-articles">
            {[...articles].map(([id, a]) => (
              <li key={id}>
                <Link to={paths.article(id)} lang="ar" dir="rtl">
                  {a.title ?? t('untitled')}
                </Link>
                <span className="meta">
                  {a.outlet} {a.published ? formatDate(a.published, lang) : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

/** What the map draws: the places of the filters in force (the URL's, or with the default date window). */
interface MapData {
  places: PlaceCollection;
  dateWindow: DateWindow | null;
  inForce: Filters;
}

/**
 * The map's data in one request. Without a range in the URL the map shows the timeline's default window
 * (src/model/date-window.ts), which the server finds from the event days (`window=auto`) and names in its answer.
 */
async function loadMap(filters: Filters, signal: AbortSignal): Promise<MapData> {
  const places = await fetchJson<PlaceCollection>(api.geojson(filters, 'auto'), signal);
  const dateWindow = places.window ?? null;
  const inForce = dateWindow ? { ...filters, from: dateWindow.from, to: dateWindow.to } : filters;
  return { places, dateWindow, inForce };
}

export function MapPage() {
  const { t } = useLang();
  const location = useLocation();
  const filters = parseFilters(location.search);
  const selectedId = location.search.get('selected');
  // The world map's chunk loads while the data is asked for, not after the points arrive.
  useEffect(() => {
    loadCountries().catch(() => undefined); // EventMap awaits the same promise and shows the failure.
  }, []);
  const map = useLoad<MapData>(filterParams(filters).toString(), (signal) => loadMap(filters, signal));
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => setDrawn(true), []);
  const go = (next: Filters, selected?: string | null) => {
    const params = filterParams(next, selected ? { selected } : {});
    navigate(paths.map(params.toString()), { replace: true });
  };
  // While new filters load, the map keeps what it has (dimmed) instead of flashing empty.
  const shown = map.status === 'error' ? null : (map.data ?? map.previous);
  const selected = map.data?.places.features.find((f) => f.properties.place === selectedId) ?? null;
  return (
    <Page ready={(map.status === 'ok' && drawn) || map.status === 'error'} title={t('mapTitle')} className="map-page">
      <header className="page-head">
        <h1>{t('mapTitle')}</h1>
        <p className="muted">{t('mapIntro')}</p>
      </header>
      <div className="toolbar">
        <DateTypeFilters filters={filters} dateWindow={shown?.dateWindow} onChange={(next) => go(next, selectedId)} />
        <ExportButtons filters={map.data?.inForce ?? filters} />
      </div>
      <ActiveFilters filters={filters} onChange={(next) => go(next, selectedId)} />
      {map.status === 'error' ? <ErrorBox error={map.error} retry={map.retry} /> : null}
      {shown === null && map.status === 'loading' ? <Loading /> : null}
      {shown !== null ? (
        <>
          <DateWindowNote dateWindow={shown.dateWindow} onAll={(range) => go({ ...filters, ...range }, selectedId)} />
          <div className="map-layout">
            <div className={map.status === 'loading' ? 'map-wrap stale' : 'map-wrap'}>
              <EventMap points={shown.places.features} selected={selectedId} onSelect={(p) => go(filters, p.properties.place)} onDrawn={onDrawn} />
              {map.status === 'ok' && shown.places.features.length === 0 ? <Empty>{t('mapNoPoints')}</Empty> : null}
            </div>
            <aside className="map-side">
              {selected && map.data ? <PlaceEvents key={selected.properties.place} place={selected} filters={map.data.inForce} /> : <p className="muted hint">{t('mapPick')}</p>}
            </aside>
          </div>
        </>
      ) : null}
    </Page>
  );
}
