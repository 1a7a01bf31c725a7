// The knowledge base: entries (places, people, organisations, outlets, nationality adjectives, government
// bodies) with stable ids, indexed by folded name and by transliteration skeleton. Loaded once, handed in.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../../model/analysis.js';
import { MarsadError } from '../../../model/errors.js';
import { nameKey, skeletonOf } from './keys.js';

export type GeoLevel = 'country' | 'region' | 'city' | 'facility';

/** An office held over a date range: `head-of-state@KZ:2019-03-20..` in the TSV. */
export interface Role {
  role: string;
  /** An ISO country code or an entity id (`marsad:org/un`). */
  scope: string;
  start: string | null;
  end: string | null;
}

export interface KbEntry {
  /** Stable id: `iso:KZ`, `geonames:1526384`, `marsad:per/tokayev`, `norp:KZ`, `marsad:gov/kz/mfa`. */
  id: string;
  /** External id (Wikidata QID or GeoNames id) when known. */
  kb: string | null;
  type: EntityType;
  level: GeoLevel | null;
  nameAr: string;
  nameEn: string | null;
  names: string[];
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  /** GeoNames feature code of a place (PPLC a capital, PPLA a region's seat, ADM1, PCLI), else null. */
  feature: string | null;
  roles: Role[];
  /** Folded keys of names that are also common words: matched only inside an NER mention. */
  nerOnly: ReadonlySet<string>;
}

export interface KbHit {
  entry: KbEntry;
  /** True when this name of the entry is a common word too (see `KbEntry.nerOnly`). */
  nerOnly: boolean;
}

export interface KnowledgeBase {
  readonly entries: ReadonlyMap<string, KbEntry>;
  /** Entries by exact folded key of one of their names. */
  readonly byKey: ReadonlyMap<string, readonly KbHit[]>;
  /** Entries by skeleton of one of their names (fuzzy candidates). */
  readonly bySkeleton: ReadonlyMap<string, ReadonlyArray<KbHit & { key: string }>>;
  /** Folded first tokens of all names, so a scan skips most positions at once. */
  readonly firstTokens: ReadonlySet<string>;
  /** Folded first names («منصور», «أحمد»): a nationality adjective right after one is a family name. */
  readonly firstNames: ReadonlySet<string>;
  /** Folded words never read as proclitic + name («ولاية», «بلدية»): words of their own in the news corpus. */
  readonly noStrip: ReadonlySet<string>;
  /** Every word-level prefix of every name key («منظمه», «منظمه معاهده», …), so a scan stops as soon as no name can continue. */
  readonly prefixes: ReadonlySet<string>;
  /** The most tokens any name has. */
  readonly maxTokens: number;
  /** Country → the feminine adjective with article and all adjective keys («الكازاخستانية»). */
  readonly demonyms: ReadonlyMap<string, { masculine: string; feminine: string; forms: string[] }>;
  /** Folded adjective form → country code («الروسيه» → RU). */
  readonly countryOfAdjective: ReadonlyMap<string, string>;
  /** Folded country name → country code («روسيا» → RU). */
  readonly countryOfName: ReadonlyMap<string, string>;
  /** Who held `role` of `scope` on `date` (ISO); with no date, the holder whose term has no end. */
  holderOf(role: string, scope: string, date: string | null): KbEntry | null;
  /**
   * Memo of per-word work that repeats across articles (folding, proclitic readings, fuzzy candidates):
   * news vocabulary is Zipfian, so most words are seen before. Pure caches: clearing them changes nothing.
   */
  readonly memo: KbMemo;
}

/** What the linker knows about one surface word, computed once per distinct word. */
export interface WordInfo {
  key: string;
  readings: readonly string[];
  /** Some reading is the first word of a KB name: only then can a name start here. */
  mayStart: boolean;
  /** One-word fuzzy candidates for the word and its readings: undefined until first asked, null for none. */
  fuzzy?: { reading: number; similar: ReadonlyArray<{ entry: KbEntry; similarity: number; nerOnly: boolean }> } | null;
}

export interface KbMemo {
  words: Map<string, WordInfo>;
  fuzzy: Map<string, ReadonlyArray<{ entry: KbEntry; similarity: number; nerOnly: boolean }>>;
}

/** Each memo is emptied when it reaches this many words, so a long run's memory stays bounded. */
export const MEMO_LIMIT = 200_000;

export interface LoadKnowledgeBaseOptions {
  /** User files (TSV in the curated entity format, or JSON: an array of entity objects) added after the shipped ones. */
  extraFiles?: string[];
}

/**
 * Ministries and forces generated per country from its adjective: id suffix, Arabic noun, English. Only the
 * body nouns of foreign, defence and interior ministries also stand alone («الخارجية الروسية»); the others
 * need «وزارة» («وزارة الصحة السعودية»), since «الصحة السعودية» is also just Saudi health.
 */
const GOVERNMENT_BODIES: ReadonlyArray<{ slug: string; noun: string; construct: string | null; en: string; gender: 'f' | 'm'; ministry: boolean }> = [
  { slug: 'mfa', noun: 'الخارجية', construct: 'خارجية', en: 'Ministry of Foreign Affairs', gender: 'f', ministry: true },
  { slug: 'mod', noun: 'الدفاع', construct: 'دفاع', en: 'Ministry of Defence', gender: 'f', ministry: true },
  { slug: 'moi', noun: 'الداخلية', construct: 'داخلية', en: 'Ministry of the Interior', gender: 'f', ministry: true },
  { slug: 'health', noun: 'الصحة', construct: 'صحة', en: 'Ministry of Health', gender: 'f', ministry: true },
  { slug: 'finance', noun: 'المالية', construct: 'مالية', en: 'Ministry of Finance', gender: 'f', ministry: true },
  { slug: 'justice', noun: 'العدل', construct: 'عدل', en: 'Ministry of Justice', gender: 'f', ministry: true },
  { slug: 'education', noun: 'التعليم', construct: 'تعليم', en: 'Ministry of Education', gender: 'f', ministry: true },
  { slug: 'energy', noun: 'الطاقة', construct: 'طاقة', en: 'Ministry of Energy', gender: 'f', ministry: true },
  { slug: 'economy', noun: 'الاقتصاد', construct: 'اقتصاد', en: 'Ministry of Economy', gender: 'f', ministry: true },
  { slug: 'information', noun: 'الإعلام', construct: 'إعلام', en: 'Ministry of Information', gender: 'f', ministry: true },
  { slug: 'trade', noun: 'التجارة', construct: 'تجارة', en: 'Ministry of Trade', gender: 'f', ministry: true },
  { slug: 'police', noun: 'الشرطة', construct: null, en: 'Police', gender: 'f', ministry: false },
  { slug: 'army', noun: 'الجيش', construct: null, en: 'Armed Forces', gender: 'm', ministry: false },
  { slug: 'government', noun: 'الحكومة', construct: null, en: 'Government', gender: 'f', ministry: false },
];

const STANDALONE_BODY_NOUNS = new Set(['mfa', 'mod', 'moi']);

/** Shared by the many entries with no common-word names, to keep loading light. */
const NO_KEYS: ReadonlySet<string> = new Set();

/** The shipped files, in load order; `curated/*.tsv` entity files are all read. */
const ENTITY_FILES = ['curated/people.tsv', 'curated/organisations.tsv', 'actors.tsv'];

/** Reads the knowledge base from `dir` (resources/kb) plus user files. Throws E_RESOURCE when a file is bad. */
export function loadKnowledgeBase(dir: string, options: LoadKnowledgeBaseOptions = {}): KnowledgeBase {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (cause) {
      throw new MarsadError('E_RESOURCE', `knowledge base file ${path} cannot be read; run \`npx tsx scripts/build-kb.ts\` or fix the path`, { cause, source: path });
    }
  };
  const sources: KbSources = {
    places: read(join(dir, 'places.tsv')),
    demonyms: existsSync(join(dir, 'demonyms.tsv')) ? read(join(dir, 'demonyms.tsv')) : '',
    noStrip: existsSync(join(dir, 'clitic-homographs.tsv')) ? read(join(dir, 'clitic-homographs.tsv')) : '',
    firstNames: existsSync(join(dir, 'first-names.tsv')) ? read(join(dir, 'first-names.tsv')) : '',
    entities: ENTITY_FILES.filter((f) => existsSync(join(dir, f))).map((f) => ({ path: join(dir, f), text: read(join(dir, f)) })),
  };
  for (const path of options.extraFiles ?? []) sources.entities.push({ path, text: read(path) });
  return createKnowledgeBase(sources);
}

export interface KbSources {
  /** places.tsv text (may be empty). */
  places: string;
  /** clitic-homographs.tsv text (optional). */
  noStrip?: string;
  /** first-names.tsv text (optional). */
  firstNames?: string;
  /** demonyms.tsv text (may be empty). */
  demonyms: string;
  /** Entity files in the curated TSV format (or JSON arrays when the path ends in .json). */
  entities: Array<{ path: string; text: string }>;
}

/** Builds a knowledge base from file texts: what tests use with a five-entry KB. */
export function createKnowledgeBase(sources: KbSources): KnowledgeBase {
  const entries = new Map<string, KbEntry>();
  for (const row of dataRows(sources.places)) {
    const [id, kb, type, level, country, admin1, lat, lon, population, nameEn, names, nerOnly, feature] = row;
    if (!id || !names) continue;
    const list = splitList(names);
    entries.set(id, {
      id,
      kb: kb || null,
      type: (type as EntityType) || 'GPE',
      level: (level as GeoLevel) || null,
      nameAr: list[0] ?? '',
      nameEn: nameEn || null,
      names: list,
      country: country || null,
      admin1: admin1 || null,
      lat: lat ? Number(lat) : null,
      lon: lon ? Number(lon) : null,
      population: Number(population || 0),
      feature: feature || null,
      roles: [],
      nerOnly: nerOnly ? new Set(splitList(nerOnly).map(nameKey)) : NO_KEYS,
    });
  }
  for (const file of sources.entities) {
    const rows = file.path.endsWith('.json') ? jsonRows(file.text, file.path) : dataRows(file.text);
    for (const row of rows) addEntityRow(entries, row, file.path);
  }
  const demonyms = new Map<string, { masculine: string; feminine: string; forms: string[] }>();
  const countryOfAdjective = new Map<string, string>();
  for (const [country, masculine, feminine, forms] of dataRows(sources.demonyms)) {
    if (!country || !masculine || !feminine) continue;
    const list = splitList(forms ?? '');
    demonyms.set(country, { masculine, feminine, forms: list });
    for (const f of list) countryOfAdjective.set(nameKey(f), country);
    const place = entries.get(`iso:${country}`);
    entries.set(`norp:${country}`, {
      id: `norp:${country}`,
      kb: `iso:${country}`,
      type: 'NORP',
      level: null,
      nameAr: masculine,
      nameEn: place?.nameEn ?? null,
      names: list,
      country,
      admin1: null,
      lat: null,
      lon: null,
      population: 0,
      feature: null,
      roles: [],
      nerOnly: NO_KEYS,
    });
  }
  const countryOfName = new Map<string, string>();
  for (const e of entries.values()) {
    if (e.level === 'country' && e.country) for (const n of e.names) countryOfName.set(nameKey(n), e.country);
  }
  addGovernmentBodies(entries, demonyms);
  const noStrip = new Set(dataRows(sources.noStrip ?? '').map((r) => r[0]!).filter(Boolean));
  const firstNames = new Set(dataRows(sources.firstNames ?? '').map((r) => nameKey(r[0] ?? '')).filter(Boolean));
  return indexEntries(entries, demonyms, countryOfAdjective, countryOfName, noStrip, firstNames);
}

/** Adds spellings an entry does not have yet, after the ones it has. */
function addNames(entry: KbEntry, names: readonly string[]): void {
  for (const n of names) if (!entry.names.includes(n)) entry.names.push(n);
}

function addEntityRow(entries: Map<string, KbEntry>, row: string[], path: string): void {
  const [id, type, kb, country, nameEn, names, roles, flags] = row;
  if (!id || !type || !names) {
    throw new MarsadError('E_RESOURCE', `${path}: an entity row needs id, type and names_ar; found ${JSON.stringify(row.slice(0, 6))}`, { source: path });
  }
  // A leading «?» marks one spelling as NER-only («?مجلس الأمن»: the UN Security Council only when NER
  // marks it, since «مجلس الأمن القومي» and «مجلس الأمن الجماعي» share the words).
  const raw = splitList(names);
  const list = raw.map((n) => n.replace(/^\?/u, ''));
  const flagSet = new Set(splitList(flags ?? '', ','));
  const nerOnly = flagSet.has('ner-only') ? new Set(list.map(nameKey)) : new Set(raw.filter((n) => n.startsWith('?')).map((n) => nameKey(n.slice(1))));
  // Arabic news writes many organisations and outlets in Latin script («CNN», «Reuters»): their English name is
  // one more spelling (after the Arabic ones, which stay the display name).
  const latin = latinNameOf(nameEn ?? '');
  if (latin !== null && (type === 'ORG' || type === 'MEDIA')) list.push(latin);
  const existing = entries.get(id);
  if (existing) {
    // A user file may add names to a shipped entity: same id, more spellings.
    addNames(existing, list);
    return;
  }
  entries.set(id, {
    id,
    kb: kb || null,
    type: type as EntityType,
    level: null,
    nameAr: list[0] ?? id,
    nameEn: nameEn || null,
    names: list,
    country: country || null,
    admin1: null,
    lat: null,
    lon: null,
    population: 0,
    feature: null,
    roles: parseRoles(roles ?? '', path),
    nerOnly: nerOnly.size > 0 ? nerOnly : NO_KEYS,
  });
}

/** An English name as Latin-script Arabic text would write it («Houthis (Ansar Allah)» → «Houthis»), or null. */
export function latinNameOf(nameEn: string): string | null {
  const name = nameEn.replace(/\(.*?\)/gu, '').trim();
  return /^[A-Z][A-Za-z0-9&.' -]*$/u.test(name) ? name : null;
}

function parseRoles(cell: string, path: string): Role[] {
  const roles: Role[] = [];
  for (const part of splitList(cell, ';')) {
    const m = /^([a-z-]+)@(.+?):(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/u.exec(part);
    if (!m) throw new MarsadError('E_RESOURCE', `${path}: role "${part}" is not role@scope:YYYY-MM-DD..YYYY-MM-DD`, { source: path });
    roles.push({ role: m[1]!, scope: m[2]!, start: m[3] ?? null, end: m[4] ?? null });
  }
  return roles;
}

/**
 * Government bodies per country, named as Arabic news names them: «وزارة الخارجية الروسية»،
 * «الخارجية الروسية»، «وزارة خارجية روسيا»، «الشرطة الكازاخستانية»، «الجيش الروسي». Each country's
 * ministry is its own entity, so the US, Russian and British foreign ministries never merge.
 */
function addGovernmentBodies(entries: Map<string, KbEntry>, demonyms: ReadonlyMap<string, { masculine: string; feminine: string; forms: string[] }>): void {
  for (const [country, d] of demonyms) {
    const place = entries.get(`iso:${country}`);
    const adjectives = d.forms.filter((f) => f.startsWith('ال'));
    const feminine = adjectives.filter((f) => f.endsWith('ة') || f.endsWith('ه'));
    const masculine = adjectives.filter((f) => f.endsWith('ي'));
    for (const body of GOVERNMENT_BODIES) {
      const adj = body.gender === 'f' ? feminine : masculine;
      const names: string[] = [];
      for (const a of adj) {
        if (body.ministry) names.push(`وزارة ${body.noun} ${a}`);
        if (!body.ministry || STANDALONE_BODY_NOUNS.has(body.slug)) names.push(`${body.noun} ${a}`);
      }
      if (body.construct && place) for (const n of place.names) if (!n.includes(' ')) names.push(`وزارة ${body.construct} ${n}`);
      if (names.length === 0) continue;
      const id = `marsad:gov/${country.toLowerCase()}/${body.slug}`;
      const curated = entries.get(id);
      if (curated) {
        // A curated row for the same body («البنتاغون» for the US defence ministry) keeps its names first.
        addNames(curated, names);
        continue;
      }
      entries.set(id, {
        id,
        kb: null,
        type: 'ORG',
        level: null,
        nameAr: names[0]!,
        nameEn: place?.nameEn ? `${body.en} (${place.nameEn})` : body.en,
        names,
        country,
        admin1: null,
        lat: null,
        lon: null,
        population: 0,
        feature: null,
        roles: [],
        nerOnly: new Set(),
      });
    }
  }
}

function indexEntries(
  entries: Map<string, KbEntry>,
  demonyms: KnowledgeBase['demonyms'],
  countryOfAdjective: Map<string, string>,
  countryOfName: Map<string, string>,
  noStrip: ReadonlySet<string>,
  firstNames: ReadonlySet<string>,
): KnowledgeBase {
  const byKey = new Map<string, KbHit[]>();
  const bySkeleton = new Map<string, Array<KbHit & { key: string }>>();
  const firstTokens = new Set<string>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  const roleIndex = new Map<string, KbEntry[]>();
  for (const entry of entries.values()) {
    const seen: string[] = [];
    // Generated names («الخارجية الروسية») are not transliterations: fuzzy matching would read
    // «الخارجية الروسي» (the minister's title) as the ministry.
    const fuzzy = entry.type !== 'NORP' && !entry.id.startsWith('marsad:gov/');
    for (const name of entry.names) {
      const key = nameKey(name);
      if (!key || seen.includes(key)) continue;
      seen.push(key);
      const hit = { entry, nerOnly: entry.nerOnly.has(key), key };
      push(byKey, key, hit);
      const space = key.indexOf(' ');
      firstTokens.add(space < 0 ? key : key.slice(0, space));
      if (space >= 0) {
        maxTokens = Math.max(maxTokens, key.split(' ').length);
        for (let k = space; k >= 0; k = key.indexOf(' ', k + 1)) prefixes.add(key.slice(0, k));
      }
      prefixes.add(key);
      if (!fuzzy) continue;
      // Short skeletons collide with everything («روسيا» → «رس»): fuzzy matching starts at 4 letters.
      const skeleton = skeletonOf(key);
      if (skeleton.length >= 4) push(bySkeleton, skeleton, hit);
    }
    for (const r of entry.roles) push(roleIndex, `${r.role}@${r.scope}`, entry);
  }
  return {
    entries,
    byKey,
    bySkeleton,
    firstTokens,
    noStrip,
    firstNames,
    prefixes,
    memo: { words: new Map(), fuzzy: new Map() },
    maxTokens: Math.min(maxTokens, 8),
    demonyms,
    countryOfAdjective,
    countryOfName,
    holderOf(role, scope, date) {
      for (const entry of roleIndex.get(`${role}@${scope}`) ?? []) {
        for (const r of entry.roles) {
          if (r.role !== role || r.scope !== scope) continue;
          if (date === null ? r.end === null : (r.start === null || r.start <= date) && (r.end === null || date < r.end)) return entry;
        }
      }
      return null;
    },
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function dataRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push(line.split('\t'));
  }
  return rows;
}

/** A user JSON file: `[{ id, type, kb?, country?, name_en?, names_ar: string[], roles?: string, flags?: string }]`. */
function jsonRows(text: string, path: string): string[][] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new MarsadError('E_RESOURCE', `${path}: not valid JSON`, { cause, source: path });
  }
  if (!Array.isArray(data)) throw new MarsadError('E_RESOURCE', `${path}: expected a JSON array of entities`, { source: path });
  return data.map((o: Record<string, unknown>) => [
    String(o.id ?? ''),
    String(o.type ?? ''),
    String(o.kb ?? ''),
    String(o.country ?? ''),
    String(o.name_en ?? ''),
    Array.isArray(o.names_ar) ? o.names_ar.join('|') : String(o.names_ar ?? ''),
    String(o.roles ?? ''),
    String(o.flags ?? ''),
  ]);
}

function splitList(cell: string, sep = '|'): string[] {
  return cell.split(sep).map((s) => s.trim()).filter(Boolean);
}
