// Trains the NER tagger on ANERcorp's CAMeL train split (optionally + WikiFANE) and writes resources/ner/.
// Usage: npx tsx scripts/train-ner.ts [--epochs 10] [--seed N] [--seeds 5] [--dev] [--no-wikifane] [--doc 10] [--o-penalty 12] [--prune 0.34] [--min-count N]
//          [--mlp-weight 8] [--mlp-width 16] [--mlp-epochs 3] [--mlp-min-count 3] [--out DIR]
//   Defaults are the shipped model's settings. Needs resources/ner/clusters.tsv and gazetteer.tsv
//   (scripts/build-word-clusters.ts, scripts/build-ner-gazetteer.ts), and uses wordstats.tsv where present
//   (scripts/build-word-stats.ts). About 9 minutes on one core (5 seeds).
//   --dev  hold out the last 10% of train sentences, print dev curves, O-penalty and prune sweeps, write nothing.
//   --doc W  document pass over first-pass tags of the same words within ±W sentences (0: none).
//   --o-penalty X  subtract X from O scores when decoding (choose it from the --dev sweep).
//   --prune E  drop weight rows whose weights all stay under E: averaging seeds leaves many rare features with a
//     small weight from one seed's updates; 0.34 drops a third of the rows at no cost on dev (smaller, faster).
//   --seeds K  train K perceptrons per pass (seeds N … N+K-1, each its own shuffle) and average their weights.
//   --mlp-weight X  train the MLP (src/engine/stages/ner/mlp.ts) on the first pass's examples and add X × its tag
//     log-probabilities to both passes' scores (0: no MLP; choose X with --dev or scripts/ner-cv.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll, scoreSpans, type TaggedSentence } from '../src/engine/stages/ner/conll.js';
import { documentFeatureHashes, joinFeatures } from '../src/engine/stages/ner/document.js';
import { extractFeatureHashes, NEWS_TAGGED, type NerLexicon } from '../src/engine/stages/ner/features.js';
import { NER_TAGS, type NerWeights } from '../src/engine/stages/ner/model.js';
import { createNerModel, loadNerLexicon, NER_FILES, serializeWeights } from '../src/engine/stages/ner/model-io.js';
import { deserializeMlp, serializeMlp, trainMlp, type MlpOptions, type NerMlp } from '../src/engine/stages/ner/mlp.js';
import { pruneWeights, trainPerceptronEnsemble, type TrainingSentence } from '../src/engine/stages/ner/perceptron.js';
import { createNerTagger } from '../src/engine/stages/ner/tagger.js';
import { mapWikiFane, readWikiFane, WIKIFANE_FILE } from './ner-wikifane.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TRAIN_FILE = 'anercorp/ANERCorp_CamelLab_train.reconstructed.txt';
export const TEST_FILE = 'anercorp/ANERCorp_CamelLab_test.reconstructed.txt';

interface Args {
  epochs: number;
  seed: number;
  /** Perceptrons averaged per pass, each with its own shuffle seed. */
  seeds: number;
  dev: boolean;
  wikifane: boolean;
  minCount: number;
  prune: number;
  out: string;
  data: string;
  /** Document pass window in sentences (0: no document pass). */
  doc: number;
  /** Subtracted from O scores at decoding (chosen on --dev). */
  oPenalty: number;
  /** The MLP's weight at decoding (0: no MLP) and its training options. */
  mlpWeight: number;
  mlp: MlpOptions;
}

/** The MLP's training options (chosen by scripts/ner-cv.ts). */
export const MLP_DEFAULTS: MlpOptions = { epochs: 3, seed: 7, width: 16, rate: 0.05, minCount: 3 };

function parseArgs(argv: string[]): Args {
  const args: Args = {
    epochs: 10,
    seed: 20260101,
    seeds: 5,
    dev: false,
    wikifane: true,
    minCount: 1,
    prune: 0.34,
    doc: 10,
    oPenalty: 12,
    mlpWeight: 8,
    mlp: { ...MLP_DEFAULTS },
    out: join(ROOT, 'resources/ner'),
    data: process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--epochs') args.epochs = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--seeds') args.seeds = Number(next());
    else if (a === '--dev') args.dev = true;
    else if (a === '--wikifane') args.wikifane = true;
    else if (a === '--no-wikifane') args.wikifane = false;
    else if (a === '--min-count') args.minCount = Number(next());
    else if (a === '--prune') args.prune = Number(next());
    else if (a === '--doc') args.doc = Number(next());
    else if (a === '--o-penalty') args.oPenalty = Number(next());
    else if (a === '--mlp-weight') args.mlpWeight = Number(next());
    else if (a === '--mlp-width') args.mlp = { ...args.mlp, width: Number(next()) };
    else if (a === '--mlp-epochs') args.mlp = { ...args.mlp, epochs: Number(next()) };
    else if (a === '--mlp-min-count') args.mlp = { ...args.mlp, minCount: Number(next()) };
    else if (a === '--out') args.out = resolve(next());
    else if (a === '--data') args.data = resolve(next());
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const TAG_INDEX = new Map<string, number>(NER_TAGS.map((t, i) => [t, i]));
const pct = (x: number): string => (100 * x).toFixed(2);
const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Domain adaptation by feature augmentation (Daumé III 2007): each feature also fires in a copy salted with
 * its corpus, so ANERcorp-specific and WikiFANE-specific weights sit beside the shared ones. After training
 * the ANERcorp copy is folded into the shared row (`foldDomain`), so the tagger computes nothing extra.
 */
const DOMAIN_SALT = { anercorp: 0x9e3779b1, wikifane: 0x85ebca77 } as const;
const salted = (h: number, salt: number): number => Math.imul(h ^ salt, 0x27d4eb2d) >>> 0;

function toTraining(sentences: readonly TaggedSentence[], lexicon: NerLexicon, salt?: number): TrainingSentence[] {
  return sentences.map((s) => ({
    features: extractFeatureHashes(s.tokens, lexicon).map((h) => {
      if (salt === undefined) return h;
      const out = new Uint32Array(h.length * 2);
      out.set(h);
      for (let k = 0; k < h.length; k++) out[h.length + k] = salted(h[k]!, salt);
      return out;
    }),
    tags: s.tags.map((t) => {
      const y = TAG_INDEX.get(t);
      if (y === undefined) throw new Error(`unknown tag ${t}`);
      return y;
    }),
  }));
}

/** Adds each feature's ANERcorp-salted row into its shared row and drops every salted row. */
function foldDomain(weights: NerWeights): NerWeights {
  const L = NER_TAGS.length;
  const rowOf = new Map<number, number>();
  weights.keys.forEach((k, r) => rowOf.set(k, r));
  const saltedKeys = new Set<number>();
  for (const k of weights.keys) {
    saltedKeys.add(salted(k, DOMAIN_SALT.anercorp));
    saltedKeys.add(salted(k, DOMAIN_SALT.wikifane));
  }
  const keep: number[] = [];
  weights.keys.forEach((k, r) => {
    if (!saltedKeys.has(k)) keep.push(r);
  });
  const keys = new Uint32Array(keep.length);
  const rows = new Float32Array(keep.length * L);
  keep.forEach((r, i) => {
    const k = weights.keys[r]!;
    keys[i] = k;
    for (let y = 0; y < L; y++) rows[i * L + y] = weights.rows[r * L + y]!;
    const sr = rowOf.get(salted(k, DOMAIN_SALT.anercorp));
    if (sr !== undefined) for (let y = 0; y < L; y++) rows[i * L + y]! += weights.rows[sr * L + y]!;
  });
  return { keys, rows, transitions: weights.transitions };
}

/**
 * The lexicon for WikiFANE's sentences: without the news tagger's labels per stem (wordstats.tsv), since that
 * tagger was trained on these very sentences and its word on their names would be too good to be true.
 */
function withoutNewsTagger(lexicon: NerLexicon): NerLexicon {
  if (lexicon.stats === undefined) return lexicon;
  return { ...lexicon, stats: new Map([...lexicon.stats].map(([stem, counts]) => [stem, counts.subarray(0, NEWS_TAGGED)])) };
}

/**
 * The first pass's training examples as train-ner builds them: ANERcorp's sentences and, when there are any, WikiFANE's
 * (without the news tagger's labels), each domain-salted; `finish` folds the trained weights back to the shared rows,
 * and `shared` gives an example without its salted copies (the MLP learns from those: it has no rows to fold).
 */
export function trainingSets(
  train: readonly TaggedSentence[],
  extra: readonly TaggedSentence[],
  lexicon: NerLexicon,
): { train: TrainingSentence[]; extra: TrainingSentence[]; finish: (weights: NerWeights) => NerWeights; shared: (example: TrainingSentence) => TrainingSentence } {
  const adapt = extra.length > 0;
  return {
    train: toTraining(train, lexicon, adapt ? DOMAIN_SALT.anercorp : undefined),
    extra: toTraining(extra, withoutNewsTagger(lexicon), adapt ? DOMAIN_SALT.wikifane : undefined),
    finish: (w) => (adapt ? foldDomain(w) : w),
    // Salted copies are the second half of each token's features (toTraining).
    shared: (ex) => (adapt ? { features: ex.features.map((h) => h.subarray(0, h.length / 2)), tags: ex.tags } : ex),
  };
}

/** The MLP as the tagger will read it: through the int8 file format. */
export function trainNerMlp(examples: readonly TrainingSentence[], shared: (example: TrainingSentence) => TrainingSentence, options: MlpOptions): NerMlp {
  return deserializeMlp(serializeMlp(trainMlp(examples.map(shared), options)));
}

interface Decoding {
  readonly oPenalty?: number;
  readonly mlp?: NerMlp;
  readonly mlpWeight?: number;
}

function evaluate(
  weights: NerWeights,
  lexicon: NerLexicon,
  sentences: readonly TaggedSentence[],
  doc?: NerWeights,
  window = 0,
  { oPenalty = 0, mlp, mlpWeight = 0 }: Decoding = {},
): ReturnType<typeof scoreSpans> {
  const tagger = createNerTagger(createNerModel(weights, lexicon, { decoding: { oPenalty, mlpWeight } }, doc, mlp));
  return scoreSpans(
    sentences.map((s) => s.tags),
    tagger.tagSentences(
      sentences.map((s) => s.tokens),
      window,
    ),
  );
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const trainPath = join(args.data, TRAIN_FILE);
  if (!existsSync(trainPath)) {
    console.error(`train-ner: ${trainPath} not found; set MARSAD_DATA to the shared data folder. Skipping.`);
    return;
  }
  const started = Date.now();
  const lexicon = loadNerLexicon(args.out);
  console.error(`lexicon: ${lexicon.clusters.size} clustered words, ${lexicon.gazetteer.size} gazetteer names`);
  const trainText = readFileSync(trainPath, 'utf8');
  let train = parseConll(trainText);
  let dev: TaggedSentence[] = [];
  if (args.dev) {
    const cut = Math.floor(train.length * 0.9);
    dev = train.slice(cut);
    train = train.slice(0, cut);
  }
  const dataHashes: Record<string, string> = { [TRAIN_FILE]: sha256(trainText) };
  let extra: TaggedSentence[] = [];
  if (args.wikifane) {
    const wikifane = readWikiFane(args.data);
    dataHashes[WIKIFANE_FILE] = wikifane.sha256;
    extra = mapWikiFane(wikifane.sentences);
    console.error(`wikifane: ${extra.length} sentences`);
  }
  const sets = trainingSets(train, extra, lexicon);
  const examples = [...sets.train, ...sets.extra];
  const { finish, shared } = sets;
  console.error(`features extracted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const report = (label: string, s: ReturnType<typeof scoreSpans>): void => {
    const per = Object.entries(s.byType).map(([t, c]) => `${t} ${pct(c.f1)}`).join(' ');
    console.error(`${label} F1 ${pct(s.overall.f1)} (${per}) ${elapsed()}`);
  };
  const trainFirst = (subset: readonly TrainingSentence[], log: boolean, seeds = args.seeds): NerWeights =>
    finish(
      trainPerceptronEnsemble(subset, {
        epochs: args.epochs,
        seed: args.seed,
        seeds,
        minCount: args.minCount,
        onEpoch: (epoch, w) => {
          if (!log) return;
          if (args.dev && args.doc === 0) report(`epoch ${epoch} dev`, evaluate(finish(w), lexicon, dev));
          else console.error(`epoch ${epoch} ${elapsed()}`);
        },
      }),
    );
  const weights = trainFirst(examples, true);
  const trainNet = (subset: readonly TrainingSentence[]): NerMlp | undefined => (args.mlpWeight === 0 ? undefined : trainNerMlp(subset, shared, args.mlp));
  const mlp = trainNet(examples);
  const withMlp = { mlp, mlpWeight: args.mlpWeight };
  if (mlp !== undefined) console.error(`mlp: ${mlp.embeddings.keys.length} embeddings of ${args.mlp.width} ${elapsed()}`);
  let docWeights: NerWeights | undefined;
  if (args.doc > 0) {
    // Jackknife: the document pass learns from first-pass tags the first pass produced without having
    // seen the sentence, as it will be at run time. Folds are contiguous blocks (documents stay together).
    if (args.dev) {
      report('first pass dev', evaluate(weights, lexicon, dev));
      if (mlp !== undefined) report('first pass + mlp dev', evaluate(weights, lexicon, dev, undefined, 0, withMlp));
    }
    const FOLDS = 4;
    const firstPass: string[][] = new Array(train.length);
    for (let f = 0; f < FOLDS; f++) {
      const lo = Math.floor((f * train.length) / FOLDS);
      const hi = Math.floor(((f + 1) * train.length) / FOLDS);
      // Fold models train as the first pass does, WikiFANE included (one seed, to save time): the document
      // pass then learns from first-pass tags as good as those it will see at run time.
      const subset = [...examples.slice(0, lo), ...examples.slice(hi)];
      const tagger = createNerTagger(createNerModel(trainFirst(subset, false, 1), lexicon, { decoding: { mlpWeight: args.mlpWeight } }, undefined, trainNet(subset)));
      for (let i = lo; i < hi; i++) firstPass[i] = tagger.tagTokens(train[i]!.tokens);
      console.error(`fold ${f + 1}/${FOLDS} tagged ${elapsed()}`);
    }
    const extraFeatures = documentFeatureHashes(
      train.map((s) => s.tokens),
      firstPass,
      args.doc,
      lexicon,
    );
    const docExamples = toTraining(train, lexicon).map((ex, s) => ({ features: joinFeatures(ex.features, extraFeatures[s]!), tags: ex.tags }));
    docWeights = trainPerceptronEnsemble(docExamples, {
      epochs: args.epochs,
      seed: args.seed + 1,
      seeds: args.seeds,
      minCount: args.minCount,
      onEpoch: (epoch, w) => {
        if (args.dev) report(`doc epoch ${epoch} dev`, evaluate(weights, lexicon, dev, w, args.doc, withMlp));
      },
    });
  }
  if (args.dev) {
    for (const mlpWeight of mlp === undefined ? [0] : [0, 8, 12, 16, 24]) {
      for (const oPenalty of [0, 4, 8, 12, 16]) report(`mlp ${mlpWeight} O penalty ${oPenalty} dev`, evaluate(weights, lexicon, dev, docWeights, args.doc, { oPenalty, mlp, mlpWeight }));
    }
    // Pruning trades size and speed for accuracy: rows whose weights all stay under the threshold are dropped.
    for (const prune of [0.01, 0.2, 0.34, 0.5, 0.67]) {
      const w = pruneWeights(weights, prune);
      const d = docWeights === undefined ? undefined : pruneWeights(docWeights, prune);
      report(`prune ${prune} (${w.keys.length + (d?.keys.length ?? 0)} rows) dev`, evaluate(w, lexicon, dev, d, args.doc, { ...withMlp, oPenalty: args.oPenalty }));
    }
    return;
  }
  const pruned = pruneWeights(weights, args.prune);
  const prunedDoc = docWeights === undefined ? undefined : pruneWeights(docWeights, args.prune);
  const bytes = serializeWeights(pruned);
  const docBytes = prunedDoc === undefined ? undefined : serializeWeights(prunedDoc);
  const mlpBytes = mlp === undefined ? undefined : serializeMlp(mlp);
  const testPath = join(args.data, TEST_FILE);
  const test = parseConll(readFileSync(testPath, 'utf8'));
  const scores = evaluate(pruned, lexicon, test, prunedDoc, args.doc, { ...withMlp, oPenalty: args.oPenalty });
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, NER_FILES.weights), bytes);
  if (docBytes !== undefined) writeFileSync(join(args.out, NER_FILES.documentWeights), docBytes);
  else rmSync(join(args.out, NER_FILES.documentWeights), { force: true });
  if (mlpBytes !== undefined) writeFileSync(join(args.out, NER_FILES.mlp), mlpBytes);
  else rmSync(join(args.out, NER_FILES.mlp), { force: true });
  const manifest = {
    format:
      `marsad NER model: averaged structured perceptron over hashed features (src/engine/stages/ner), weights averaged over ${args.seeds} shuffle seeds` +
      (docBytes === undefined ? '' : ', plus a document pass (weights-doc.bin)') +
      (mlpBytes === undefined ? '' : ', with an MLP over the same features whose log-probabilities join both passes (mlp.bin)'),
    trained: new Date().toISOString().slice(0, 10),
    decoding: { oPenalty: args.oPenalty, ...(mlpBytes === undefined ? {} : { mlpWeight: args.mlpWeight }) },
    config: {
      epochs: args.epochs,
      seed: args.seed,
      seeds: args.seeds,
      minCount: args.minCount,
      prune: args.prune,
      wikifane: args.wikifane,
      documentWindow: args.doc,
      documentFolds: `4 contiguous folds of the ANERcorp train split, fold models trained as the first pass (with WikiFANE), one seed${mlpBytes === undefined ? '' : ', each with its own MLP'}`,
      ...(mlpBytes === undefined ? {} : { mlp: args.mlp }),
      newsStatistics: lexicon.stats === undefined ? null : NER_FILES.stats,
    },
    data: dataHashes,
    files: {
      [NER_FILES.weights]: sha256(bytes),
      ...(docBytes === undefined ? {} : { [NER_FILES.documentWeights]: sha256(docBytes) }),
      ...(mlpBytes === undefined ? {} : { [NER_FILES.mlp]: sha256(mlpBytes) }),
      ...Object.fromEntries(
        [NER_FILES.clusters, NER_FILES.gazetteer, NER_FILES.stats]
          .filter((file) => existsSync(join(args.out, file)))
          .map((file) => [file, sha256(readFileSync(join(args.out, file)))]),
      ),
    },
    features: pruned.keys.length + (prunedDoc?.keys.length ?? 0),
    scores: {
      split: 'ANERcorp (reconstructed CAMeL test split), exact-span conlleval' + (args.doc > 0 ? `, sentences tagged in windows of ±${args.doc}` : ''),
      overall: { precision: pct(scores.overall.precision), recall: pct(scores.overall.recall), f1: pct(scores.overall.f1) },
      byType: Object.fromEntries(Object.entries(scores.byType).map(([t, c]) => [t, { precision: pct(c.precision), recall: pct(c.recall), f1: pct(c.f1), gold: c.gold }])),
    },
  };
  writeFileSync(join(args.out, NER_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  const size = bytes.length + (docBytes?.length ?? 0) + (mlpBytes?.length ?? 0);
  console.error(`test F1 ${pct(scores.overall.f1)}; ${manifest.features} features, ${(size / 1e6).toFixed(1)} MB; ${elapsed()}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
