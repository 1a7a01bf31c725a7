// `npm run screenshots [DIR]`: PNGs of each main page over the demo corpus (needs web/dist and chromium), for review; default DIR screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserMissing, corpusPath, ingestCorpus, launchChromium, READY, startObservatory, watchPage, type Observatory } from '../test/browser/observatory.js';

interface Shot {
  name: string;
  path: string;
  viewport: { width: number; height: number };
}

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The pages to shoot, with ids picked from the served corpus: the richest article, the most-mentioned person and place, the largest story. */
async function planShots(observatory: Observatory): Promise<Shot[]> {
  let article: { id: string; score: number } | null = null;
  for (const { analysis } of observatory.store.analyses()) {
    const kinds = [analysis.entities.length > 0, analysis.quotes.length > 0, analysis.events.length > 0].filter(Boolean).length;
    const score = kinds * 1000 + analysis.quotes.length + analysis.events.length;
    if (article === null || score > article.score) article = { id: analysis.article.id, score };
  }
  if (article === null) throw new Error('expected at least one article in the demo corpus, found none');
  type Entities = { items: Array<{ id: string; name: { ar: string | null; en: string | null } }> };
  // The most-mentioned person (a page with quotes) and the most-mentioned place name as the search query.
  const entity = (await observatory.api<Entities>('/api/entities?type=PER&limit=1')).items[0];
  const place = (await observatory.api<Entities>('/api/entities?type=GPE&limit=1')).items[0];
  const stories = await observatory.api<{ items: Array<{ id: string; articleCount: number }> }>('/api/stories?limit=200');
  const story = [...stories.items].sort((a, b) => b.articleCount - a.articleCount)[0];
  if (entity === undefined || place === undefined || story === undefined) throw new Error('expected people, places and stories in the demo corpus, found none');
  const query = place.name.ar ?? place.name.en ?? place.id;
  return [
    { name: 'home', path: '/', viewport: DESKTOP },
    { name: 'search', path: `/search?q=${encodeURIComponent(query)}`, viewport: DESKTOP },
    { name: 'article', path: `/article/${article.id}`, viewport: DESKTOP },
    { name: 'entity', path: `/entity/${encodeURIComponent(entity.id)}`, viewport: DESKTOP },
    { name: 'stories', path: '/stories', viewport: DESKTOP },
    { name: 'story', path: `/story/${encodeURIComponent(story.id)}`, viewport: DESKTOP },
    { name: 'map', path: '/map', viewport: DESKTOP },
    { name: 'timeline', path: '/timeline', viewport: DESKTOP },
    { name: 'article-phone', path: `/article/${article.id}`, viewport: PHONE },
  ];
}

async function main(): Promise<number> {
  const outDir = resolve(process.argv[2] ?? 'screenshots');
  const missing = browserMissing();
  if (missing !== null) {
    process.stderr.write(`screenshots: cannot run: ${missing}\n`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'marsad-screenshots-'));
  let failed = 0;
  try {
    const dbPath = join(scratch, 'demo.sqlite');
    const corpus = corpusPath();
    const summary = await ingestCorpus(dbPath, [corpus], { workers: 1 });
    process.stderr.write(`screenshots: ingested ${summary.ingested} articles from ${corpus} (${summary.failed} failed)\n`);
    const observatory = await startObservatory(dbPath);
    const browser = await launchChromium();
    try {
      for (const shot of await planShots(observatory)) {
        const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1 });
        try {
          const page = await context.newPage();
          const problems = watchPage(page);
          await page.goto(observatory.origin + shot.path);
          let note = '';
          try {
            await page.waitForSelector(READY, { timeout: 15_000 });
            await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
          } catch {
            note = ` (never ready: no ${READY} within 15 s)`;
            failed++;
          }
          const file = join(outDir, `${shot.name}.png`);
          await page.screenshot({ path: file, fullPage: true });
          const errors = [...problems.consoleErrors, ...problems.pageErrors];
          if (errors.length > 0) failed++;
          process.stderr.write(`screenshots: ${file} ← ${shot.path}${note}${errors.length > 0 ? `\n  errors: ${errors.join('\n  errors: ')}` : ''}\n`);
        } finally {
          await context.close();
        }
      }
    } finally {
      await browser.close();
      await observatory.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failed > 0) process.stderr.write(`screenshots: ${failed} page(s) were not ready or logged errors (above)\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
