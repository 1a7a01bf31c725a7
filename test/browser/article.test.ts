// The article reader in the browser: highlights of each kind with their details, the removed panel, and inert hostile markup.
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, type BrowserSession } from './harness.js';
import { HOSTILE_FACTS, HOSTILE_RECORD, PROTEST_FACTS, PROTEST_RECORD, TEST_OUTLET } from './test-articles.js';

/** The stored id of a test article, by its title. */
function articleId(session: BrowserSession, title: string): string {
  const result = session.observatory.store.search({ filters: { outlet: [TEST_OUTLET] }, limit: 50, facets: false, snippets: false });
  const hit = result.hits.find((h) => h.title === title);
  if (hit === undefined) throw new Error(`expected the test article «${title}» in the store, found ${JSON.stringify(result.hits.map((h) => h.title))}`);
  return hit.id;
}

/** The highlights of one kind (and type) inside the article text. */
function highlights(page: Page, kind: 'entity' | 'quote' | 'event', type?: string): Locator {
  return page.getByTestId('article-text').locator(`[data-testid="highlight"][data-kind="${kind}"]${type === undefined ? '' : `[data-type="${type}"]`}`);
}

/** Opens a highlight's detail the way a reader does (a click) and returns the detail panel. */
async function detailOf(highlight: Locator): Promise<Locator> {
  await highlight.click();
  const detail = highlight.page().getByTestId('highlight-detail');
  await detail.waitFor({ state: 'visible' });
  return detail;
}

describeBrowser('article page', (session) => {
  it('shows the title and text with entity, quote and event highlights', async () => {
    const { page } = await session().open(`/article/${articleId(session(), PROTEST_RECORD.title)}`);
    await expect(page.getByTestId('article-title').textContent()).resolves.toContain(PROTEST_RECORD.title);
    const text = page.getByTestId('article-text');
    await expect(text.textContent()).resolves.toContain(PROTEST_FACTS.quote);
    for (const kind of ['entity', 'quote', 'event'] as const) {
      await expect(highlights(page, kind).count(), `highlights of kind ${kind}`).resolves.toBeGreaterThan(0);
    }
    await expect(highlights(page, 'entity', 'GPE').filter({ hasText: PROTEST_FACTS.placeName }).count()).resolves.toBeGreaterThan(0);
    await expect(highlights(page, 'event', 'PROTEST').count()).resolves.toBeGreaterThan(0);
  });

  it('details an event highlight with its type, place and date, and a quote highlight with its speaker', async () => {
    const { page } = await session().open(`/article/${articleId(session(), PROTEST_RECORD.title)}`);
    // The evidence sentence itself says «احتجاجاً», so the type is read from the fact's type chip (titled by its code).
    const detail = await detailOf(highlights(page, 'event', 'PROTEST').first());
    const event = detail.locator('[data-kind="event"]').filter({ has: page.locator('[title="PROTEST"]') });
    await expect(event.count()).resolves.toBe(1);
    const place = event.getByTestId('entity-link').filter({ hasText: PROTEST_FACTS.placeName });
    await expect(place.getAttribute('href')).resolves.toBe(`/entity/${encodeURIComponent(PROTEST_FACTS.place)}`);
    await expect(event.textContent()).resolves.toMatch(/2025|٢٠٢٥/u);
    const quoteDetail = await detailOf(highlights(page, 'quote').filter({ hasText: PROTEST_FACTS.quote }).first());
    const quote = quoteDetail.locator('[data-kind="quote"]').filter({ hasText: PROTEST_FACTS.quote });
    await expect(quote.filter({ hasText: PROTEST_FACTS.speaker }).count()).resolves.toBe(1);
  });

  it('opens what cleaning removed (the byline) from one toggle', async () => {
    const { page } = await session().open(`/article/${articleId(session(), PROTEST_RECORD.title)}`);
    const panel = page.getByTestId('removed-panel');
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.getByTestId('removed-toggle').click();
    await panel.waitFor({ state: 'visible' });
    await expect(panel.textContent()).resolves.toContain(PROTEST_FACTS.byline);
    await expect(page.getByTestId('article-text').textContent()).resolves.not.toContain(PROTEST_FACTS.byline);
  });

  it('renders script and markup in an article as text: nothing runs, no element is made', async () => {
    const { page } = await session().open(`/article/${articleId(session(), HOSTILE_RECORD.title)}`);
    const text = (await page.getByTestId('article-text').textContent()) ?? '';
    expect(text).toContain(HOSTILE_FACTS.script);
    expect(text).toContain(HOSTILE_FACTS.img);
    await expect(page.getByTestId('article-title').textContent()).resolves.toContain(HOSTILE_FACTS.titleMarkup);
    const made = page.locator('[data-testid="article-text"] :is(script, img, iframe), [data-testid="article-title"] :is(b, script, img)');
    await expect(made.count()).resolves.toBe(0);
    // The image's error handler would run a moment after the element appeared; give it the chance.
    await page.waitForLoadState('load');
    const pwned = await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
    expect(pwned).toBeUndefined();
  });
});
