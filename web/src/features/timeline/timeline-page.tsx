// The timeline page: events per day by type for a query, an entity or a story (the URL's filters).
import { useState, type FormEvent } from 'react';
import { api, type WindowedTimelineResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { filterParams, parseFilters, type Filters } from '../../lib/filters.js';
import { paths } from '../../lib/routes.js';
import { navigate, useLocation } from '../../router.js';
import { Empty, ErrorBox, Loading, Page } from '../common/page.js';
import { ExportButtons } from '../common/parts.js';
import { ActiveFilters } from '../common/active-filters.js';
import { DateTypeFilters } from '../common/date-type-filters.js';
import { DateWindowNote } from '../common/date-window-note.js';
import { useApi } from '../common/use-api.js';
import { TimelineChart } from './timeline-chart.js';

/** Opens the search for one bar of a timeline: the same filters narrowed to that day and type. */
export function searchBar(filters: Filters, day: string, type: string): void {
  navigate(paths.search(filterParams({ ...filters, type: [type], from: day, to: day }).toString()));
}

function QueryForm({ filters }: { filters: Filters }) {
  const { t } = useLang();
  const [q, setQ] = useState(filters.q ?? '');
  const [entity, setEntity] = useState(filters.entity?.join(', ') ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Filters = { ...filters, q: q.trim() || undefined, entity: entity.trim() ? [entity.trim()] : undefined };
    navigate(paths.timeline(filterParams(next).toString()));
  };
  return (
    <form className="filters" onSubmit={submit} role="search">
      <label>
        {t('query')}
        <input data-testid="timeline-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} lang="ar" dir="rtl" />
      </label>
      <label>
        {t('entity')}
        <input data-testid="timeline-entity" type="text" value={entity} onChange={(e) => setEntity(e.target.value)} lang="ar" dir="auto" />
      </label>
      <button type="submit">{t('apply')}</button>
    </form>
  );
}

export function TimelinePage() {
  const { t } = useLang();
  const location = useLocation();
  const filters = parseFilters(location.search);
  // Without a range in the URL, the server cuts the timeline to the days that hold the events (window=auto,
  // src/model/date-window.ts) and says which; the inputs and exports follow it.
  const timeline = useApi<WindowedTimelineResponse>(api.timeline(filters, 'auto'));
  const shown = timeline.status === 'ok' ? timeline.data : null;
  const dateWindow = shown?.window ?? null;
  const inForce: Filters = dateWindow ? { ...filters, from: dateWindow.from, to: dateWindow.to } : filters;
  const go = (next: Filters, replace = false) => navigate(paths.timeline(filterParams(next).toString()), { replace });
  const empty = shown !== null && shown.days.every((d) => d.total === 0);
  return (
    <Page ready={timeline.status !== 'loading'} title={t('timelineTitle')} className="timeline-page">
      <header className="page-head">
        <h1>{t('timelineTitle')}</h1>
        <p className="muted">{t('timelineIntro')}</p>
      </header>
      <div className="toolbar">
        <QueryForm key={location.href} filters={filters} />
        <DateTypeFilters filters={filters} dateWindow={dateWindow} onChange={(next) => go(next, true)} />
        <ExportButtons filters={inForce} />
      </div>
      <ActiveFilters filters={filters} onChange={(next) => go(next)} />
      {timeline.status === 'loading' ? <Loading /> : null}
      {timeline.status === 'error' ? <ErrorBox error={timeline.error} retry={timeline.retry} /> : null}
      {shown !== null ? (
        <section className="card">
          {empty ? <Empty>{t('timelineEmpty')}</Empty> : null}
          <DateWindowNote dateWindow={dateWindow} onAll={(range) => go({ ...filters, ...range })} />
          <TimelineChart timeline={shown} onBar={(day, type) => searchBar(filters, day, type)} />
        </section>
      ) : null}
    </Page>
  );
}
