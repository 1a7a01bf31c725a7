// Paired NER speed comparison: two source trees (or two model directories) tagged in one process, in alternating
// passes over the same articles, so machine noise (other tenants, CPU frequency) falls on both alike. Separate
// `bench/run.ts ner` runs on this shared machine spread by ±10%, more than most changes worth measuring.
// Usage: npx tsx bench/ner-paired.ts [--base DIR] [--base-model DIR] [--model DIR] [--limit 1000] [--rounds 6]
//   --base DIR        the source tree to compare against (e.g. `git worktree add /tmp/base HEAD~1`, with
//                     node_modules symlinked); default: this tree, so only the models differ.
//   --base-model DIR  the base's model directory (default: DIR/resources/ner); --model: this tree's (resources/ner).
// Prints each pass's tokens/s, the medians, their ratio (this ÷ base) and whether both found the same mentions.
// Pin it to one core: `taskset -c 0 npx tsx bench/ner-paired.ts …`.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { NerTagger } from '../src/engine/stages/ner/tagger.js';
import { resolveDataDir } from './corpus.js';
import { nerWorkload, WARM_UP_ARTICLES } from './suites/ner.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A tagger built by `tree`'s own code from `modelDir`, with the proclitic trimming findMentions uses in the pipeline. */
async function taggerOf(tree: string, modelDir: string): Promise<NerTagger> {
  const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(tree, path)).href)) as T;
  const { loadNerModel } = await load<typeof import('../src/engine/stages/ner/model-io.js')>('src/engine/stages/ner/model-io.ts');
  const { createNerTagger } = await load<typeof import('../src/engine/stages/ner/tagger.js')>('src/engine/stages/ner/tagger.ts');
  const { loadCliticLexicon } = await load<typeof import('../src/arabic/clitic-lexicon.js')>('src/arabic/clitic-lexicon.ts');
  const { createSegmenter } = await load<typeof import('../src/arabic/clitics.js')>('src/arabic/clitics.ts');
  const segmenter = createSegmenter(loadCliticLexicon(join(tree, 'resources/arabic/clitic-lexicon.tsv')));
  return createNerTagger(loadNerModel(modelDir), { segmenter });
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      'base-model': { type: 'string' },
      model: { type: 'string' },
      limit: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '6' },
    },
  });
  const baseTree = resolve(values.base ?? ROOT);
  const limit = Number(values.limit);
  const rounds = Number(values.rounds);
  if (!(limit >= 1) || !(rounds >= 2)) throw new Error('ner-paired: --limit ≥ 1 and --rounds ≥ 2');
  const dataDir = resolveDataDir(ROOT);
  const { texts, sentences, tokens } = await nerWorkload(dataDir, limit);
  if (texts.length === 0) {
    console.error(`ner-paired: no articles under ${dataDir}/news; set MARSAD_DATA. Skipping.`);
    return;
  }
  const sides = [
    { name: 'base', tagger: await taggerOf(baseTree, resolve(values['base-model'] ?? join(baseTree, 'resources/ner'))), speeds: [] as number[], mentions: '' },
    { name: 'this', tagger: await taggerOf(ROOT, resolve(values.model ?? join(ROOT, 'resources/ner'))), speeds: [] as number[], mentions: '' },
  ];
  // Warm-up: the JIT compiles both sides' hot paths before timing.
  for (const side of sides) for (let i = 0; i < Math.min(WARM_UP_ARTICLES, texts.length); i++) side.tagger.findMentions(texts[i]!, sentences[i]!);
  for (let r = 0; r < rounds; r++) {
    // ABBA order, so neither side always runs first.
    for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
      const found: string[] = [];
      const start = process.hrtime.bigint();
      for (let i = 0; i < texts.length; i++) for (const m of side.tagger.findMentions(texts[i]!, sentences[i]!)) found.push(`${i}:${m.start}:${m.end}:${m.label}`);
      side.speeds.push(tokens / (Number(process.hrtime.bigint() - start) / 1e9));
      side.mentions = found.join(' ');
    }
  }
  console.log(`${texts.length} articles, ${tokens} tokens, ${rounds} alternating passes each`);
  for (const side of sides) console.log(`${side.name}: ${side.speeds.map((s) => Math.round(s)).join(' ')} tokens/s, median ${Math.round(median(side.speeds))}`);
  console.log(`this ÷ base: ×${(median(sides[1]!.speeds) / median(sides[0]!.speeds)).toFixed(3)}; mentions ${sides[0]!.mentions === sides[1]!.mentions ? 'identical' : 'differ'}`);
}

await main();
