import { describe, expect, it } from 'vitest';
import { filterParams, isEmpty, parseFilters, toggleFilter, withFilters } from './filters.js';

describe('parseFilters', () => {
  it('reads repeated and comma-separated lists, days and flags', () => {
    const params = new URLSearchParams('q=%D8%A8%D9%8A%D8%B1%D9%88%D8%AA&type=PROTEST,ASSAULT&type=AID&entity=iso:LB&entity=iso:LB&from=2025-03-01&to=2025-3-9&duplicates=true&story=s1&limit=5');
    expect(parseFilters(params)).toEqual({
      q: 'بيروت',
      type: ['PROTEST', 'ASSAULT', 'AID'],
      entity: ['iso:LB'],
      from: '2025-03-01',
      story: 's1',
      duplicates: true,
    });
  });

  it('drops blank values', () => {
    expect(parseFilters(new URLSearchParams('q=%20&outlet=&duplicates=maybe'))).toEqual({});
  });
});

describe('filterParams', () => {
  it('round-trips through parseFilters', () => {
    const filters = { q: '"وقف إطلاق النار"', outlet: ['wna', 'sna'], place: ['بيروت'], from: '2025-03-01', to: '2025-03-09', duplicates: false };
    expect(parseFilters(filterParams(filters))).toEqual(filters);
  });

  it('repeats list params and appends extras', () => {
    expect(filterParams({ type: ['PROTEST', 'AID'] }, { limit: 20, offset: undefined }).toString()).toBe('type=PROTEST&type=AID&limit=20');
    expect(withFilters('/api/search', {})).toBe('/api/search');
    expect(withFilters('/api/export', { story: 'a b' }, { format: 'csv' })).toBe('/api/export?story=a+b&format=csv');
  });
});

describe('toggleFilter', () => {
  it('adds a missing value and removes a present one', () => {
    const once = toggleFilter({ q: 'x' }, 'outlet', 'wna');
    expect(once).toEqual({ q: 'x', outlet: ['wna'] });
    expect(toggleFilter(once, 'outlet', 'wna')).toEqual({ q: 'x' });
    expect(isEmpty(toggleFilter({ type: ['AID'] }, 'type', 'AID'))).toBe(true);
  });
});
