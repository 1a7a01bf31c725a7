import { describe, expect, it } from 'vitest';
import { dayOf, formatDate, formatShortDay } from './dates.js';

describe('formatDate', () => {
  it('keeps the day the article was published, not the reader time zone', () => {
    expect(formatDate('2025-03-04T23:30:00+03:00', 'en')).toBe('4 March 2025');
    expect(formatDate('2025-03-04T23:30:00+03:00', 'en', true)).toBe('4 March 2025 23:30');
    expect(formatDate('2025-03-04', 'ar')).toBe('4 مارس 2025');
  });

  it('returns unparseable input unchanged and empty for none', () => {
    expect(formatDate('أمس', 'ar')).toBe('أمس');
    expect(formatDate(null, 'ar')).toBe('');
  });
});

describe('formatShortDay and dayOf', () => {
  it('formats axis labels and cuts the day out of a date-time', () => {
    expect(formatShortDay('2025-03-04', 'en')).toBe('4 Mar');
    expect(formatShortDay('2025-03-04', 'en', true)).toBe('4 Mar 2025');
    expect(formatShortDay('2025-03-04', 'ar', true)).toBe('4 مارس 2025');
    expect(dayOf('2025-03-04T01:00:00-05:00')).toBe('2025-03-04');
    expect(dayOf('March')).toBeNull();
  });
});
