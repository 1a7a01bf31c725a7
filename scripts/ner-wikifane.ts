// Reads WikiFANE, maps its 50 fine classes onto ANERcorp's PERS/LOC/ORG/MISC and re-attaches its split clitics.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chunksOf, parseConll, type TaggedSentence } from '../src/engine/stages/ner/conll.js';

/** WikiFANE in the shared data folder (training data only; its NewsFANE sibling is the ANERcorp text). */
export const WIKIFANE_FILE = 'fane-gold/WikiFANE_Gold_2014_500K.txt.gz';

/** WikiFANE's sentences as released (fine classes, clitics split off), with the sha-256 of the file. */
export function readWikiFane(dataDir: string): { sentences: TaggedSentence[]; sha256: string } {
  const gz = readFileSync(join(dataDir, WIKIFANE_FILE));
  return { sentences: parseConll(gunzipSync(gz).toString('utf8')), sha256: createHash('sha256').update(gz).digest('hex') };
}

/** Fine class → ANERcorp type; classes absent here (nationality groups «المسيحيين», weapons, vehicles) become O. */
const FANE_TO_ANER: Record<string, string> = {
  Politician: 'PERS', Athlete: 'PERS', Businessperson: 'PERS', Artist: 'PERS', Scientist: 'PERS', Police: 'PERS',
  Religious_PER: 'PERS', Engineer: 'PERS', Lawyer: 'PERS', Other_PER: 'PERS',
  Government: 'ORG', 'Non-Governmental': 'ORG', Commercial: 'ORG', Educational: 'ORG', Media: 'ORG', Religious_ORG: 'ORG',
  Sports: 'ORG', 'Medical-Science': 'ORG', Entertainment: 'ORG',
  Continent: 'LOC', Nation: 'LOC', 'State-or-Province': 'LOC', 'County-or-District': 'LOC', 'Population-Center': 'LOC',
  'GPE-Cluster': 'LOC', 'Water-Body': 'LOC', 'Land-Region-Natural': 'LOC', Celestial: 'LOC', 'Building-Grounds': 'LOC',
  Airport: 'LOC', Path: 'LOC', 'Subarea-Facility': 'LOC',
  Book: 'MISC', Movie: 'MISC', Sound: 'MISC', Software: 'MISC',
};

/** WikiFANE writes «و قال» and «ان ه»: proclitic letters and pronoun suffixes as tokens of their own. */
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا']);
const LETTER = /[\u0621-\u064A]/;

function mapTag(tag: string): string {
  if (tag === 'O' || tag.length < 3) return 'O';
  const type = FANE_TO_ANER[tag.slice(2)];
  return type === undefined ? 'O' : `${tag.slice(0, 2)}${type}`;
}

/**
 * Entity names of the raw WikiFANE sentences (clitics still split off, so a name has none attached), each with
 * its ANERcorp type and how many times it is labelled so.
 */
export function wikiFaneNames(sentences: readonly TaggedSentence[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const { tokens, tags } of sentences) {
    const mapped = tags.map(mapTag);
    for (const chunk of chunksOf(mapped)) {
      const name = tokens.slice(chunk.start, chunk.end).join(' ');
      let byType = out.get(name);
      if (byType === undefined) out.set(name, (byType = new Map()));
      byType.set(chunk.type, (byType.get(chunk.type) ?? 0) + 1);
    }
  }
  return out;
}

/** Re-joins clitics («و» + «قال» → «وقال», «ل» + «الشركة» → «للشركة») and maps tags; sentences keep their BIO order. */
export function mapWikiFane(sentences: readonly TaggedSentence[]): TaggedSentence[] {
  return sentences.map(({ tokens, tags }) => {
    const outTokens: string[] = [];
    const outTags: string[] = [];
    let pending = '';
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      const tag = mapTag(tags[i]!);
      const next = tokens[i + 1];
      if (PROCLITICS.has(tok) && next !== undefined && LETTER.test(next[0] ?? '')) {
        pending += tok;
        continue;
      }
      if (pending === '' && ENCLITICS.has(tok) && outTokens.length > 0 && LETTER.test(outTokens[outTokens.length - 1]!.slice(-1))) {
        outTokens[outTokens.length - 1] += tok;
        continue;
      }
      const word = pending.endsWith('ل') && tok.startsWith('ال') ? pending + tok.slice(1) : pending + tok;
      pending = '';
      outTokens.push(word);
      outTags.push(tag);
    }
    // A B- whose entity lost its start to nothing stays valid; an I- after O is repaired to B-.
    for (let i = 0; i < outTags.length; i++) {
      const t = outTags[i]!;
      if (t.startsWith('I-') && (i === 0 || outTags[i - 1]!.slice(2) !== t.slice(2))) outTags[i] = 'B-' + t.slice(2);
    }
    return { tokens: outTokens, tags: outTags };
  });
}
