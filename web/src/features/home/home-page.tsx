// The home page: search box, corpus counts, recent stories, and the overview map and timeline.
import { useCallback, useEffect, useState } from 'react';
import { api, type Health, type Page as ApiPage, type PlaceCollection, type StoryRow, type TimelineResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { filterParams } from '../../lib/filters.js';
import { paths } from '../../lib/routes.js';
import { Link, navigate } from '../../router.js';
import { Empty, ErrorBox, Loading, Page, Section } from '../common/page.js';
import { useApi } from '../common/use-api.js';
import { EventMap, loadCountries } from '../map/event-map.js';
import { SearchBox } from '../search/search-page.js';
import { StoryCard } from '../stories/stories-page.js';
import { WindowedTimeline } from '../timeline/windowed-timeline.js';
import { searchBar } from '../timeline/timeline-page.js';

function Stats({ health }: { health: Health }) {
  const { t, noun } = useLang();
  const { stats } = health;
  return (
    <ul className="stats" data-testid="stats">
      <li>
        <strong>{stats.articles}</strong> {noun('article', stats.articles)}
      </li>
      <li>
        <strong>{stats.stories}</strong> {noun('story', stats.stories)}
      </li>
      <li>
        <strong>{stats.entities}</strong> {noun('entity', stats.entities)}
      </li>
      <li>
        <strong>{stats.duplicates}</strong> {noun('duplicate', stats.duplicates)}
      </li>
      {health.readOnly ? <li className="muted">{t('readOnly')}</li> : null}
    </ul>
  );
}

export function HomePage() {
  const { t } = useLang();
  // The world map's chunk loads while the data is asked for; EventMap awaits the same promise and shows a failure.
  useEffect(() => {
    loadCountries().catch(() => undefined);
  }, []);
  const health = useApi<Health>(api.health());
  const stories = useApi<ApiPage<StoryRow>>(api.stories({ limit: 5, offset: 0 }));
  const places = useApi<PlaceCollection>(api.geojson({}));
  const timeline = useApi<TimelineResponse>(api.timeline({}));
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => setDrawn(true), []);
  const all = [health, stories, places, timeline];
  const ready = all.every((s) => s.status !== 'loading') && (places.status !== 'ok' || drawn);
  return (
    <Page ready={ready} className="home-page">
      <header className="hero">
        <h1>{t('tagline')}</h1>
        <p className="muted">{t('homeIntro')}</p>
        <SearchBox />
        {health.status === 'ok' ? <Stats health={health.data} /> : null}
        {health.status === 'error' ? <ErrorBox error={health.error} retry={health.retry} /> : null}
      </header>
      <div className="grid home-grid">
        <Section
          title={t('overviewMap')}
          actions={
            <Link className="button small" to={paths.map()}>
              {t('openMap')}
            </Link>
          }
        >
          {places.status === 'loading' ? <Loading /> : null}
          {places.status === 'error' ? <ErrorBox error={places.error} retry={places.retry} /> : null}
          {places.status === 'ok' ? (
            <EventMap points={places.data.features} height={420} onDrawn={onDrawn} onSelect={(p) => navigate(paths.map(filterParams({}, { selected: p.properties.place }).toString()))} />
          ) : null}
        </Section>
        <Section
          title={t('recentStories')}
          actions={
            <Link className="button small" to={paths.stories()}>
              {t('allStories')}
            </Link>
          }
        >
          {stories.status === 'loading' ? <Loading /> : null}
          {stories.status === 'error' ? <ErrorBox error={stories.error} retry={stories.retry} /> : null}
          {stories.status === 'ok' ? (
            stories.data.items.length === 0 ? (
              <Empty>{t('empty')}</Empty>
            ) : (
              <ol className="story-list compact">
                {stories.data.items.map((s) => (
                  <StoryCard key={s.id} story={s} />
                ))}
              </ol>
            )
          ) : null}
        </Section>
      </div>
      <Section
        title={t('overviewTimeline')}
        actions={
          <Link className="button small" to={paths.timeline()}>
            {t('openTimeline')}
          </Link>
        }
      >
        {timeline.status === 'loading' ? <Loading /> : null}
        {timeline.status === 'error' ? <ErrorBox error={timeline.error} retry={timeline.retry} /> : null}
        {timeline.status === 'ok' ? (
          timeline.data.days.length === 0 ? (
            <Empty>{t('timelineEmpty')}</Empty>
          ) : (
            <WindowedTimeline timeline={timeline.data} onBar={(day, type) => searchBar({}, day, type)} />
          )
        ) : null}
      </Section>
    </Page>
  );
}
