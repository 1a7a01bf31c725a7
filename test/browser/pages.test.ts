// Every main page in the browser: loads without console errors, right to left in Arabic, set in Noto Naskh Arabic; labels switch to English and back.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, type BrowserSession } from './harness.js';
import { PROTEST_FACTS, TEST_OUTLET } from './test-articles.js';

const FONT = 'Noto Naskh Arabic';

/** The main pages, with ids taken from the served corpus. */
function mainPages(session: BrowserSession): string[] {
  const { store } = session.observatory;
  const hit = store.search({ query: PROTEST_FACTS.speaker, filters: { outlet: [TEST_OUTLET] }, facets: false }).hits[0];
  if (hit === undefined || hit.story === null) throw new Error('expected the test protest article, in a story, in the store');
  return [
    '/',
    `/search?q=${encodeURIComponent('تونس')}`,
    `/article/${hit.id}`,
    `/entity/${encodeURIComponent(PROTEST_FACTS.place)}`,
    '/stories',
    `/story/${encodeURIComponent(hit.story.id)}`,
    '/map',
    '/timeline',
  ];
}

interface FontReport {
  dir: string;
  lang: string;
  /** Faces of the family that finished loading (fontsource splits a family into unicode-range subsets). */
  loadedFaces: number;
  check: boolean;
  bodyFont: string;
  textFont: string;
}

/** Runs in the page: document direction and language, the web font's load state, and the fonts actually asked for. */
async function fontReport(page: Page): Promise<FontReport> {
  return page.evaluate(async (family) => {
    interface FaceLike {
      family: string;
      status: string;
    }
    interface DocLike {
      documentElement: { dir: string; lang: string };
      body: object;
      fonts: Iterable<FaceLike> & { ready: Promise<unknown>; check(font: string, text?: string): boolean };
      querySelector(selector: string): object | null;
    }
    const g = globalThis as unknown as { document: DocLike; getComputedStyle(el: object): { fontFamily: string } };
    const doc = g.document;
    await doc.fonts.ready;
    const unquote = (s: string) => s.replace(/^["']|["']$/gu, '');
    const text = doc.querySelector('main p, main li, main h1, main h2') ?? doc.body;
    return {
      dir: doc.documentElement.dir,
      lang: doc.documentElement.lang,
      loadedFaces: [...doc.fonts].filter((f) => unquote(f.family) === family && f.status === 'loaded').length,
      check: doc.fonts.check(`16px "${family}"`, 'مرصد'),
      bodyFont: g.getComputedStyle(doc.body).fontFamily,
      textFont: g.getComputedStyle(text).fontFamily,
    };
  }, FONT);
}

describeBrowser('every main page', (session) => {
  it('loads each page right to left in Arabic with Noto Naskh Arabic loaded and used, and no console error', async () => {
    for (const path of mainPages(session())) {
      const { page } = await session().open(path);
      const report = await fontReport(page);
      expect({ path, dir: report.dir, lang: report.lang }).toEqual({ path, dir: 'rtl', lang: 'ar' });
      // fonts.check() is true for a family with no faces at all, so a loaded face is required as well.
      expect(report.loadedFaces, `${path}: loaded faces of ${FONT}`).toBeGreaterThan(0);
      expect(report.check, `${path}: document.fonts.check`).toBe(true);
      expect(report.bodyFont, `${path}: body font-family`).toContain(FONT);
      expect(report.textFont, `${path}: main text font-family`).toContain(FONT);
    }
  });

  it('switches the navigation labels to English and back', async () => {
    const { page } = await session().open('/');
    const nav = page.getByTestId('nav-search');
    const arabic = ((await nav.textContent()) ?? '').trim();
    expect(arabic).toMatch(/\p{Script=Arabic}/u);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(async () => ((await nav.textContent()) ?? '').trim()).toMatch(/^[\p{Script=Latin}\s]+$/u);
    await page.getByTestId('lang-toggle').click();
    await expect.poll(async () => ((await nav.textContent()) ?? '').trim()).toBe(arabic);
  });
});
