// NER evaluation: exact-span (conlleval) P/R/F1 per class on the reconstructed CAMeL test split of ANERcorp,
// plus the commonest errors. Run by `npm run eval -- ner` or alone: `npx tsx eval/ner.ts [--data DIR]`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunksOf, parseConll, scoreSpans, type Chunk } from '../src/engine/stages/ner/conll.js';
import { loadNerModel } from '../src/engine/stages/ner/model-io.js';
import { createNerTagger } from '../src/engine/stages/ner/tagger.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NER_TEST_FILE = 'anercorp/ANERCorp_CamelLab_test.reconstructed.txt';

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

export async function runNerEval(options: { dataDir: string; log: (line: string) => void; modelDir?: string }): Promise<void> {
  const { log } = options;
  const testPath = join(options.dataDir, NER_TEST_FILE);
  if (!existsSync(testPath)) {
    log(`ner: ${testPath} not found; set MARSAD_DATA or pass --data DIR. Skipping.`);
    return;
  }
  const modelDir = options.modelDir ?? join(ROOT, 'resources/ner');
  const loadStart = performance.now();
  const model = loadNerModel(modelDir);
  const loadMs = performance.now() - loadStart;
  const tagger = createNerTagger(model);
  const test = parseConll(readFileSync(testPath, 'utf8'));
  const tagStart = performance.now();
  // ANERcorp has no article boundaries: a model with a document pass sees the sentences within the
  // window it was trained with (manifest config.documentWindow), as in training.
  const config = (model.manifest.config ?? {}) as { documentWindow?: number };
  const window = config.documentWindow ?? 0;
  const predicted = tagger.tagSentences(
    test.map((s) => s.tokens),
    window,
  );
  const tagMs = performance.now() - tagStart;
  const tokens = test.reduce((n, s) => n + s.tokens.length, 0);
  const scores = scoreSpans(
    test.map((s) => s.tags),
    predicted,
  );

  log(`ANERcorp (reconstructed CAMeL test split): ${test.length} sentences, ${tokens} tokens; exact-span (conlleval)`);
  log(`model ${modelDir}${model.document === undefined ? '' : ` (document pass, window ±${window} sentences)`}: loaded in ${loadMs.toFixed(0)} ms; tagged in ${tagMs.toFixed(0)} ms (${Math.round(tokens / (tagMs / 1000))} tokens/s)`);
  log(`class   precision  recall      F1   gold  pred`);
  for (const [type, c] of Object.entries(scores.byType)) {
    log(`${type.padEnd(6)}   ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)}`);
  }
  const o = scores.overall;
  log(`overall  ${pct(o.precision)}  ${pct(o.recall)}  ${pct(o.f1)}  ${String(o.gold).padStart(5)} ${String(o.predicted).padStart(5)}`);
  log(`token accuracy ${pct(scores.tokenAccuracy)}`);

  // Confusion summary: each gold chunk is matched exactly, found with another type, found with other
  // boundaries, or missed; each predicted chunk that overlaps no gold chunk is spurious.
  const errors = new Map<string, number>();
  const examples = new Map<string, string[]>();
  const bump = (key: string, example: string): void => {
    errors.set(key, (errors.get(key) ?? 0) + 1);
    const list = examples.get(key) ?? [];
    if (list.length < 4) list.push(example);
    examples.set(key, list);
  };
  const overlaps = (a: Chunk, b: Chunk): boolean => a.start < b.end && b.start < a.end;
  test.forEach((s, i) => {
    const gold = chunksOf(s.tags);
    const pred = chunksOf(predicted[i]!);
    const text = (c: Chunk): string => s.tokens.slice(c.start, c.end).join(' ');
    for (const g of gold) {
      const exact = pred.find((p) => p.start === g.start && p.end === g.end);
      if (exact !== undefined) {
        if (exact.type !== g.type) bump(`${g.type} labelled ${exact.type}`, text(g));
        continue;
      }
      const over = pred.find((p) => overlaps(p, g));
      if (over === undefined) bump(`${g.type} missed`, text(g));
      else bump(`${g.type} boundary${over.type === g.type ? '' : ` (as ${over.type})`}`, `${text(g)} → ${text(over)}`);
    }
    for (const p of pred) if (!gold.some((g) => overlaps(p, g))) bump(`spurious ${p.type}`, text(p));
  });
  log('commonest errors:');
  for (const [key, count] of [...errors].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    log(`  ${String(count).padStart(4)}  ${key.padEnd(26)} e.g. ${(examples.get(key) ?? []).join(' | ')}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--data');
  const dataDir = resolve(i >= 0 ? (process.argv[i + 1] ?? '') : (process.env.MARSAD_DATA ?? join(ROOT, '../shared/data')));
  await runNerEval({ dataDir, log: (line) => process.stdout.write(line + '\n') });
}
