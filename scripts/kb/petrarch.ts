// People from the PETRARCH Arabic actor dictionary: multi-word personal names with CAMEO country+sector codes and dates.
import { createHash } from 'node:crypto';
import { foldWord } from '../../src/arabic/normalize.js';

export interface PetrarchPerson {
  id: string;
  country: string;
  names: string[];
  /** `cameo@IRQGOV:2010-12-21..2014-09-08`, the roles format of the curated entity files. */
  roles: string[];
}

/**
 * Words that make an actor entry a title, body or group rather than a person («رئيس_سوداني_عمر_البشير_»,
 * «حركة_حماس_»): such entries are left out, since the dictionary lemmatises them («جريدة_شرق_أوسط_») and
 * they would not match running text anyway.
 */
const NOT_A_PERSON = new Set(
  [
    'رئيس', 'ملك', 'عاهل', 'أمير', 'امير', 'وزير', 'وزارة', 'حركة', 'منظمة', 'قوة', 'قوات', 'جيش', 'حزب', 'مجلس', 'اتحاد', 'جامعة',
    'شرطة', 'ديوان', 'جبهة', 'بنك', 'جريدة', 'صحيفة', 'شركة', 'وكالة', 'لجنة', 'هيئة', 'جماعة', 'تنظيم', 'كتائب', 'كتيبة', 'سرايا',
    'لواء', 'مكتب', 'محكمة', 'برلمان', 'حكومة', 'دولة', 'جمهورية', 'مملكة', 'إمارة', 'سفارة', 'سفير', 'قائد', 'زعيم', 'مدير', 'أمين',
    'عام', 'متحدث', 'ناطق', 'مستشار', 'نائب', 'سكرتير', 'رئاسة', 'مؤتمر', 'مركز', 'معهد', 'مؤسسة', 'صندوق', 'شعب', 'مجموعة', 'ل',
    'الذي', 'التي', 'الذين', 'هوو', 'ولي', 'عهد', 'شيخ', 'الشيخ', 'اللواء', 'العميد', 'العقيد', 'الجنرال', 'جنرال', 'دكتور', 'الدكتور', 'مفتي', 'إمام', 'بابا',
  ].map(foldWord),
);

const CODE = /^\[([A-Z]{3})([A-Z]{3,9})?\s*(?:(\d{8})?-(\d{8})?|>\s*(\d{8})|<\s*(\d{8}))?\s*\]$/u;

/**
 * Parses the dictionary text; `iso2Of` maps CAMEO/ISO3 country codes to ISO2 (unknown codes are skipped);
 * `firstNames` (folded) keeps only entries that start like a person's name, which drops the dictionary's
 * lemmatised phrases («سفينة أمريكي», «أرض فلسطيني»).
 */
export function parsePetrarchPeople(
  text: string,
  iso2Of: ReadonlyMap<string, string>,
  skipKeys: ReadonlySet<string>,
  firstNames: ReadonlySet<string>,
): PetrarchPerson[] {
  const out = new Map<string, PetrarchPerson>();
  let name: string | null = null;
  let codes: string[] = [];
  const flush = () => {
    if (!name) return;
    const person = toPerson(name, codes, iso2Of);
    if (person && !firstNames.has(foldWord(person.names[0]!.split(' ')[0]!))) return;
    if (person && !skipKeys.has(person.names.map(foldWord).join(' ')) && !out.has(person.id)) out.set(person.id, person);
  };
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.replace(/#.*$/u, '').trimEnd();
    if (!line.trim()) continue;
    if (/^\s/u.test(line)) {
      codes.push(line.trim());
      continue;
    }
    flush();
    const inline = /^(\S+)\s+(\[.*\])\s*$/u.exec(line.trim());
    name = inline ? inline[1]! : line.trim();
    codes = inline ? [inline[2]!] : [];
  }
  flush();
  return [...out.values()];
}

function toPerson(entry: string, codes: readonly string[], iso2Of: ReadonlyMap<string, string>): PetrarchPerson | null {
  const words = entry.split('_').map((w) => w.trim()).filter(Boolean);
  if (words.length < 2 || words.length > 4) return null;
  // «جورج_بوش_ابن_»: a trailing «ابن» (junior) is not part of how Arabic news writes the name.
  if (foldWord(words[words.length - 1]!) === foldWord('ابن')) words.pop();
  if (words.length < 2) return null;
  if (words.some((w) => NOT_A_PERSON.has(foldWord(w)) || !/^(?:[\u0621-\u064A]|\u0670)+$/u.test(w))) return null;
  const roles: string[] = [];
  let country: string | null = null;
  for (const c of codes) {
    const m = CODE.exec(c);
    if (!m) continue;
    const iso2 = iso2Of.get(m[1]!);
    // A code without a sector («[USA]») names a country, not a person's role.
    if (!iso2 || !m[2]) continue;
    country ??= iso2;
    const start = date(m[3] ?? m[5]);
    let end = date(m[4] ?? m[6]);
    // The dictionary writes «18000101» or an end before the start for an open or unknown end.
    if (end && start && end < start) end = null;
    roles.push(`cameo@${m[1]}${m[2] ?? ''}:${start ?? ''}..${end ?? ''}`);
  }
  if (!country || roles.length === 0) return null;
  const display = words.join(' ').replace(/\u0670/gu, '');
  const key = words.map(foldWord).join(' ');
  return { id: `petrarch:${createHash('sha1').update(key).digest('hex').slice(0, 10)}`, country, names: [display], roles };
}

function date(yyyymmdd: string | undefined): string | null {
  if (!yyyymmdd || yyyymmdd.startsWith('1800')) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
