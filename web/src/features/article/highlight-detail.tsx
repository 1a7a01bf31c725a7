// What was extracted at a highlighted spot: the entity, quote and event facts covering it, with their evidence.
import type { CSSProperties, ReactNode } from 'react';
import type { Analysis } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import type { Annotation } from '../../lib/highlights.js';
import { formatDate } from '../../lib/dates.js';
import { paths } from '../../lib/routes.js';
import { Link } from '../../router.js';
import { TypeChip, useName } from '../common/parts.js';
import type { Fact } from './annotations.js';
import { annotationColor } from './highlighted-text.js';

type EntityRef = { entity: string | null; text: string };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** An entity reference: the linked entity's name (a link to its page) and the words that named it. */
function RefView({ refs, analysis }: { refs: EntityRef[]; analysis: Analysis }) {
  const name = useName();
  const { t } = useLang();
  if (refs.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {refs.map((ref, i) => {
        const entity = ref.entity ? analysis.entities.find((e) => e.id === ref.entity) : undefined;
        return (
          <span key={i} className="ref">
            {i > 0 ? '، ' : null}
            {ref.entity ? (
              <Link data-testid="entity-link" to={paths.entity(ref.entity)} title={t('entityPage')}>
                {entity ? name(entity.name) : ref.text}
              </Link>
            ) : (
              <span>{ref.text}</span>
            )}
            {entity && name(entity.name) !== ref.text ? <span className="muted"> «{ref.text}»</span> : null}
          </span>
        );
      })}
    </>
  );
}

function FactView({ annotation, analysis }: { annotation: Annotation<Fact>; analysis: Analysis }) {
  const { t, code, lang } = useLang();
  const name = useName();
  const fact = annotation.ref;
  const style = { '--hl': annotationColor(annotation) } as CSSProperties;
  if (fact.kind === 'entity') {
    const entity = analysis.entities[fact.entity];
    if (!entity) return null;
    const mention = entity.mentions[fact.mention];
    return (
      <article className="fact fact-entity" style={style} data-kind="entity">
        <header>
          <span className="fact-kind">{t('kindEntity')}</span> <span className="fact-type">{code(entity.type)}</span>
        </header>
        <dl>
          <Row label={t('entity')}>
            <Link data-testid="entity-link" to={paths.entity(entity.id)}>
              {name(entity.name)}
            </Link>
            {entity.name.en && lang === 'ar' ? (
              <span className="muted" lang="en" dir="ltr">
                {' '}
                ({entity.name.en})
              </span>
            ) : null}
          </Row>
          {mention ? <Row label={t('evidence')}>«{mention.text}»</Row> : null}
          <Row label={t('kbId')}>
            <code dir="ltr">{entity.kb ?? entity.id}</code>
          </Row>
          {entity.geo ? (
            <Row label={t('coordinates')}>
              <span dir="ltr">
                {entity.geo.lat.toFixed(2)}, {entity.geo.lon.toFixed(2)}
                {entity.geo.country ? ` (${entity.geo.country})` : ''}
              </span>
            </Row>
          ) : null}
        </dl>
      </article>
    );
  }
  if (fact.kind === 'quote') {
    const quote = analysis.quotes[fact.quote];
    if (!quote) return null;
    return (
      <article className="fact fact-quote" style={style} data-kind="quote">
        <header>
          <span className="fact-kind">{t('kindQuote')}</span> <span className="fact-type">{quote.direct ? t('direct') : t('indirect')}</span>
        </header>
        <dl>
          <Row label={t('speaker')}>
            <RefView refs={[quote.speaker]} analysis={analysis} />
          </Row>
          <Row label={t('cue')}>{quote.cue}</Row>
          {quote.channel ? <Row label={t('channel')}>{quote.channel}</Row> : null}
          {quote.via.length > 0 ? <Row label={t('via')}>{quote.via.join('، ')}</Row> : null}
          <Row label={t('kindQuote')}>«{quote.content.text}»</Row>
        </dl>
        {quote.evidence ? (
          <blockquote className="evidence" lang="ar" dir="rtl">
            {quote.evidence.text}
          </blockquote>
        ) : null}
      </article>
    );
  }
  const event = analysis.events[fact.event];
  if (!event) return null;
  const size = Object.entries(event.size);
  return (
    <article className="fact fact-event" style={style} data-kind="event">
      <header>
        <span className="fact-kind">{t('kindEvent')}</span> <TypeChip type={event.type} />
        {event.mode ? <span className="muted">{event.mode}</span> : null}
        {event.cameo ? (
          <code className="muted" dir="ltr">
            CAMEO {event.cameo}
          </code>
        ) : null}
      </header>
      <dl>
        <Row label={`${t('actor')} ← ${t('recipient')}`}>
          <RefView refs={event.actor} analysis={analysis} /> <span aria-hidden="true">←</span> <RefView refs={event.recipient} analysis={analysis} />
        </Row>
        <Row label={t('place')}>{event.location ? <RefView refs={[event.location]} analysis={analysis} /> : <span className="muted">—</span>}</Row>
        <Row label={t('date')}>{event.date ? <time dateTime={event.date}>{formatDate(event.date, lang, true)}</time> : <span className="muted">—</span>}</Row>
        <Row label={t('modality')}>{code(event.modality)}</Row>
        {size.length > 0 ? (
          <Row label={t('size')}>
            {size.map(([k, v]) => `${code(k)}: ${v}`).join('، ')}
          </Row>
        ) : null}
        <Row label={t('confidence')}>{Math.round(event.confidence * 100)}%</Row>
      </dl>
      <blockquote className="evidence" lang="ar" dir="rtl">
        {event.evidence.text}
      </blockquote>
    </article>
  );
}

export function HighlightDetail({ annotations, analysis, pinned, onClose }: {
  annotations: Array<Annotation<Fact>>;
  analysis: Analysis;
  pinned: boolean;
  onClose: () => void;
}) {
  const { t } = useLang();
  return (
    <div className={pinned ? 'detail pinned' : 'detail'} data-testid="highlight-detail" role="region" aria-live="polite" aria-label={t('evidence')}>
      {pinned ? (
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      ) : null}
      {annotations.map((annotation, i) => (
        <FactView key={i} annotation={annotation} analysis={analysis} />
      ))}
    </div>
  );
}
