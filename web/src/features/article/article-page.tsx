// The article reader: header (title, outlet, author, date, caption, story), the cleaned text with entity, quote and
// event highlights, the facts at a highlight, what cleaning removed, the article's entities, and its duplicates.
import { useEffect, useMemo, useState } from 'react';
import { api, type Analysis, type ArticleResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { formatDate } from '../../lib/dates.js';
import { annotationsAt } from '../../lib/highlights.js';
import { ENTITY_COLORS, entityColor, sortEventTypes } from '../../lib/palette.js';
import { paths } from '../../lib/routes.js';
import { Link } from '../../router.js';
import { ErrorBox, Loading, Page, Section } from '../common/page.js';
import { ExportButtons, TypeChip, TypeLegend, useName } from '../common/parts.js';
import { useApi } from '../common/use-api.js';
import { collectAnnotations, isWebUrl } from './annotations.js';
import { HighlightDetail } from './highlight-detail.js';
import { HighlightedText } from './highlighted-text.js';

function Legend({ analysis }: { analysis: Analysis }) {
  const { t, code } = useLang();
  const entityTypes = Object.keys(ENTITY_COLORS).filter((type) => analysis.entities.some((e) => e.type === type));
  const eventTypes = sortEventTypes(analysis.events.map((e) => e.type));
  return (
    <div className="hl-legend" data-testid="highlight-legend" aria-label={t('legend')}>
      <span className="hl hl-entity sample" style={{ ['--hl' as string]: entityColor('PER') }}>
        {t('kindEntity')}
      </span>
      <span className="hl hl-quote sample">{t('kindQuote')}</span>
      <span className="hl hl-event sample" style={{ ['--hl' as string]: '#e7298a' }}>
        {t('kindEvent')}
      </span>
      <span className="legend-sep" aria-hidden="true" />
      {entityTypes.map((type) => (
        <span key={type} className="chip">
          <span className="swatch" style={{ background: entityColor(type) }} aria-hidden="true" />
          {code(type)}
        </span>
      ))}
      {eventTypes.length > 0 ? <TypeLegend types={eventTypes} testId="event-legend" /> : null}
    </div>
  );
}

function Removed({ analysis }: { analysis: Analysis }) {
  const { t, code } = useLang();
  const [open, setOpen] = useState(false);
  const removed = analysis.article.removed;
  return (
    <div className="removed">
      <button type="button" data-testid="removed-toggle" aria-expanded={open} aria-controls="removed-panel" onClick={() => setOpen(!open)}>
        {t('removedToggle')} ({removed.length})
      </button>
      {open ? (
        <div id="removed-panel" data-testid="removed-panel" className="removed-panel">
          {removed.length === 0 ? <p className="muted">{t('removedEmpty')}</p> : null}
          <ol>
            {removed.map((r, i) => (
              <li key={i}>
                <span className="badge">{code(r.kind)}</span>
                <span lang="ar" dir="rtl" className="removed-text">
                  {r.text}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

function EntityList({ analysis }: { analysis: Analysis }) {
  const { t, code } = useLang();
  const name = useName();
  const entities = [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  if (entities.length === 0) return null;
  return (
    <Section title={t('entities')} testId="article-entities">
      <ul className="entity-list">
        {entities.map((entity) => (
          <li key={entity.id}>
            <span className="swatch" style={{ background: entityColor(entity.type) }} title={code(entity.type)} aria-hidden="true" />
            <Link data-testid="entity-link" to={paths.entity(entity.id)}>
              {name(entity.name)}
            </Link>
            <span className="muted"> · {code(entity.type)}</span>
            <span className="count">{entity.mentions.length}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Reader({ data }: { data: ArticleResponse }) {
  const { t, lang } = useLang();
  const { analysis } = data;
  const article = analysis.article;
  const body = useMemo(() => collectAnnotations(analysis, 'text'), [analysis]);
  const titleSpans = useMemo(() => collectAnnotations(analysis, 'title'), [analysis]);
  const captionSpans = useMemo(() => collectAnnotations(analysis, 'caption'), [analysis]);
  const [hovered, setHovered] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);
  useEffect(() => {
    if (pinned === null) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setPinned(null);
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [pinned]);
  const at = pinned ?? hovered;
  const shown = at === null ? [] : annotationsAt(body, at);
  const eventTypes = sortEventTypes(analysis.events.map((e) => e.type));
  return (
    <>
      <header className="article-head">
        <h1 data-testid="article-title" lang="ar" dir="rtl">
          {article.title ? <HighlightedText text={article.title} annotations={titleSpans} className="inline" /> : t('untitled')}
        </h1>
        <div className="meta">
          {article.outlet ? (
            <span className="outlet" data-testid="article-outlet">
              {article.outlet}
            </span>
          ) : null}
          {article.author ? (
            <span>
              {t('author')}: {article.author}
            </span>
          ) : null}
          {article.published ? <time dateTime={article.published}>{formatDate(article.published, lang, true)}</time> : null}
          {isWebUrl(article.url) ? (
            <a href={article.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr" className="source">
              {t('source')}
            </a>
          ) : null}
        </div>
        {data.story ? (
          <p className="story-line">
            {t('story')}:{' '}
            <Link data-testid="article-story" to={paths.story(data.story.id)}>
              {data.story.title ?? t('untitled')}
            </Link>
          </p>
        ) : null}
        {data.duplicateOf ? (
          <p className="notice">
            {t('duplicateOf')}: <Link to={paths.article(data.duplicateOf)}>{data.duplicateOf.slice(0, 12)}</Link>
          </p>
        ) : null}
        {data.previousId ? (
          <p className="notice">
            {t('previousVersion')}: <Link to={paths.article(data.previousId)}>{data.previousId.slice(0, 12)}</Link>
          </p>
        ) : null}
        {eventTypes.length > 0 ? (
          <p className="chips">
            {eventTypes.map((type) => (
              <TypeChip key={type} type={type} count={analysis.events.filter((e) => e.type === type).length} />
            ))}
          </p>
        ) : null}
      </header>
      {article.caption || article.photoCredit ? (
        <figure className="caption" data-testid="article-caption" aria-label={t('caption')}>
          {article.caption ? <HighlightedText text={article.caption} annotations={captionSpans} className="inline" /> : null}
          {article.photoCredit ? (
            <figcaption>
              {t('photoCredit')}: {article.photoCredit}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <Legend analysis={analysis} />
      <div className="reader-layout">
        <div className="reader-main">
          <HighlightedText
            testId="article-text"
            className="article-text"
            text={article.text}
            annotations={body}
            active={new Set(shown)}
            onHover={setHovered}
            onPick={setPinned}
          />
          <Removed analysis={analysis} />
          {data.story ? <ExportButtons filters={{ story: data.story.id }} /> : null}
        </div>
        <aside className="reader-side">
          {shown.length > 0 ? (
            <HighlightDetail annotations={shown} analysis={analysis} pinned={pinned !== null} onClose={() => setPinned(null)} />
          ) : (
            <p className="muted hint">{t('detailHint')}</p>
          )}
          <EntityList analysis={analysis} />
          {data.duplicates.length > 0 ? (
            <Section title={t('duplicates')} testId="article-duplicates">
              <ul className="article-list compact">
                {data.duplicates.map((d) => (
                  <li key={d.id}>
                    <Link to={paths.article(d.id)} lang="ar" dir="rtl">
                      {d.title ?? t('untitled')}
                    </Link>
                    <span className="meta">
                      {d.outlet} {formatDate(d.published, lang)}
                    </span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

export function ArticlePage({ id }: { id: string }) {
  const result = useApi<ArticleResponse>(api.article(id));
  return (
    <Page ready={result.status !== 'loading'} title={result.data?.analysis.article.title} className="article-page">
      {result.status === 'loading' ? <Loading /> : null}
      {result.status === 'error' ? <ErrorBox error={result.error} retry={result.retry} /> : null}
      {result.status === 'ok' ? <Reader key={id} data={result.data} /> : null}
    </Page>
  );
}
