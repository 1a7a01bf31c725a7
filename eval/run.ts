// `npm run eval -- SUITE...`: accuracy evaluations against ../shared/data (or MARSAD_DATA / --data DIR).
// A suite whose data is absent says so and is skipped; the run fails only when a suite fails.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface EvalOptions {
  dataDir: string;
  log: (line: string) => void;
}

type Suite = (options: EvalOptions) => Promise<void>;

/** The suites, loaded on demand so one suite's missing module or data never blocks another. */
const SUITES: Record<string, () => Promise<Suite>> = {
  segmentation: async () => (await import('./segmentation.js')).runSegmentationEval,
  'news-html': async () => (await import('./news-html.js')).runNewsHtmlEval,
  ner: async () => (await import('./ner.js')).runNerEval,
  'seed-ner': async () => (await import('./seed-entities.js')).runSeedEval,
  link: async () => (await import('./link.js')).runLinkEval,
  'seed-link': async () => (await import('./seed-link.js')).runSeedLinkEval,
  quotes: async () => (await import('./quotes.js')).runQuotesEval,
  events: async () => (await import('./events.js')).runEventsEval,
  'seed-events': async () => (await import('./seed-events.js')).runSeedEventsEval,
  stories: async () => (await import('./stories.js')).runStoriesEval,
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { data: { type: 'string' } } });
  const dataDir = resolve(values.data ?? process.env.MARSAD_DATA ?? '../shared/data');
  const names = positionals.length > 0 ? positionals : Object.keys(SUITES);
  const log = (line: string) => process.stdout.write(line + '\n');
  if (!existsSync(dataDir)) {
    log(`eval: data folder ${dataDir} not found; set MARSAD_DATA or pass --data DIR. Skipping.`);
    return 0;
  }
  let failed = 0;
  for (const name of names) {
    const load = SUITES[name];
    if (!load) {
      process.stderr.write(`eval: unknown suite "${name}"; known: ${Object.keys(SUITES).join(', ')}\n`);
      return 2;
    }
    log(`\n=== ${name} ===`);
    try {
      await (await load())({ dataDir, log });
    } catch (error) {
      failed++;
      process.stderr.write(`eval ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
