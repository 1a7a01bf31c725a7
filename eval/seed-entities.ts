// The seed check: every person, country, city and organisation named in ../shared/seeds/*.txt is found by NER,
// clitic-attached forms and the misspelling «كازخستان» included. The seed is read at run time; this file lists
// only the names (facts) to look for. Run by `npm run eval -- seed` or `npx tsx eval/seed-entities.ts`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCliticLexicon } from '../src/arabic/clitic-lexicon.js';
import { createSegmenter } from '../src/arabic/clitics.js';
import { splitSentences } from '../src/arabic/sentences.js';
import { loadNerModel } from '../src/engine/stages/ner/model-io.js';
import { createNerTagger, type MentionLabel, type NerMention } from '../src/engine/stages/ner/tagger.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Kind = 'person' | 'country' | 'city' | 'organisation';

/** The names in the seed article (Kazakhstan, January 2022), each with the surface forms it appears in. */
export const SEED_ENTITIES: ReadonlyArray<{ kind: Kind; forms: readonly string[] }> = [
  { kind: 'person', forms: ['قاسم جومارت توكاييف', 'جومارت'] },
  { kind: 'person', forms: ['نيكول باشينيان', 'باشينيان'] },
  { kind: 'person', forms: ['ديمتري روجوزين'] },
  { kind: 'person', forms: ['نور سلطان نزارباييف', 'نزارباييف'] },
  { kind: 'person', forms: ['نيد برايس'] },
  { kind: 'person', forms: ['سيرجي لافروف'] },
  { kind: 'person', forms: ['تشاووش أوغلو'] },
  { kind: 'person', forms: ['سيرجي كاسباروف', 'كاسباروف'] },
  { kind: 'person', forms: ['بايدن'] },
  { kind: 'person', forms: ['بوتين'] },
  { kind: 'person', forms: ['ماكرون'] },
  { kind: 'person', forms: ['شولتز'] },
  { kind: 'country', forms: ['كازاخستان', 'كازخستان'] },
  { kind: 'country', forms: ['روسيا'] },
  { kind: 'country', forms: ['بيلاروسيا'] },
  { kind: 'country', forms: ['أرمينيا'] },
  { kind: 'country', forms: ['طاجيكستان'] },
  { kind: 'country', forms: ['قيرغيزستان'] },
  { kind: 'country', forms: ['الولايات المتحدة'] },
  { kind: 'country', forms: ['تركيا'] },
  { kind: 'country', forms: ['المجر'] },
  { kind: 'city', forms: ['ألما آتا', 'ألماتا'] },
  { kind: 'city', forms: ['أكتوبي'] },
  { kind: 'city', forms: ['العاصمة نور سلطان', 'والسابقة ألما آتا'] },
  { kind: 'organisation', forms: ['منظمة معاهدة الأمن الجماعي'] },
  { kind: 'organisation', forms: ['رويترز'] },
  { kind: 'organisation', forms: ['وكالة الفضاء الروسية'] },
  { kind: 'organisation', forms: ['إنترفاكس'] },
  { kind: 'organisation', forms: ['تاس'] },
  { kind: 'organisation', forms: ['نوفوستي'] },
  { kind: 'organisation', forms: ['وزارة الخارجية الأمريكية'] },
  { kind: 'organisation', forms: ['وزارة الخارجية الروسية'] },
  { kind: 'organisation', forms: ['الاتحاد الأوروبي'] },
  { kind: 'organisation', forms: ['فيسبوك'] },
  { kind: 'organisation', forms: ['تويتر'] },
];

/** Which labels count for a kind (a city named like a person, «نور سلطان», needs LOC where it is the capital). */
const LABELS: Record<Kind, readonly MentionLabel[]> = {
  person: ['PER'],
  country: ['LOC'],
  city: ['LOC'],
  organisation: ['ORG'],
};

/** Letters that may precede a name inside its token: conjunction and prepositions («بكازخستان», «وتوكاييف»). */
const PROCLITIC_RUN = /^[وفبلك]{0,2}$/;
const ARABIC_LETTER = /[\u0621-\u064A]/;

export interface SeedResult {
  kind: Kind;
  form: string;
  occurrences: number;
  found: number;
  misses: string[];
}

/** Occurrences of `form` as whole words (a proclitic run may precede it), and whether a mention of a right label covers each. */
export function checkSeed(text: string, mentions: readonly NerMention[]): SeedResult[] {
  const results: SeedResult[] = [];
  for (const entity of SEED_ENTITIES) {
    for (const form of entity.forms) {
      // «العاصمة نور سلطان»: the cue words only locate the city; the name is the last words.
      const cue = entity.kind === 'city' && form.split(' ').length > 2 ? form.split(' ')[0]! + ' ' : '';
      const r: SeedResult = { kind: entity.kind, form, occurrences: 0, found: 0, misses: [] };
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        let tokenStart = at;
        while (tokenStart > 0 && ARABIC_LETTER.test(text[tokenStart - 1]!)) tokenStart--;
        const end = at + form.length;
        // «إنترفاكس-كازاخستان» is the agency's name, not a mention of the country
        if (!PROCLITIC_RUN.test(text.slice(tokenStart, at)) || ARABIC_LETTER.test(text[end] ?? '') || text[tokenStart - 1] === '-') continue;
        const nameStart = at + cue.length;
        r.occurrences++;
        // A mention counts when it overlaps the name with a right label and does not start on an attached
        // proclitic («بكازخستان» must give «كازخستان», not «بكازخستان»).
        const hit = mentions.find(
          (m) => m.start < end && nameStart < m.end && LABELS[entity.kind].includes(m.label) && !(at > tokenStart && m.start === tokenStart),
        );
        if (hit !== undefined) r.found++;
        else r.misses.push(`${text.slice(Math.max(0, tokenStart - 20), end + 20).replace(/\s+/g, ' ')}`);
      }
      results.push(r);
    }
  }
  return results;
}

export async function runSeedEval(options: { dataDir: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const seedDir = process.env.MARSAD_SEEDS ?? join(options.dataDir, '../seeds');
  if (!existsSync(seedDir)) {
    log(`seed: ${seedDir} not found; set MARSAD_SEEDS. Skipping.`);
    return;
  }
  const model = loadNerModel(join(ROOT, 'resources/ner'));
  const segmenter = createSegmenter(loadCliticLexicon(join(ROOT, 'resources/arabic/clitic-lexicon.tsv')));
  const tagger = createNerTagger(model, { segmenter });
  let missing = 0;
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(seedDir, file), 'utf8');
    const mentions = tagger.findMentions(text, splitSentences(text));
    log(`${file}: ${mentions.length} mentions`);
    for (const r of checkSeed(text, mentions)) {
      if (r.occurrences === 0) continue;
      const ok = r.found === r.occurrences;
      if (r.found === 0) missing++;
      log(`  ${ok ? 'ok  ' : r.found > 0 ? 'part' : 'MISS'} ${r.kind.padEnd(12)} ${r.form}: ${r.found}/${r.occurrences}${ok ? '' : `  missed: ${r.misses.slice(0, 2).join(' … ')}`}`);
    }
    const clitics = mentions.filter((m) => /^[وفبلك]/.test(m.text) && /^[وفبلك](كاز|توك)/.test(m.text));
    if (clitics.length > 0) log(`  mentions still holding a proclitic: ${clitics.map((m) => m.text).join(', ')}`);
  }
  log(missing === 0 ? 'seed: every listed name found at least once by NER alone' : `seed: ${missing} name forms never found by NER alone`);

  // The acceptance check: what `marsad analyze` gives, NER and the knowledge base together, over the cleaned text.
  const { analyseSeed } = await import('./seed-events.js');
  let pipelineMissing = 0;
  let partial = 0;
  for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
    const analysis = await analyseSeed(join(seedDir, file), log);
    const mentions: NerMention[] = analysis.entities.flatMap((e) =>
      e.mentions
        .filter((m) => m.field === undefined && m.kind === 'name')
        .flatMap((m) => {
          const label = PIPELINE_LABELS[e.type];
          return label ? [{ start: m.start, end: m.end, text: m.text, label, score: m.score ?? 1 }] : [];
        }),
    );
    log(`${file} through marsad analyze: ${mentions.length} name mentions`);
    for (const r of checkSeed(analysis.article.text, mentions)) {
      if (r.occurrences === 0) continue;
      if (r.found === 0) pipelineMissing++;
      else if (r.found < r.occurrences) partial++;
      if (r.found < r.occurrences) log(`  ${r.found > 0 ? 'part' : 'MISS'} ${r.kind.padEnd(12)} ${r.form}: ${r.found}/${r.occurrences}  missed: ${r.misses.slice(0, 2).join(' … ')}`);
    }
  }
  log(
    pipelineMissing === 0
      ? `seed (marsad analyze): every listed name found${partial > 0 ? `; ${partial} forms missed somewhere` : ', every occurrence'}`
      : `seed (marsad analyze): ${pipelineMissing} name forms never found`,
  );
  if (pipelineMissing > 0) process.exitCode = 1;
}

/** Entity types of the full pipeline as the NER labels the seed check counts. */
const PIPELINE_LABELS: Partial<Record<string, MentionLabel>> = { PER: 'PER', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', ORG: 'ORG', MEDIA: 'ORG' };

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'));
  await runSeedEval({ dataDir, log: (line) => process.stdout.write(line + '\n') });
}
