// Tests for incremental story clustering: scoring, assignment, summaries and the in-memory index.
import { describe, expect, it } from 'vitest';
import type { StoryFeatures } from './features.js';
import {
  assignStory,
  candidateKeys,
  createMemoryStoryIndex,
  daysApart,
  newStory,
  placeArticle,
  scoreStory,
  storyAge,
  storyKeys,
  topEntities,
  updateStory,
} from './cluster.js';

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-04T10:00:00Z');

function feat(over: Partial<StoryFeatures> & { articleId: string }): StoryFeatures {
  return { outlet: 'akhbar', title: null, time: T0, terms: {}, entities: {}, places: {}, eventTypes: [], ...over };
}

// Terms stand for stems; the vectors need not be normalised for these tests (cosine normalises).
const BOMBING = { انفجار: 1, مسجد: 1, حايل: 0.8, مصل: 0.6 };
const FIRE = { حريق: 1, مستودع: 1, حايل: 0.8, اثاث: 0.6 };
const HAIL = { 'geonames:106281': 1 };

describe('scoreStory', () => {
  const story = newStory(feat({ articleId: 'a1', terms: BOMBING, places: HAIL, eventTypes: ['ASSAULT'] }), 's1');

  it('scores a same-day report of the same happening above the default threshold', () => {
    const s = scoreStory(feat({ articleId: 'a2', time: T0 + 3_600_000, terms: { انفجار: 1, مسجد: 0.9, حايل: 0.7 }, places: HAIL }), story);
    expect(s.score).toBeGreaterThan(0.5);
  });

  it('gives the same place with a different happening nothing: shared places alone never join', () => {
    const s = scoreStory(feat({ articleId: 'a3', time: T0 + 7 * DAY, terms: FIRE, places: HAIL }), story);
    expect(s.places).toBeCloseTo(1);
    expect(s.score).toBeLessThan(0.22);
  });

  it('decays with days apart beyond the grace day', () => {
    const same = feat({ articleId: 'a4', terms: BOMBING, places: HAIL });
    const later = { ...same, time: T0 + 9 * DAY };
    expect(scoreStory(later, story).score).toBeLessThan(scoreStory(same, story).score / 3);
    expect(scoreStory({ ...same, time: T0 + DAY }, story).score).toBeCloseTo(scoreStory(same, story).score);
  });

  it('ages a story fed every day, so a fortnight of coverage does not stay one story', () => {
    let daily = newStory(feat({ articleId: 'd0', terms: BOMBING }), 'daily');
    for (let d = 1; d <= 10; d++) daily = updateStory(daily, feat({ articleId: `d${d}`, time: T0 + d * DAY, terms: BOMBING }));
    const next = feat({ articleId: 'd11', time: T0 + 10.5 * DAY, terms: BOMBING });
    expect(daysApart(next, daily)).toBeCloseTo(0.5);
    expect(storyAge(next, daily)).toBeCloseTo(10.5);
    expect(scoreStory(next, daily).score).toBeLessThan(0.3);
  });

  it('leaves out signals the article lacks instead of counting them against it', () => {
    const textOnly = scoreStory(feat({ articleId: 'a5', terms: BOMBING }), story);
    expect(textOnly.score).toBeCloseTo(1, 5);
  });
});

describe('daysApart', () => {
  it('is zero inside the story interval and counts from the nearer end outside it', () => {
    let s = newStory(feat({ articleId: 'a', time: T0 }), 's');
    s = updateStory(s, feat({ articleId: 'b', time: T0 + 2 * DAY }));
    expect(daysApart(feat({ articleId: 'c', time: T0 + DAY }), s)).toBe(0);
    expect(daysApart(feat({ articleId: 'd', time: T0 + 5 * DAY }), s)).toBeCloseTo(3);
    expect(daysApart(feat({ articleId: 'e', time: T0 - DAY }), s)).toBeCloseTo(1);
    expect(daysApart(feat({ articleId: 'f', time: null }), s)).toBe(0);
  });
});

describe('assignStory', () => {
  const bombing = newStory(feat({ articleId: 'a1', terms: BOMBING, places: HAIL }), 'bombing');
  const fire = newStory(feat({ articleId: 'b1', terms: FIRE, places: HAIL }), 'fire');

  it('picks the best candidate', () => {
    expect(assignStory(feat({ articleId: 'x', terms: FIRE, places: HAIL }), [bombing, fire]).storyId).toBe('fire');
  });
  it('starts a new story when nothing is close enough', () => {
    expect(assignStory(feat({ articleId: 'y', terms: { زلزال: 1, تركيا: 1 } }), [bombing, fire]).storyId).toBeNull();
  });
  it('ignores stories outside the time window', () => {
    expect(assignStory(feat({ articleId: 'z', terms: BOMBING, time: T0 + 30 * DAY }), [bombing]).storyId).toBeNull();
  });
});

describe('updateStory', () => {
  it('keeps counts, outlets, first/last seen and a day timeline, without changing its input', () => {
    const s1 = newStory(feat({ articleId: 'a1', title: 'انفجار في مسجد بحائل', terms: BOMBING, eventTypes: ['ASSAULT'] }), 's1');
    const s2 = updateStory(s1, feat({ articleId: 'a2', outlet: 'wasat', time: T0 + DAY, terms: BOMBING, eventTypes: ['ASSAULT', 'ACCUSE'] }));
    expect(s1.articleCount).toBe(1);
    expect(s2.articleCount).toBe(2);
    expect(s2.outlets).toEqual({ akhbar: 1, wasat: 1 });
    expect(s2.firstSeen).toBe(new Date(T0).toISOString());
    expect(s2.lastSeen).toBe(new Date(T0 + DAY).toISOString());
    expect(s2.timeline.map((d) => [d.date, d.articles])).toEqual([
      ['2025-03-04', 1],
      ['2025-03-05', 1],
    ]);
    expect(s2.eventTypes).toEqual({ ASSAULT: 2, ACCUSE: 1 });
    expect(s2.title).toBe('انفجار في مسجد بحائل');
  });

  it('is plain JSON: a summary read back from the store scores the same', () => {
    const s = newStory(feat({ articleId: 'a1', terms: BOMBING, places: HAIL }), 's1');
    const back = JSON.parse(JSON.stringify(s)) as typeof s;
    const f = feat({ articleId: 'a2', terms: BOMBING });
    expect(scoreStory(f, back)).toEqual(scoreStory(f, s));
  });

  it('lists top entities and places', () => {
    const s = newStory(feat({ articleId: 'a1', entities: { 'marsad:org/x': 0.5 }, places: HAIL }), 's1');
    expect(topEntities(s).map((e) => e.key)).toEqual(['geonames:106281', 'marsad:org/x']);
  });
});

describe('createMemoryStoryIndex and placeArticle', () => {
  it('shares index keys between a story and an article about it', () => {
    const f = feat({ articleId: 'a1', terms: BOMBING, places: HAIL });
    const keys = storyKeys(newStory(f, 's'));
    expect(candidateKeys(f).every((k) => keys.includes(k))).toBe(true);
  });

  it('grows one story from two reports and starts another for an unrelated one', () => {
    const index = createMemoryStoryIndex();
    let n = 0;
    const id = () => `s${++n}`;
    const first = placeArticle(feat({ articleId: 'a1', terms: BOMBING, places: HAIL }), index, id);
    index.put(first.story);
    const second = placeArticle(feat({ articleId: 'a2', terms: { ...BOMBING, جنازه: 0.5 }, places: HAIL }), index, id);
    index.put(second.story);
    const third = placeArticle(feat({ articleId: 'a3', terms: { زلزال: 1, تركيا: 1 } }), index, id);
    index.put(third.story);
    expect([first.created, second.created, third.created]).toEqual([true, false, true]);
    expect(index.get('s1')?.articleCount).toBe(2);
    expect(index.all()).toHaveLength(2);
  });
});
