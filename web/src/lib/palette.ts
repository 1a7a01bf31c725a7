// Colours for PLOVER event types, entity types and highlight kinds (map points, timeline bars, reader highlights).
// The event types are the engine's (type-only import): a type added there without a colour here fails to compile.
import type { EventType } from '../../../src/engine/stages/events/lexicon.js';

/**
 * One colour per PLOVER type, written in the order the types stack and list: cooperation (greens, blues) first,
 * then verbal conflict (ambers), then material conflict (reds, purples), so a chart reads from calm to violent.
 */
const EVENT_COLORS: Record<EventType, string> = {
  AGREE: '#1b7f5a',
  CONSULT: '#3aa17e',
  SUPPORT: '#7cc08f',
  COOPERATE: '#2f7fb5',
  AID: '#5fa8d3',
  CONCEDE: '#8fb8a8',
  RETREAT: '#9aa4b8',
  REQUEST: '#c9a227',
  ACCUSE: '#e08a1e',
  REJECT: '#b8741a',
  THREATEN: '#d95f02',
  PROTEST: '#e7298a',
  DISMISS: '#8c6bb1',
  SANCTION: '#7b3294',
  MOBILIZE: '#a6611a',
  COERCE: '#b2182b',
  ASSAULT: '#67000d',
};

/** The event types in stacking order: the colour table's own order, so the two cannot drift apart. */
export const EVENT_TYPE_ORDER = Object.keys(EVENT_COLORS) as EventType[];

export const ENTITY_COLORS: Record<string, string> = {
  PER: '#1f5fa8',
  ORG: '#7a3db8',
  GPE: '#0f7b6c',
  LOC: '#3f8f3a',
  FAC: '#8a5a14',
  NORP: '#b0436e',
  MEDIA: '#5b6470',
  MISC: '#6b6b6b',
};

const FALLBACK = '#777777';

export function eventColor(type: string): string {
  return (EVENT_COLORS as Record<string, string | undefined>)[type] ?? FALLBACK;
}

export function entityColor(type: string): string {
  return ENTITY_COLORS[type] ?? FALLBACK;
}

/** Types sorted in the palette order (unknown ones last, alphabetically). */
export function sortEventTypes(types: Iterable<string>): string[] {
  const rank = (t: string) => {
    const i = (EVENT_TYPE_ORDER as readonly string[]).indexOf(t);
    return i < 0 ? EVENT_TYPE_ORDER.length : i;
  };
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
