// Tests for loading the knowledge base: files, user extensions, roles by date, generated bodies and errors.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMarsadError } from '../../../model/errors.js';
import { createKnowledgeBase, loadKnowledgeBase } from './kb.js';
import { nameKey } from './keys.js';
import { TEST_DEMONYMS, TEST_ENTITIES, TEST_PLACES, createTestKnowledgeBase } from './test-kb.js';

function writeKb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-kb-'));
  mkdirSync(join(dir, 'curated'));
  writeFileSync(join(dir, 'places.tsv'), TEST_PLACES);
  writeFileSync(join(dir, 'demonyms.tsv'), TEST_DEMONYMS);
  writeFileSync(join(dir, 'curated', 'people.tsv'), TEST_ENTITIES);
  return dir;
}

describe('loadKnowledgeBase', () => {
  it('reads places, demonyms and curated entities from a folder', () => {
    const kb = loadKnowledgeBase(writeKb());
    expect(kb.entries.get('iso:KZ')?.kb).toBe('geonames:1522867');
    expect(kb.entries.get('marsad:per/tokayev')?.roles[0]).toEqual({ role: 'head-of-state', scope: 'KZ', start: '2019-03-20', end: null });
    expect(kb.countryOfAdjective.get(nameKey('الكازاخستانية'))).toBe('KZ');
  });

  it('adds user entities from TSV and JSON files passed as extraFiles', () => {
    const dir = writeKb();
    const tsv = join(dir, 'mine.tsv');
    writeFileSync(tsv, 'user:org/observatory\tORG\t\tKZ\tSteppe Observatory\tمرصد السهوب\t\t\n');
    const json = join(dir, 'mine.json');
    writeFileSync(json, JSON.stringify([{ id: 'user:per/aliya', type: 'PER', names_ar: ['عليا نور بيكوفا'] }]));
    const kb = loadKnowledgeBase(dir, { extraFiles: [tsv, json] });
    expect(kb.byKey.get(nameKey('مرصد السهوب'))?.[0]?.entry.id).toBe('user:org/observatory');
    expect(kb.byKey.get(nameKey('عليا نور بيكوفا'))?.[0]?.entry.type).toBe('PER');
  });

  it('a user row with a shipped id adds spellings to that entity', () => {
    const dir = writeKb();
    const tsv = join(dir, 'more.tsv');
    writeFileSync(tsv, 'marsad:per/tokayev\tPER\t\tKZ\t\tتوكايف\t\t\n');
    const kb = loadKnowledgeBase(dir, { extraFiles: [tsv] });
    expect(kb.byKey.get(nameKey('توكايف'))?.[0]?.entry.id).toBe('marsad:per/tokayev');
  });

  it('finds an organisation or outlet by its English name as Latin-script text writes it, not a person', () => {
    const kb = createTestKnowledgeBase();
    expect(kb.byKey.get(nameKey('CSTO'))?.[0]?.entry.id).toBe('marsad:org/csto');
    expect(kb.byKey.get(nameKey('Interfax-Kazakhstan'))?.[0]?.entry.id).toBe('marsad:media/interfax-kz');
    // The Arabic name stays the display name.
    expect(kb.entries.get('marsad:org/csto')?.nameAr).toBe('منظمة معاهدة الأمن الجماعي');
    expect(kb.byKey.get(nameKey('Sergey Lavrov'))).toBeUndefined();
  });

  it('fails with E_RESOURCE naming the file when places.tsv is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-kb-empty-'));
    try {
      loadKnowledgeBase(dir);
      expect.unreachable();
    } catch (error) {
      expect(isMarsadError(error) && error.code).toBe('E_RESOURCE');
      expect(String(error)).toContain('places.tsv');
    }
  });

  it('fails with E_RESOURCE on a malformed role', () => {
    expect(() =>
      createKnowledgeBase({ places: '', demonyms: '', entities: [{ path: 'bad.tsv', text: 'x:1\tPER\t\t\t\tاسم\tpresident-of-KZ\t' }] }),
    ).toThrow(/role "president-of-KZ"/u);
  });
});

describe('holderOf', () => {
  const kb = createTestKnowledgeBase();
  it.each([
    ['2022-01-06', 'marsad:per/tokayev'],
    ['2019-03-19', 'marsad:per/nazarbayev'],
    ['2019-03-20', 'marsad:per/tokayev'],
    ['1985-01-01', undefined],
    [null, 'marsad:per/tokayev'],
  ])('head of state of KZ on %s is %s', (date, id) => {
    expect(kb.holderOf('head-of-state', 'KZ', date)?.id).toBe(id);
  });
});

describe('generated government bodies', () => {
  const kb = createTestKnowledgeBase();
  it.each([
    ['وزارة الخارجية الروسية', 'marsad:gov/ru/mfa'],
    ['الخارجية الأمريكية', 'marsad:gov/us/mfa'],
    ['الخارجية الأميركية', 'marsad:gov/us/mfa'],
    ['وزارة خارجية كازاخستان', 'marsad:gov/kz/mfa'],
    ['الشرطة الكازاخستانية', 'marsad:gov/kz/police'],
    ['الجيش الروسي', 'marsad:gov/ru/army'],
  ])('«%s» → %s', (name, id) => {
    expect(kb.byKey.get(nameKey(name))?.map((h) => h.entry.id)).toEqual([id]);
  });
});

describe('per-name NER-only marks', () => {
  it('a name written «?name» is NER-only, the entity\'s other names are not', () => {
    const kb = createKnowledgeBase({ places: '', demonyms: '', entities: [{ path: 'x.tsv', text: 'marsad:org/unsc\tORG\t\t\tUNSC\tمجلس الأمن الدولي|?مجلس الأمن\t\t' }] });
    expect(kb.byKey.get(nameKey('مجلس الأمن'))?.[0]?.nerOnly).toBe(true);
    expect(kb.byKey.get(nameKey('مجلس الأمن الدولي'))?.[0]?.nerOnly).toBe(false);
  });
});

describe('shipped place files', () => {
  // A shifted column once left every world region with only its English name: «الشرق الأوسط» never linked.
  // (GeoNames regions without an Arabic name are kept with their English one; marsad's own rows all have Arabic.)
  it.each(['resources/kb/places.tsv', 'resources/kb/curated/world-regions.tsv'])('%s: every row has the 13 columns and coordinates, marsad rows an Arabic name', (path) => {
    const text = readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url)), 'utf8');
    const bad = text
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .filter((l) => {
        const c = l.split('\t');
        const arabic = !(c[0] ?? '').startsWith('marsad:') || /[\u0621-\u064A]/u.test(c[10] ?? '');
        return c.length !== 13 || !arabic || c[6] === '' || Number.isNaN(Number(c[6])) || Number.isNaN(Number(c[7]));
      });
    expect(bad.slice(0, 3)).toEqual([]);
  });
});
