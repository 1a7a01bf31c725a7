// Derives from ../shared/data/news what the NER tagger knows of words beyond its labelled data:
//  1. how each stem is used: how often, how often with the article «ال», how often with a pronoun or plural
//     suffix. Arabic has no capital letters; a stem that never takes the article or a suffix in four million
//     words («رامسفيلد», «تبليسي») is likely a name, one that takes them freely («تراب»: «التراب», «ترابها») is not.
//  2. how a tagger trained on WikiFANE alone labels each stem in news (B-/I- counts per type). It never sees
//     ANERcorp, so ANERcorp's training and test words are alike to it: what it says of a word is worth the same
//     at training and at run time.
// Writes resources/ner/wordstats.tsv (read by loadNerLexicon; train-ner.ts keeps the second part away from
// WikiFANE's own sentences). Needs clusters.tsv and gazetteer.tsv in the same folder.
// Usage: npx tsx scripts/build-word-stats.ts [--min-count 2]   (MARSAD_NER_OUT=dir reads and writes there)
//   About 4 minutes on one core; deterministic.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatureHashes, NEWS_COLUMNS, NEWS_COUNT, NEWS_DEFINITE, NEWS_SUFFIXED, NEWS_TAGGED, splitProclitics, type NerLexicon } from '../src/engine/stages/ner/features.js';
import { NER_TAGS } from '../src/engine/stages/ner/model.js';
import { createNerModel, NER_FILES, parseClusters, parseGazetteer } from '../src/engine/stages/ner/model-io.js';
import { trainPerceptron } from '../src/engine/stages/ner/perceptron.js';
import { createNerTagger } from '../src/engine/stages/ner/tagger.js';
import { NEWS_FILES, readSentences } from './news-sentences.js';
import { mapWikiFane, readWikiFane, WIKIFANE_FILE } from './ner-wikifane.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Suffixes that names rarely take: attached pronouns and dual/plural endings (folded spelling). */
const SUFFIXES = ['ها', 'هم', 'هما', 'هن', 'كم', 'نا', 'ان', 'ين', 'ون', 'ات'];
/** The news tagger: one perceptron, few epochs (its labels are pooled over many occurrences). */
const TAGGER = { epochs: 6, seed: 5 } as const;
const TYPES = ['PERS', 'LOC', 'ORG', 'MISC'] as const;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Counts per stem over folded sentences: [occurrences, with the article, with a pronoun or plural suffix, then
 * zeros for the tagger's labels] (NEWS_* columns). `finish` adds the suffix counts once every stem is known.
 */
export function createUsageCounts(): { add(sentence: readonly string[]): void; finish(): Map<string, Uint32Array> } {
  const stems = new Map<string, Uint32Array>();
  return {
    add(sentence) {
      for (const w of sentence) {
        const [pro, stem] = splitProclitics(w);
        let c = stems.get(stem);
        if (c === undefined) stems.set(stem, (c = new Uint32Array(NEWS_COLUMNS)));
        c[NEWS_COUNT]! += 1;
        if (pro.endsWith('ال') || pro.endsWith('لل')) c[NEWS_DEFINITE]! += 1;
      }
    },
    finish() {
      for (const [stem, c] of stems) for (const s of SUFFIXES) c[NEWS_SUFFIXED]! += stems.get(stem + s)?.[NEWS_COUNT] ?? 0;
      return stems;
    },
  };
}

/** Adds a tagged sentence's labels to its stems' B-/I- counts per type (stems missing from `stems` are skipped). */
export function addTaggerLabels(stems: ReadonlyMap<string, Uint32Array>, sentence: readonly string[], tags: readonly string[]): void {
  tags.forEach((tag, i) => {
    const t = TYPES.indexOf(tag.slice(2) as (typeof TYPES)[number]);
    const c = stems.get(splitProclitics(sentence[i]!)[1]);
    if (t < 0 || c === undefined) return;
    c[NEWS_TAGGED + 2 * t + (tag.startsWith('B-') ? 0 : 1)]! += 1;
  });
}

async function main(): Promise<void> {
  const dataDir = process.env.MARSAD_DATA ?? join(ROOT, '../shared/data');
  for (const file of [...NEWS_FILES, WIKIFANE_FILE]) {
    if (!existsSync(join(dataDir, file))) {
      console.error(`build-word-stats: ${join(dataDir, file)} not found; set MARSAD_DATA. Skipping.`);
      return;
    }
  }
  const outDir = process.env.MARSAD_NER_OUT ?? join(ROOT, 'resources/ner');
  const minCount = option('--min-count', 2);
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

  // 1. Counts per stem: occurrences, with the article, with a suffix.
  const usage = createUsageCounts();
  let tokens = 0;
  await readSentences(dataDir, (sentence) => {
    tokens += sentence.length;
    usage.add(sentence);
  });
  const stems = usage.finish();
  console.error(`${tokens} tokens, ${stems.size} stems counted ${elapsed()}`);

  // 2. The news tagger, trained on WikiFANE with the usage counts (not yet its own labels) as features.
  const { gazetteer, maxWords } = parseGazetteer(readFileSync(join(outDir, NER_FILES.gazetteer), 'utf8'));
  const lexicon: NerLexicon = {
    clusters: parseClusters(readFileSync(join(outDir, NER_FILES.clusters), 'utf8')),
    gazetteer,
    gazetteerMaxWords: maxWords,
    stats: new Map([...stems].filter(([, c]) => c[NEWS_COUNT]! >= minCount).map(([stem, c]) => [stem, c.slice(0, NEWS_TAGGED)])),
  };
  const tagIndex = new Map<string, number>(NER_TAGS.map((t, i) => [t, i]));
  const wikifane = mapWikiFane(readWikiFane(dataDir).sentences);
  const weights = trainPerceptron(
    wikifane.map((s) => ({ features: extractFeatureHashes(s.tokens, lexicon), tags: s.tags.map((t) => tagIndex.get(t)!) })),
    TAGGER,
  );
  const tagger = createNerTagger(createNerModel(weights, lexicon));
  console.error(`news tagger trained on ${wikifane.length} WikiFANE sentences ${elapsed()}`);

  // 3. Its labels per stem.
  await readSentences(dataDir, (sentence) => addTaggerLabels(stems, sentence, tagger.tagTokens(sentence)));
  console.error(`news tagged ${elapsed()}`);

  const sha256 = (file: string): string => createHash('sha256').update(readFileSync(join(dataDir, file))).digest('hex');
  const source = `../shared/data/news (SaudiNewsNet 2015, ANT 2018), ${tokens} tokens`;
  const hashes = [...NEWS_FILES, WIKIFANE_FILE].map((file) => `#   sha256 ${sha256(file)}  ${file}`);
  const taggerNote = `a perceptron trained on WikiFANE alone (${TAGGER.epochs} epochs, seed ${TAGGER.seed}), features as the NER's with these usage counts`;
  const statLines: string[] = [];
  for (const [stem, c] of [...stems].sort((a, b) => b[1][NEWS_COUNT]! - a[1][NEWS_COUNT]! || (a[0] < b[0] ? -1 : 1))) {
    if (c[NEWS_COUNT]! < minCount) break;
    statLines.push(`${stem}\t${c.join('\t')}`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, NER_FILES.stats),
    [
      '# marsad NER word statistics',
      '# format: folded stem (proclitics split off)<TAB>occurrences<TAB>with the article<TAB>occurrences of stem + a pronoun or plural',
      '#         suffix<TAB>then B-PERS, I-PERS, B-LOC, I-LOC, B-ORG, I-ORG, B-MISC, I-MISC: how often the news tagger labelled it so',
      `# source: ${source}; stems seen at least ${minCount} times; news tagger: ${taggerNote}`,
      '# data:',
      ...hashes,
      '# built by scripts/build-word-stats.ts',
      ...statLines,
    ].join('\n') + '\n',
  );
  console.error(`${statLines.length} stems written to ${join(outDir, NER_FILES.stats)} ${elapsed()}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
