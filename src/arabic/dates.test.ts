// Tests for parseArticleDate and findDateMentions: every printed date form, Hijri and dual dates, junk.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyMeridiem, findDateMentions, foldDateText, parseArticleDate, resolveOffset, zoneOf } from './dates.js';

describe('parseArticleDate: day forms', () => {
  it.each([
    ['dashed, Egyptian name', '06-يناير-2022', '2022-01-06'],
    ['spaced', '6 يناير 2022', '2022-01-06'],
    ['with weekday', 'الخميس 6 يناير 2022', '2022-01-06'],
    ['with يوم and comma', 'يوم الخميس، 6 يناير، 2022', '2022-01-06'],
    ['Levantine', '6 كانون الثاني 2022', '2022-01-06'],
    ['Levantine without article', '15 تشرين أول 2021', '2021-10-15'],
    ['Levantine آذار', '1 آذار 2020', '2020-03-01'],
    ['Levantine آب with year', '6 آب 2022', '2022-08-06'],
    ['Levantine أيلول', '11 أيلول 2001', '2001-09-11'],
    ['Maghreb جانفي', '6 جانفي 2022', '2022-01-06'],
    ['Maghreb جويلية', '14 جويلية 2019', '2019-07-14'],
    ['Maghreb أوت', '20 أوت 2021', '2021-08-20'],
    ['Maghreb فيفري', '3 فيفري 2023', '2023-02-03'],
    ['Morocco غشت', '20 غشت 2021', '2021-08-20'],
    ['Egyptian إبريل', '25 إبريل 2022', '2022-04-25'],
    ['bare-alef ابريل', '25 ابريل 2022', '2022-04-25'],
    ['Egyptian يونيه', '30 يونيه 2013', '2013-06-30'],
    ['Egyptian يوليه', '23 يوليه 1952', '1952-07-23'],
    ['dual month name with slash', '6 يناير/كانون الثاني 2022', '2022-01-06'],
    ['dual month name in brackets', '6 كانون الثاني (يناير) 2022', '2022-01-06'],
    ['Arabic-Indic digits', '٦ يناير ٢٠٢٢', '2022-01-06'],
    ['Persian digits', '۶ يناير ۲۰۲۲', '2022-01-06'],
    ['era suffix', '6 يناير 2022م', '2022-01-06'],
    ['harakat and tatweel', 'الخَميس ٦ ينـاير ٢٠٢٢ مـ', '2022-01-06'],
    ['bidi marks', '\u200f6\u200f يناير\u200f 2022', '2022-01-06'],
    ['label before', 'نشر في: 6 يناير 2022', '2022-01-06'],
    ['numeric d/m/y', '06/01/2022', '2022-01-06'],
    ['numeric d-m-y', '6-1-2022', '2022-01-06'],
    ['numeric d.m.y', '06.01.2022', '2022-01-06'],
    ['numeric m/d/y when day > 12', '01/25/2022', '2022-01-25'],
    ['numeric y/m/d', '2022/01/06', '2022-01-06'],
    ['ISO date', '2022-01-06', '2022-01-06'],
    ['English month first', 'January 6, 2022', '2022-01-06'],
    ['English abbreviation', '6 Jan 2022', '2022-01-06'],
    ['leap day', '29 فبراير 2024', '2024-02-29'],
    ['leap day 2000', '29/02/2000', '2000-02-29'],
    ['year end', '31 ديسمبر 2021', '2021-12-31'],
    ['عام before the year', '14 أبريل عام 2018', '2018-04-14'],
  ])('%s: %s', (_label, input, value) => {
    expect(parseArticleDate(input)).toEqual({ value, granularity: 'day' });
  });
});

describe('parseArticleDate: date-times', () => {
  it.each([
    ['ISO with offset', '2022-01-06T10:30:00+03:00', '2022-01-06T10:30:00+03:00'],
    ['ISO with Z', '2022-01-06T10:30:00Z', '2022-01-06T10:30:00+00:00'],
    ['ISO with fraction', '2022-01-06T10:30:00.123+0300', '2022-01-06T10:30:00+03:00'],
    ['ISO without offset', '2022-01-06T10:30', '2022-01-06T10:30:00'],
    ['ISO with space', '2022-01-06 10:30:00', '2022-01-06T10:30:00'],
    ['RFC 822 numeric zone', 'Thu, 06 Jan 2022 10:30:00 +0300', '2022-01-06T10:30:00+03:00'],
    ['RFC 822 GMT', 'Thu, 06 Jan 2022 07:30:00 GMT', '2022-01-06T07:30:00+00:00'],
    ['RFC 822 named US zone', 'Thu, 06 Jan 2022 02:30:00 EST', '2022-01-06T02:30:00-05:00'],
    ['RFC 822 no seconds', 'Thu, 6 Jan 2022 10:30 +0300', '2022-01-06T10:30:00+03:00'],
    ['Arabic with dash time', '6 يناير 2022 - 10:30', '2022-01-06T10:30:00'],
    ['ص is AM', '6 يناير 2022 - 10:30 ص', '2022-01-06T10:30:00'],
    ['م is PM', '6 يناير 2022 - 10:30 م', '2022-01-06T22:30:00'],
    ['12 م is noon', '6 يناير 2022 - 12:15 م', '2022-01-06T12:15:00'],
    ['12 ص is midnight', '6 يناير 2022 - 12:15 ص', '2022-01-06T00:15:00'],
    ['مساءً', '6 يناير 2022 الساعة 8:05 مساءً', '2022-01-06T20:05:00'],
    ['Arabic-Indic time', '٦ يناير ٢٠٢٢ - ١٠:٣٠ ص', '2022-01-06T10:30:00'],
    ['time before date', '10:30 ص | 06/01/2022', '2022-01-06T10:30:00'],
    ['Mecca time', '6 يناير 2022 10:30 بتوقيت مكة المكرمة', '2022-01-06T10:30:00+03:00'],
    ['GMT in Arabic', '6 يناير 2022 07:30 (ت.غ)', '2022-01-06T07:30:00+00:00'],
    ['gmt+3', '06/01/2022 10:30 GMT+3', '2022-01-06T10:30:00+03:00'],
    ['Cairo zone resolved at the date', '6 يوليو 2022 10:30 بتوقيت القاهرة', '2022-07-06T10:30:00+02:00'],
    ['English AM/PM', 'Thursday, January 6, 2022 10:30 PM', '2022-01-06T22:30:00'],
    ['Unix seconds', '1641465000', '2022-01-06T10:30:00+00:00'],
    ['Unix milliseconds', '1641465000000', '2022-01-06T10:30:00+00:00'],
  ])('%s: %s', (_label, input, value) => {
    expect(parseArticleDate(input)).toEqual({ value, granularity: 'instant' });
  });

  it.each([
    ['Asia/Riyadh', '6 يناير 2022 - 10:30', '2022-01-06T10:30:00+03:00'],
    ['Europe/London in summer', '6 يوليو 2022 - 10:30', '2022-07-06T10:30:00+01:00'],
    ['Europe/London in winter', '6 يناير 2022 - 10:30', '2022-01-06T10:30:00+00:00'],
    ['an unknown zone gives no offset', '6 يناير 2022 - 10:30', '2022-01-06T10:30:00'],
  ])('timezone option %s', (zone, input, value) => {
    const timezone = zone.startsWith('an unknown') ? 'Nowhere/Atlantis' : zone.split(' ')[0];
    expect(parseArticleDate(input, { timezone })?.value).toBe(value);
  });

  it('keeps a printed offset over the timezone option', () => {
    expect(parseArticleDate('2022-01-06T10:30:00+01:00', { timezone: 'Asia/Riyadh' })?.value).toBe('2022-01-06T10:30:00+01:00');
  });
});

describe('parseArticleDate: Hijri', () => {
  it.each([
    ['name, Arabic-Indic, هـ', '٣ جمادى الآخرة ١٤٤٣هـ', '2022-01-06', '1443-06-03'],
    ['الثانية spelling, spaced هـ', '3 جمادى الثانية 1443 هـ', '2022-01-06', '1443-06-03'],
    ['جمادي with ya', '3 جمادي الاخرة 1443', '2022-01-06', '1443-06-03'],
    ['Muharram', '1 محرم 1443 هـ', '2021-08-09', '1443-01-01'],
    ['Ramadan', '1 رمضان 1444هـ', '2023-03-23', '1444-09-01'],
    ['ذي الحجة', '10 ذي الحجة 1443 هجرية', '2022-07-09', '1443-12-10'],
    ['numeric y/m/d with هـ', '1443/06/03هـ', '2022-01-06', '1443-06-03'],
    ['numeric d/m/y Hijri-range year', '03/06/1443', '2022-01-06', '1443-06-03'],
  ])('%s: %s', (_label, input, value, hijri) => {
    expect(parseArticleDate(input)).toEqual({ value, granularity: 'day', hijri });
  });

  it('prefers the Gregorian of a dual date and keeps the Hijri', () => {
    expect(parseArticleDate('الخميس 3 جمادى الآخرة 1443 هـ الموافق 6 يناير 2022 م')).toEqual({
      value: '2022-01-06',
      granularity: 'day',
      hijri: '1443-06-03',
    });
  });

  it('prefers the printed Gregorian even when the Hijri side disagrees by a day', () => {
    expect(parseArticleDate('4 جمادى الآخرة 1443 هـ الموافق 6 يناير 2022 م')).toEqual({
      value: '2022-01-06',
      granularity: 'day',
      hijri: '1443-06-04',
    });
  });

  it('takes the time from the Gregorian side of a dual date', () => {
    expect(parseArticleDate('3 جمادى الآخرة 1443 هـ - 6 يناير 2022 - 10:30 م')?.value).toBe('2022-01-06T22:30:00');
  });
});

describe('parseArticleDate: weekdays', () => {
  it('accepts a matching weekday without a flag', () => {
    expect(parseArticleDate('الخميس 6 يناير 2022')?.weekdayMismatch).toBeUndefined();
  });

  it.each([
    ['Arabic', 'الجمعة 6 يناير 2022'],
    ['English', 'Fri, 06 Jan 2022 10:30:00 GMT'],
    ['before a Hijri date', 'السبت 3 جمادى الآخرة 1443 هـ'],
  ])('tolerates and flags a wrong weekday (%s); the date wins', (_label, input) => {
    const parsed = parseArticleDate(input);
    expect(parsed?.value.slice(0, 10)).toBe('2022-01-06');
    expect(parsed?.weekdayMismatch).toBe(true);
  });
});

describe('parseArticleDate: month and year', () => {
  it.each([
    ['يناير 2022', { value: '2022-01', granularity: 'month' }],
    ['كانون الثاني 2022', { value: '2022-01', granularity: 'month' }],
    ['يناير/كانون الثاني عام 2017', { value: '2017-01', granularity: 'month' }],
    ['2022', { value: '2022', granularity: 'year' }],
    ['٢٠٢٢م', { value: '2022', granularity: 'year' }],
    ['عام 2022', { value: '2022', granularity: 'year' }],
  ])('%s', (input, expected) => {
    expect(parseArticleDate(input)).toEqual(expected);
  });
});

describe('parseArticleDate: junk is null', () => {
  it.each([
    [''],
    ['   '],
    ['junk'],
    ['غير متوفر'],
    ['32 يناير 2022'],
    ['29 فبراير 2023'],
    ['31/04/2022'],
    ['13/13/2022'],
    ['6 آب'],
    ['2022-13-01'],
    ['12345'],
    ['العدد 12 يناير 2022 ص 5'.replace('12 ', '')],
    ['9999'],
    ['6 يناير 3022'],
  ])('%j', (input) => {
    expect(parseArticleDate(input)).toBeNull();
  });

  it('returns null for a non-string from untyped callers', () => {
    expect(parseArticleDate(undefined as unknown as string)).toBeNull();
    expect(parseArticleDate(42 as unknown as string)).toBeNull();
  });

  it('never throws and returns a well-formed value on any string', () => {
    const iso = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?)?)?$/;
    const pieces = fc.constantFrom('6', '٢٠٢٢', 'يناير', 'كانون الثاني', '/', '-', ':', ' ', 'هـ', 'م', 'ص', 'الخميس', '10:30', '+03:00', 'T', 'GMT', 'جمادى الآخرة', '1443', '2022', '31', '02');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 12 }).map((a) => a.join(''))), (input) => {
        const parsed = parseArticleDate(input);
        if (parsed) expect(parsed.value).toMatch(iso);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findDateMentions', () => {
  it('finds several dates with spans into the original text', () => {
    const text = 'وقعت الحادثة في ٦ يناير ٢٠٢٢، وأعلن عنها في 10/01/2022.';
    const found = findDateMentions(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['٦ يناير ٢٠٢٢', '10/01/2022']);
    expect(found.map((m) => m.gregorian)).toEqual([
      { year: 2022, month: 1, day: 6 },
      { year: 2022, month: 1, day: 10 },
    ]);
  });

  it('finds a yearless date with year null', () => {
    const text = 'ستعقد القمة في 20 مارس المقبل';
    const [m] = findDateMentions(text);
    expect(m && text.slice(m.start, m.end)).toBe('20 مارس');
    expect(m?.year).toBeNull();
    expect(m?.gregorian).toBeNull();
  });

  it('keeps harakat inside the reported span', () => {
    const text = 'في ٦ ينـايرَ ٢٠٢٢ وقع';
    const [m] = findDateMentions(text);
    expect(m && text.slice(m.start, m.end)).toBe('٦ ينـايرَ ٢٠٢٢');
  });

  it('takes in the harakat after the last letter', () => {
    const text = 'في ٦ ينـايرَ، قالت';
    const [m] = findDateMentions(text);
    expect(m && text.slice(m.start, m.end)).toBe('٦ ينـايرَ');
  });

  it('ends a yearless paired month name at its last letter', () => {
    const text = 'في 6 يناير/كانون الثاني قال';
    const [m] = findDateMentions(text);
    expect(m && text.slice(m.start, m.end)).toBe('6 يناير/كانون الثاني');
  });

  it('does not read an amount as a date', () => {
    expect(findDateMentions('شارك 2500 متظاهر و300 شرطي في 12 مسيرة')).toEqual([]);
  });

  it('includes a weekday and a time in the span', () => {
    const text = 'نشر يوم الخميس 6 يناير 2022 - 10:30 ص ثم حذف';
    const [m] = findDateMentions(text);
    expect(m && text.slice(m.start, m.end)).toBe('يوم الخميس 6 يناير 2022 - 10:30 ص');
    expect(m?.weekday).toBe(4);
    expect(m?.time).toEqual({ hour: 10, minute: 30, second: 0, offset: null, zone: null });
  });
});

describe('helpers', () => {
  it.each([
    [10, 'am', 10],
    [12, 'am', 0],
    [10, 'pm', 22],
    [12, 'pm', 12],
    [1, 'noon', 13],
    [11, 'noon', 11],
    [10, 'night', 22],
    [2, 'night', 2],
    [12, 'night', 0],
    [5, 'dawn', 5],
    [4, 'afternoon', 16],
    [15, 'pm', 15],
    [25, null, null],
  ] as const)('applyMeridiem(%d, %s) = %s', (hour, meridiem, expected) => {
    expect(applyMeridiem(hour, meridiem)).toBe(expected);
  });

  it.each([
    ['+0300', '+03:00'],
    ['-05:30', '-05:30'],
    ['gmt+3', '+03:00'],
    ['gmt', '+00:00'],
    ['بتوقيت مكه', '+03:00'],
    ['nonsense', null],
  ])('zoneOf(%s) = %s', (input, expected) => {
    expect(zoneOf(input)).toBe(expected);
  });

  it('resolves an IANA offset across a DST change', () => {
    expect(resolveOffset('Asia/Beirut', { year: 2022, month: 1, day: 6 }, 10, 0)).toBe('+02:00');
    expect(resolveOffset('Asia/Beirut', { year: 2022, month: 7, day: 6 }, 10, 0)).toBe('+03:00');
  });

  it('folds hamza, ta marbuta, alef maqsura and digits with a map back', () => {
    const fold = foldDateText('آذارُ ليلةً ٢٠٢٢ جمادى');
    expect(fold.text).toBe('اذار ليله 2022 جمادي');
    expect(fold.toOriginalSpan(5, 9)).toEqual([6, 10]);
  });
});
