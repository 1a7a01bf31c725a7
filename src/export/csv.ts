// RFC 4180 CSV: quoting, CRLF line ends, an optional UTF-8 BOM for Excel, and the events/entities/quotes tables.
import type { Analysis, Entity } from '../model/analysis.js';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Prefix a cell starting with = + - @ (or a tab/CR) with an apostrophe, so a spreadsheet shows a quoted
   * headline like «=الحرب» as text instead of running it as a formula. Off by default: it alters the data.
   */
  escapeFormulas?: boolean;
}

/** The UTF-8 byte order mark; write it once at the start of a file so Excel opens Arabic as UTF-8, not cp1256. */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it holds a comma, quote, CR or LF; quotes doubled (RFC 4180 §2.6–2.7). */
export function csvField(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (options.escapeFormulas && FORMULA_START.test(s)) s = "'" + s;
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: readonly CsvValue[], options: CsvOptions = {}): string {
  return values.map((v) => csvField(v, options)).join(',') + '\r\n';
}

/** Extra per-article columns the store knows and the Analysis does not. */
export interface ExportExtra {
  story?: { id: string; title: string | null } | null;
  duplicateOf?: string | null;
}

function entityIndex(analysis: Analysis): Map<string, Entity> {
  return new Map(analysis.entities.map((e) => [e.id, e]));
}

function joinList(values: readonly string[]): string {
  return values.join('; ');
}

export const EVENTS_COLUMNS = [
  'article_id', 'event_index', 'story_id', 'outlet', 'published', 'url',
  'type', 'mode', 'context', 'cameo', 'modality', 'confidence', 'date',
  'actor', 'actor_ids', 'recipient', 'recipient_ids',
  'location', 'location_id', 'latitude', 'longitude', 'country', 'admin1', 'geo_level',
  'dead', 'injured', 'arrested', 'participants',
  'evidence', 'evidence_field', 'evidence_start', 'evidence_end',
] as const;

export function eventsCsvHeader(options: CsvOptions = {}): string {
  return csvLine(EVENTS_COLUMNS, options);
}

/** One line per event of the article (none when it has no events). Lists inside a cell are joined with "; ". */
export function eventsCsvRows(analysis: Analysis, extra: ExportExtra = {}, options: CsvOptions = {}): string {
  const byId = entityIndex(analysis);
  const a = analysis.article;
  let out = '';
  analysis.events.forEach((ev, i) => {
    const loc = ev.location?.entity ? byId.get(ev.location.entity) : undefined;
    out += csvLine(
      [
        a.id, i, extra.story?.id, a.outlet, a.published, a.url,
        ev.type, ev.mode, joinList(ev.context ?? []), ev.cameo, ev.modality, ev.confidence, ev.date,
        joinList(ev.actor.map((r) => r.text)), joinList(ev.actor.map((r) => r.entity ?? '')),
        joinList(ev.recipient.map((r) => r.text)), joinList(ev.recipient.map((r) => r.entity ?? '')),
        ev.location?.text, ev.location?.entity, loc?.geo?.lat, loc?.geo?.lon, loc?.geo?.country, loc?.geo?.admin1, loc?.geo?.level,
        ev.size.dead, ev.size.injured, ev.size.arrested, ev.size.participants,
        ev.evidence.text, ev.evidence.field ?? 'text', ev.evidence.start, ev.evidence.end,
      ],
      options,
    );
  });
  return out;
}

export const ENTITIES_COLUMNS = [
  'article_id', 'story_id', 'entity_id', 'type', 'name_ar', 'name_en', 'kb',
  'latitude', 'longitude', 'country', 'admin1', 'geo_level', 'mentions', 'first_mention', 'first_start', 'first_field',
] as const;

export function entitiesCsvHeader(options: CsvOptions = {}): string {
  return csvLine(ENTITIES_COLUMNS, options);
}

export function entitiesCsvRows(analysis: Analysis, extra: ExportExtra = {}, options: CsvOptions = {}): string {
  let out = '';
  for (const e of analysis.entities) {
    const first = e.mentions[0];
    out += csvLine(
      [
        analysis.article.id, extra.story?.id, e.id, e.type, e.name.ar, e.name.en, e.kb,
        e.geo?.lat, e.geo?.lon, e.geo?.country, e.geo?.admin1, e.geo?.level,
        e.mentions.length, first?.text, first?.start, first ? (first.field ?? 'text') : null,
      ],
      options,
    );
  }
  return out;
}

export const QUOTES_COLUMNS = [
  'article_id', 'story_id', 'quote_index', 'speaker', 'speaker_id', 'cue', 'direct', 'channel', 'via',
  'content', 'content_field', 'content_start', 'content_end',
] as const;

export function quotesCsvHeader(options: CsvOptions = {}): string {
  return csvLine(QUOTES_COLUMNS, options);
}

export function quotesCsvRows(analysis: Analysis, extra: ExportExtra = {}, options: CsvOptions = {}): string {
  let out = '';
  analysis.quotes.forEach((q, i) => {
    out += csvLine(
      [
        analysis.article.id, extra.story?.id, i, q.speaker.text, q.speaker.entity, q.cue, q.direct, q.channel, joinList(q.via),
        q.content.text, q.content.field ?? 'text', q.content.start, q.content.end,
      ],
      options,
    );
  });
  return out;
}
