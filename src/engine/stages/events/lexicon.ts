// The event lexicon (triggers → PLOVER/CAMEO, refiners, word classes, agent nouns) from resources/events/event-lexicon.tsv.
import { readFileSync } from 'node:fs';
import { MarsadError } from '../../../model/errors.js';
import { createPhraseIndex, type PhraseIndex } from './words.js';

/** The sixteen PLOVER v2.0 event types, and marsad's extension DISMISS (an official removed by a superior). */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export const EXTENSION_TYPES = ['DISMISS'] as const;
export type EventType = (typeof PLOVER_TYPES)[number] | (typeof EXTENSION_TYPES)[number];
const TYPES: ReadonlySet<string> = new Set<string>([...PLOVER_TYPES, ...EXTENSION_TYPES]);

export interface Trigger {
  type: EventType;
  mode: string | null;
  cameo: string | null;
  context: string[];
  /** A verbal noun or phrase: its actor is the clause's subject, not the word after it. */
  noun: boolean;
  /** A verb that reads as passive when a victim or number follows («قُتل عشرات المتظاهرين»). */
  passive: boolean;
  /** A circumstantial participle («محمّلين») that shares the subject of the clause before it. */
  adverbial: boolean;
  /** A word class that must occur near the trigger («تجمع» is a protest only with «المتظاهرين» near). */
  needs: string | null;
  /** Where the recipient is: 'object', 'genitive', or a preposition («إلى», «مع», «ب»). */
  recipient: string | null;
  /** A second event for the recipient («إرسال قوات حفظ السلام إلى X» → X's RETREAT/access). */
  host: { type: EventType; mode: string | null; cameo: string | null } | null;
}

export interface Refiner {
  type: EventType;
  mode: string;
  cameo: string | null;
  context: string[];
}

export interface EventLexicon {
  triggers: PhraseIndex<Trigger[]>;
  refiners: PhraseIndex<Refiner[]>;
  /** Word classes by name (crowd, victim, negation, future, placehead…). */
  classes: ReadonlyMap<string, PhraseIndex<true>>;
  /** Agent nouns → PLOVER sector (الشرطة → COP). */
  agents: PhraseIndex<string>;
}

const HEADER = ['kind', 'form', 'type', 'mode', 'cameo', 'context', 'flags'];

/** Parses the TSV text of an event lexicon; `source` names the file in errors. */
export function parseEventLexicon(text: string, source = 'event lexicon'): EventLexicon {
  const triggers = new Map<string, Trigger[]>();
  const refiners = new Map<string, Refiner[]>();
  const classes = new Map<string, Array<{ phrase: string; value: true }>>();
  const agents: Array<{ phrase: string; value: string }> = [];
  let header = false;
  const lines = text.split(/\r?\n/u);
  lines.forEach((line, n) => {
    if (line.startsWith('#') || line.trim() === '') return;
    const cols = line.split('\t');
    const where = `${source}:${n + 1}`;
    if (!header) {
      if (HEADER.some((h, i) => cols[i] !== h)) throw new MarsadError('E_RESOURCE', `${where}: expected the header "${HEADER.join('<TAB>')}", found "${line}"`);
      header = true;
      return;
    }
    const [kind = '', form = '', type = '', mode = '', cameo = '', context = '', flags = ''] = cols;
    if (!form) throw new MarsadError('E_RESOURCE', `${where}: empty form`);
    if (kind === 'trigger' || kind === 'refine') {
      if (!TYPES.has(type)) throw new MarsadError('E_RESOURCE', `${where}: unknown event type "${type}"; expected one of ${[...TYPES].join(', ')}`);
      const contexts = context.split(';').map((c) => c.trim()).filter((c) => c.length > 0);
      if (kind === 'refine') {
        if (!mode) throw new MarsadError('E_RESOURCE', `${where}: a refine row needs a mode`);
        push(refiners, form, { type: type as EventType, mode, cameo: cameo || null, context: contexts });
        return;
      }
      push(triggers, form, { type: type as EventType, mode: mode || null, cameo: cameo || null, context: contexts, ...parseFlags(flags, where) });
    } else if (kind === 'class') {
      const list = classes.get(type) ?? [];
      list.push({ phrase: form, value: true });
      classes.set(type, list);
    } else if (kind === 'agent') {
      agents.push({ phrase: form, value: type });
    } else {
      throw new MarsadError('E_RESOURCE', `${where}: unknown kind "${kind}"; expected trigger, refine, class or agent`);
    }
  });
  if (!header) throw new MarsadError('E_RESOURCE', `${source}: no header row found`);
  return {
    triggers: createPhraseIndex([...triggers].map(([phrase, value]) => ({ phrase, value }))),
    refiners: createPhraseIndex([...refiners].map(([phrase, value]) => ({ phrase, value }))),
    classes: new Map([...classes].map(([name, list]) => [name, createPhraseIndex(list)])),
    agents: createPhraseIndex(agents),
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function parseFlags(flags: string, where: string): Omit<Trigger, 'type' | 'mode' | 'cameo' | 'context'> {
  const out: Omit<Trigger, 'type' | 'mode' | 'cameo' | 'context'> = { noun: false, passive: false, adverbial: false, needs: null, recipient: null, host: null };
  for (const flag of flags.split(/\s+/u).filter((f) => f.length > 0)) {
    const [name, value = ''] = flag.split('=');
    if (name === 'noun') out.noun = true;
    else if (name === 'adverbial') out.adverbial = true;
    else if (name === 'passive') out.passive = true;
    else if (name === 'needs' && value) out.needs = value;
    else if (name === 'recipient' && value) out.recipient = value;
    else if (name === 'host' && value) {
      const [type = '', mode = '', cameo = ''] = value.split(':');
      if (!TYPES.has(type)) throw new MarsadError('E_RESOURCE', `${where}: host type "${type}" is not an event type`);
      out.host = { type: type as EventType, mode: mode || null, cameo: cameo || null };
    } else throw new MarsadError('E_RESOURCE', `${where}: unknown flag "${flag}"; expected noun, passive, adverbial, needs=, recipient=, host=`);
  }
  return out;
}

/** Reads and parses an event lexicon file (resources/events/event-lexicon.tsv). */
export function loadEventLexicon(path: string): EventLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new MarsadError('E_RESOURCE', `event lexicon not found or unreadable: ${path}`, { cause, source: path });
  }
  return parseEventLexicon(text, path);
}
