// Review list for the event lexicon: verbs of the PETRARCH Arabic dictionary (../shared/data/petrarch-dicts/arabic)
// with their CAMEO codes mapped to PLOVER (../shared/data/plover/CAMEO2PLOVER-2021.txt), marked as already in
// resources/events/event-lexicon.tsv or not. The dictionary is translated from English and uneven («عمل» → rush), so
// nothing is added automatically: a person checks each candidate and copies the good ones into the lexicon by hand.
// Run: npx tsx scripts/build-event-lexicon.ts [--out FILE]  (MARSAD_DATA=<shared data folder>; default ../shared/data).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { foldWord } from '../src/arabic/normalize.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Candidate {
  lemma: string;
  cameo: string;
  plover: string;
  mode: string;
  gloss: string;
}

/** CAMEO code → PLOVER type and mode, from the conversion table («0234: REQUEST, assist, military # …»). */
export function parseCameoToPlover(text: string): Map<string, { type: string; mode: string }> {
  const out = new Map<string, { type: string; mode: string }>();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?/u.exec(line);
    if (m) out.set(m[1] as string, { type: m[2] as string, mode: (m[3] ?? '').trim() });
  }
  return out;
}

/** Verb blocks of a PETRARCH verb dictionary: «--- ROOT [CODE] ---», lemma lines, then «- pattern [CODE]» lines. */
export function parsePetrarchVerbs(text: string): Array<{ lemma: string; cameo: string; gloss: string }> {
  const out: Array<{ lemma: string; cameo: string; gloss: string }> = [];
  const start = text.indexOf('VERB PATTERNS');
  let lemmas: Array<{ lemma: string; gloss: string }> = [];
  let blockCode = '---';
  for (const raw of text.slice(start < 0 ? 0 : start).split('\n')) {
    const line = raw.trim();
    const header = /^---\s+(\S+)\s+\[([^\]]+)\]\s+---/u.exec(line);
    if (header) {
      lemmas = [];
      blockCode = header[2] as string;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const pattern = /^-.*\[(\d{2,4})\]/u.exec(line);
    if (pattern) {
      for (const l of lemmas) out.push({ ...l, cameo: pattern[1] as string });
      continue;
    }
    const lemma = /^([^\s#-][^\s#]*)\s*(?:#\s*(.*))?$/u.exec(line);
    if (lemma) {
      const entry = { lemma: (lemma[1] as string).replace(/\+/gu, ' '), gloss: (lemma[2] ?? '').trim() };
      lemmas.push(entry);
      if (/^\d{2,4}$/u.test(blockCode)) out.push({ ...entry, cameo: blockCode });
    }
  }
  return out;
}

/** The folded forms already in the lexicon (first column «trigger»). */
export function lexiconForms(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    if (cols[0] === 'trigger' && cols[1]) out.add(foldWord(cols[1]));
  }
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const data = resolve(process.env.MARSAD_DATA ?? join(ROOT, '..', 'shared', 'data'));
  const verbsPath = join(data, 'petrarch-dicts', 'arabic', 'CAMEO.ar.0.5.txt');
  const tablePath = join(data, 'plover', 'CAMEO2PLOVER-2021.txt');
  if (!existsSync(verbsPath) || !existsSync(tablePath)) {
    process.stderr.write(`build-event-lexicon: ${verbsPath} or ${tablePath} not found; set MARSAD_DATA. Skipping.\n`);
    return 0;
  }
  const table = parseCameoToPlover(readFileSync(tablePath, 'utf8'));
  const known = lexiconForms(readFileSync(join(ROOT, 'resources', 'events', 'event-lexicon.tsv'), 'utf8'));
  const seen = new Set<string>();
  const rows = ['lemma\tcameo\tplover\tmode\tin_lexicon\tgloss'];
  for (const { lemma, cameo, gloss } of parsePetrarchVerbs(readFileSync(verbsPath, 'utf8'))) {
    const key = `${lemma}\t${cameo}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const plover = table.get(cameo) ?? table.get(cameo.slice(0, 3)) ?? table.get(cameo.slice(0, 2));
    rows.push([lemma, cameo, plover?.type ?? '?', plover?.mode ?? '', known.has(foldWord(lemma)) ? 'yes' : 'no', gloss].join('\t'));
  }
  const out = rows.join('\n') + '\n';
  if (values.out) writeFileSync(values.out, out);
  else process.stdout.write(out);
  process.stderr.write(`build-event-lexicon: ${rows.length - 1} candidates (${rows.filter((r) => r.includes('\tyes\t')).length} already in the lexicon); review by hand.\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
