// Cross-validation of the NER's first pass over ANERcorp's CAMeL train split, trained as train-ner trains it
// (WikiFANE beside each fold, domain-adapted), so features and settings are chosen without the test split.
// Usage: npx tsx scripts/ner-cv.ts [--folds 5] [--epochs 8] [--seed N] [--seeds 1] [--repeats 1] [--o-penalty 0,6,12] [--mlp-weight 0,16]
//          [--mlp-width 16] [--mlp-epochs 3] [--mlp-min-count 3] [--no-wikifane] [--lexicon DIR] [--data DIR]
//   Folds are contiguous blocks of sentences (documents stay together). One perceptron per fold (the shipped model
//   averages five and adds a document pass, so its test score is not comparable; differences between two runs are).
//   --seeds K  average K perceptrons per fold, as train-ner does (K times slower): what helps one perceptron may
//     help an average of several less.
//   --repeats R  the whole CV R times, with seeds N … N+R-1, and their mean: a change that touches a few dozen tokens
//     moves one run's F1 by about ±0.4 (the perceptron's path diverges), so small differences need several runs.
//   --mlp-weight X,Y  also train each fold's MLP (train-ner's, int8 as shipped) and score every O penalty at each
//     MLP weight (0: the perceptron alone); without it, no MLP is trained.
//   About 5 minutes a run on one core with WikiFANE (7 with the MLP), 30 s without.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, scoreSpans, type TaggedSentence } from '../src/engine/stages/ner/conll.js';
import type { MlpOptions } from '../src/engine/stages/ner/mlp.js';
import { createNerModel, loadNerLexicon } from '../src/engine/stages/ner/model-io.js';
import { trainPerceptronEnsemble } from '../src/engine/stages/ner/perceptron.js';
import { createNerTagger } from '../src/engine/stages/ner/tagger.js';
import { mapWikiFane, readWikiFane, WIKIFANE_FILE } from './ner-wikifane.js';
import { MLP_DEFAULTS, TRAIN_FILE, trainingSets, trainNerMlp } from './train-ner.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  folds: number;
  epochs: number;
  seed: number;
  seeds: number;
  repeats: number;
  penalties: number[];
  /** MLP weights to score ([]: no MLP trained). */
  mlpWeights: number[];
  mlp: MlpOptions;
  wikifane: boolean;
  lexicon: string;
  data: string;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = {
    folds: 5,
    epochs: 8,
    seed: 20260101,
    seeds: 1,
    repeats: 1,
    penalties: [0, 6, 12],
    mlpWeights: [],
    mlp: { ...MLP_DEFAULTS },
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
    else if (a === '--seeds') o.seeds = Number(next());
    else if (a === '--repeats') o.repeats = Number(next());
    else if (a === '--o-penalty') o.penalties = next().split(',').map(Number);
    else if (a === '--mlp-weight') o.mlpWeights = next().split(',').map(Number);
    else if (a === '--mlp-width') o.mlp = { ...o.mlp, width: Number(next()) };
    else if (a === '--mlp-epochs') o.mlp = { ...o.mlp, epochs: Number(next()) };
    else if (a === '--mlp-min-count') o.mlp = { ...o.mlp, minCount: Number(next()) };
    else if (a === '--no-wikifane') o.wikifane = false;
    else if (a === '--lexicon') o.lexicon = resolve(next());
    else if (a === '--data') o.data = resolve(next());
    else throw new Error(`ner-cv: unknown option ${a}`);
  }
  const numbers = [...o.penalties, ...o.mlpWeights, o.mlp.width, o.mlp.epochs, o.mlp.minCount];
  if (!(o.folds >= 2) || !(o.epochs >= 1) || !(o.repeats >= 1) || !(o.seeds >= 1) || numbers.some((p) => !Number.isFinite(p))) {
    throw new Error('ner-cv: --folds ≥ 2, --epochs ≥ 1, --seeds ≥ 1, --repeats ≥ 1, and numbers for --o-penalty, --mlp-weight and the MLP options');
  }
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
  console.log(`${o.folds}-fold CV over ${TRAIN_FILE} (${train.length} sentences), first pass, ${o.seeds === 1 ? 'one perceptron' : `${o.seeds} perceptrons averaged`} per fold and run, ${o.epochs} epochs, ${o.wikifane ? 'with' : 'without'} WikiFANE`);
  // Every decoding setting: each MLP weight (none when no MLP is trained) with each O penalty.
  const settings = (o.mlpWeights.length === 0 ? [0] : o.mlpWeights).flatMap((mlpWeight) => o.penalties.map((oPenalty) => ({ oPenalty, mlpWeight })));
  const label = ({ oPenalty, mlpWeight }: { oPenalty: number; mlpWeight: number }): string => (o.mlpWeights.length === 0 ? '' : `MLP weight ${mlpWeight}, `) + `O penalty ${oPenalty}`;
  const f1s = settings.map(() => [] as number[]);
  for (let r = 0; r < o.repeats; r++) {
    const seed = o.seed + r;
    const predicted = settings.map(() => new Array<string[]>(train.length));
    for (let f = 0; f < o.folds; f++) {
      const lo = Math.floor((f * train.length) / o.folds);
      const hi = Math.floor(((f + 1) * train.length) / o.folds);
      const subset = [...sets.train.slice(0, lo), ...sets.train.slice(hi), ...sets.extra];
      const weights = sets.finish(trainPerceptronEnsemble(subset, { epochs: o.epochs, seed, seeds: o.seeds }));
      const mlp = o.mlpWeights.length === 0 ? undefined : trainNerMlp(subset, sets.shared, { ...o.mlp, seed: o.mlp.seed + r });
      settings.forEach((decoding, k) => {
        const tagger = createNerTagger(createNerModel(weights, lexicon, { decoding }, undefined, mlp));
        for (let i = lo; i < hi; i++) predicted[k]![i] = tagger.tagTokens(train[i]!.tokens);
      });
      console.error(`seed ${seed}: fold ${f + 1}/${o.folds} ${elapsed()}`);
    }
    settings.forEach((setting, k) => {
      const s = scoreSpans(
        train.map((x) => x.tags),
        predicted[k]!,
      );
      f1s[k]!.push(s.overall.f1);
      const per = Object.entries(s.byType)
        .map(([type, c]) => `${type} ${pct(c.f1)}`)
        .join('  ');
      console.log(`seed ${seed}, ${label(setting)}: P ${pct(s.overall.precision)} R ${pct(s.overall.recall)} F1 ${pct(s.overall.f1)}   ${per}`);
    });
  }
  if (o.repeats > 1) {
    settings.forEach((setting, k) => {
      const runs = f1s[k]!;
      const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
      console.log(`mean of ${runs.length} runs, ${label(setting)}: F1 ${pct(mean)} (${pct(Math.min(...runs))} … ${pct(Math.max(...runs))})`);
    });
  }
}

main();
