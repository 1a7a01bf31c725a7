// Tests for the export formatters: CSV quoting, Analysis JSONL, PLOVER records and the ACLED mapping.
import { describe, expect, it } from 'vitest';
import type { Analysis, Event } from '../model/analysis.js';
import { Analysis as AnalysisSchema } from '../model/analysis.js';
import {
  ACLED_COLUMNS,
  acledCsvHeader,
  acledCsvRows,
  acledType,
  csvField,
  csvLine,
  entitiesCsvRows,
  eventsCsvHeader,
  eventsCsvRows,
  EVENTS_COLUMNS,
  quotesCsvRows,
  toAnalysisJsonl,
  toPloverRecords,
} from './index.js';

const TEXT = 'تظاهر مئات في ساحة الشهداء ببيروت، وقتل شخصان في اشتباك مع الشرطة. وقال الوزير: "سنحقق".';

function event(over: Partial<Event>): Event {
  return {
    type: 'PROTEST',
    mode: 'demo',
    cameo: null,
    actor: [{ entity: null, text: 'مئات' }],
    recipient: [],
    location: { entity: 'geo:beirut', text: 'بيروت' },
    date: '2025-03-08',
    size: {},
    modality: 'asserted',
    evidence: { start: 0, end: 33, text: TEXT.slice(0, 33) },
    confidence: 0.8,
    ...over,
  };
}

const ANALYSIS: Analysis = {
  schema: 'marsad.analysis/1',
  article: {
    id: 'art1',
    outlet: 'akhbar',
    author: null,
    url: 'https://example.org/a?x=1,2',
    published: '2025-03-08T12:00:00+02:00',
    title: 'احتجاج في بيروت',
    caption: null,
    photoCredit: null,
    language: 'ar',
    text: TEXT,
    paragraphs: [{ start: 0, end: TEXT.length }],
    removed: [],
  },
  sentences: [],
  entities: [
    {
      id: 'geo:beirut',
      type: 'GPE',
      name: { ar: 'بيروت', en: 'Beirut' },
      kb: 'geonames:276781',
      geo: { lat: 33.89, lon: 35.5, country: 'LB', admin1: 'Beirut', level: 'city' },
      mentions: [{ start: 26, end: 31, text: 'بيروت', kind: 'name' }],
    },
    { id: 'nil:1', type: 'ORG', name: { ar: 'الشرطة' }, mentions: [{ start: 55, end: 61, text: 'الشرطة', kind: 'name' }] },
  ],
  quotes: [
    {
      speaker: { entity: null, text: 'الوزير' },
      cue: 'قال',
      content: { start: 80, end: 85, text: 'سنحقق' },
      direct: true,
      channel: null,
      via: [],
    },
  ],
  times: [],
  events: [
    event({}),
    event({ type: 'ASSAULT', mode: 'firearms', actor: [{ entity: 'nil:1', text: 'الشرطة' }], size: { dead: 2 }, evidence: { start: 35, end: 66, text: TEXT.slice(35, 66) } }),
    event({ type: 'CONSULT', mode: null }),
    event({ type: 'ASSAULT', mode: 'explosives', modality: 'negated' }),
  ],
};

/** A minimal RFC 4180 reader for round-trip checks: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csvField', () => {
  it.each([
    ['بيروت', 'بيروت'],
    ['بيروت، لبنان', 'بيروت، لبنان'], // the Arabic comma ، is not a CSV separator
    ['a,b', '"a,b"'],
    ['قال "نعم"', '"قال ""نعم"""'],
    ['سطر\nثان', '"سطر\nثان"'],
    [null, ''],
    [3.5, '3.5'],
  ])('%j → %j', (value, out) => {
    expect(csvField(value)).toBe(out);
  });

  it('escapes a leading formula character only when asked', () => {
    expect(csvField('=1+1')).toBe('=1+1');
    expect(csvField('=1+1', { escapeFormulas: true })).toBe("'=1+1");
  });

  it('ends records with CRLF', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });
});

describe('CSV tables', () => {
  it('writes one event row per event, with as many fields as the header, that read back', () => {
    const rows = parseCsv(eventsCsvHeader() + eventsCsvRows(ANALYSIS, { story: { id: 's9', title: null } }));
    expect(rows).toHaveLength(1 + ANALYSIS.events.length);
    expect(rows.every((r) => r.length === EVENTS_COLUMNS.length)).toBe(true);
    const second = Object.fromEntries(EVENTS_COLUMNS.map((c, i) => [c, rows[2]?.[i]]));
    expect(second).toMatchObject({ story_id: 's9', type: 'ASSAULT', actor: 'الشرطة', dead: '2', url: 'https://example.org/a?x=1,2' });
  });

  it('writes entities and quotes', () => {
    expect(parseCsv(entitiesCsvRows(ANALYSIS)).map((r) => r[2])).toEqual(['geo:beirut', 'nil:1']);
    expect(parseCsv(quotesCsvRows(ANALYSIS))[0]?.[9]).toBe('سنحقق');
  });
});

describe('toAnalysisJsonl', () => {
  it('is one line that parses to a valid Analysis plus story and duplicateOf', () => {
    const line = toAnalysisJsonl({ ...ANALYSIS, article: { ...ANALYSIS.article, text: TEXT + '\u2028' } }, { story: { id: 's1', title: 'احتجاج' }, duplicateOf: 'art0' });
    expect(line).not.toMatch(/[\n\u2028]/);
    const back = JSON.parse(line) as Record<string, unknown>;
    expect(back.story).toEqual({ id: 's1', title: 'احتجاج' });
    expect(back.duplicateOf).toBe('art0');
    const { story: _s, duplicateOf: _d, ...rest } = back;
    expect(AnalysisSchema.safeParse(rest).success).toBe(true);
  });

  it('writes story null and no duplicateOf for an original without a story', () => {
    const back = JSON.parse(toAnalysisJsonl(ANALYSIS)) as Record<string, unknown>;
    expect(back.story).toBeNull();
    expect('duplicateOf' in back).toBe(false);
  });
});

describe('toPloverRecords', () => {
  const records = toPloverRecords(ANALYSIS, { story: { id: 's1', title: null } });
  it('gives one record per event with the manual field names', () => {
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({
      id: 'art1-e0',
      date: '2025-03-08',
      event: ['PROTEST'],
      mode: ['demo'],
      link: 's1',
      event_loc: { extracted_place: 'بيروت', lat: 33.89, lon: 35.5, country_code: 'LB', province: 'Beirut', resolution: 4 },
      cite_info: { url: 'https://example.org/a?x=1,2', publication: 'akhbar', coder: 'marsad' },
    });
  });
  it('keeps unlinked actors as text only, and marks a negated event in the comment', () => {
    expect(records[1]?.actor).toEqual([{ entity_text: 'الشرطة' }]);
    expect(records[3]?.comment).toContain('negated');
  });
});

describe('ACLED', () => {
  it.each([
    [{ type: 'PROTEST', mode: 'demo', size: {} }, 'Protests', 'Peaceful protest'],
    [{ type: 'PROTEST', mode: 'demo', size: { arrested: 4 } }, 'Protests', 'Protest with intervention'],
    [{ type: 'PROTEST', mode: 'riot', size: {} }, 'Riots', 'Violent demonstration'],
    [{ type: 'ASSAULT', mode: 'suicide-attack', size: {} }, 'Explosions/Remote violence', 'Suicide bomb'],
    [{ type: 'ASSAULT', mode: 'explosives', size: {} }, 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    [{ type: 'ASSAULT', mode: 'firearms', size: {} }, 'Battles', 'Armed clash'],
    [{ type: 'ASSAULT', mode: null, size: {} }, 'Violence against civilians', 'Attack'],
    [{ type: 'COERCE', mode: 'arrest', size: {} }, 'Strategic developments', 'Arrests'],
  ])('%j → %s / %s', (ev, type, sub) => {
    expect(acledType(ev)).toEqual({ eventType: type, subEventType: sub });
  });

  it('leaves out other types, other COERCE modes and negated events', () => {
    expect(acledType({ type: 'COERCE', mode: 'curfew', size: {} })).toBeNull();
    expect(acledType({ type: 'CONSULT', mode: null, size: {} })).toBeNull();
    const rows = parseCsv(acledCsvHeader() + acledCsvRows(ANALYSIS));
    expect(rows.map((r) => r[0])).toEqual(['event_id', 'art1-e0', 'art1-e1']);
  });

  it('fills location, precision and fatalities', () => {
    const rows = parseCsv(acledCsvRows(ANALYSIS));
    const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(row).toMatchObject({ event_date: '2025-03-08', location: 'بيروت', admin1: 'Beirut', geo_precision: '1', fatalities: '2', actor1: 'الشرطة' });
  });
});
