// The stories list, most recent first: each story's dates, size, outlets, event types and top entities.
import { api, type Page as ApiPage, type StoryRow } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { formatDate } from '../../lib/dates.js';
import { sortEventTypes } from '../../lib/palette.js';
import { paths } from '../../lib/routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { Empty, ErrorBox, Loading, Page } from '../common/page.js';
import { Pager, TypeChip } from '../common/parts.js';
import { useApi } from '../common/use-api.js';

const LIMIT = 20;

export function DateSpan({ from, to }: { from: string | null; to: string | null }) {
  const { lang } = useLang();
  const a = formatDate(from, lang);
  const b = formatDate(to, lang);
  return <span className="dates">{a === b ? a : `${a} – ${b}`}</span>;
}

export function StoryCard({ story }: { story: StoryRow }) {
  const { t, noun } = useLang();
  return (
    <li className="story-card" data-testid="story-item">
      <h3 lang="ar" dir="rtl">
        <Link to={paths.story(story.id)}>{story.title ?? t('untitled')}</Link>
      </h3>
      <div className="meta">
        <DateSpan from={story.firstSeen} to={story.lastSeen} />
        <span>
          {story.articleCount} {noun('article', story.articleCount)}
        </span>
        <span>{Object.keys(story.outlets).join('، ')}</span>
      </div>
      <p className="chips">
        {sortEventTypes(Object.keys(story.eventTypes)).map((type) => (
          <TypeChip key={type} type={type} count={story.eventTypes[type]} />
        ))}
      </p>
      {story.topEntities.length > 0 ? (
        <p className="entities-line">
          {story.topEntities.slice(0, 6).map((e, i) => (
            <span key={e.id}>
              {i > 0 ? '، ' : null}
              <Link data-testid="entity-link" to={paths.entity(e.id)}>
                {e.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

export function StoriesPage() {
  const { t } = useLang();
  const location = useLocation();
  const offset = Math.max(0, Number.parseInt(location.search.get('offset') ?? '0', 10) || 0);
  const result = useApi<ApiPage<StoryRow>>(api.stories({ limit: LIMIT, offset }));
  return (
    <Page ready={result.status !== 'loading'} title={t('stories')} className="stories-page">
      <header className="page-head">
        <h1>{t('stories')}</h1>
        <p className="muted">{t('storiesIntro')}</p>
      </header>
      {result.status === 'loading' ? <Loading /> : null}
      {result.status === 'error' ? <ErrorBox error={result.error} retry={result.retry} /> : null}
      {result.status === 'ok' ? (
        <>
          {result.data.items.length === 0 ? <Empty>{t('empty')}</Empty> : null}
          <ol className="story-list" data-testid="story-list">
            {result.data.items.map((story) => (
              <StoryCard key={story.id} story={story} />
            ))}
          </ol>
          <Pager total={result.data.total} limit={LIMIT} offset={offset} onPage={(o) => navigate(o ? `${paths.stories()}?offset=${o}` : paths.stories())} />
        </>
      ) : null}
    </Page>
  );
}
