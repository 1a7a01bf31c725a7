// Entity and story pages in the browser: reached by clicking, showing what their API documents hold.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, READY, type BrowserSession } from './harness.js';
import { PROTEST_FACTS, PROTEST_RECORD, TEST_OUTLET } from './test-articles.js';

interface EntityDocument {
  entity: { id: string; name: { ar: string | null; en: string | null } };
  variants: Array<{ text: string; count: number }>;
  cooccurring: Array<{ id: string; name: { ar: string | null; en: string | null } }>;
  quotes: Array<{ content: { text: string } }>;
}

interface StoryDocument {
  story: { id: string; title: string | null; articleCount: number };
  articles: Array<{ id: string; title: string | null }>;
  timeline: { days: Array<{ day: string; total: number }> };
}

function protestArticleId(session: BrowserSession): string {
  const hit = session.observatory.store.search({ query: PROTEST_FACTS.speaker, filters: { outlet: [TEST_OUTLET] }, facets: false }).hits[0];
  if (hit === undefined) throw new Error('expected the test protest article in the store');
  return hit.id;
}

/** The decoded `/entity/…` or `/story/…` id an anchor points to. */
const linkedId = (href: string | null, prefix: string): string | null => (href?.startsWith(prefix) ? decodeURIComponent(href.slice(prefix.length)) : null);

/** Follows the article's entity link to `id`; links may sit in the highlight detail, so the highlight is opened when none shows. */
async function followEntityLink(page: Page, id: string, name: string): Promise<void> {
  const findLink = async () => {
    for (const link of await page.getByTestId('entity-link').all()) {
      if (linkedId(await link.getAttribute('href'), '/entity/') === id && (await link.isVisible())) return link;
    }
    return null;
  };
  let link = await findLink();
  if (link === null) {
    await page.getByTestId('article-text').locator('[data-testid="highlight"][data-kind="entity"]').filter({ hasText: name }).first().click();
    await page.getByTestId('highlight-detail').waitFor({ state: 'visible' });
    link = await findLink();
  }
  if (link === null) throw new Error(`expected a visible entity-link to /entity/${id} on the article page`);
  await link.click();
  await page.waitForURL((url) => linkedId(url.pathname, '/entity/') === id);
  await page.waitForSelector(READY);
}

describeBrowser('entity and story pages', (session) => {
  it('opens a place from the article and shows its name, spellings and co-occurring entities', async () => {
    const { page } = await session().open(`/article/${protestArticleId(session())}`);
    await followEntityLink(page, PROTEST_FACTS.place, PROTEST_FACTS.placeName);
    const doc = await session().observatory.api<EntityDocument>(`/api/entities/${encodeURIComponent(PROTEST_FACTS.place)}`);
    await expect(page.getByTestId('entity-name').textContent()).resolves.toContain(doc.entity.name.ar ?? PROTEST_FACTS.placeName);
    const variants = (await page.getByTestId('entity-variants').textContent()) ?? '';
    expect(doc.variants.length).toBeGreaterThan(0);
    for (const variant of doc.variants) expect(variants).toContain(variant.text);
    const cooccurring = (await page.getByTestId('entity-cooccurring').textContent()) ?? '';
    expect(doc.cooccurring.length).toBeGreaterThan(0);
    expect(cooccurring).toContain(doc.cooccurring[0]!.name.ar ?? doc.cooccurring[0]!.name.en ?? doc.cooccurring[0]!.id);
  });

  it('shows a speaker’s quotes on the speaker’s page', async () => {
    const speaker = session().observatory.store.findEntities(PROTEST_FACTS.speaker, { types: ['PER'] })[0];
    expect(speaker, `the speaker ${PROTEST_FACTS.speaker} as an entity`).toBeDefined();
    const { page } = await session().open(`/entity/${encodeURIComponent(speaker!.id)}`);
    await expect(page.getByTestId('entity-name').textContent()).resolves.toContain(PROTEST_FACTS.speaker);
    await expect(page.getByTestId('entity-quotes').textContent()).resolves.toContain(PROTEST_FACTS.quote);
  });

  it('opens the largest story from the story list and shows its title, articles and timeline', async () => {
    const list = await session().observatory.api<{ items: Array<{ id: string; articleCount: number }> }>('/api/stories?limit=200');
    const largest = [...list.items].sort((a, b) => b.articleCount - a.articleCount)[0];
    expect(largest?.articleCount).toBeGreaterThan(1);
    const doc = await session().observatory.api<StoryDocument>(`/api/stories/${encodeURIComponent(largest!.id)}`);
    const { page } = await session().open('/stories');
    let target = null;
    for (const link of await page.locator('a[href^="/story/"]').all()) {
      if (linkedId(await link.getAttribute('href'), '/story/') === largest!.id) target = link;
    }
    expect(target, `a link to /story/${largest!.id} on /stories`).not.toBeNull();
    await target!.click();
    await page.waitForURL((url) => linkedId(url.pathname, '/story/') === largest!.id);
    await page.waitForSelector(READY);
    await expect(page.getByTestId('story-title').textContent()).resolves.toContain(doc.story.title ?? '');
    const articles = page.getByTestId('story-articles');
    const text = (await articles.textContent()) ?? '';
    for (const article of doc.articles) expect(text).toContain(article.title ?? '');
    await expect(articles.locator('a[href^="/article/"]').count()).resolves.toBeGreaterThanOrEqual(doc.articles.length);
    const days = doc.timeline.days.filter((d) => d.total > 0).map((d) => d.day);
    const drawn = await page.getByTestId('timeline-bar').evaluateAll((els) => els.map((el) => el.getAttribute('data-day')));
    expect([...new Set(drawn)].sort()).toEqual(days.sort());
  });

  it('lists the test article in its own story', async () => {
    const doc = await session().observatory.api<{ story: { id: string } | null }>(`/api/articles/${protestArticleId(session())}`);
    expect(doc.story).not.toBeNull();
    const { page } = await session().open(`/story/${encodeURIComponent(doc.story!.id)}`);
    await expect(page.getByTestId('story-articles').textContent()).resolves.toContain(PROTEST_RECORD.title);
  });
});
