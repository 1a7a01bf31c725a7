// ACLED-style CSV of protest and violence events, mapped from PLOVER PROTEST, ASSAULT and COERCE modes.
//
// Mapping (PLOVER type/mode → ACLED event_type / sub_event_type):
//   PROTEST demo, strike, hunger, boycott, obstruct, none → Protests / Peaceful protest
//           (→ Protests / Protest with intervention when the article reports arrests in it: size.arrested)
//   PROTEST riot, vandalize                    → Riots / Violent demonstration
//   ASSAULT suicide-attack                     → Explosions/Remote violence / Suicide bomb
//   ASSAULT explosives                         → Explosions/Remote violence / Remote explosive/landmine/IED
//   ASSAULT aerial, drone                      → Explosions/Remote violence / Air/drone strike
//   ASSAULT heavy-weapons                      → Explosions/Remote violence / Shelling/artillery/missile attack
//   ASSAULT unconventional                     → Explosions/Remote violence / Chemical weapon
//   ASSAULT firearms                           → Battles / Armed clash
//   ASSAULT crowd-control                      → Protests / Excessive force against protesters
//   ASSAULT abduct                             → Violence against civilians / Abduction/forced disappearance
//   ASSAULT sexual                             → Violence against civilians / Sexual violence
//   ASSAULT targeted, beat, torture, primitive, none → Violence against civilians / Attack
//   ASSAULT destroy                            → Strategic developments / Looting/property destruction
//   COERCE  arrest                             → Strategic developments / Arrests
// Other types and COERCE modes are not protest or violence and are left out, as are events whose modality
// is negated, hypothetical or future (ACLED records what happened).
// geo_precision: 1 facility or city, 2 region (a part of a province), 3 country-level only.
// fatalities: size.dead when it is a number; empty when unreported or only a magnitude word («العشرات»).
import type { Analysis, Event } from '../model/analysis.js';
import { csvLine, type CsvOptions, type ExportExtra } from './csv.js';

export interface AcledType {
  eventType: string;
  subEventType: string;
}

const PEACEFUL: AcledType = { eventType: 'Protests', subEventType: 'Peaceful protest' };
const RIOT: AcledType = { eventType: 'Riots', subEventType: 'Violent demonstration' };
const ATTACK: AcledType = { eventType: 'Violence against civilians', subEventType: 'Attack' };
const REMOTE = 'Explosions/Remote violence';

const ASSAULT_MODES: Readonly<Record<string, AcledType>> = {
  'suicide-attack': { eventType: REMOTE, subEventType: 'Suicide bomb' },
  explosives: { eventType: REMOTE, subEventType: 'Remote explosive/landmine/IED' },
  aerial: { eventType: REMOTE, subEventType: 'Air/drone strike' },
  drone: { eventType: REMOTE, subEventType: 'Air/drone strike' },
  'heavy-weapons': { eventType: REMOTE, subEventType: 'Shelling/artillery/missile attack' },
  unconventional: { eventType: REMOTE, subEventType: 'Chemical weapon' },
  firearms: { eventType: 'Battles', subEventType: 'Armed clash' },
  'crowd-control': { eventType: 'Protests', subEventType: 'Excessive force against protesters' },
  abduct: { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
  sexual: { eventType: 'Violence against civilians', subEventType: 'Sexual violence' },
  targeted: ATTACK,
  beat: ATTACK,
  torture: ATTACK,
  primitive: ATTACK,
  destroy: { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' },
};

/** The ACLED type of an event, or null when the event is not protest or violence. */
export function acledType(event: Pick<Event, 'type' | 'mode' | 'size'>): AcledType | null {
  switch (event.type) {
    case 'PROTEST':
      if (event.mode === 'riot' || event.mode === 'vandalize') return RIOT;
      if (typeof event.size.arrested === 'number' && event.size.arrested > 0) {
        return { eventType: 'Protests', subEventType: 'Protest with intervention' };
      }
      return PEACEFUL;
    case 'ASSAULT':
      return (event.mode ? ASSAULT_MODES[event.mode] : undefined) ?? ATTACK;
    case 'COERCE':
      return event.mode === 'arrest' ? { eventType: 'Strategic developments', subEventType: 'Arrests' } : null;
    default:
      return null;
  }
}

const GEO_PRECISION = { facility: 1, city: 1, region: 2, country: 3 } as const;
const EXCLUDED_MODALITY: ReadonlySet<string> = new Set(['negated', 'hypothetical', 'future']);

export const ACLED_COLUMNS = [
  'event_id', 'event_date', 'year', 'event_type', 'sub_event_type', 'actor1', 'actor2',
  'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision',
  'fatalities', 'injuries', 'source', 'source_url', 'notes', 'story_id', 'article_id',
] as const;

export function acledCsvHeader(options: CsvOptions = {}): string {
  return csvLine(ACLED_COLUMNS, options);
}

function dateOf(value: string | null): string | null {
  const m = value ? /^\d{4}-\d{2}-\d{2}/.exec(value) : null;
  return m ? m[0] : null;
}

/** One line per protest or violence event of the article. */
export function acledCsvRows(analysis: Analysis, extra: ExportExtra = {}, options: CsvOptions = {}): string {
  const byId = new Map(analysis.entities.map((e) => [e.id, e]));
  const a = analysis.article;
  let out = '';
  analysis.events.forEach((ev, i) => {
    if (EXCLUDED_MODALITY.has(ev.modality)) return;
    const type = acledType(ev);
    if (!type) return;
    const loc = ev.location?.entity ? byId.get(ev.location.entity) : undefined;
    const geo = loc?.geo ?? null;
    const date = dateOf(ev.date) ?? dateOf(a.published);
    const name = (ref: { entity: string | null; text: string }) => {
      const e = ref.entity ? byId.get(ref.entity) : undefined;
      return e && !e.id.startsWith('nil:') ? e.name.ar : ref.text;
    };
    out += csvLine(
      [
        `${a.id}-e${i}`, date, date?.slice(0, 4), type.eventType, type.subEventType,
        ev.actor.map(name).join('; '), ev.recipient.map(name).join('; '),
        geo?.country, geo?.admin1, ev.location ? name(ev.location) : null, geo?.lat, geo?.lon,
        geo?.level ? GEO_PRECISION[geo.level] : null,
        typeof ev.size.dead === 'number' ? ev.size.dead : null,
        typeof ev.size.injured === 'number' ? ev.size.injured : null,
        a.outlet, a.url, ev.evidence.text, extra.story?.id, a.id,
      ],
      options,
    );
  });
  return out;
}
