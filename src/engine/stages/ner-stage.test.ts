import { describe, expect, it } from 'vitest';
import { groupMentions } from './ner-stage.js';

describe('groupMentions', () => {
  it('folds spelling variants of one name into one entity and keeps every mention', () => {
    const entities = groupMentions([
      { start: 0, end: 6, text: 'أنقرة', label: 'LOC', score: 0.9 },
      { start: 20, end: 25, text: 'انقرة', label: 'LOC', score: 0.8 },
      { start: 30, end: 35, text: 'سعيد', label: 'PER', score: 0.7 },
    ]);
    expect(entities).toHaveLength(2);
    expect(entities[0]?.mentions.map((m) => m.start)).toEqual([0, 20]);
    expect(entities[0]?.id).toMatch(/^nil:[0-9a-f]{12}$/);
    expect(entities[1]?.type).toBe('PER');
  });

  it('keeps the same string with different types apart', () => {
    const entities = groupMentions([
      { start: 0, end: 4, text: 'عمان', label: 'LOC', score: 1 },
      { start: 9, end: 13, text: 'عمان', label: 'ORG', score: 1 },
    ]);
    expect(entities.map((e) => e.type)).toEqual(['LOC', 'ORG']);
  });

  it('marks title mentions with their field', () => {
    const [entity] = groupMentions([{ start: 2, end: 7, text: 'بيروت', label: 'LOC', score: 1, field: 'title' }]);
    expect(entity?.mentions[0]).toMatchObject({ field: 'title', kind: 'name' });
  });
});
