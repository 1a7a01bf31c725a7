// Trains the NER tagger on ANERcorp's CAMeL train split (optionally + WikiFANE) and writes resources/ner/.
// Usage: npx tsx scripts/train-ner.ts [--epochs N] [--seed N] [--dev] [--wikifane] [--min-count N] [--out DIR]
//   --dev  hold out the last 10% of train sentences, print a dev curve, write nothing (for choosing settings).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseConll, scoreSpans, type TaggedSentence } from '../src/engine/stages/ner/conll.js';
import { EMPTY_LEXICON, extractFeatureHashes, type NerLexicon } from '../src/engine/stages/ner/features.js';
import { NER_TAGS, type NerWeights } from '../src/engine/stages/ner/model.js';
import { createNerModel, NER_FILES, parseClusters, parseGazetteer, serializeWeights } from '../src/engine/stages/ner/model-io.js';
import { pruneWeights, trainPerceptron, type TrainingSentence } from '../src/engine/stages/ner/perceptron.js';
import { createNerTagger } from '../src/engine/stages/ner/tagger.js';
import { mapWikiFane } from './ner-wikifane.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TRAIN_FILE = 'anercorp/ANERCorp_CamelLab_train.reconstructed.txt';
export const TEST_FILE = 'anercorp/ANERCorp_CamelLab_test.reconstructed.txt';
const WIKIFANE_FILE = 'fane-gold/WikiFANE_Gold_2014_500K.txt.gz';

interface Args {
  epochs: number;
  seed: number;
  dev: boolean;
  wikifane: boolean;
  minCount: number;
  prune: number;
  out: string;
  data: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    epochs: 12,
    seed: 20260101,
    dev: false,
    wikifane: false,
    minCount: 1,
    prune: 0.01,
    out: join(ROOT, 'resources/ner'),
    data: process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--epochs') args.epochs = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--dev') args.dev = true;
    else if (a === '--wikifane') args.wikifane = true;
    else if (a === '--min-count') args.minCount = Number(next());
    else if (a === '--prune') args.prune = Number(next());
    else if (a === '--out') args.out = resolve(next());
    else if (a === '--data') args.data = resolve(next());
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** The lexicon shipped beside the weights (built by scripts/build-word-clusters.ts and build-ner-gazetteer.ts). */
function loadLexicon(dir: string): NerLexicon {
  const clustersPath = join(dir, NER_FILES.clusters);
  const gazPath = join(dir, NER_FILES.gazetteer);
  const clusters = existsSync(clustersPath) ? parseClusters(readFileSync(clustersPath, 'utf8')) : EMPTY_LEXICON.clusters;
  const { gazetteer, maxWords } = existsSync(gazPath) ? parseGazetteer(readFileSync(gazPath, 'utf8')) : { gazetteer: new Map<string, number>(), maxWords: 0 };
  return { clusters, gazetteer, gazetteerMaxWords: maxWords };
}

const TAG_INDEX = new Map<string, number>(NER_TAGS.map((t, i) => [t, i]));

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

function evaluate(weights: NerWeights, lexicon: NerLexicon, sentences: readonly TaggedSentence[]): ReturnType<typeof scoreSpans> {
  const tagger = createNerTagger(createNerModel(weights, lexicon));
  return scoreSpans(
    sentences.map((s) => s.tags),
    sentences.map((s) => tagger.tagTokens(s.tokens)),
  );
}

const pct = (x: number): string => (100 * x).toFixed(2);
const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const trainPath = join(args.data, TRAIN_FILE);
  if (!existsSync(trainPath)) {
    console.error(`train-ner: ${trainPath} not found; set MARSAD_DATA to the shared data folder. Skipping.`);
    return;
  }
  const started = Date.now();
  const lexicon = loadLexicon(args.out);
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
    const gz = readFileSync(join(args.data, WIKIFANE_FILE));
    dataHashes[WIKIFANE_FILE] = sha256(gz);
    extra = mapWikiFane(parseConll(gunzipSync(gz).toString('utf8')));
    console.error(`wikifane: ${extra.length} sentences`);
  }
  const adapt = extra.length > 0;
  const examples = [
    ...toTraining(train, lexicon, adapt ? DOMAIN_SALT.anercorp : undefined),
    ...toTraining(extra, lexicon, adapt ? DOMAIN_SALT.wikifane : undefined),
  ];
  const finish = (w: NerWeights): NerWeights => (adapt ? foldDomain(w) : w);
  console.error(`features extracted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const weights = trainPerceptron(examples, {
    epochs: args.epochs,
    seed: args.seed,
    minCount: args.minCount,
    onEpoch: (epoch, w) => {
      if (!args.dev) return console.error(`epoch ${epoch} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      const s = evaluate(finish(w), lexicon, dev);
      const per = Object.entries(s.byType).map(([t, c]) => `${t} ${pct(c.f1)}`).join(' ');
      console.error(`epoch ${epoch} dev F1 ${pct(s.overall.f1)} (${per}) ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  if (args.dev) return;
  const pruned = pruneWeights(finish(weights), args.prune);
  const bytes = serializeWeights(pruned);
  const testPath = join(args.data, TEST_FILE);
  const test = parseConll(readFileSync(testPath, 'utf8'));
  const scores = evaluate(pruned, lexicon, test);
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, NER_FILES.weights), bytes);
  const manifest = {
    format: 'marsad NER model: averaged structured perceptron over hashed features (src/engine/stages/ner)',
    trained: new Date().toISOString().slice(0, 10),
    config: { epochs: args.epochs, seed: args.seed, minCount: args.minCount, prune: args.prune, wikifane: args.wikifane },
    data: dataHashes,
    files: {
      [NER_FILES.weights]: sha256(bytes),
      [NER_FILES.clusters]: existsSync(join(args.out, NER_FILES.clusters)) ? sha256(readFileSync(join(args.out, NER_FILES.clusters))) : null,
      [NER_FILES.gazetteer]: existsSync(join(args.out, NER_FILES.gazetteer)) ? sha256(readFileSync(join(args.out, NER_FILES.gazetteer))) : null,
    },
    features: pruned.keys.length,
    scores: {
      split: 'ANERcorp (reconstructed CAMeL test split), exact-span conlleval',
      overall: { precision: pct(scores.overall.precision), recall: pct(scores.overall.recall), f1: pct(scores.overall.f1) },
      byType: Object.fromEntries(Object.entries(scores.byType).map(([t, c]) => [t, { precision: pct(c.precision), recall: pct(c.recall), f1: pct(c.f1), gold: c.gold }])),
    },
  };
  writeFileSync(join(args.out, NER_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  console.error(`test F1 ${pct(scores.overall.f1)}; ${pruned.keys.length} features, ${(bytes.length / 1e6).toFixed(1)} MB; ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main();
