// The entity page: names and spellings, mentions per day, co-occurring entities, its quotes and its articles.
import { api, type EntityResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { formatDate } from '../../lib/dates.js';
import { filterParams } from '../../lib/filters.js';
import { entityColor } from '../../lib/palette.js';
import { paths } from '../../lib/routes.js';
import { Link } from '../../router.js';
import { Empty, ErrorBox, Loading, Page, Section } from '../common/page.js';
import { ArticleList, ExportButtons, useName } from '../common/parts.js';
import { useApi } from '../common/use-api.js';
import { TimelineChart } from '../timeline/timeline-chart.js';

const MENTION_COLOR = '#1f5fa8';

function EntityView({ data }: { data: EntityResponse }) {
  const { t, code, lang, noun } = useLang();
  const name = useName();
  const { entity } = data;
  const filters = { entity: [entity.id] };
  const query = filterParams(filters).toString();
  const mentions = {
    from: data.timeline[0]?.day ?? null,
    to: data.timeline[data.timeline.length - 1]?.day ?? null,
    types: ['mentions'],
    days: data.timeline.map((d) => ({ day: d.day, total: d.count, counts: { mentions: d.count } })),
  };
  return (
    <>
      <header className="page-head entity-head">
        <h1 data-testid="entity-name" lang="ar" dir="rtl">
          <span className="swatch big" style={{ background: entityColor(entity.type) }} aria-hidden="true" />
          {name(entity.name)}
        </h1>
        <div className="meta">
          <span className="badge">{code(entity.type)}</span>
          {lang === 'ar' && entity.name.en ? (
            <span lang="en" dir="ltr">
              {entity.name.en}
            </span>
          ) : null}
          {lang === 'en' ? <span lang="ar">{entity.name.ar}</span> : null}
          <code dir="ltr">{entity.kb ?? entity.id}</code>
          {entity.geo ? (
            <span dir="ltr">
              {entity.geo.lat.toFixed(2)}, {entity.geo.lon.toFixed(2)}
            </span>
          ) : null}
          <span>
            {entity.articleCount} {noun('article', entity.articleCount)}
          </span>
        </div>
        <div className="toolbar">
          <Link className="button small" to={paths.timeline(query)}>
            {t('eventTimeline')}
          </Link>
          <Link className="button small" to={paths.map(query)}>
            {t('eventsMap')}
          </Link>
          <Link className="button small" to={paths.search(query)}>
            {t('navSearch')}
          </Link>
          <ExportButtons filters={filters} />
        </div>
      </header>
      <div className="grid two">
        <Section title={t('variants')} testId="entity-variants">
          {data.variants.length === 0 ? <Empty>{t('empty')}</Empty> : null}
          <ul className="variant-list" lang="ar" dir="rtl">
            {data.variants.map((v) => (
              <li key={v.text}>
                <span>{v.text}</span> <span className="count">{v.count}</span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t('cooccurring')} testId="entity-cooccurring">
          {data.cooccurring.length === 0 ? <Empty>{t('empty')}</Empty> : null}
          <ul className="entity-list">
            {data.cooccurring.map((c) => (
              <li key={c.id}>
                <span className="swatch" style={{ background: entityColor(c.type) }} aria-hidden="true" />
                <Link data-testid="entity-link" to={paths.entity(c.id)}>
                  {name(c.name)}
                </Link>
                <span className="muted"> · {code(c.type)}</span>
                <span className="count">{c.count}</span>
              </li>
            ))}
          </ul>
        </Section>
      </div>
      <Section title={t('mentionsOverTime')} testId="entity-mentions">
        {mentions.days.length === 0 ? (
          <Empty>{t('empty')}</Empty>
        ) : (
          <TimelineChart timeline={mentions} testId="entity-timeline" barTestId="entity-timeline-bar" color={() => MENTION_COLOR} legend={false} label={t('mentionsOverTime')} height={170} />
        )}
      </Section>
      <Section title={t('quotes')} testId="entity-quotes">
        {data.quotes.length === 0 ? <Empty>{t('empty')}</Empty> : null}
        <ol className="quote-list">
          {data.quotes.map((q, i) => (
            <li key={`${q.articleId}:${i}`}>
              <blockquote lang="ar" dir="rtl">
                «{q.content.text}»
              </blockquote>
              <div className="meta">
                <span>
                  {q.cue} · {q.direct ? t('direct') : t('indirect')}
                </span>
                {q.channel ? <span>{q.channel}</span> : null}
                {q.published ? <time dateTime={q.published}>{formatDate(q.published, lang)}</time> : null}
                <Link to={paths.article(q.articleId)} lang="ar" dir="rtl">
                  {q.title ?? t('untitled')}
                </Link>
              </div>
            </li>
          ))}
        </ol>
      </Section>
      <Section title={t('articles')} testId="entity-articles">
        {data.articles.length === 0 ? <Empty>{t('empty')}</Empty> : <ArticleList hits={data.articles} />}
      </Section>
    </>
  );
}

export function EntityPage({ id }: { id: string }) {
  const result = useApi<EntityResponse>(api.entity(id));
  return (
    <Page ready={result.status !== 'loading'} title={result.data?.entity.name.ar} className="entity-page">
      {result.status === 'loading' ? <Loading /> : null}
      {result.status === 'error' ? <ErrorBox error={result.error} retry={result.retry} /> : null}
      {result.status === 'ok' ? <EntityView data={result.data} /> : null}
    </Page>
  );
}
