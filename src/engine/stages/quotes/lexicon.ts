// The quote lexicon (speech verbs, relay verbs, channels, chants) parsed from resources/quotes/quote-lexicon.tsv.
import { readFileSync } from 'node:fs';
import { MarsadError } from '../../../model/errors.js';
import { createPhraseIndex, foldPhrase, type PhraseIndex } from '../events/words.js';

export type CueRole = 'say' | 'continue' | 'adverbial';

export interface Cue {
  role: CueRole;
  /** The channel the verb itself implies («غرّد» → twitter), else null. */
  channel: string | null;
}

export interface QuoteLexicon {
  cues: PhraseIndex<Cue>;
  channels: PhraseIndex<string>;
  /** Single-word classes, as folded keys. */
  relay: ReadonlySet<string>;
  saying: ReadonlySet<string>;
  complementizers: ReadonlySet<string>;
  chants: ReadonlySet<string>;
  crowd: ReadonlySet<string>;
  descriptors: ReadonlySet<string>;
}

const KINDS = ['cue', 'saying', 'relay', 'complementizer', 'chant', 'crowd', 'descriptor', 'channel'] as const;
type Kind = (typeof KINDS)[number];

/** Parses the TSV text of a quote lexicon; `source` names the file in errors. */
export function parseQuoteLexicon(text: string, source = 'quote lexicon'): QuoteLexicon {
  const cues: Array<{ phrase: string; value: Cue }> = [];
  const channels: Array<{ phrase: string; value: string }> = [];
  const sets: Record<Exclude<Kind, 'cue' | 'channel'>, Set<string>> = {
    saying: new Set(),
    relay: new Set(),
    complementizer: new Set(),
    chant: new Set(),
    crowd: new Set(),
    descriptor: new Set(),
  };
  const lines = text.split(/\r?\n/u);
  let header = false;
  lines.forEach((line, n) => {
    if (line.startsWith('#') || line.trim() === '') return;
    const cols = line.split('\t');
    if (!header) {
      if (cols[0] !== 'kind' || cols[1] !== 'form') {
        throw new MarsadError('E_RESOURCE', `${source}:${n + 1}: expected the header "kind<TAB>form<TAB>value", found "${line}"`);
      }
      header = true;
      return;
    }
    const [kind, form, value = ''] = cols;
    if (!KINDS.includes(kind as Kind) || !form) {
      throw new MarsadError('E_RESOURCE', `${source}:${n + 1}: expected a kind in ${KINDS.join(', ')} and a form, found "${line}"`);
    }
    if (kind === 'cue') {
      const [role, channel] = value.split(':');
      if (role !== 'say' && role !== 'continue' && role !== 'adverbial') {
        throw new MarsadError('E_RESOURCE', `${source}:${n + 1}: cue value must be say, say:CHANNEL, continue or adverbial, found "${value}"`);
      }
      cues.push({ phrase: form, value: { role, channel: channel ?? null } });
    } else if (kind === 'channel') {
      if (!value) throw new MarsadError('E_RESOURCE', `${source}:${n + 1}: a channel row needs a channel id in its value column`);
      channels.push({ phrase: form, value });
    } else {
      sets[kind as keyof typeof sets].add(foldPhrase(form).join(' '));
    }
  });
  if (!header) throw new MarsadError('E_RESOURCE', `${source}: no header row "kind<TAB>form<TAB>value" found`);
  return {
    cues: createPhraseIndex(cues),
    channels: createPhraseIndex(channels),
    relay: sets.relay,
    saying: sets.saying,
    complementizers: sets.complementizer,
    chants: sets.chant,
    crowd: sets.crowd,
    descriptors: sets.descriptor,
  };
}

/** Reads and parses a quote lexicon file (resources/quotes/quote-lexicon.tsv). */
export function loadQuoteLexicon(path: string): QuoteLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new MarsadError('E_RESOURCE', `quote lexicon not found or unreadable: ${path}`, { cause, source: path });
  }
  return parseQuoteLexicon(text, path);
}
