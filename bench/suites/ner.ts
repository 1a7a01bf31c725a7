// The NER bench: model load time, tagging throughput (tokens/s, one core) over the shared news corpus, peak memory.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCliticLexicon } from '../../src/arabic/clitic-lexicon.js';
import { createSegmenter } from '../../src/arabic/clitics.js';
import { splitSentences, type SentenceSpan } from '../../src/arabic/sentences.js';
import { tokenize } from '../../src/arabic/tokenize.js';
import { loadNerModel } from '../../src/engine/stages/ner/model-io.js';
import { createNerTagger } from '../../src/engine/stages/ner/tagger.js';
import { loadCorpus } from '../corpus.js';
import { peakRssMb, rssNowMb } from '../measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Articles tagged before timing starts, so the JIT has compiled the hot paths. */
export const WARM_UP_ARTICLES = 200;

/**
 * What the NER bench tags: up to `limit` articles of the news corpus, their sentence spans, and how many tokens
 * findMentions sees in them (it tokenises sentence by sentence). Shared with bench/ner-paired.ts.
 */
export async function nerWorkload(dataDir: string, limit?: number): Promise<{ texts: string[]; sentences: SentenceSpan[][]; tokens: number }> {
  const texts = await loadCorpus(dataDir, limit === undefined ? {} : { limit });
  const sentences = texts.map((t) => splitSentences(t));
  let tokens = 0;
  texts.forEach((text, i) => {
    for (const s of sentences[i]!) tokens += tokenize(text.slice(s.start, s.end)).length;
  });
  return { texts, sentences, tokens };
}

/**
 * Measures, on the calling thread (one core): loading resources/ner (or $MARSAD_NER_MODEL), then `findMentions` over every article
 * (sentence split, tokenise, features, Viterbi, proclitic trimming), timed apart from the sentence splitting.
 * Returns: loadMs, articles, tokens, tokensPerSecond, mentionsPerArticle, rssBeforeLoadMb, rssAfterLoadMb, peakRssMb.
 */
export async function runNerBench(options: { dataDir: string; log: (line: string) => void; limit?: number }): Promise<Record<string, number>> {
  const { log } = options;
  // Another model directory (a retrained model beside the shipped one) can be measured with MARSAD_NER_MODEL.
  const modelDir = process.env.MARSAD_NER_MODEL === undefined ? join(ROOT, 'resources/ner') : resolve(process.env.MARSAD_NER_MODEL);
  if (!existsSync(join(modelDir, 'weights.bin'))) {
    log(`ner bench: no model at ${modelDir}; run \`npm run train:ner\`. Skipping.`);
    return {};
  }
  const { texts, sentences, tokens } = await nerWorkload(options.dataDir, options.limit);
  if (texts.length === 0) {
    log(`ner bench: no articles under ${options.dataDir}/news. Skipping.`);
    return {};
  }
  const rssBeforeLoadMb = rssNowMb() ?? Number.NaN;
  const loadStart = process.hrtime.bigint();
  const model = loadNerModel(modelDir);
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const rssAfterLoadMb = rssNowMb() ?? Number.NaN;
  const segmenter = createSegmenter(loadCliticLexicon(join(ROOT, 'resources/arabic/clitic-lexicon.tsv')));
  const tagger = createNerTagger(model, { segmenter });

  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < Math.min(WARM_UP_ARTICLES, texts.length); i++) tagger.findMentions(texts[i]!, sentences[i]!);
  let mentions = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const found = tagger.findMentions(texts[i]!, sentences[i]!);
    mentions += found.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const result = {
    loadMs,
    articles: texts.length,
    tokens,
    seconds,
    tokensPerSecond: tokens / seconds,
    mentionsPerArticle: mentions / texts.length,
    rssBeforeLoadMb,
    rssAfterLoadMb,
    peakRssMb: peakRssMb(),
  };
  log(
    `ner: load ${loadMs.toFixed(0)} ms; ${texts.length} articles, ${tokens} tokens in ${seconds.toFixed(1)} s = ${Math.round(result.tokensPerSecond)} tokens/s; ` +
      `${result.mentionsPerArticle.toFixed(1)} mentions/article; RSS ${rssBeforeLoadMb.toFixed(0)} → ${rssAfterLoadMb.toFixed(0)} MB after load, peak ${result.peakRssMb.toFixed(0)} MB`,
  );
  return result;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'));
  const i = process.argv.indexOf('--limit');
  await runNerBench({ dataDir, log: (line) => process.stdout.write(line + '\n'), ...(i >= 0 ? { limit: Number(process.argv[i + 1]) } : {}) });
}
