// Induces word clusters for the NER tagger from ../shared/data/news: skip-gram vectors of the most frequent
// folded words (seeded, one thread), spherical k-means (fine), then k-means over the fine centroids
// (medium, coarse), written to resources/ner/clusters.tsv.
// Usage: npx tsx scripts/build-word-clusters.ts [--vocab 50000] [--dims 64] [--epochs 3] [--k 1024,256,64] [--iterations 12]
//   Defaults built the shipped file; about 20 minutes on one busy core (skip-gram vectors cached under /tmp).
//   MARSAD_NER_OUT=dir writes clusters.tsv there instead of resources/ner.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/engine/stages/ner/perceptron.js';
import { NEWS_FILES, readSentences } from './news-sentences.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Spherical k-means (cosine) with k-means++-style seeding from a seeded PRNG; returns assignments and centroids. */
function kmeans(data: Float32Array, n: number, dims: number, k: number, iterations: number, seed: number, weights?: Float64Array): { assign: Int32Array; centroids: Float32Array } {
  const random = createRandom(seed);
  const centroids = new Float32Array(k * dims);
  // Seeding: distinct random points (frequent words first would bias to function words).
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let p = Math.floor(random() * n);
    while (picked.has(p)) p = Math.floor(random() * n);
    picked.add(p);
    centroids.set(data.subarray(p * dims, p * dims + dims), c * dims);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      const off = i * dims;
      for (let c = 0; c < k; c++) {
        const co = c * dims;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += data[off + d]! * centroids[co + d]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[i] !== arg) moved++;
      assign[i] = arg;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const co = assign[i]! * dims;
      const wgt = weights === undefined ? 1 : weights[i]!;
      for (let d = 0; d < dims; d++) centroids[co + d]! += wgt * data[i * dims + d]!;
    }
    for (let c = 0; c < k; c++) normalizeRow(centroids, c, dims);
    process.stderr.write(`  k=${k} iteration ${it + 1}: ${moved} moved\n`);
    if (moved === 0) break;
  }
  return { assign, centroids };
}

function normalizeRow(m: Float32Array, r: number, dims: number): void {
  let s = 0;
  for (let d = 0; d < dims; d++) s += m[r * dims + d]! ** 2;
  const norm = Math.sqrt(s);
  if (norm > 0) for (let d = 0; d < dims; d++) m[r * dims + d]! /= norm;
}

async function main(): Promise<void> {
  const dataDir = process.env.MARSAD_DATA ?? join(ROOT, '../shared/data');
  if (!existsSync(join(dataDir, NEWS_FILES[0]!))) {
    console.error(`build-word-clusters: ${join(dataDir, NEWS_FILES[0]!)} not found; set MARSAD_DATA. Skipping.`);
    return;
  }
  const V = Number(option('--vocab', '50000'));
  const K = Number(option('--dims', '64'));
  const ks = option('--k', '1024,256,64').split(',').map(Number);
  const seed = 7;
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

  const freq = new Map<string, number>();
  let totalTokens = 0;
  await readSentences(dataDir, (tokens) => {
    totalTokens += tokens.length;
    for (const t of tokens) freq.set(t, (freq.get(t) ?? 0) + 1);
  });
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, V).map(([w]) => w);
  const vocabId = new Map(vocab.map((w, i) => [w, i]));
  const n = vocab.length;
  console.error(`${totalTokens} tokens, ${freq.size} types; clustering ${n} (min count ${ranked[n - 1]?.[1]}) ${elapsed()}`);

  const EPOCHS = Number(option('--epochs', '3'));
  const WINDOW = 4;
  async function trainSkipGram(): Promise<Float32Array> {
    // Skip-gram with negative sampling (word2vec), single-threaded and seeded: frequent words subsampled,
    // a dynamic window of up to WINDOW words each side, NEGATIVE samples from the unigram^0.75 table.
    const NEGATIVE = 5;
    const SUBSAMPLE = 1e-4;
    const counts = new Float64Array(n);
    for (let w = 0; w < n; w++) counts[w] = freq.get(vocab[w]!)!;
    const corpusIds: Int32Array[] = [];
    await readSentences(dataDir, (tokens) => {
      const ids = new Int32Array(tokens.length);
      let m = 0;
      for (const t of tokens) {
        const id = vocabId.get(t);
        if (id !== undefined) ids[m++] = id;
      }
      if (m > 1) corpusIds.push(ids.subarray(0, m));
    });
    const keepProb = new Float64Array(n);
    for (let w = 0; w < n; w++) {
      const f = counts[w]! / totalTokens;
      keepProb[w] = Math.min(1, Math.sqrt(SUBSAMPLE / f) + SUBSAMPLE / f);
    }
    const TABLE = 1 << 22;
    const table = new Int32Array(TABLE);
    {
      let z = 0;
      for (let w = 0; w < n; w++) z += counts[w]! ** 0.75;
      let w = 0;
      let acc = counts[0]! ** 0.75 / z;
      for (let i = 0; i < TABLE; i++) {
        table[i] = w;
        if (i / TABLE > acc && w < n - 1) acc += counts[++w]! ** 0.75 / z;
      }
    }
    const random = createRandom(seed);
    const input = new Float32Array(n * K);
    const output = new Float32Array(n * K);
    for (let j = 0; j < input.length; j++) input[j] = (random() - 0.5) / K;
    const grad = new Float32Array(K);
    const totalSteps = EPOCHS * corpusIds.reduce((a, s) => a + s.length, 0);
    let step = 0;
    const LR = 0.025;
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (const sentence of corpusIds) {
        const kept: number[] = [];
        for (const id of sentence) if (random() < keepProb[id]!) kept.push(id);
        for (let i = 0; i < kept.length; i++) {
          step++;
          const lr = Math.max(LR * 0.0001, LR * (1 - step / totalSteps));
          const b = 1 + Math.floor(random() * WINDOW);
          const centre = kept[i]!;
          for (let j = Math.max(0, i - b); j <= Math.min(kept.length - 1, i + b); j++) {
            if (j === i) continue;
            const ctx = kept[j]! * K;
            grad.fill(0);
            for (let d = 0; d <= NEGATIVE; d++) {
              const target = d === 0 ? centre : table[Math.floor(random() * TABLE)]!;
              if (d > 0 && target === centre) continue;
              const to = target * K;
              let dot = 0;
              for (let x = 0; x < K; x++) dot += input[ctx + x]! * output[to + x]!;
              const sig = dot > 6 ? 1 : dot < -6 ? 0 : 1 / (1 + Math.exp(-dot));
              const g = lr * ((d === 0 ? 1 : 0) - sig);
              for (let x = 0; x < K; x++) {
                grad[x]! += g * output[to + x]!;
                output[to + x]! += g * input[ctx + x]!;
              }
            }
            for (let x = 0; x < K; x++) input[ctx + x]! += grad[x]!;
          }
        }
      }
      console.error(`skip-gram epoch ${epoch + 1} ${elapsed()}`);
    }
    return input;
  }

  // The vectors are cached under /tmp (keyed by the settings), so re-clustering skips the slow part.
  const cachePath = join(tmpdir(), `marsad-ner-sgns-${n}-${K}-${EPOCHS}-${seed}.f32`);
  let vectors: Float32Array;
  if (existsSync(cachePath)) {
    const bytes = readFileSync(cachePath);
    vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    console.error(`vectors read from ${cachePath}`);
  } else {
    vectors = await trainSkipGram();
    writeFileSync(cachePath, new Uint8Array(vectors.buffer));
  }
  for (let w = 0; w < n; w++) normalizeRow(vectors, w, K);

  const fine = kmeans(vectors, n, K, ks[0]!, Number(option('--iterations', '12')), seed);
  const mid = kmeans(fine.centroids, ks[0]!, K, ks[1]!, 20, seed + 1);
  const coarse = kmeans(mid.centroids, ks[1]!, K, ks[2]!, 20, seed + 2);
  console.error(`clustered ${elapsed()}`);

  const lines = [
    '# marsad NER word clusters',
    `# format: folded word<TAB>coarse (of ${ks[2]})<TAB>medium (of ${ks[1]})<TAB>fine (of ${ks[0]}) cluster ids; medium and coarse group the fine centroids`,
    `# source: ../shared/data/news (SaudiNewsNet 2015, ANT 2018), ${totalTokens} tokens; the ${n} most frequent folded words`,
    `# method: skip-gram with negative sampling (${K} dims, window ${WINDOW}, seed ${seed}), spherical k-means`,
    `# built by scripts/build-word-clusters.ts`,
  ];
  for (let w = 0; w < n; w++) {
    const f = fine.assign[w]!;
    const m = mid.assign[f]!;
    lines.push(`${vocab[w]}\t${coarse.assign[m]}\t${m}\t${f}`);
  }
  const out = process.env.MARSAD_NER_OUT ?? join(ROOT, 'resources/ner');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'clusters.tsv'), lines.join('\n') + '\n');
  console.error(`wrote ${join(out, 'clusters.tsv')} ${elapsed()}`);
}

await main();
