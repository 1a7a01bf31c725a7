// PLOVER JSONL records: one record per event, with the field names of the PLOVER manual's "Data Fields" chapter.
//
// Mapping (Analysis event → PLOVER record):
//   id          `<article id>-e<index>` (unique within an export)
//   date/time   the event's resolved date (YYYY-MM-DD, and the time part when it has one), else the article's date
//   event       [type]            mode → [mode] or []           context → context or []
//   actor, recipient  entity objects: entity_text (the words in the article), identifier_id (marsad/KB id),
//               identifier_text (English or Arabic canonical name), code (country full English name, the
//               manual's default, for a country entity or the entity's country); sector is left out (not coded)
//   event_loc   location object: extracted_place, resolved_place, lat, lon, country_code (ISO 3166 alpha-2:
//               marsad has no alpha-3 table), country, province (admin1), resolution (1 country … 4 city, 5 facility)
//   event_text  [evidence text]    text_info {start, end, field}  (offsets into the article's cleaned text)
//   size        {dead, injured, arrested, participants} as extracted (a number or a magnitude word)
//   link        the story id, so reports of one happening share a reference (manual note 4)
//   cite_info   {url, title, publication (outlet), language, coder: "marsad", codebook: "plover-base"}
//   comment     the modality when it is not "asserted" (reported, future…), and the confidence
import type { Analysis, Entity } from '../model/analysis.js';
import type { ExportExtra } from './csv.js';

export interface PloverEntity {
  entity_text: string;
  identifier_id?: string;
  identifier_text?: string;
  code?: string;
}

export interface PloverLocation {
  extracted_place: string;
  resolved_place?: string;
  lat?: number;
  lon?: number;
  country_code?: string | null;
  country?: string;
  province?: string | null;
  resolution?: number;
}

export interface PloverRecord {
  id: string;
  has_event: true;
  date: string | null;
  time?: string;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[];
  context: string[];
  event_loc: PloverLocation | null;
  event_text: string[];
  text_info: { start: number; end: number; field: string };
  size: Record<string, number | string>;
  link: string | null;
  cite_info: { url: string | null; title: string | null; publication: string | null; language: string; coder: string; codebook: string };
  comment?: string;
}

const RESOLUTION = { country: 1, region: 2, city: 4, facility: 5 } as const;

let regionNames: Intl.DisplayNames | undefined;

/** The English short name of an ISO 3166 alpha-2 code («SA» → "Saudi Arabia"), or the code when unknown. */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    // Node built without full ICU: the code is still a valid identifier, only less readable.
    return code;
  }
}

function ploverEntity(ref: { entity: string | null; text: string }, byId: Map<string, Entity>): PloverEntity {
  const out: PloverEntity = { entity_text: ref.text };
  const e = ref.entity ? byId.get(ref.entity) : undefined;
  if (e && !e.id.startsWith('nil:')) {
    out.identifier_id = e.id;
    out.identifier_text = e.name.en ?? e.name.ar;
  }
  const country = e?.geo?.country ?? (e?.id.startsWith('iso:') ? e.id.slice(4) : null);
  if (country) out.code = countryName(country);
  return out;
}

function splitDate(value: string | null): { date: string | null; time?: string } {
  if (!value) return { date: null };
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(.+))?/.exec(value.split('/')[0] ?? '');
  if (!m) return { date: null };
  return m[2] ? { date: m[1] as string, time: m[2] } : { date: m[1] as string };
}

/** The PLOVER records of an article's events, in event order. */
export function toPloverRecords(analysis: Analysis, extra: ExportExtra = {}): PloverRecord[] {
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  const a = analysis.article;
  return analysis.events.map((ev, i) => {
    const when = ev.date ? splitDate(ev.date) : splitDate(a.published);
    const locEntity = ev.location?.entity ? byId.get(ev.location.entity) : undefined;
    let event_loc: PloverLocation | null = null;
    if (ev.location) {
      event_loc = { extracted_place: ev.location.text };
      if (locEntity) {
        event_loc.resolved_place = locEntity.name.en ?? locEntity.name.ar;
        if (locEntity.geo) {
          event_loc.lat = locEntity.geo.lat;
          event_loc.lon = locEntity.geo.lon;
          event_loc.country_code = locEntity.geo.country;
          if (locEntity.geo.country) event_loc.country = countryName(locEntity.geo.country);
          event_loc.province = locEntity.geo.admin1 ?? null;
          if (locEntity.geo.level) event_loc.resolution = RESOLUTION[locEntity.geo.level];
        }
      }
    }
    const record: PloverRecord = {
      id: `${a.id}-e${i}`,
      has_event: true,
      date: when.date,
      ...(when.time ? { time: when.time } : {}),
      actor: ev.actor.map((r) => ploverEntity(r, byId)),
      recipient: ev.recipient.map((r) => ploverEntity(r, byId)),
      event: [ev.type],
      mode: ev.mode ? [ev.mode] : [],
      context: ev.context ?? [],
      event_loc,
      event_text: [ev.evidence.text],
      text_info: { start: ev.evidence.start, end: ev.evidence.end, field: ev.evidence.field ?? 'text' },
      size: { ...ev.size },
      link: extra.story?.id ?? null,
      cite_info: { url: a.url, title: a.title, publication: a.outlet, language: a.language, coder: 'marsad', codebook: 'plover-base' },
    };
    const notes = [ev.modality !== 'asserted' ? `modality: ${ev.modality}` : '', `confidence: ${ev.confidence}`].filter(Boolean);
    record.comment = notes.join('; ');
    return record;
  });
}

/** The PLOVER records of an article as JSONL lines, each ending in "\n". */
export function toPloverJsonl(analysis: Analysis, extra: ExportExtra = {}): string {
  return toPloverRecords(analysis, extra)
    .map((r) => JSON.stringify(r) + '\n')
    .join('');
}
