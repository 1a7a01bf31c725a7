// Tagger tests: a tiny model trained in the test on self-written sentences, so nothing depends on the shipped model.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliticLexicon, FLAG_NAME } from '../../../arabic/clitic-lexicon.js';
import { createSegmenter } from '../../../arabic/clitics.js';
import { chunksOf, scoreSpans } from './conll.js';
import {
  extractFeatureHashes,
  extractFeatureStrings,
  foldForm,
  GAZ_KB_PER,
  GAZ_LOC,
  GAZ_MISC,
  GAZ_PER,
  GAZ_TRIGGER_PER,
  GAZ_WIKI_LOC,
  GAZ_WIKI_ORG,
  hashFeature, splitProclitics, type NerLexicon } from './features.js';
import { createWeightIndex, findRow, NER_TAGS, TAG_COUNT } from './model.js';
import { documentFeatureHashes, joinFeatures } from './document.js';
import { createNerModel, deserializeWeights, loadNerModel, NER_FILES, parseGazetteer, parseWordStats, serializeWeights } from './model-io.js';
import { averageWeights, trainPerceptron, trainPerceptronEnsemble } from './perceptron.js';
import { createNerTagger, trimmedStart } from './tagger.js';

/** Self-written news-style sentences: token/TAG pairs separated by spaces, O when no tag is given. */
const TRAINING = [
  'قال/O الرئيس/O سامر/B-PERS الحداد/I-PERS إن/O وفدا/O سيزور/O عمان/B-LOC',
  'وصل/O الوزير/O سامر/B-PERS الحداد/I-PERS إلى/O بيروت/B-LOC أمس/O',
  'أعلنت/O وزارة/B-ORG الصحة/I-ORG في/O عمان/B-LOC عن/O حملة/O',
  'التقى/O الرئيس/O نادر/B-PERS الكرمي/I-PERS وفدا/O من/O وزارة/B-ORG الصحة/I-ORG',
  'وصل/O الرئيس/O نادر/B-PERS الكرمي/I-PERS إلى/O دمشق/B-LOC',
  'قال/O الوزير/O وليد/B-PERS النمر/I-PERS إن/O بيروت/B-LOC تستضيف/O مؤتمر/O',
  'زار/O الرئيس/O وليد/B-PERS النمر/I-PERS مدينة/O دمشق/B-LOC',
  'أكدت/O وزارة/B-ORG الخارجية/I-ORG في/O دمشق/B-LOC أن/O الوفد/O وصل/O',
  'وقال/O الرئيس/O سامر/B-PERS الحداد/I-PERS إن/O وزارة/B-ORG الخارجية/I-ORG مستعدة/O',
].map((line) => {
  const pairs = line.split(' ').map((p) => p.split('/') as [string, string]);
  return { tokens: pairs.map(([t]) => t), tags: pairs.map(([, tag]) => tag) };
});

const LEXICON: NerLexicon = {
  clusters: new Map([
    ['عمان', [1, 2, 3]],
    ['بيروت', [1, 2, 3]],
    ['دمشق', [1, 2, 3]],
  ]),
  gazetteer: new Map([
    ['عمان', GAZ_LOC],
    ['دمشق', GAZ_LOC],
    ['بيروت', GAZ_LOC],
  ]),
  gazetteerMaxWords: 1,
};

const TAG_INDEX = new Map<string, number>(NER_TAGS.map((t, i) => [t, i]));

function trainTiny() {
  const weights = trainPerceptron(
    TRAINING.map((s) => ({ features: extractFeatureHashes(s.tokens, LEXICON), tags: s.tags.map((t) => TAG_INDEX.get(t)!) })),
    { epochs: 8, seed: 1 },
  );
  return createNerModel(weights, LEXICON);
}

describe('foldForm and splitProclitics', () => {
  it.each([
    ['إيران', 'ايران'],
    ['آسيا', 'اسيا'],
    ['موسى', 'موسي'],
    ['الطراونة', 'الطراونه'],
    ['مُحَمَّد', 'محمد'],
    ['جزء', 'جزء'],
    ['٢٠٢٢', '2022'],
  ])('folds %s to %s', (word, folded) => {
    expect(foldForm(word)).toBe(folded);
  });

  it.each([
    ['والرئيس', 'وال', 'رييس'],
    ['للمنظمه', 'لل', 'منظمه'],
    ['بغداد', 'ب', 'غداد'],
    ['قرار', '', 'قرار'],
    ['في', '', 'في'],
  ])('splits %s into %s + %s', (word, pro, stem) => {
    expect(splitProclitics(foldForm(word))).toEqual([pro, stem]);
  });
});

describe('features', () => {
  it('marks a gazetteer match through a proclitic («وبيروت» → بيروت)', () => {
    const features = extractFeatureStrings(['زار', 'وبيروت'], LEXICON);
    expect(features[1]).toContain('g=B-LOC1');
    expect(features[0]).not.toContain('g=B-LOC1');
  });

  it('hashes exactly the strings it describes', () => {
    const tokens = ['وصل', 'الرئيس', 'سامر', 'الحداد', 'إلى', 'وبيروت'];
    const strings = extractFeatureStrings(tokens, LEXICON);
    const hashes = extractFeatureHashes(tokens, LEXICON);
    expect(hashes.map((h) => [...h])).toEqual(strings.map((fs) => fs.map(hashFeature)));
  });

  it('marks knowledge-base names per type and trigger words one and two words back', () => {
    const lexicon: NerLexicon = {
      clusters: new Map(),
      gazetteer: new Map([
        [foldForm('الرئيس'), GAZ_TRIGGER_PER],
        ['قاسم توكاييف', GAZ_PER | GAZ_KB_PER],
      ]),
      gazetteerMaxWords: 2,
    };
    const features = extractFeatureStrings(['قال', 'والرئيس', 'قاسم', 'توكاييف'], lexicon);
    expect(features[1]).toContain('tr=' + GAZ_TRIGGER_PER);
    expect(features[1]!.some((f) => f.startsWith('g='))).toBe(false);
    expect(features[2]).toEqual(expect.arrayContaining(['g=B-PER|KPER', 'gt=B-KPER', 'gt=B-PER', 'tr-1=' + GAZ_TRIGGER_PER]));
    expect(features[3]).toEqual(expect.arrayContaining(['gt=I-KPER', 'tr-2=' + GAZ_TRIGGER_PER]));
  });

  it('leaves out empty-valued features', () => {
    const features = extractFeatureStrings(['قال'], { clusters: new Map(), gazetteer: new Map(), gazetteerMaxWords: 0 });
    expect(features[0]!.some((f) => f.startsWith('g=') || f.startsWith('c0='))).toBe(false);
  });
});

describe('tiny model', () => {
  const model = trainTiny();
  const tagger = createNerTagger(model);

  it('fits its training sentences', () => {
    const predicted = TRAINING.map((s) => tagger.tagTokens(s.tokens));
    expect(scoreSpans(TRAINING.map((s) => s.tags), predicted).overall.f1).toBe(1);
  });

  it('generalises a known name to a new context', () => {
    expect(tagger.tagTokens(['أكد', 'الوزير', 'نادر', 'الكرمي', 'أن', 'دمشق', 'ترحب'])).toEqual(['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O']);
  });

  it('never emits an I- tag without its B-', () => {
    const tags = tagger.tagTokens(['الحداد', 'الكرمي', 'الصحة', 'في']);
    tags.forEach((t, i) => {
      if (t.startsWith('I-')) expect(tags[i - 1]!.slice(2)).toBe(t.slice(2));
    });
  });

  it('an O penalty from the manifest trades precision for recall', () => {
    const tokens = ['أكد', 'الوزير', 'أن', 'الوفد', 'وصل'];
    expect(tagger.tagTokens(tokens)).toContain('O');
    const eager = createNerTagger(createNerModel(model.weights, LEXICON, { decoding: { oPenalty: 1000 } }));
    expect(eager.tagTokens(tokens)).not.toContain('O');
  });

  it('round-trips through the binary weight format', () => {
    const back = deserializeWeights(serializeWeights(model.weights));
    const reloaded = createNerTagger(createNerModel(back, LEXICON));
    for (const s of TRAINING) expect(reloaded.tagTokens(s.tokens)).toEqual(tagger.tagTokens(s.tokens));
  });
});

describe('findMentions', () => {
  const model = trainTiny();
  const segmenter = createSegmenter(
    createCliticLexicon([
      ['الحداد', { weight: 5, freq: 10, flags: FLAG_NAME }],
      ['سامر', { weight: 5, freq: 10, flags: FLAG_NAME }],
      ['بيروت', { weight: 5, freq: 10, flags: FLAG_NAME }],
      ['وزارة', { weight: 5, freq: 10 }],
    ]),
  );
  const tagger = createNerTagger(model, { segmenter });

  it.each([
    ['وصل الرئيس سامر الحداد إلى بيروت أمس.', [['سامر الحداد', 'PER'], ['بيروت', 'LOC']]],
    ['وصل الوزير وسامر الحداد إلى بيروت.', [['سامر الحداد', 'PER'], ['بيروت', 'LOC']]],
  ])('finds the mentions of «%s» with offsets and without proclitics', (text, expected) => {
    const mentions = tagger.findMentions(text, [{ start: 0, end: text.length }]);
    expect(mentions.map((m) => [m.text, m.label])).toEqual(expected);
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('a mention sheds only a noun\'s proclitics: «وبيروت» → «بيروت», but «سانا» keeps its «س»', () => {
    const verbs = createSegmenter(createCliticLexicon([['انا', { weight: 5, freq: 50 }], ['بيروت', { weight: 5, freq: 10, flags: FLAG_NAME }]]));
    expect(trimmedStart(verbs, 'وبيروت', 10)).toBe(11);
    expect(trimmedStart(verbs, 'سانا', 10)).toBe(10);
  });

  it('offsets point into the whole text when sentences start later', () => {
    const text = 'خبر عاجل. وصل الرئيس سامر الحداد إلى بيروت.';
    const mentions = tagger.findMentions(text, [
      { start: 0, end: 9 },
      { start: 10, end: text.length },
    ]);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(mentions.map((m) => m.text));
    expect(mentions.map((m) => m.text)).toContain('بيروت');
  });
});

describe('document pass', () => {
  it('adds first-pass tags of the same word elsewhere in the document as features', () => {
    const extra = documentFeatureHashes(
      [
        ['قال', 'الليكود'],
        ['وأعلن', 'والليكود'],
      ],
      [
        ['O', 'B-ORG'],
        ['O', 'O'],
      ],
      Infinity,
    );
    expect([...extra[1]![1]!]).toContain(hashFeature('doc=ORG'));
    expect([...extra[0]![1]!]).not.toContain(hashFeature('doc=ORG'));
  });

  it('a model with a document pass still tags its training sentences', () => {
    const model = trainTiny();
    const first = createNerTagger(model);
    const firstPass = TRAINING.map((s) => first.tagTokens(s.tokens));
    const extra = documentFeatureHashes(
      TRAINING.map((s) => s.tokens),
      firstPass,
      Infinity,
    );
    const doc = trainPerceptron(
      TRAINING.map((s, i) => ({
        features: joinFeatures(extractFeatureHashes(s.tokens, LEXICON), extra[i]!),
        tags: s.tags.map((t) => TAG_INDEX.get(t)!),
      })),
      { epochs: 8, seed: 2 },
    );
    const tagger = createNerTagger(createNerModel(model.weights, LEXICON, {}, doc));
    const predicted = tagger.tagSentences(TRAINING.map((s) => s.tokens));
    expect(scoreSpans(TRAINING.map((s) => s.tags), predicted).overall.f1).toBe(1);
  });
});

describe('loadNerModel', () => {
  it('reads a model directory and reports a missing file with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-ner-'));
    const model = trainTiny();
    writeFileSync(join(dir, NER_FILES.weights), serializeWeights(model.weights));
    writeFileSync(join(dir, NER_FILES.clusters), '# clusters\nعمان\t1\t2\t3\n');
    writeFileSync(join(dir, NER_FILES.gazetteer), '# gazetteer\nعمان\tLOC\n');
    expect(() => loadNerModel(dir)).toThrow(/manifest\.json/);
    writeFileSync(join(dir, NER_FILES.manifest), '{"config":{}}');
    const loaded = loadNerModel(dir);
    expect(loaded.lexicon.gazetteer.get('عمان')).toBe(GAZ_LOC);
    expect(loaded.weights.keys.length).toBe(model.weights.keys.length);
    expect(loaded.lexicon.stats).toBeUndefined();
    // The news statistics are optional and read when present.
    writeFileSync(join(dir, NER_FILES.stats), '# stats\nعمان\t40\t1\t0\n');
    expect([...loadNerModel(dir).lexicon.stats!.get('عمان')!]).toEqual([40, 1, 0]);
    writeFileSync(join(dir, NER_FILES.stats), '# stats\nعمان\tforty\t1\t0\n');
    expect(() => loadNerModel(dir)).toThrow(/wordstats\.tsv:2:/);
  });
});

describe('conlleval scoring', () => {
  it('counts exact spans only', () => {
    const s = scoreSpans([['B-PERS', 'I-PERS', 'O', 'B-LOC']], [['B-PERS', 'O', 'O', 'B-LOC']]);
    expect(s.overall.correct).toBe(1);
    expect(s.overall.predicted).toBe(2);
    expect(s.overall.gold).toBe(2);
  });

  it('starts a chunk at an I- after O', () => {
    expect(chunksOf(['O', 'I-ORG', 'I-ORG'])).toEqual([{ start: 1, end: 3, type: 'ORG' }]);
  });
});

describe('gazetteer file', () => {
  it('rejects unknown types with the line number', () => {
    expect(() => parseGazetteer('# header\nعمان\tCITY\n')).toThrow(/:2: unknown type/);
  });

  it('reads knowledge-base and trigger types', () => {
    const { gazetteer } = parseGazetteer('# header\nقاسم توكاييف\tKPER|PER\nالرئيس\tTPER\n');
    expect(gazetteer.get('قاسم توكاييف')).toBe(GAZ_PER | GAZ_KB_PER);
    expect(gazetteer.get('الرئيس')).toBe(GAZ_TRIGGER_PER);
  });

  it('reads WikiFANE name types, and their matches become features of their own', () => {
    const { gazetteer, maxWords } = parseGazetteer('# header\nالنادي الاهلي\tWORG\nعمان\tLOC|WLOC\n');
    expect(gazetteer.get('النادي الاهلي')).toBe(GAZ_WIKI_ORG);
    expect(gazetteer.get('عمان')).toBe(GAZ_LOC | GAZ_WIKI_LOC);
    const features = extractFeatureStrings(['فاز', 'النادي', 'الأهلي', 'في', 'عمان'], { clusters: new Map(), gazetteer, gazetteerMaxWords: maxWords });
    expect(features[1]).toEqual(expect.arrayContaining(['g=B-WORG', 'gt=B-WORG']));
    expect(features[2]).toEqual(expect.arrayContaining(['g=I-WORG', 'gt=I-WORG']));
    expect(features[4]).toEqual(expect.arrayContaining(['g=B-LOC|WLOC1', 'gt=B-WLOC', 'gt=B-LOC']));
  });
});

describe('perceptron seed ensemble', () => {
  const sentences = TRAINING.map((s) => ({ features: extractFeatureHashes(s.tokens, LEXICON), tags: s.tags.map((t) => TAG_INDEX.get(t)!) }));

  it('averages weight tables row by row', () => {
    const keys = Uint32Array.from([7, 9]);
    const a = { keys, rows: new Float32Array(18).fill(1), transitions: new Float32Array(90).fill(2) };
    const b = { keys, rows: new Float32Array(18).fill(3), transitions: new Float32Array(90).fill(-2) };
    const mean = averageWeights([a, b]);
    expect([...mean.rows]).toEqual(new Array(18).fill(2));
    expect([...mean.transitions]).toEqual(new Array(90).fill(0));
    expect(() => averageWeights([a, { ...b, keys: Uint32Array.from([7, 8]) }])).toThrow(/different feature rows/);
  });

  it('one seed is the plain perceptron; several differ from it and still fit the training sentences', () => {
    const single = trainPerceptron(sentences, { epochs: 8, seed: 1 });
    expect(trainPerceptronEnsemble(sentences, { epochs: 8, seed: 1, seeds: 1 })).toEqual(single);
    const ensemble = trainPerceptronEnsemble(sentences, { epochs: 8, seed: 1, seeds: 3 });
    expect(ensemble.rows).not.toEqual(single.rows);
    const tagger = createNerTagger(createNerModel(ensemble, LEXICON));
    expect(scoreSpans(TRAINING.map((s) => s.tags), TRAINING.map((s) => tagger.tagTokens(s.tokens))).overall.f1).toBe(1);
  });
});

describe('news statistics', () => {
  // stem → occurrences, with the article, with a suffix, then B-/I- counts of PERS, LOC, ORG, MISC from the news tagger.
  const stats = parseWordStats(
    [
      '# stats',
      'تراب\t72\t32\t8\t0\t0\t0\t0\t0\t0\t0\t0',
      'سلمان\t1889\t17\t0\t1700\t90\t0\t0\t0\t0\t0\t0',
      'ندره\t3\t0\t0',
    ].join('\n'),
  );
  const lexicon: NerLexicon = { clusters: new Map(), gazetteer: new Map(), gazetteerMaxWords: 0, stats };
  const usage = (word: string): string[] => extractFeatureStrings([word], lexicon)[0]!.filter((f) => /^u[a-z]?=/.test(f));

  it('tells a common word from a name by the article, suffixes and how the news tagger labelled it', () => {
    // «تراب» takes the article often (32/72) and the tagger never called it a name.
    expect(usage('التراب')).toEqual(['u=4/3/2/none', 'uf=4', 'ur=/3/2/none', 'ua=none']);
    // «سلمان»: rarely with the article, never with a suffix, a person's first word almost every time.
    expect(usage('وسلمان')).toEqual(['u=6/1/0/P4B/P=4', 'uf=6', 'ur=/1/0/P4B/P=4', 'ua=P4B', 'ua=P=4']);
  });

  it('gives a rare stem its frequency only, and an unseen one its own class', () => {
    expect(usage('ندرة')).toEqual(['u=1']);
    expect(usage('رامسفيلد')).toEqual(['u=0']);
    expect(extractFeatureStrings(['رامسفيلد'], LEXICON)[0]!.some((f) => f.startsWith('u='))).toBe(false);
  });

  it('rejects a malformed line with its number', () => {
    expect(() => parseWordStats('# h\nتراب\t72\t32\n')).toThrow(/:2: expected a stem and 3 or 11 counts/);
    expect(() => parseWordStats('# h\nتراب\t72\tكثير\t3\n')).toThrow(/:2:/);
    expect(() => parseWordStats('# h\nتراب\t0\t0\t0\n')).toThrow(/:2:/);
  });

  it('reads the MISC list of currencies, scriptures and diseases', () => {
    const { gazetteer } = parseGazetteer('# header\nليره\tMISC\n');
    expect(gazetteer.get('ليره')).toBe(GAZ_MISC);
    expect(extractFeatureStrings(['بلغ', '200', 'ليرة'], { clusters: new Map(), gazetteer, gazetteerMaxWords: 1 })[2]).toContain('gt=B-MISC');
  });
});

describe('weight index', () => {
  it('finds each feature in every table it is in, with one probe per feature', () => {
    const table = (keys: number[]) => ({ keys: Uint32Array.from(keys), rows: new Float32Array(keys.length * TAG_COUNT), transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT) });
    // Keys chosen to collide in a small table: 0 and the hashes of two strings, shared and not.
    const a = table([0, 7, hashFeature('w=عمان'), 99]);
    const b = table([hashFeature('w=عمان'), 12345, 0]);
    const index = createWeightIndex(a, b);
    expect([0, 7, hashFeature('w=عمان'), 99, 12345].map((h) => [findRow(index, h, 0), findRow(index, h, 1)])).toEqual([
      [0, 2],
      [1, -1],
      [2, 0],
      [3, -1],
      [-1, 1],
    ]);
    expect(findRow(index, 424242)).toBe(-1);
    expect(findRow(createWeightIndex(a), 99)).toBe(3);
  });

  it('scores a document\'s two passes with the same results as one table at a time', () => {
    const model = trainTiny();
    const tokens = ['قال', 'الرئيس', 'سامر', 'الحداد', 'في', 'دمشق'];
    const withDocument = createNerModel(model.weights, LEXICON, {}, model.weights);
    expect(createNerTagger(withDocument).tagTokens(tokens)).toEqual(createNerTagger(model).tagTokens(tokens));
  });
});

