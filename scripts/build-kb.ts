// Builds the knowledge base under resources/kb/ from ../shared/data (or MARSAD_DATA): places and demonyms.
// Usage: npx tsx scripts/build-kb.ts [--data DIR] [--out DIR]. Curated files in resources/kb/curated/ are read, not written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { foldWord } from '../src/arabic/normalize.js';
import { isArabicPlausible } from './kb/arabic-names.js';
import { adjectiveForms, nisbaOf } from './kb/demonyms.js';
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
  const places = new Map<string, Place>();
  const countryByGeonameId = addCountries(dataDir, places);
  addRegions(dataDir, places, countryByGeonameId);
  addCities(dataDir, places);
  const curatedDir = join(outDir, 'curated');
  applyPlaceVariants(join(curatedDir, 'place-variants.tsv'), places);
  fillRegionCoordinates(places);
  writePlaces(join(outDir, 'places.tsv'), places, common);
  writeDemonyms(join(outDir, 'demonyms.tsv'), places, join(curatedDir, 'demonyms.tsv'));
  writeManifest(outDir);
  log(`build-kb: ${places.size} places written to ${outDir} in ${Math.round(performance.now() - t0)} ms`);
  return 0;
}

/**
 * Folded words that are mostly not place names in running text: stop words, and words ANERcorp tags
 * O more often than LOC («صور» pictures / Tyre, «العين» the eye / Al Ain). A one-word place name among them
 * is linked only when NER marks it, never by the gazetteer pass.
 */
function commonWords(dataDir: string): Set<string> {
  const words = new Set<string>();
  const stopPath = join(dataDir, 'stopwords-ar', 'mohataher_list.txt');
  if (existsSync(stopPath)) for (const w of readText(stopPath).split(/\s+/u)) if (w) words.add(foldWord(w));
  const anerPath = join(dataDir, 'anercorp', 'ANERCorp_CamelLab_train.reconstructed.txt');
  if (existsSync(anerPath)) {
    const counts = new Map<string, { o: number; loc: number }>();
    for (const line of readText(anerPath).split('\n')) {
      const [word, tag] = line.split(' ');
      if (!word || !tag) continue;
      const key = foldWord(word);
      const c = counts.get(key) ?? { o: 0, loc: 0 };
      if (tag === 'O') c.o++;
      else if (tag.endsWith('LOC')) c.loc++;
      counts.set(key, c);
    }
    for (const [key, c] of counts) if (c.o >= 3 && c.o > 2 * c.loc) words.add(key);
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

function writePlaces(path: string, places: Map<string, Place>, common: Set<string>): void {
  const rows: string[][] = [];
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
    'names_ar_ner_only: one-word names that are also common words (stop words, or tagged O more than LOC in ANERcorp train): link them only when NER marks them.',
    'source: GeoNames (countryInfo, cities15000, regionInfo; CC BY 4.0, geonames.org), geonames-ar-admin1 (MIT, data GeoNames CC BY 4.0),',
    '  Arabic country names and centroids from mledoze/countries (ODbL 1.0: facts only, attribute "mledoze/countries"), curated/place-variants.tsv (MIT).',
    'changes: generated by scripts/build-kb.ts; city names filtered to Arabic-plausible spellings (no Persian/Urdu letters).',
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
