// The timeline in the browser: one bar per day and event type that has events, matching /api/timeline; by default
// cut to the days that hold the events (issue 7: the test protest's 2025 article is a far-off day beside the 2026 demo
// corpus), all dates on request; whole numbers on every count axis.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from './harness.js';
import { PROTEST_FACTS } from './test-articles.js';

interface Timeline {
  from: string;
  to: string;
  types: string[];
  days: Array<{ day: string; total: number; counts: Record<string, number> }>;
}

/** `day|TYPE` for every day and type with at least one event, within [from, to] when given. */
function expectedBars(timeline: Timeline, from = '0000-00-00', to = '9999-99-99'): string[] {
  return timeline.days
    .filter((d) => d.day >= from && d.day <= to)
    .flatMap((d) => Object.entries(d.counts).filter(([, n]) => n > 0).map(([type]) => `${d.day}|${type}`))
    .sort();
}

async function drawnBars(page: Page, testId = 'timeline'): Promise<string[]> {
  const bars = page.getByTestId(testId).getByTestId('timeline-bar');
  const keys = await bars.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-day')}|${el.getAttribute('data-type')}`));
  return keys.sort();
}

/** The labels of the count axis of the first chart under `scope`. */
async function tickLabels(page: Page, scope: string): Promise<string[]> {
  return page.locator(`${scope} .tick text`).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
}

const DAY_MS = 86_400_000;
const spanDays = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
const sum = (timeline: Timeline, from: string, to: string) => timeline.days.filter((d) => d.day >= from && d.day <= to).reduce((n, d) => n + d.total, 0);

describeBrowser('timeline page', (session) => {
  it('shows the busiest stretch of days by default, says so, and draws a bar for each day and type with events in it', async () => {
    const { page } = await session().open('/timeline');
    const api = await session().observatory.api<Timeline>('/api/timeline');
    const note = page.getByTestId('date-window');
    await note.waitFor();
    const [rule, from, to] = await Promise.all(['data-rule', 'data-from', 'data-to'].map((name) => note.getAttribute(name)));
    // The demo corpus spans three weeks of 2026; the test protest is in March 2025, 19 months earlier.
    expect(rule).toBe('busiest');
    expect(spanDays(from!, to!)).toBeLessThanOrEqual(90);
    expect(sum(api, from!, to!)).toBeGreaterThan(sum(api, api.from, api.to) / 2);
    expect(from! > PROTEST_FACTS.day).toBe(true);
    await expect(page.getByTestId('date-from').inputValue()).resolves.toBe(from);
    await expect(page.getByTestId('date-to').inputValue()).resolves.toBe(to);
    const expected = expectedBars(api, from!, to!);
    expect(expected.length).toBeGreaterThan(1);
    // Bars of zero height for days without events would be bars for the wrong days.
    await expect(drawnBars(page)).resolves.toEqual(expected);
  });

  it('draws every day with events, the far-off protest included, after «show all dates»', async () => {
    const { page } = await session().open('/timeline');
    const api = await session().observatory.api<Timeline>('/api/timeline');
    await page.getByTestId('date-window-all').click();
    await page.waitForURL((url) => url.searchParams.get('from') === api.from && url.searchParams.get('to') === api.to);
    await page.waitForSelector('main[data-ready="true"]');
    const expected = expectedBars(api);
    expect(expected).toContain(`${PROTEST_FACTS.day}|PROTEST`);
    await expect.poll(() => drawnBars(page), { timeout: 10_000 }).toEqual(expected);
    await expect(page.getByTestId('date-window').count()).resolves.toBe(0);
  });

  it('draws only the days of a query’s events in a range: «الخبز»', async () => {
    const range = `from=${PROTEST_FACTS.day}&to=2026-12-31`;
    const query = `q=${encodeURIComponent('الخبز')}&${range}`;
    const { page } = await session().open(`/timeline?${query}`);
    const api = await session().observatory.api<Timeline>(`/api/timeline?${query}`);
    const expected = expectedBars(api);
    expect(expected).toContain(`${PROTEST_FACTS.day}|PROTEST`);
    const all = expectedBars(await session().observatory.api<Timeline>(`/api/timeline?${range}`));
    expect(expected.length).toBeLessThan(all.length);
    await expect(drawnBars(page)).resolves.toEqual(expected);
  });

  it('labels count axes with whole numbers only (issue 7: a story timeline said «2.5»)', async () => {
    const stories = await session().observatory.api<{ items: Array<{ id: string }> }>('/api/stories?limit=200');
    const pages = ['/timeline', `/story/${encodeURIComponent(stories.items[0]!.id)}`, ...stories.items.slice(1, 4).map((s) => `/story/${encodeURIComponent(s.id)}`)];
    let axes = 0;
    for (const path of pages) {
      const { page } = await session().open(path);
      const labels = await tickLabels(page, 'figure.chart');
      if (labels.length === 0) continue;
      axes++;
      expect(labels.length, path).toBeGreaterThanOrEqual(2);
      for (const label of labels) expect(label, `${path}: ${labels.join(' ')}`).toMatch(/^\d+$/u);
    }
    expect(axes).toBeGreaterThanOrEqual(2);
  });
});
