// One story: its title and dates, its events per day, its articles oldest first, and its entities, places and outlets.
import { api, type StoryResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { filterParams } from '../../lib/filters.js';
import { paths } from '../../lib/routes.js';
import { Link } from '../../router.js';
import { Empty, ErrorBox, Loading, Page, Section } from '../common/page.js';
import { ArticleList, ExportButtons } from '../common/parts.js';
import { useApi } from '../common/use-api.js';
import { WindowedTimeline } from '../timeline/windowed-timeline.js';
import { searchBar } from '../timeline/timeline-page.js';
import { DateSpan } from './stories-page.js';

function StoryView({ data }: { data: StoryResponse }) {
  const { t, code, noun } = useLang();
  const { story } = data;
  const filters = { story: story.id };
  return (
    <>
      <header className="page-head">
        <h1 data-testid="story-title" lang="ar" dir="rtl">
          {story.title ?? t('untitled')}
        </h1>
        <div className="meta">
          <DateSpan from={story.firstSeen} to={story.lastSeen} />
          <span>
            {story.articleCount} {noun('article', story.articleCount)}
          </span>
        </div>
        <div className="toolbar">
          <Link className="button small" to={paths.timeline(filterParams(filters).toString())}>
            {t('eventTimeline')}
          </Link>
          <Link className="button small" to={paths.map(filterParams(filters).toString())}>
            {t('eventsMap')}
          </Link>
          <ExportButtons filters={filters} />
        </div>
      </header>
      <Section title={t('eventTimeline')} testId="story-timeline">
        {data.timeline.days.length === 0 ? <Empty>{t('timelineEmpty')}</Empty> : <WindowedTimeline timeline={data.timeline} onBar={(day, type) => searchBar(filters, day, type)} />}
      </Section>
      <div className="grid story-grid">
        <Section title={t('storyArticles')} testId="story-articles">
          <ArticleList hits={data.articles} story={false} />
        </Section>
        <div>
          <Section title={t('topEntities')} testId="story-entities">
            <ul className="entity-list">
              {story.entities.map((e) => (
                <li key={e.id}>
                  <Link data-testid="entity-link" to={paths.entity(e.id)}>
                    {e.name}
                  </Link>
                  <span className="muted"> · {code(e.type)}</span>
                  <span className="count">{e.count}</span>
                </li>
              ))}
            </ul>
          </Section>
          {story.places.length > 0 ? (
            <Section title={t('places')}>
              <ul className="entity-list">
                {story.places.map((e) => (
                  <li key={e.id}>
                    <Link data-testid="entity-link" to={paths.entity(e.id)}>
                      {e.name}
                    </Link>
                    <span className="count">{e.count}</span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section title={t('outlets')}>
            <ul className="entity-list">
              {Object.entries(story.outlets)
                .sort((a, b) => b[1] - a[1])
                .map(([outlet, n]) => (
                  <li key={outlet}>
                    <Link to={paths.search(filterParams({ outlet: [outlet], story: story.id }).toString())}>{outlet}</Link>
                    <span className="count">{n}</span>
                  </li>
                ))}
            </ul>
          </Section>
        </div>
      </div>
    </>
  );
}

export function StoryPage({ id }: { id: string }) {
  const result = useApi<StoryResponse>(api.story(id));
  return (
    <Page ready={result.status !== 'loading'} title={result.data?.story.title} className="story-page">
      {result.status === 'loading' ? <Loading /> : null}
      {result.status === 'error' ? <ErrorBox error={result.error} retry={result.retry} /> : null}
      {result.status === 'ok' ? <StoryView data={result.data} /> : null}
    </Page>
  );
}
