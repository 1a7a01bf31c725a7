// Builds the knowledge base under resources/kb/ from ../shared/data (or MARSAD_DATA): places and demonyms.
// Usage: npx tsx scripts/build-kb.ts [--data DIR] [--out DIR]. Curated files in resources/kb/curated/ are read, not written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { foldWord } from '../src/arabic/normalize.js';
import { isArabicPlausible } from './kb/arabic-names.js';
import { adjectiveForms, nisbaOf } from './kb/demonyms.js';
import { parsePetrarchPeople } from './kb/petrarch.js';
import { parseTsvRows, readText, writeTsv } from './kb/tsv.js';

interface Place {
  id: string;
  kb: string;
  type: 'GPE' | 'LOC';
  level: 'country' | 'region' | 'city';
  country: string;
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  nameEn: string;
  display: string;
  names: Set<string>;
  featureCode: string;
}

const log = (line: string) => process.stderr.write(line + '\n');

function main(): number {
  const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
  const dataDir = resolve(values.data ?? process.env.MARSAD_DATA ?? '../shared/data');
  const outDir = resolve(values.out ?? 'resources/kb');
  if (!existsSync(dataDir)) {
    log(`build-kb: data folder ${dataDir} not found; set MARSAD_DATA or pass --data DIR. Nothing built.`);
    return 0;
  }
  const t0 = performance.now();
  mkdirSync(outDir, { recursive: true });
  const common = commonWords(dataDir);
  const homographs = join(outDir, 'curated', 'homographs.tsv');
  if (existsSync(homographs)) for (const line of readText(homographs).split('\n')) if (line.trim() && !line.startsWith('#')) common.add(foldWord(line.trim()));
  const places = new Map<string, Place>();
  const countryByGeonameId = addCountries(dataDir, places);
  addRegions(dataDir, places, countryByGeonameId);
  addCities(dataDir, places);
  const curatedDir = join(outDir, 'curated');
  applyPlaceVariants(join(curatedDir, 'place-variants.tsv'), places);
  fillRegionCoordinates(places);
  const wordCounts = countNewsWords(dataDir);
  chooseDisplayNames(dataDir, places, join(curatedDir, 'place-variants.tsv'));
  writePlaces(join(outDir, 'places.tsv'), places, common, join(curatedDir, 'world-regions.tsv'));
  writeDemonyms(join(outDir, 'demonyms.tsv'), places, join(curatedDir, 'demonyms.tsv'));
  writeActors(dataDir, join(outDir, 'actors.tsv'), join(curatedDir, 'people.tsv'));
  writeCliticHomographs(join(outDir, 'clitic-homographs.tsv'), places, wordCounts, curatedDir);
  writeFirstNames(dataDir, join(outDir, 'first-names.tsv'));
  writeManifest(outDir);
  log(`build-kb: ${places.size} places written to ${outDir} in ${Math.round(performance.now() - t0)} ms`);
  return 0;
}

/**
 * Folded words that are mostly not place names in running text: stop words, words ANERcorp tags O more
 * often than LOC («صور» pictures / Tyre, «العين» the eye / Al Ain), and words it tags as person names more
 * often than as places. A one-word place name among them
 * is linked only when NER marks it, never by the gazetteer pass.
 */
function commonWords(dataDir: string): Set<string> {
  const words = new Set<string>();
  const stopPath = join(dataDir, 'stopwords-ar', 'mohataher_list.txt');
  if (existsSync(stopPath)) for (const w of readText(stopPath).split(/\s+/u)) if (w) words.add(foldWord(w));
  const anerPath = join(dataDir, 'anercorp', 'ANERCorp_CamelLab_train.reconstructed.txt');
  if (existsSync(anerPath)) {
    const counts = new Map<string, { o: number; loc: number; pers: number }>();
    for (const line of readText(anerPath).split('\n')) {
      const [word, tag] = line.split(' ');
      if (!word || !tag) continue;
      const key = foldWord(word);
      const c = counts.get(key) ?? { o: 0, loc: 0, pers: 0 };
      if (tag === 'O') c.o++;
      else if (tag.endsWith('LOC')) c.loc++;
      else if (tag.endsWith('PERS')) c.pers++;
      counts.set(key, c);
    }
    // Common words, and person names that are also small towns somewhere («كاري», «بريان»).
    for (const [key, c] of counts) if ((c.o >= 3 && c.o > 2 * c.loc) || (c.pers >= 1 && c.pers > c.loc)) words.add(key);
  }
  return words;
}

function addCountries(dataDir: string, places: Map<string, Place>): Map<string, string> {
  const byGeonameId = new Map<string, string>();
  const info = parseTsvRows(readText(join(dataDir, 'geonames', 'countryInfo.tsv')));
  const geonameIdOf = new Map<string, string>();
  const populationOf = new Map<string, number>();
  for (const row of info) {
    const iso = row[0] ?? '';
    if (!/^[A-Z]{2}$/u.test(iso)) continue;
    geonameIdOf.set(iso, row[16] ?? '');
    populationOf.set(iso, Number(row[7] ?? 0));
    byGeonameId.set(row[16] ?? '', iso);
  }
  const translations = JSON.parse(readText(join(dataDir, 'geonames', 'country_translations.json'))) as Record<string, Record<string, string>>;
  const mledoze = JSON.parse(readText(join(dataDir, 'countries-mledoze', 'countries.json'))) as Array<{
    cca2: string;
    name: { common: string };
    latlng: [number, number];
    translations: { ara?: { common?: string; official?: string } };
  }>;
  for (const c of mledoze) {
    const gid = geonameIdOf.get(c.cca2) ?? '';
    const names = new Set<string>();
    const ara = c.translations.ara;
    if (ara?.common) names.add(ara.common);
    if (ara?.official) names.add(ara.official);
    const gn = translations[gid]?.ar;
    if (gn) names.add(gn);
    places.set(`iso:${c.cca2}`, {
      id: `iso:${c.cca2}`,
      kb: gid ? `geonames:${gid}` : '',
      type: 'GPE',
      level: 'country',
      country: c.cca2,
      admin1: '',
      lat: c.latlng[0],
      lon: c.latlng[1],
      population: populationOf.get(c.cca2) ?? 0,
      nameEn: c.name.common,
      display: ara?.common ?? gn ?? c.name.common,
      names,
      featureCode: 'PCLI',
    });
  }
  return byGeonameId;
}

function addRegions(dataDir: string, places: Map<string, Place>, countryByGeonameId: Map<string, string>): void {
  const states = JSON.parse(readText(join(dataDir, 'geonames-ar-admin1', 'states.json'))) as Array<{
    Id: string;
    Code: string;
    CountryId: string;
    CountryCode: string;
    Name_EN: string;
    Name_AR: string;
    Latitude: number;
    Longitude: number;
  }>;
  const seen = new Set<string>();
  for (const s of states) {
    const country = s.CountryCode || countryByGeonameId.get(s.CountryId) || '';
    const names = new Set<string>();
    // Names here lost their hamza (NFD stripped): «ابو ظبي». They stay as match keys; the display is
    // the same string, since folded matching treats ا and أ alike anyway.
    if (s.Name_AR && isArabicPlausible(s.Name_AR)) names.add(s.Name_AR);
    seen.add(s.Id);
    places.set(`geonames:${s.Id}`, {
      id: `geonames:${s.Id}`,
      kb: `geonames:${s.Id}`,
      type: 'GPE',
      level: 'region',
      country,
      admin1: s.Code,
      lat: s.Latitude,
      lon: s.Longitude,
      population: 0,
      nameEn: s.Name_EN,
      display: s.Name_AR || s.Name_EN,
      names,
      featureCode: 'ADM1',
    });
  }
  // Regions GeoNames knows that the Arabic export missed: English name only, kept for admin1 names and geo.
  for (const row of parseTsvRows(readText(join(dataDir, 'geonames', 'regionInfo.tsv')))) {
    const [code, name, , gid] = row;
    if (!code || !gid || seen.has(gid)) continue;
    places.set(`geonames:${gid}`, {
      id: `geonames:${gid}`,
      kb: `geonames:${gid}`,
      type: 'GPE',
      level: 'region',
      country: code.split('.')[0] ?? '',
      admin1: code,
      lat: 0,
      lon: 0,
      population: 0,
      nameEn: name ?? '',
      display: name ?? '',
      names: new Set(),
      featureCode: 'ADM1',
    });
  }
}

function addCities(dataDir: string, places: Map<string, Place>): void {
  const text = readText(join(dataDir, 'geonames', 'cities15000.txt.gz'));
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    // Cities without an Arabic spelling stay in memory so curated variants can name them («جاناوزن»).
    const names = new Set((f[3] ?? '').split(',').filter(isArabicPlausible));
    const country = f[8] ?? '';
    const admin1 = f[10] ? `${country}.${f[10]}` : '';
    const id = `geonames:${f[0]}`;
    places.set(id, {
      id,
      kb: id,
      type: 'GPE',
      level: 'city',
      country,
      admin1,
      lat: Number(f[4]),
      lon: Number(f[5]),
      population: Number(f[14] ?? 0),
      nameEn: f[1] ?? '',
      display: pickDisplay(names),
      names,
      featureCode: f[7] ?? '',
    });
  }
}

/** Prefers a spelling with hamza or ة (GeoNames often also has a hamza-less copy): «أستانة» over «استانا». */
function pickDisplay(names: Set<string>): string {
  const all = [...names];
  return all.find((n) => /[أإآة]/u.test(n)) ?? all[0] ?? '';
}

function applyPlaceVariants(path: string, places: Map<string, Place>): void {
  if (!existsSync(path)) return;
  for (const [id, names, flags] of parseTsvRows(readText(path))) {
    const place = id ? places.get(id) : undefined;
    if (!place || !names) {
      log(`build-kb: place-variants: unknown place id ${id}; skipped`);
      continue;
    }
    const list = names.split('|').map((n) => n.trim()).filter(Boolean);
    for (const n of list) place.names.add(n);
    if ((flags ?? '').split(',').includes('display') && list[0]) place.display = list[0];
  }
}

/** Regions with 0/0 coordinates get the population-weighted mean of their cities. */
function fillRegionCoordinates(places: Map<string, Place>): void {
  const sums = new Map<string, { lat: number; lon: number; w: number }>();
  for (const p of places.values()) {
    if (p.level !== 'city' || !p.admin1) continue;
    const s = sums.get(p.admin1) ?? { lat: 0, lon: 0, w: 0 };
    const w = Math.max(p.population, 1);
    s.lat += p.lat * w;
    s.lon += p.lon * w;
    s.w += w;
    sums.set(p.admin1, s);
  }
  for (const p of places.values()) {
    if (p.level !== 'region' || (p.lat !== 0 || p.lon !== 0)) continue;
    const s = sums.get(p.admin1);
    if (s) {
      p.lat = round(s.lat / s.w);
      p.lon = round(s.lon / s.w);
    }
  }
}

/**
 * GeoNames lists Arabic-script variants in no order, so its first one is often odd («د مشق», «تهران»).
 * The display name of a city or region is the variant written most often in the shared news corpus
 * (counts only, nothing of the text is kept); curated `display` flags still win. Takes ~10–30 s.
 */
function chooseDisplayNames(dataDir: string, places: Map<string, Place>, curatedPath: string): void {
  const fixed = new Set<string>();
  if (existsSync(curatedPath)) for (const [id, , flags] of parseTsvRows(readText(curatedPath))) if (id && (flags ?? '').includes('display')) fixed.add(id);
  const counts = new Map<string, number>();
  for (const p of places.values()) if (p.level !== 'country' && !fixed.has(p.id)) for (const n of p.names) counts.set(n, 0);
  const newsDir = join(dataDir, 'news');
  if (!existsSync(newsDir)) return;
  const t0 = performance.now();
  for (const file of readdirSync(newsDir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readText(join(newsDir, file)).split('\n')) {
      if (!line) continue;
      const record = JSON.parse(line) as { title?: string; text?: string };
      const words = `${record.title ?? ''} ${record.text ?? ''}`.match(/[\u0621-\u064A]+/gu) ?? [];
      for (let i = 0; i < words.length; i++) {
        let gram = '';
        for (let n = 0; n < 3 && i + n < words.length; n++) {
          gram = n === 0 ? words[i]! : `${gram} ${words[i + n]}`;
          const c = counts.get(gram);
          if (c !== undefined) counts.set(gram, c + 1);
        }
      }
    }
  }
  for (const p of places.values()) {
    if (p.level === 'country' || fixed.has(p.id)) continue;
    let best = p.display;
    let bestCount = counts.get(best) ?? 0;
    for (const n of p.names) {
      const c = counts.get(n) ?? 0;
      if (c > bestCount) {
        best = n;
        bestCount = c;
      }
    }
    p.display = best;
  }
  log(`build-kb: display names from news-corpus counts in ${Math.round(performance.now() - t0)} ms`);
}

function writePlaces(path: string, places: Map<string, Place>, common: Set<string>, worldRegionsPath: string): void {
  const rows: string[][] = [];
  if (existsSync(worldRegionsPath)) for (const row of parseTsvRows(readText(worldRegionsPath))) rows.push(row);
  for (const p of places.values()) {
    if (p.level === 'region' && p.names.size === 0 && p.lat === 0 && p.lon === 0) continue;
    if (p.level === 'city' && p.names.size === 0) continue;
    const names = [p.display, ...[...p.names].filter((n) => n !== p.display)].filter(Boolean);
    const nerOnly = names.filter((n) => !n.includes(' ') && common.has(foldWord(n)));
    rows.push([
      p.id, p.kb, p.type, p.level, p.country, p.admin1, String(round(p.lat)), String(round(p.lon)), String(p.population),
      p.nameEn, names.join('|'), nerOnly.join('|'), p.featureCode,
    ]);
  }
  writeTsv(path, [
    'marsad knowledge base: places (countries, first-level regions, cities with Arabic names)',
    'format: TSV: id kb type level country admin1 lat lon population name_en names_ar(| separated, first = display) names_ar_ner_only feature_code',
    'names_ar_ner_only: one-word names that are also common words (stop words, tagged O more than LOC in ANERcorp train, or listed in',
    '  curated/homographs.tsv): link them only when NER marks them.',
    'source: GeoNames (countryInfo, cities15000, regionInfo; CC BY 4.0, geonames.org), geonames-ar-admin1 (MIT, data GeoNames CC BY 4.0),',
    '  Arabic country names and centroids from mledoze/countries (ODbL 1.0: facts only, attribute "mledoze/countries"),',
    '  curated/place-variants.tsv and curated/world-regions.tsv (MIT).',
    'changes: generated by scripts/build-kb.ts; city names filtered to Arabic-plausible spellings (no Persian/Urdu letters);',
    '  display name of a city/region = its variant most frequent in the shared news corpus (counts only).',
  ], rows);
}

function writeDemonyms(path: string, places: Map<string, Place>, curatedPath: string): void {
  const curated = new Map<string, { adjectives: string[]; plurals: string[] }>();
  if (existsSync(curatedPath)) {
    for (const [iso, adjectives, plurals] of parseTsvRows(readText(curatedPath))) {
      if (!iso || !adjectives) continue;
      curated.set(iso, { adjectives: split(adjectives), plurals: split(plurals ?? '') });
    }
  }
  const rows: string[][] = [];
  for (const p of places.values()) {
    if (p.level !== 'country') continue;
    const c = curated.get(p.country);
    const adjectives = c?.adjectives ?? [nisbaOf(p.display)].filter((a): a is string => a !== null);
    if (adjectives.length === 0) continue;
    const forms = new Set<string>();
    for (const a of adjectives) for (const f of adjectiveForms(a)) forms.add(f);
    for (const pl of c?.plurals ?? []) {
      forms.add(pl);
      forms.add('ال' + pl);
    }
    // The feminine with the article is what follows a feminine noun: «وزارة الخارجية الروسية».
    rows.push([p.country, adjectives[0] ?? '', `ال${adjectives[0]?.split(' ').map((w) => w + 'ة').join(' ال')}`, [...forms].join('|')]);
  }
  writeTsv(path, [
    'marsad knowledge base: nationality adjectives (NORP) per country',
    'format: TSV: country masculine_display feminine_with_article forms (| separated: all surface forms with and without ال, feminine, plural)',
    'source: generated by scripts/build-kb.ts from the country names in places.tsv with the nisba rule, plus curated/demonyms.tsv (MIT).',
    'changes: 2026-11-29 first version (issue #4).',
  ], rows);
}

/** Folded word frequencies over the shared news corpus (counts only; no text is kept). */
function countNewsWords(dataDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  const newsDir = join(dataDir, 'news');
  if (!existsSync(newsDir)) return counts;
  for (const file of readdirSync(newsDir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readText(join(newsDir, file)).split('\n')) {
      if (!line) continue;
      const record = JSON.parse(line) as { title?: string; text?: string };
      for (const w of `${record.title ?? ''} ${record.text ?? ''}`.match(/[\u0621-\u065F\u0670]+/gu) ?? []) {
        const key = foldWord(w);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * Words that look like a proclitic + a one-word KB name but are words of their own: «ولاية» (province) is
 * not و + «لاية», «بلدية» is not ب + «لدية». A word is listed when the news corpus has it more often than
 * the name it would strip to; then the linker never strips it («وبغداد» is rarer than «بغداد», so it still is).
 */
function writeCliticHomographs(path: string, places: Map<string, Place>, counts: Map<string, number>, curatedDir: string): void {
  if (counts.size === 0) return;
  const names = new Set<string>();
  for (const p of places.values()) for (const n of p.names) if (!n.includes(' ')) names.add(foldWord(n));
  for (const file of ['people.tsv', 'organisations.tsv']) {
    const f = join(curatedDir, file);
    if (existsSync(f)) for (const row of parseTsvRows(readText(f))) for (const n of split(row[5] ?? '')) if (!n.includes(' ')) names.add(foldWord(n.replace(/^\?/u, '')));
  }
  const prefixes = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
  const words = new Set<string>();
  for (const name of names) {
    const forms = prefixes.map((p) => p + name);
    if (name.startsWith('ال')) forms.push('لل' + name.slice(2), 'ولل' + name.slice(2), 'فلل' + name.slice(2));
    const base = counts.get(name) ?? 0;
    for (const form of forms) {
      const n = counts.get(form) ?? 0;
      if (n >= 5 && n > base) words.add(form);
    }
  }
  writeTsv(path, [
    'marsad knowledge base: words that must not be split into proclitic + name («ولاية» is not و + «لاية»)',
    'format: one folded word per line',
    'source: word counts over the shared news corpus (counts only) against the one-word names of places.tsv and the curated files.',
    'changes: generated by scripts/build-kb.ts (issue #4).',
  ], [...words].sort().map((w) => [w]));
  log(`build-kb: ${words.size} clitic homographs`);
}

/**
 * First names: words ANERcorp train tags B-PERS at least twice and never as a place.
 * A nationality adjective after one is a family name («منصور التركي»), not a NORP mention.
 */
function writeFirstNames(dataDir: string, path: string): void {
  const anerPath = join(dataDir, 'anercorp', 'ANERCorp_CamelLab_train.reconstructed.txt');
  if (!existsSync(anerPath)) return;
  const counts = new Map<string, { first: number; loc: number }>();
  for (const line of readText(anerPath).split('\n')) {
    const [word, tag] = line.split(' ');
    if (!word || !tag) continue;
    const key = foldWord(word);
    const c = counts.get(key) ?? { first: 0, loc: 0 };
    if (tag === 'B-PERS') c.first++;
    else if (tag.endsWith('LOC')) c.loc++;
    counts.set(key, c);
  }
  const names = [...counts].filter(([key, c]) => c.first >= 2 && c.loc === 0 && key.length >= 3 && !key.startsWith('ال')).map(([key]) => key).sort();
  writeTsv(path, [
    'marsad knowledge base: first names (folded), one per line',
    'source: derived from ANERcorp train (B-PERS tokens seen at least twice and never tagged LOC; counts only, no text).',
    'use: a nationality adjective right after a first name is a family name («منصور التركي»), not a NORP mention.',
    'changes: generated by scripts/build-kb.ts (issue #4).',
  ], names.map((n) => [n]));
  log(`build-kb: ${names.length} first names`);
}

/** People from the PETRARCH Arabic actor dictionary, minus those the curated list already has. */
function writeActors(dataDir: string, path: string, curatedPeople: string): void {
  const dictPath = join(dataDir, 'petrarch-dicts', 'arabic', 'actor_dict_ar_v4.txt');
  if (!existsSync(dictPath)) return;
  const iso2Of = new Map<string, string>();
  for (const row of parseTsvRows(readText(join(dataDir, 'geonames', 'countryInfo.tsv')))) if (row[0] && row[1]) iso2Of.set(row[1], row[0]);
  // CAMEO codes that differ from ISO 3166 alpha-3.
  for (const [cameo, iso2] of [['PSE', 'PS'], ['ROM', 'RO'], ['ZAR', 'CD'], ['SRB', 'RS'], ['KSV', 'XK']] as const) iso2Of.set(cameo, iso2);
  const skip = new Set<string>();
  if (existsSync(curatedPeople)) for (const row of parseTsvRows(readText(curatedPeople))) for (const n of split(row[5] ?? '')) skip.add(n.split(/\s+/u).map(foldWord).join(' '));
  // First names: first words of person names in ANERcorp train (B-PERS) and of the curated people.
  const firstNames = new Set<string>();
  const anerPath = join(dataDir, 'anercorp', 'ANERCorp_CamelLab_train.reconstructed.txt');
  if (existsSync(anerPath)) {
    for (const line of readText(anerPath).split('\n')) {
      const [word, tag] = line.split(' ');
      if (word && tag === 'B-PERS') firstNames.add(foldWord(word));
    }
  }
  for (const key of skip) firstNames.add(key.split(' ')[0]!);
  const people = parsePetrarchPeople(readText(dictPath), iso2Of, skip, firstNames);
  writeTsv(path, [
    'marsad knowledge base: people from the PETRARCH Arabic actor dictionary (multi-word personal names only)',
    'format: the curated entity format: id type kb country name_en names_ar(|) roles flags; roles are `cameo@<CAMEO country+sector code>:start..end`',
    'source: openeventdata/UniversalPetrarch, branch arabic, dictionaries/actor_dict_ar_v4.txt (MIT); dates as given, «18000101» and reversed ranges read as open.',
    'changes: generated by scripts/build-kb.ts; titles, bodies and lemmatised group names left out; names already in curated/people.tsv left out.',
  ], people.map((p) => [p.id, 'PER', '', p.country, '', p.names.join('|'), p.roles.join(';'), '']));
  log(`build-kb: ${people.length} people from the PETRARCH Arabic actor dictionary`);
}

function writeManifest(outDir: string): void {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel + '/');
      else if (entry.name !== 'manifest.json') files[rel] = createHash('sha256').update(readFileSync(join(dir, entry.name))).digest('hex');
    }
  };
  walk(outDir, '');
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ format: 'marsad.kb/1', sha256: files }, null, 2) + '\n');
}

function split(cell: string): string[] {
  return cell.split('|').map((s) => s.trim()).filter(Boolean);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

process.exitCode = main();
