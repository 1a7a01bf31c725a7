// Issue #4 seed acceptance: reads ../shared/seeds at run time (never copied here), analyses the article with NER
// (when the model is present) and the link stage, and checks the issue's entity clusters, splits, geo and country links.
// Run: `npx tsx eval/seed-link.ts` (or wired as an `npm run eval` suite). Only names from the issue text appear here.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analysis, Entity } from '../src/model/analysis.js';
import { createAnalyzer } from '../src/engine/analyzer.js';
import { loadAnalyzerResources } from '../src/engine/resources.js';
import { loadKnowledgeBase } from '../src/engine/stages/link/kb.js';
import { linkEntities } from '../src/engine/stages/link/linker.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { occurrences } from './link.js';
import { SEED_FILE, createChecklist, locateSeed } from './seeds.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Mention sets that must each be one entity (issue #4, acceptance). */
const SAME: readonly (readonly string[])[] = [
  ['كازخستان', 'كازاخستان'],
  ['ألما آتا', 'ألماتا'],
  ['قاسم جومارت توكاييف', 'جومارت', 'الرئيس الكازاخستاني'],
  ['نور سلطان نزارباييف', 'نزارباييف'],
  ['نيكول باشينيان', 'باشينيان'],
  ['سيرجي كاسباروف', 'كاسباروف'],
  ['وزارة الخارجية الأمريكية', 'الخارجية الأمريكية'],
];

/** Pairs that must be different entities: [surface, context that locates it]. */
const DIFFERENT: ReadonlyArray<readonly [readonly [string, string], readonly [string, string]]> = [
  [['نور سلطان', 'العاصمة الحالية نور سلطان'], ['نور سلطان نزارباييف', 'نور سلطان نزارباييف']],
  [['كازاخستان', 'كازاخستان'], ['إنترفاكس-كازاخستان', 'إنترفاكس-كازاخستان']],
  [['وزارة الخارجية الأمريكية', 'وزارة الخارجية الأمريكية'], ['وزارة الخارجية الروسية', 'وزارة الخارجية الروسية']],
  [['وزارة الخارجية الأمريكية', 'وزارة الخارجية الأمريكية'], ['الخارجية البريطانية', 'الخارجية البريطانية']],
  [['وزارة الخارجية الروسية', 'وزارة الخارجية الروسية'], ['الخارجية البريطانية', 'الخارجية البريطانية']],
];

/** Places that must get coordinates in Kazakhstan: [surface, context]. */
const IN_KAZAKHSTAN: ReadonlyArray<readonly [string, string]> = [
  ['ألماتا', 'ألماتا'],
  ['أكتوبي', 'أكتوبي'],
  ['مانغيستاو', 'مانغيستاو'],
  ['نور سلطان', 'العاصمة الحالية نور سلطان'],
  ['بايكونور', 'بايكونور'],
];

/** Country names that must link to their country: [surface, ISO code]. */
const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ['كازاخستان', 'KZ'],
  ['روسيا', 'RU'],
  ['بيلاروسيا', 'BY'],
  ['أرمينيا', 'AM'],
  ['طاجيكستان', 'TJ'],
  ['قيرغيزستان', 'KG'],
  ['الولايات المتحدة', 'US'],
  ['تركيا', 'TR'],
  ['المجر', 'HU'],
];

/** Kazakhstan's bounding box, generously. */
const KZ_BOX = { south: 40, north: 56, west: 46, east: 88 };

type Located = { entity: Entity | null; field: string; start: number };

/** The entities with a mention over each whole-word occurrence of `surface` (inside `context`), in every field. */
function locate(analysis: Analysis, surface: string, context = surface): Located[] {
  const out: Located[] = [];
  const fields: Array<['title' | 'caption' | 'text', string | null]> = [['title', analysis.article.title], ['caption', analysis.article.caption], ['text', analysis.article.text]];
  for (const [field, text] of fields) {
    if (!text) continue;
    const offset = context.indexOf(surface);
    let starts = occurrences(text, context).map((s) => s + offset);
    // «للمجر»: the article's ال merges into the preposition, so look for the name without its alef too.
    if (starts.length === 0 && surface.startsWith('ال')) starts = occurrences(text, 'ل' + surface.slice(2)).map((s) => s);
    for (const start of starts) {
      const end = start + surface.length;
      // «كازاخستان» inside «إنترفاكس-كازاخستان» is part of another name, not an occurrence.
      if (text[start - 1] === '-' || text[end] === '-') continue;
      // The tightest mention wins: «ألما آتا» inside «مطار ألما آتا» is the city, not the airport.
      let entity: Entity | null = null;
      let best = 0;
      for (const e of analysis.entities) {
        for (const m of e.mentions) {
          if ((m.field ?? 'text') !== field) continue;
          const inter = Math.min(end, m.end) - Math.max(start, m.start);
          if (inter <= 0) continue;
          const jaccard = inter / (Math.max(end, m.end) - Math.min(start, m.start));
          if (jaccard > best) {
            best = jaccard;
            entity = e;
          }
        }
      }
      out.push({ entity, field, start });
    }
  }
  return out;
}

export async function runSeedLinkEval(options: { dataDir: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const seedPath = locateSeed(options.dataDir, 'seed-link', log);
  if (seedPath === null) return;
  let article = null;
  for await (const r of readInputs([seedPath])) if (r.ok) article = r.article;
  if (!article) throw new Error(`seed-link: ${seedPath} could not be read`);
  const kb = loadKnowledgeBase(join(ROOT, 'resources', 'kb'));
  let resources: Awaited<ReturnType<typeof loadAnalyzerResources>> = {};
  try {
    resources = await loadAnalyzerResources(join(ROOT, 'resources'));
  } catch (error) {
    log(`seed-link: NER model not loadable (${error instanceof Error ? error.message : String(error)}); linking without NER`);
  }
  const analyzer = createAnalyzer(resources);
  const { analysis } = analyzer.analyze(article);
  if (!analyzer.stages.includes('link')) analysis.entities = linkEntities(kb, analysis.article, analysis.entities);
  log(`seed-link: ${SEED_FILE}, published ${analysis.article.published}, NER ${resources.ner ? 'on' : 'off'}, ${analysis.entities.length} entities`);

  const { check, finish } = createChecklist('seed-link', log);
  for (const set of SAME) {
    const found = set.map((s) => locate(analysis, s));
    const ids = new Set(found.flat().map((l) => l.entity?.id ?? 'none'));
    const missing = set.filter((_, i) => found[i]!.length === 0 || found[i]!.some((l) => !l.entity));
    check(ids.size === 1 && !ids.has('none') && missing.length === 0, `one entity: {${set.join(', ')}} → ${[...ids].join(' | ')}`);
  }
  for (const [[sa, ca], [sb, cb]] of DIFFERENT) {
    const a = locate(analysis, sa, ca)[0]?.entity;
    const b = locate(analysis, sb, cb)[0]?.entity;
    check(!!a && !!b && a.id !== b.id, `different: «${ca}» (${a?.id ?? 'none'}) vs «${cb}» (${b?.id ?? 'none'})`);
  }
  for (const [surface, context] of IN_KAZAKHSTAN) {
    const geo = locate(analysis, surface, context)[0]?.entity?.geo;
    const inside = !!geo && geo.country === 'KZ' && geo.lat >= KZ_BOX.south && geo.lat <= KZ_BOX.north && geo.lon >= KZ_BOX.west && geo.lon <= KZ_BOX.east;
    check(inside, `in Kazakhstan: «${context}» → ${geo ? `${geo.lat},${geo.lon} ${geo.country} ${geo.level}` : 'no geo'}`);
  }
  for (const [surface, iso] of COUNTRIES) {
    const found = locate(analysis, surface);
    const ok = found.length > 0 && found.every((l) => l.entity?.id === `iso:${iso}`);
    check(ok, `country: «${surface}» → ${[...new Set(found.map((l) => l.entity?.id ?? 'none'))].join(' | ')} (want iso:${iso})`);
  }
  finish();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? '../shared/data');
  await runSeedLinkEval({ dataDir, log: (line) => process.stdout.write(line + '\n') }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
