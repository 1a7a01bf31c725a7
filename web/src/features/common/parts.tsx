// Small shared pieces: marked text, hit lists, export buttons, pager, type chips and legends.
import type { SearchHit } from '../../api.js';
import { api } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { formatDate } from '../../lib/dates.js';
import type { Filters } from '../../lib/filters.js';
import { splitMarks } from '../../lib/marks.js';
import { eventColor } from '../../lib/palette.js';
import { paths } from '../../lib/routes.js';
import { Link } from '../../router.js';

/** Text with <mark>s at the highlight offsets, all rendered as text nodes. */
export function Marked({ text, highlights }: { text: string; highlights: ReadonlyArray<{ start: number; end: number }> }) {
  return (
    <>
      {splitMarks(text, highlights).map((run, i) => (run.mark ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </>
  );
}

/** An entity's name in the UI language (English when asked and known). */
export function useName(): (name: { ar: string; en?: string | null } | string | null | undefined) => string {
  const { lang } = useLang();
  return (name) => {
    if (!name) return '';
    if (typeof name === 'string') return name;
    return (lang === 'en' && name.en) || name.ar;
  };
}

export function HitMeta({ hit, story = true }: { hit: SearchHit; story?: boolean }) {
  const { t, lang } = useLang();
  return (
    <div className="meta">
      {hit.outlet ? <span className="outlet">{hit.outlet}</span> : null}
      {hit.published ? <time dateTime={hit.published}>{formatDate(hit.published, lang)}</time> : null}
      {story && hit.story ? (
        <Link className="story-link" to={paths.story(hit.story.id)}>
          {t('story')}: {hit.story.title ?? t('untitled')}
        </Link>
      ) : null}
      {hit.duplicateOf ? <span className="badge">{t('duplicateBadge')}</span> : null}
    </div>
  );
}

/** A list of articles (search hits without snippets), linking to the reader. */
export function ArticleList({ hits, testId, story = true }: { hits: SearchHit[]; testId?: string; story?: boolean }) {
  const { t } = useLang();
  return (
    <ol className="article-list" data-testid={testId}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <Link to={paths.article(hit.id)} lang="ar" dir="rtl">
            {hit.title ?? t('untitled')}
          </Link>
          <HitMeta hit={hit} story={story} />
        </li>
      ))}
    </ol>
  );
}

/** Download links for the events matching `filters` (JSONL, CSV, ACLED). */
export function ExportButtons({ filters }: { filters: Filters }) {
  const { t } = useLang();
  return (
    <div className="export" role="group" aria-label={t('exportHint')} title={t('exportHint')}>
      <span className="export-label">{t('export')}:</span>
      <a className="button small" data-testid="export-jsonl" href={api.export('jsonl', filters)} download>
        {t('exportJsonl')}
      </a>
      <a className="button small" data-testid="export-csv" href={api.export('csv', filters)} download>
        {t('exportCsv')}
      </a>
      <a className="button small" data-testid="export-acled" href={api.export('acled', filters)} download>
        {t('exportAcled')}
      </a>
    </div>
  );
}

export function Pager({ total, limit, offset, onPage }: { total: number; limit: number; offset: number; onPage: (offset: number) => void }) {
  const { t } = useLang();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav className="pager" aria-label={t('page')} data-testid="pager">
      <button type="button" data-testid="pager-prev" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t('prev')}
      </button>
      <span>
        {t('page')} {page} / {pages}
      </span>
      <button type="button" data-testid="pager-next" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        {t('next')}
      </button>
    </nav>
  );
}

export function TypeChip({ type, count }: { type: string; count?: number }) {
  const { code } = useLang();
  return (
    <span className="chip" title={type}>
      <span className="swatch" style={{ background: eventColor(type) }} aria-hidden="true" />
      {code(type)}
      {count !== undefined ? <span className="chip-count">{count}</span> : null}
    </span>
  );
}

/** A legend of event types (colour swatch and name), in the given order. */
export function TypeLegend({ types, testId = 'type-legend' }: { types: string[]; testId?: string }) {
  const { t } = useLang();
  if (types.length === 0) return null;
  return (
    <ul className="legend" aria-label={t('legend')} data-testid={testId}>
      {types.map((type) => (
        <li key={type}>
          <TypeChip type={type} />
        </li>
      ))}
    </ul>
  );
}
