// Builds resources/ner/gazetteer.tsv (folded names → types) from ANERgazet, GeoNames, mledoze countries, resources/kb,
// WikiFANE's labelled names and trigger words.
// Usage: npx tsx scripts/build-ner-gazetteer.ts   (MARSAD_NER_OUT=dir writes there instead of resources/ner)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { latinNameOf } from '../src/engine/stages/link/kb.js';
import { foldForm } from '../src/engine/stages/ner/features.js';
import { readWikiFane, WIKIFANE_FILE, wikiFaneNames } from './ner-wikifane.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARABIC_NAME = /^[\u0670\u0621-\u064A\u0671 ]+$/;
/** Persian/Urdu letters (پ چ ژ گ ک ی ۀ ہ): GeoNames mixes those spellings in with Arabic ones. */
const PERSIAN_LETTERS = /[پچژگکیۀہ]/;

function fold(name: string): string | null {
  const clean = name.replace(/[\u064B-\u065F\u0640]/g, '').replace(/\s+/g, ' ').trim();
  if (clean.length < 2 || !ARABIC_NAME.test(clean) || PERSIAN_LETTERS.test(clean)) return null;
  return clean.split(' ').map(foldForm).join(' ');
}

/** Words that often stand right before a name of one type; features only, the model learns what they are worth. */
const TRIGGERS: Record<'TPER' | 'TLOC' | 'TORG', readonly string[]> = {
  TPER: [
    'الرئيس', 'رئيس', 'الوزير', 'وزير', 'السيد', 'السيدة', 'الشيخ', 'الملك', 'الأمير', 'الأميرة', 'الدكتور', 'د', 'العقيد', 'اللواء', 'العميد',
    'الجنرال', 'المستشار', 'النائب', 'الزعيم', 'الرئيسة', 'المتحدث', 'الناطق', 'قال', 'وقال', 'أكد', 'وأكد', 'أعلن', 'وأعلن', 'صرح', 'أوضح',
    'أضاف', 'السفير', 'المبعوث', 'البابا', 'الإمام', 'القاضي', 'المدرب', 'اللاعب', 'الفنان', 'الكاتب', 'الشاعر', 'المطرب', 'الممثل', 'نظيره',
    'الأستاذ', 'المهندس', 'الفريق', 'المشير', 'الحاخام', 'آية', 'السلطان', 'الأمين',
  ],
  TLOC: [
    'مدينة', 'المدينة', 'ولاية', 'محافظة', 'عاصمة', 'العاصمة', 'بلدة', 'قرية', 'منطقة', 'إقليم', 'جزيرة', 'جزر', 'نهر', 'بحر', 'جبل', 'مخيم',
    'مقاطعة', 'شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي', 'وسط', 'حي', 'ضاحية', 'مطار', 'ميناء', 'دولة', 'جمهورية', 'مملكة',
  ],
  TORG: [
    'وزارة', 'شركة', 'جامعة', 'حزب', 'حركة', 'منظمة', 'مجلس', 'وكالة', 'جمعية', 'اتحاد', 'بنك', 'مصرف', 'هيئة', 'صحيفة', 'مؤسسة', 'نادي', 'فريق',
    'مجموعة', 'لجنة', 'جبهة', 'معهد', 'مركز', 'محكمة', 'برلمان', 'قناة', 'إذاعة', 'تلفزيون', 'مجلة', 'رابطة', 'نقابة', 'كلية', 'مستشفى', 'بورصة',
    'صندوق', 'برنامج', 'مكتب', 'دائرة', 'جهاز', 'قوات', 'جيش', 'كتائب', 'سرايا', 'تنظيم', 'ائتلاف', 'تحالف', 'منتدى',
  ],
};

/**
 * Names ANERcorp labels MISC and no other list holds: currencies, scriptures, religions, diseases. Features only:
 * the model learns from «دولار» and «الإسلام» in its training data what the list is worth for «كرونة» or «الإيدز».
 */
const MISC_NAMES: readonly string[] = [
  'دولار', 'يورو', 'جنيه', 'درهم', 'دينار', 'ريال', 'ليرة', 'روبل', 'يوان', 'فرنك', 'كرونة', 'كرونور', 'روبية', 'شيكل', 'سنت', 'بيزو',
  'استرليني', 'إسترليني', 'تومان', 'رينغيت', 'ليرة تركية', 'جنيه إسترليني',
  'القرآن', 'الإنجيل', 'التوراة', 'الزبور', 'التلمود',
  'الإسلام', 'المسيحية', 'اليهودية', 'البوذية', 'الهندوسية', 'الكاثوليكية', 'البروتستانتية',
  'الإيدز', 'الزهايمر', 'إيبولا', 'كورونا', 'كوفيد', 'إنفلونزا الطيور', 'السارس',
];

/** Columns of the knowledge-base files that hold Arabic names ("|" separated; a leading "?" marks a common word). */
function addKnowledgeBase(add: (name: string, type: string) => void): void {
  const kb = join(ROOT, 'resources/kb');
  const rows = (file: string): string[][] =>
    existsSync(join(kb, file))
      ? readFileSync(join(kb, file), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'))
      : [];
  const names = (cell: string | undefined): string[] => (cell ?? '').split('|').map((n) => n.replace(/^\?/, '').trim()).filter((n) => n !== '');
  // places.tsv / world-regions.tsv: names_ar is column 10, names_ar_ner_only column 11.
  for (const file of ['places.tsv', 'curated/world-regions.tsv']) {
    for (const r of rows(file)) for (const n of [...names(r[10]), ...names(r[11])]) add(n, 'KLOC');
  }
  for (const r of rows('curated/place-variants.tsv')) for (const n of names(r[1])) add(n, 'KLOC');
  // actors.tsv, curated people and organisations: type column 1, names_ar column 5.
  for (const file of ['actors.tsv', 'curated/people.tsv', 'curated/organisations.tsv']) {
    for (const r of rows(file)) {
      const type = r[1] === 'PER' ? 'KPER' : r[1] === 'LOC' ? 'KLOC' : 'KORG';
      for (const n of names(r[5])) add(n, type);
    }
  }
  // demonyms.tsv: all surface forms in column 3.
  for (const r of rows('demonyms.tsv')) for (const n of names(r[3])) add(n, 'NORP');
}

/** Corporate words a Phoenix name carries that its Latin-script mentions in Arabic text usually leave out. */
const CORPORATE_WORDS = new Set(['THE', 'INC', 'LTD', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'PLC', 'GROUP', 'LLC', 'SA', 'AG', 'LIMITED', 'HOLDINGS']);
const LATIN_WORD = /^[A-Z][A-Za-z0-9&.-]+$/;

/** A Latin name as Arabic text writes it: as listed, in capitals («CNN», «IBM»), and each word capitalised («Sony»). */
export function latinVariants(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || !words.every((w) => LATIN_WORD.test(w))) return [];
  const capitalised = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join(' ');
  return [...new Set([words.join(' '), words.join(' ').toUpperCase(), capitalised])];
}

/**
 * The one-word names (aliases included) of the organisations in a PETRARCH/Phoenix actor dictionary: an entry is its
 * name line, "+" alias lines, then indented code lines; organisations are coded MNC…, NGO… or IGO…. Corporate words
 * («INC», «THE») are dropped first. Longer names are left out: the dictionary codes people with their organisation.
 */
export function phoenixOrganisations(text: string): string[] {
  const out = new Set<string>();
  let names: string[] = [];
  let organisation = false;
  const isOrganisationCode = (line: string): boolean => /\[(MNC|NGO|IGO)/.test(line);
  const flush = (): void => {
    if (organisation) {
      for (const name of names) {
        const words = name.split('_').filter((w) => w !== '' && !CORPORATE_WORDS.has(w.toUpperCase()));
        if (words.length === 1 && words[0]!.length >= 2) out.add(words[0]!);
      }
    }
    names = [];
    organisation = false;
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (/^\s/.test(line)) organisation ||= isOrganisationCode(line);
    else if (line.startsWith('+')) names.push(line.slice(1).trim().split(/\s/)[0]!);
    else {
      flush();
      names.push(line.trim().split(/\s/)[0]!);
      organisation = isOrganisationCode(line);
    }
  }
  flush();
  return [...out];
}

/**
 * Organisations Arabic news writes in Latin script («CNN», «Dell», «Lenovo»): the knowledge base's English names of
 * organisations and outlets, and the one-word organisation names of the English Phoenix actor dictionary.
 */
function addLatinOrganisations(dataDir: string, addExact: (name: string, type: string) => void): void {
  const kb = join(ROOT, 'resources/kb/curated/organisations.tsv');
  if (existsSync(kb)) {
    for (const line of readFileSync(kb, 'utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const latin = latinNameOf(line.split('\t')[4] ?? '');
      if (latin !== null) for (const v of latinVariants(latin)) addExact(v, 'KORG');
    }
  }
  const path = join(dataDir, 'petrarch-dicts/english/Phoenix.International.actors.txt');
  if (!existsSync(path)) return;
  for (const name of phoenixOrganisations(readFileSync(path, 'utf8'))) for (const v of latinVariants(name)) addExact(v, 'KORG');
}

/** WikiFANE's type → the gazetteer type of its names (kept apart from the curated lists: the model weighs each source). */
const WIKIFANE_TYPES: Record<string, string> = { PERS: 'WPER', LOC: 'WLOC', ORG: 'WORG', MISC: 'WMISC' };
/** A WikiFANE name is listed when labelled at least this often (once is often an annotation slip or a common word). */
const WIKIFANE_MIN_COUNT = 2;

/**
 * Names labelled in WikiFANE (training data, licence as ../shared/data/fane-gold/SOURCE.md), under their most
 * frequent type. One-word names need three letters or more («واو» the town is listed, «ها» never is).
 */
function addWikiFane(dataDir: string, add: (name: string, type: string) => void): void {
  if (!existsSync(join(dataDir, WIKIFANE_FILE))) return;
  const names = wikiFaneNames(readWikiFane(dataDir).sentences);
  for (const [name, byType] of names) {
    let best = '';
    let count = 0;
    for (const [type, n] of byType) if (n > count || (n === count && type < best)) [best, count] = [type, n];
    if (count < WIKIFANE_MIN_COUNT || (!name.includes(' ') && name.length < 3)) continue;
    add(name, WIKIFANE_TYPES[best]!);
  }
}

function main(): void {
  const dataDir = process.env.MARSAD_DATA ?? join(ROOT, '../shared/data');
  if (!existsSync(join(dataDir, 'anergazet'))) {
    console.error(`build-ner-gazetteer: ${join(dataDir, 'anergazet')} not found; set MARSAD_DATA. Skipping.`);
    return;
  }
  const entries = new Map<string, Set<string>>();
  const addFolded = (f: string, type: string): void => {
    let s = entries.get(f);
    if (s === undefined) entries.set(f, (s = new Set()));
    s.add(type);
  };
  const add = (name: string, type: string): void => {
    const f = fold(name);
    if (f === null) return;
    addFolded(f, type);
    // Place names in «-يا» are also written «-ية» (folded «-يه»): «سوريا» / «سورية», «ليبيا» / «ليبية» is rarer but harmless.
    if (type === 'LOC' && f.endsWith('يا') && f.length > 4) addFolded(f.slice(0, -1) + 'ه', type);
  };
  const lines = (file: string): string[] =>
    readFileSync(join(dataDir, file), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !/^[=*]/.test(l));

  for (const l of lines('anergazet/AlignedPersGazetteer.txt')) add(l, 'PER');
  for (const l of lines('anergazet/AlignedLocGazetteer.txt')) add(l, 'LOC');
  for (const l of lines('anergazet/AlignedOrgGazetteer.txt')) add(l, 'ORG');

  const countries = JSON.parse(readFileSync(join(dataDir, 'countries-mledoze/countries.json'), 'utf8')) as Array<{
    translations?: { ara?: { official?: string; common?: string } };
  }>;
  for (const c of countries) {
    if (c.translations?.ara?.common) add(c.translations.ara.common, 'LOC');
    if (c.translations?.ara?.official) add(c.translations.ara.official, 'LOC');
  }
  const translations = JSON.parse(readFileSync(join(dataDir, 'geonames/country_translations.json'), 'utf8')) as Record<string, Record<string, string>>;
  for (const t of Object.values(translations)) if (t.ar) add(t.ar, 'LOC');
  const states = JSON.parse(readFileSync(join(dataDir, 'geonames-ar-admin1/states.json'), 'utf8')) as Array<{ Name_AR?: string }>;
  for (const s of states) if (s.Name_AR) add(s.Name_AR, 'LOC');
  const cities = gunzipSync(readFileSync(join(dataDir, 'geonames/cities15000.txt.gz'))).toString('utf8');
  for (const row of cities.split('\n')) {
    const cols = row.split('\t');
    for (const alt of (cols[3] ?? '').split(',')) if (/[\u0621-\u064A]/.test(alt)) add(alt, 'LOC');
  }

  addKnowledgeBase(add);
  addLatinOrganisations(dataDir, addFolded);
  addWikiFane(dataDir, add);
  for (const [type, words] of Object.entries(TRIGGERS)) for (const w of words) add(w, type);
  for (const name of MISC_NAMES) add(name, 'MISC');

  const out = process.env.MARSAD_NER_OUT ?? join(ROOT, 'resources/ner');
  mkdirSync(out, { recursive: true });
  const body = [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, types]) => `${name}\t${[...types].sort().join('|')}`);
  const header = [
    '# marsad NER gazetteer',
    '# format: folded name (words joined by one space)<TAB>types joined by | (PER, LOC, ORG, GIVEN, KPER, KLOC, KORG, NORP, TPER, TLOC, TORG, WPER, WLOC, WORG, WMISC, MISC)',
    '# source: ../shared/data/anergazet (Benajiba, research use), geonames cities15000 + country translations + admin1 (CC BY 4.0),',
    '#         countries-mledoze Arabic names (ODbL; derived facts only), resources/kb (places, actors, curated people and',
    '#         organisations, demonyms: KPER/KLOC/KORG/NORP), trigger words written for marsad (TPER/TLOC/TORG),',
    '#         Latin-script organisation names (KORG) from resources/kb and the English Phoenix actor dictionary (petrarch-dicts, MIT),',
    `#         names labelled at least ${WIKIFANE_MIN_COUNT} times in WikiFANE (fane-gold, training data) under their commonest type (WPER/WLOC/WORG/WMISC)`,
    '# built by scripts/build-ner-gazetteer.ts: diacritics removed, letters folded as foldForm (features.ts), Persian spellings dropped',
  ];
  writeFileSync(join(out, 'gazetteer.tsv'), header.concat(body).join('\n') + '\n');
  console.error(`wrote ${body.length} names to ${join(out, 'gazetteer.tsv')}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
