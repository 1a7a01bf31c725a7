// Tests for Hijri ↔ Gregorian conversion: known Umm al-Qura pairs, the tabular calendar, round trips.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  gregorianToHijri,
  gregorianToJdn,
  hijriToGregorian,
  jdnToGregorian,
  jdnToTabularHijri,
  tabularHijriToJdn,
  type CalendarDate,
} from './hijri.js';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe('hijriToGregorian (Umm al-Qura)', () => {
  it.each([
    ['1 Muharram 1443', d(1443, 1, 1), d(2021, 8, 9)],
    ['3 Jumada al-Akhira 1443', d(1443, 6, 3), d(2022, 1, 6)],
    ['1 Ramadan 1444', d(1444, 9, 1), d(2023, 3, 23)],
    ['1 Shawwal 1444 (Eid al-Fitr)', d(1444, 10, 1), d(2023, 4, 21)],
    ['10 Dhu al-Hijja 1443 (Eid al-Adha)', d(1443, 12, 10), d(2022, 7, 9)],
    ['1 Muharram 1445', d(1445, 1, 1), d(2023, 7, 19)],
    ['1 Muharram 1400', d(1400, 1, 1), d(1979, 11, 21)],
  ])('%s', (_label, hijri, gregorian) => {
    expect(hijriToGregorian(hijri)).toEqual(gregorian);
  });

  it.each([
    ['month 13', d(1443, 13, 1)],
    ['day 0', d(1443, 1, 0)],
    ['day 31', d(1443, 1, 31)],
    ['year 0', d(0, 1, 1)],
  ])('rejects a malformed date: %s', (_label, hijri) => {
    expect(hijriToGregorian(hijri)).toBeNull();
  });

  it('reads the 30th of a 29-day month as the day after the 29th', () => {
    // Umm al-Qura gives Jumada al-Akhira 1443 29 days (1 Rajab 1443 = 2022-02-02).
    const last = hijriToGregorian(d(1443, 6, 29));
    expect(last).toEqual(d(2022, 2, 1));
    expect(hijriToGregorian(d(1443, 6, 30))).toEqual(d(2022, 2, 2));
  });
});

describe('gregorianToHijri', () => {
  it.each([
    [d(2021, 8, 9), d(1443, 1, 1)],
    [d(2022, 1, 6), d(1443, 6, 3)],
    [d(2023, 3, 23), d(1444, 9, 1)],
  ])('%o → %o', (gregorian, hijri) => {
    expect(gregorianToHijri(gregorian)).toEqual(hijri);
  });

  it('round-trips every day between 1950 and 2076 through Umm al-Qura', () => {
    fc.assert(
      fc.property(fc.integer({ min: gregorianToJdn(d(1950, 1, 1)), max: gregorianToJdn(d(2076, 12, 31)) }), (jdn) => {
        const g = jdnToGregorian(jdn);
        expect(hijriToGregorian(gregorianToHijri(g))).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tabular calendar', () => {
  it('puts 1 Muharram 1 AH on 16 July 622 (Julian), JDN 1948440', () => {
    expect(tabularHijriToJdn(d(1, 1, 1))).toBe(1948440);
  });

  it('is within two days of Umm al-Qura for 1443', () => {
    const tabular = jdnToGregorian(tabularHijriToJdn(d(1443, 6, 3)));
    const diff = Math.abs(gregorianToJdn(tabular) - gregorianToJdn(d(2022, 1, 6)));
    expect(diff).toBeLessThanOrEqual(2);
    expect(hijriToGregorian(d(1443, 6, 3), 'tabular')).toEqual(tabular);
  });

  it('round-trips jdn → hijri → jdn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1948440, max: 2600000 }), (jdn) => {
        expect(tabularHijriToJdn(jdnToTabularHijri(jdn))).toBe(jdn);
      }),
    );
  });

  it('has leap year 1442 (355 days) and common year 1443 (354 days)', () => {
    const len = (y: number): number => tabularHijriToJdn(d(y + 1, 1, 1)) - tabularHijriToJdn(d(y, 1, 1));
    expect([len(1442), len(1443)]).toEqual([355, 354]);
  });
});
