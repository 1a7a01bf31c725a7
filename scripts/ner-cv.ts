// Cross-validation of the NER's first pass over ANERcorp's CAMeL train split, trained as train-ner trains it
// (WikiFANE beside each fold, domain-adapted), so features and settings are chosen without the test split.
// Usage: npx tsx scripts/ner-cv.ts [--folds 5] [--epochs 8] [--seed N] [--repeats 1] [--o-penalty 0,6,12] [--no-wikifane] [--lexicon DIR] [--data DIR]
//   Folds are contiguous blocks of sentences (documents stay together). One perceptron per fold (the shipped model
//   averages five and adds a document pass, so its test score is not comparable; differences between two runs are).
//   --repeats R  the whole CV R times, with seeds N … N+R-1, and their mean: a change that touches a few dozen tokens
//     moves one run's F1 by about ±0.4 (the perceptron's path diverges), so small differences need several runs.
//   About 5 minutes a run on one core with WikiFANE, 30 s without.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, scoreSpans, type TaggedSentence } from '../src/engine/stages/ner/conll.js';
import { createNerModel, loadNerLexicon } from '../src/engine/stages/ner/model-io.js';
import { trainPerceptron } from '../src/engine/stages/ner/perceptron.js';
import { createNerTagger } from '../src/engine/stages/ner/tagger.js';
import { mapWikiFane, readWikiFane, WIKIFANE_FILE } from './ner-wikifane.js';
import { TRAIN_FILE, trainingSets } from './train-ner.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  folds: number;
  epochs: number;
  seed: number;
  repeats: number;
  penalties: number[];
  wikifane: boolean;
  lexicon: string;
  data: string;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = {
    folds: 5,
    epochs: 8,
    seed: 20260101,
    repeats: 1,
    penalties: [0, 6, 12],
    wikifane: true,
    lexicon: join(ROOT, 'resources/ner'),
    data: process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--folds') o.folds = Number(next());
    else if (a === '--epochs') o.epochs = Number(next());
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--repeats') o.repeats = Number(next());
    else if (a === '--o-penalty') o.penalties = next().split(',').map(Number);
    else if (a === '--no-wikifane') o.wikifane = false;
    else if (a === '--lexicon') o.lexicon = resolve(next());
    else if (a === '--data') o.data = resolve(next());
    else throw new Error(`ner-cv: unknown option ${a}`);
  }
  if (!(o.folds >= 2) || !(o.epochs >= 1) || !(o.repeats >= 1) || o.penalties.some((p) => !Number.isFinite(p))) throw new Error('ner-cv: --folds ≥ 2, --epochs ≥ 1, --repeats ≥ 1 and numeric --o-penalty values');
  return o;
}

function main(): void {
  const o = parseOptions(process.argv.slice(2));
  const trainPath = join(o.data, TRAIN_FILE);
  if (!existsSync(trainPath) || (o.wikifane && !existsSync(join(o.data, WIKIFANE_FILE)))) {
    console.error(`ner-cv: ${trainPath} or ${WIKIFANE_FILE} not found; set MARSAD_DATA or pass --data DIR. Skipping.`);
    return;
  }
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const lexicon = loadNerLexicon(o.lexicon);
  const train = parseConll(readFileSync(trainPath, 'utf8'));
  const extra: TaggedSentence[] = o.wikifane ? mapWikiFane(readWikiFane(o.data).sentences) : [];
  const sets = trainingSets(train, extra, lexicon);
  const pct = (x: number): string => (100 * x).toFixed(2);
  console.log(`${o.folds}-fold CV over ${TRAIN_FILE} (${train.length} sentences), first pass, one perceptron per fold and run, ${o.epochs} epochs, ${o.wikifane ? 'with' : 'without'} WikiFANE`);
  const f1s = o.penalties.map(() => [] as number[]);
  for (let r = 0; r < o.repeats; r++) {
    const seed = o.seed + r;
    const predicted = o.penalties.map(() => new Array<string[]>(train.length));
    for (let f = 0; f < o.folds; f++) {
      const lo = Math.floor((f * train.length) / o.folds);
      const hi = Math.floor(((f + 1) * train.length) / o.folds);
      const weights = sets.finish(trainPerceptron([...sets.train.slice(0, lo), ...sets.train.slice(hi), ...sets.extra], { epochs: o.epochs, seed }));
      o.penalties.forEach((oPenalty, k) => {
        const tagger = createNerTagger(createNerModel(weights, lexicon, { decoding: { oPenalty } }));
        for (let i = lo; i < hi; i++) predicted[k]![i] = tagger.tagTokens(train[i]!.tokens);
      });
      console.error(`seed ${seed}: fold ${f + 1}/${o.folds} ${elapsed()}`);
    }
    o.penalties.forEach((oPenalty, k) => {
      const s = scoreSpans(
        train.map((x) => x.tags),
        predicted[k]!,
      );
      f1s[k]!.push(s.overall.f1);
      const per = Object.entries(s.byType)
        .map(([type, c]) => `${type} ${pct(c.f1)}`)
        .join('  ');
      console.log(`seed ${seed}, O penalty ${oPenalty}: P ${pct(s.overall.precision)} R ${pct(s.overall.recall)} F1 ${pct(s.overall.f1)}   ${per}`);
    });
  }
  if (o.repeats > 1) {
    o.penalties.forEach((oPenalty, k) => {
      const runs = f1s[k]!;
      const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
      console.log(`mean of ${runs.length} runs, O penalty ${oPenalty}: F1 ${pct(mean)} (${pct(Math.min(...runs))} … ${pct(Math.max(...runs))})`);
    });
  }
}

main();
