// Search in the browser: a clitic-form query finds the article with <mark> highlights; markup in hits stays text; a facet narrows the hits.
import { expect, it } from 'vitest';
import { describeBrowser, parseCount, READY } from './harness.js';
import { HOSTILE_FACTS, PROTEST_FACTS, PROTEST_RECORD, TEST_OUTLET } from './test-articles.js';

describeBrowser('search page', (session) => {
  it('finds «تونس» for the clitic form «وبتونس», with the match marked and a link to the article', async () => {
    const { page } = await session().open('/search');
    await page.getByTestId('search-input').fill(PROTEST_FACTS.cliticQuery);
    await page.getByTestId('search-submit').click();
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === PROTEST_FACTS.cliticQuery);
    await page.waitForSelector(READY);
    const hit = page.getByTestId('search-hit').filter({ hasText: PROTEST_RECORD.title });
    await expect(hit.count()).resolves.toBe(1);
    const marks = await hit.locator('mark').allTextContents();
    expect(marks).toContain(PROTEST_FACTS.highlighted);
    // The snippet's text brings its own «…» where it cuts the article; the page must not add a second.
    await expect(hit.textContent()).resolves.not.toMatch(/…\s*…/u);
    const href = await hit.locator('a[href^="/article/"]').first().getAttribute('href');
    const expected = page.getByTestId('search-total');
    const api = await session().observatory.api<{ total: number; hits: Array<{ id: string; title: string }> }>(`/api/search?q=${encodeURIComponent(PROTEST_FACTS.cliticQuery)}`);
    expect(parseCount(await expected.textContent())).toBe(api.total);
    const id = api.hits.find((h) => h.title === PROTEST_RECORD.title)?.id;
    expect(href).toBe(`/article/${id}`);
  });

  it('shows markup in a hit’s title and snippet as text, with the match still marked', async () => {
    const { page } = await session().open(`/search?q=${encodeURIComponent('شيفرة')}`);
    const hit = page.getByTestId('search-hit').filter({ hasText: HOSTILE_FACTS.titleMarkup });
    await expect(hit.count()).resolves.toBe(1);
    await expect(hit.textContent()).resolves.toContain(HOSTILE_FACTS.script);
    await expect(hit.locator('mark').allTextContents()).resolves.toContain('شيفرة');
    await expect(hit.locator(':is(b, script, img)').count()).resolves.toBe(0);
    await page.waitForLoadState('load');
    await expect(page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
  });

  it('narrows a search to one outlet when its facet item is clicked', async () => {
    // «الحكومة» is in the test article and, in any news corpus, in others from other outlets.
    const query = 'الحكومة';
    const { page } = await session().open(`/search?q=${encodeURIComponent(query)}`);
    const before = parseCount(await page.getByTestId('search-total').textContent());
    const item = page.getByTestId('facet-outlet').getByTestId('facet-item').filter({ hasText: TEST_OUTLET });
    await expect(item.count()).resolves.toBe(1);
    await item.click();
    await page.waitForURL((url) => url.searchParams.getAll('outlet').includes(TEST_OUTLET));
    await page.waitForSelector(READY);
    const api = await session().observatory.api<{ total: number }>(`/api/search?q=${encodeURIComponent(query)}&outlet=${encodeURIComponent(TEST_OUTLET)}&facets=false`);
    const after = parseCount(await page.getByTestId('search-total').textContent());
    expect(after).toBe(api.total);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const titles = await page.getByTestId('search-hit').locator('a[href^="/article/"]').allTextContents();
    expect(titles.join('\n')).toContain(PROTEST_RECORD.title);
  });
});
