// The search page: query box, facets (outlet, entity, event type, day), highlighted hits and pages of 20.
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type FacetCount, type SearchResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import type { LabelKey } from '../../i18n/labels.js';
import { formatDate } from '../../lib/dates.js';
import { filterParams, isEmpty, parseFilters, toggleFilter, type Filters, type ListFilter } from '../../lib/filters.js';
import { eventColor } from '../../lib/palette.js';
import { paths } from '../../lib/routes.js';
import { Link, navigate, useLocation } from '../../router.js';
import { ActiveFilters } from '../common/active-filters.js';
import { Empty, ErrorBox, Loading, Page } from '../common/page.js';
import { ExportButtons, HitMeta, Marked, Pager } from '../common/parts.js';
import { useApi } from '../common/use-api.js';

const LIMIT = 20;

/** The search box; submitting opens /search with the query (other filters kept when `keep` is given). */
export function SearchBox({ initial = '', keep }: { initial?: string; keep?: Filters }) {
  const { t } = useLang();
  const [q, setQ] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.search(filterParams({ ...keep, q: q.trim() || undefined }).toString()));
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <input
        data-testid="search-input"
        type="search"
        name="q"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        lang="ar"
        dir="rtl"
        autoComplete="off"
      />
      <button data-testid="search-submit" type="submit">
        {t('searchSubmit')}
      </button>
    </form>
  );
}

const FACETS: Array<{ key: ListFilter; facet: 'outlet' | 'entity' | 'type'; label: LabelKey }> = [
  { key: 'type', facet: 'type', label: 'facetType' },
  { key: 'outlet', facet: 'outlet', label: 'facetOutlet' },
  { key: 'entity', facet: 'entity', label: 'facetEntity' },
];

function FacetList({ title, testId, items, isActive, onPick, render }: {
  title: string;
  testId: string;
  items: FacetCount[];
  isActive: (value: string) => boolean;
  onPick: (value: string) => void;
  render: (item: FacetCount) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (items.length === 0) return null;
  const shown = open ? items : items.slice(0, 8);
  return (
    <section className="facet" data-testid={testId}>
      <h3>{title}</h3>
      <ul>
        {shown.map((item) => (
          <li key={item.value}>
            <button type="button" data-testid="facet-item" data-value={item.value} aria-pressed={isActive(item.value)} className={isActive(item.value) ? 'facet-item active' : 'facet-item'} onClick={() => onPick(item.value)}>
              <span className="facet-label">{render(item)}</span>
              <span className="facet-count">{item.count}</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length > 8 ? (
        <button type="button" className="link-button" onClick={() => setOpen(!open)}>
          {open ? '−' : `+ ${items.length - 8}`}
        </button>
      ) : null}
    </section>
  );
}

export function SearchPage() {
  const { t, lang, code, noun } = useLang();
  const location = useLocation();
  const filters = parseFilters(location.search);
  const offset = Math.max(0, Number.parseInt(location.search.get('offset') ?? '0', 10) || 0);
  const result = useApi<SearchResponse>(api.search(filters, { limit: LIMIT, offset }));
  const go = (next: Filters, nextOffset = 0) => navigate(paths.search(filterParams(next, nextOffset ? { offset: nextOffset } : {}).toString()));
  const dayActive = (day: string) => filters.from === day && filters.to === day;
  const pickDay = (day: string) => go(dayActive(day) ? { ...filters, from: undefined, to: undefined } : { ...filters, from: day, to: day });

  return (
    <Page ready={result.status !== 'loading'} title={filters.q ?? t('navSearch')} className="search-page">
      <SearchBox key={filters.q ?? ''} initial={filters.q ?? ''} keep={{ ...filters, q: undefined }} />
      <div className="toolbar">
        {result.status === 'ok' ? (
          <p className="total" data-testid="search-total" data-total={result.data.total}>
            {result.data.total} {noun('result', result.data.total)}
          </p>
        ) : null}
        <ActiveFilters filters={filters} onChange={(next) => go(next)} keepQuery />
        {!isEmpty({ ...filters, q: undefined }) ? (
          <button type="button" className="link-button" onClick={() => go({ q: filters.q })}>
            {t('clearFilters')}
          </button>
        ) : null}
        <ExportButtons filters={filters} />
      </div>
      {result.status === 'loading' ? <Loading /> : null}
      {result.status === 'error' ? <ErrorBox error={result.error} retry={result.retry} /> : null}
      {result.status === 'ok' ? (
        <div className="search-layout">
          <aside className="facets">
            {FACETS.map(({ key, facet, label }) => (
              <FacetList
                key={key}
                title={t(label)}
                testId={`facet-${facet}`}
                items={result.data.facets?.[facet] ?? []}
                isActive={(v) => filters[key]?.includes(v) ?? false}
                onPick={(v) => go(toggleFilter(filters, key, v))}
                render={(item) =>
                  facet === 'type' ? (
                    <>
                      <TypeDot type={item.value} />
                      {code(item.value)}
                    </>
                  ) : (
                    (item.label ?? item.value)
                  )
                }
              />
            ))}
            <FacetList
              title={t('facetDay')}
              testId="facet-day"
              items={result.data.facets?.day ?? []}
              isActive={dayActive}
              onPick={pickDay}
              render={(item) => formatDate(item.value, lang)}
            />
          </aside>
          <div className="hits">
            {result.data.hits.length === 0 ? <Empty>{t('noResults')}</Empty> : null}
            <ol className="hit-list">
              {result.data.hits.map((hit) => (
                <li key={hit.id} data-testid="search-hit" className="hit">
                  <h3 lang="ar" dir="rtl">
                    <Link to={paths.article(hit.id)}>{hit.title ? <Marked text={hit.title} highlights={hit.titleHighlights} /> : t('untitled')}</Link>
                  </h3>
                  <HitMeta hit={hit} />
                  {hit.snippet ? (
                    <p className="snippet" lang="ar" dir="rtl">
                      {/* The snippet text carries its own «…» where it cuts the article (store/search/snippet.ts). */}
                      <Marked text={hit.snippet.text} highlights={hit.snippet.highlights} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            <Pager total={result.data.total} limit={LIMIT} offset={offset} onPage={(o) => go(filters, o)} />
          </div>
        </div>
      ) : null}
    </Page>
  );
}

function TypeDot({ type }: { type: string }) {
  return <span className="swatch" style={{ background: eventColor(type) }} aria-hidden="true" />;
}
