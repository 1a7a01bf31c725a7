// Tests for the linker with a five-country test KB: variants, NIL, coreference, titles, geolocation, types.
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../../../model/analysis.js';
import { linkEntities, DEFAULT_LINK_OPTIONS } from './linker.js';
import { createTestKnowledgeBase, testArticle } from './test-kb.js';

const kb = createTestKnowledgeBase();

/** An NER entity for the mention of `surface` (the n-th occurrence) in `text`. */
function ner(text: string, surface: string, type: EntityType, nth = 0): Entity {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(surface, start + 1);
  if (start < 0) throw new Error(`"${surface}" not in the test text`);
  return { id: `nil:${surface}`, type, name: { ar: surface }, kb: null, geo: null, mentions: [{ start, end: start + surface.length, text: surface, kind: 'name' }] };
}

function entityOf(entities: Entity[], surface: string): Entity | undefined {
  return entities.find((e) => e.mentions.some((m) => m.text === surface));
}

describe('variant matching', () => {
  it.each([
    ['تظاهر آلاف في كازخستان أمس.', 'كازخستان', 'iso:KZ'],
    ['وصلت القوات إلى كازاخستان.', 'كازاخستان', 'iso:KZ'],
    ['تجمع المحتجون في ألما آتا.', 'ألما آتا', 'geonames:1526384'],
    ['تجمع المحتجون في ألماتي.', 'ألماتي', 'geonames:1526384'],
    ['دخلت القوات الروسية إلى منغيستاو.', 'منغيستاو', 'geonames:608879'],
    ['أرسلت موسكو قوات للولايات المتحدة.', 'لولايات المتحدة', 'iso:US'],
    ['وقالت وكالة إنترفاكس-كازاخستان إن الوضع هادئ.', 'إنترفاكس-كازاخستان', 'marsad:media/interfax-kz'],
  ])('%s: «%s» → %s', (text, surface, id) => {
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entityOf(entities, surface)?.id).toBe(id);
  });

  it('a compound name is not split into its parts: «إنترفاكس-كازاخستان» is not Kazakhstan', () => {
    const entities = linkEntities(kb, testArticle('نقلت إنترفاكس-كازاخستان الخبر.'), []);
    expect(entities.map((e) => e.id)).toEqual(['marsad:media/interfax-kz']);
  });

  it('a common-word name is linked only inside an NER mention («الجزيرة» island / Al Jazeera)', () => {
    const text = 'وصلت السفينة إلى الجزيرة صباحا.';
    expect(linkEntities(kb, testArticle(text), [])).toEqual([]);
    const withNer = linkEntities(kb, testArticle(text), [ner(text, 'الجزيرة', 'ORG')]);
    expect(withNer[0]?.id).toBe('marsad:media/aljazeera');
  });

  it('an unknown name stays NIL with its own id, below the threshold nothing is linked', () => {
    const text = 'قال المعارض سيرجي كاسباروف إن الوضع خطير.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'سيرجي كاسباروف', 'PER')]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.id).toMatch(/^nil:[0-9a-f]{12}$/u);
    expect(entities[0]!.kb).toBeNull();
  });

  it('raising the threshold above a fuzzy score leaves the variant NIL', () => {
    const text = 'تظاهر آلاف في كازخستان.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'كازخستان', 'LOC')], { ...DEFAULT_LINK_OPTIONS, threshold: 0.99 });
    expect(entities[0]!.id).toMatch(/^nil:/u);
  });
});

describe('in-document coreference', () => {
  it('short names join the full name: «نزارباييف» and «كاسباروف»', () => {
    const text = 'انتقد السياسي سيرجي كاسباروف الحكومة، وقال كاسباروف إن الرئيس السابق نور سلطان نزارباييف ما زال قويا. ولم يظهر نزارباييف.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'سيرجي كاسباروف', 'PER'), ner(text, 'كاسباروف', 'PER', 1)]);
    expect(entityOf(entities, 'كاسباروف')).toBe(entityOf(entities, 'سيرجي كاسباروف'));
    expect(entityOf(entities, 'نزارباييف')?.id).toBe('marsad:per/nazarbayev');
    expect(entityOf(entities, 'نور سلطان نزارباييف')?.id).toBe('marsad:per/nazarbayev');
  });

  it('a full name spelled apart from the KB joins the linked person when the skeletons agree, even with a KB word inside («قاسم جومرت توكاييف»)', () => {
    const text = 'وصل قاسم جومرت توكاييف إلى موسكو. وقال توكاييف إن الزيارة مهمة.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'قاسم جومرت توكاييف', 'PER'), ner(text, 'توكاييف', 'PER', 1)]);
    const persons = entities.filter((e) => e.type === 'PER');
    expect(persons.map((e) => e.id)).toEqual(['marsad:per/tokayev']);
    expect(persons[0]!.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['قاسم جومرت توكاييف', 'توكاييف']));
  });

  it('a middle name found alone later joins the person («جومارت»)', () => {
    const text = 'قال قاسم جومارت توكاييف إن الوضع خطير. وأقال جومارت الحكومة.';
    const entities = linkEntities(kb, testArticle(text), []);
    const tokayev = entities.find((e) => e.id === 'marsad:per/tokayev');
    expect(tokayev?.mentions.map((m) => m.text)).toEqual(['قاسم جومارت توكاييف', 'جومارت']);
  });

  it('a title resolves to the holder at the article date: Tokayev in 2022, Nazarbayev in 2015', () => {
    const text = 'قال الرئيس الكازاخستاني في خطاب متلفز إن البلاد تواجه هجوما.';
    const in2022 = linkEntities(kb, testArticle(text, '2022-01-06'), []);
    const in2015 = linkEntities(kb, testArticle(text, '2015-08-06'), []);
    expect(entityOf(in2022, 'الرئيس الكازاخستاني')?.id).toBe('marsad:per/tokayev');
    expect(entityOf(in2015, 'الرئيس الكازاخستاني')?.id).toBe('marsad:per/nazarbayev');
    expect(entityOf(in2022, 'الرئيس الكازاخستاني')?.mentions[0]?.kind).toBe('nominal');
  });

  it('«نظيره الروسي» takes the office of the title before it', () => {
    const text = 'اتصل وزير الخارجية الكازاخستاني بنظيره الروسي سيرجي لافروف.';
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entityOf(entities, 'نظيره الروسي')?.id).toBe('marsad:per/lavrov');
  });

  it('a shared string is told apart by context: the capital «نور سلطان» vs the man «نور سلطان نزارباييف»', () => {
    const text = 'امتدت الاحتجاجات إلى العاصمة الحالية نور سلطان، واتسع نطاقها ضد نور سلطان نزارباييف.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'نور سلطان', 'PER')]);
    expect(entityOf(entities, 'نور سلطان')?.id).toBe('geonames:1526273');
    expect(entityOf(entities, 'نور سلطان نزارباييف')?.id).toBe('marsad:per/nazarbayev');
  });

  it('each country\'s foreign ministry is its own entity, and «الوزارة» refers back to the last one', () => {
    const text = 'دعت وزارة الخارجية الأمريكية إلى الهدوء، وقالت الخارجية الروسية إن الوضع مقلق، وأكدت الوزارة دعمها.';
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entityOf(entities, 'وزارة الخارجية الأمريكية')?.id).toBe('marsad:gov/us/mfa');
    expect(entityOf(entities, 'الخارجية الروسية')?.id).toBe('marsad:gov/ru/mfa');
    expect(entityOf(entities, 'الوزارة')?.id).toBe('marsad:gov/ru/mfa');
  });
});

describe('types and geolocation', () => {
  it('a nationality adjective is NORP linked to its country', () => {
    const entities = linkEntities(kb, testArticle('نقلت وكالات أنباء روسية الخبر.'), []);
    expect(entities[0]).toMatchObject({ id: 'norp:RU', type: 'NORP', kb: 'iso:RU' });
  });

  it('the article\'s other places choose among namesakes: «أكتوبي» in an article about Kazakhstan', () => {
    const text = 'تجمع مئات المتظاهرين في مدينة أكتوبي غرب كازاخستان.';
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entityOf(entities, 'أكتوبي')?.geo).toMatchObject({ country: 'KZ', level: 'city' });
  });

  it('a small namesake in a country the article mentions does not beat the well-known city («جنيف»)', () => {
    const text = 'التقى وفد من الولايات المتحدة بنظيره الروسي في جنيف، وقالت الولايات المتحدة إن المحادثات مثمرة.';
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entityOf(entities, 'جنيف')?.id).toBe('geonames:2660646');
  });

  it.each([
    ['كازاخستان', 'country', 'KZ'],
    ['ألماتا', 'city', 'KZ'],
    ['منغيستاو', 'region', 'KZ'],
  ])('«%s» gets coordinates at level %s in %s', (name, level, country) => {
    const entities = linkEntities(kb, testArticle(`وصلت القوات إلى ${name} أمس.`), []);
    const geo = entityOf(entities, name)?.geo;
    expect(geo).toMatchObject({ level, country });
    expect(typeof geo?.lat).toBe('number');
  });

  it('a facility around a place is FAC, geolocated at the place with level facility', () => {
    const text = 'سيطر المسلحون على مطار ألما آتا الدولي.';
    const entities = linkEntities(kb, testArticle(text), []);
    const airport = entities.find((e) => e.type === 'FAC');
    expect(airport?.mentions[0]?.text).toBe('مطار ألما آتا الدولي');
    expect(airport?.geo).toMatchObject({ country: 'KZ', level: 'facility' });
  });

  it.each([
    ['تظاهر المئات في عمان مساء الخميس، وامتدت الاحتجاجات إلى إربد. وأغلقت الشرطة الطرق في عمان.', 'geonames:250441'],
    ['تجمع آلاف المحتجين في العاصمة عمان رفضاً لرفع الأسعار.', 'geonames:250441'],
    ['وصل وزير الخارجية إلى عمان في زيارة رسمية، والتقى نظيره في مسقط.', 'iso:OM'],
    ['أعلنت سلطنة عمان استعدادها للوساطة، وقالت عمان إن المحادثات ستستأنف.', 'iso:OM'],
  ])('«عمان» is Amman or Oman by the article\'s other places: %s', (text, id) => {
    const entities = linkEntities(kb, testArticle(text), []);
    const found = entities.filter((e) => e.mentions.some((m) => m.text === 'عمان'));
    expect(found.map((e) => e.id)).toEqual([id]);
  });

  it('an outlet named like a place is the outlet only after an outlet word or in quotation marks («الشرق الأوسط»)', () => {
    const text = 'ونقلت صحيفة الشرق الأوسط عن مصادر أن الاستقرار في الشرق الأوسط بعيد. وقال الوزير لـ«الشرق الأوسط» إن الحوار مستمر.';
    const at = (nth: number) => ner(text, 'الشرق الأوسط', 'ORG', nth);
    const entities = linkEntities(kb, testArticle(text), [at(1), at(2)]);
    const idAt = (start: number) => entities.find((e) => e.mentions.some((m) => m.start <= start && m.end > start))?.id;
    const starts = [...text.matchAll(/الشرق الأوسط/gu)].map((m) => m.index!);
    expect(starts.map(idAt)).toEqual(['marsad:media/asharq-alawsat', 'marsad:loc/middle-east', 'marsad:media/asharq-alawsat']);
  });

  it('a one-word common-word city is never found without NER («صور» pictures / Tyre)', () => {
    expect(linkEntities(kb, testArticle('أظهرت صور نشرت على الإنترنت متاجر منهوبة.'), [])).toEqual([]);
  });
});

describe('robustness', () => {
  it.each([
    'قال رئيس وزراء روسيا',
    'رئيس',
    'الأمين العام',
    'المتحدث باسم',
    'نظيره',
  ])('a title cut off at the end of the text does not throw: «%s»', (text) => {
    expect(() => linkEntities(kb, testArticle(text), [])).not.toThrow();
  });
});

describe('output contract', () => {
  it('every entity validates against the Analysis Entity schema', async () => {
    const { Entity: EntitySchema } = await import('../../../model/analysis.js');
    const text = 'قال الرئيس الكازاخستاني قاسم جومارت توكاييف إن مطار ألما آتا الدولي استعيد، ونقلت وكالات أنباء روسية عن المتحدث باسم الشرطة الكازاخستانية أن الوضع في كازخستان هادئ.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'قاسم جومارت توكاييف', 'PER')]);
    expect(entities.length).toBeGreaterThan(4);
    for (const e of entities) expect(() => EntitySchema.parse(e)).not.toThrow();
    for (const e of entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('more titles', () => {
  it('«وزير الدفاع الروسي» is a nominal mention (of an unnamed minister), not a NORP', () => {
    const entities = linkEntities(kb, testArticle('قال وزير الدفاع الروسي إن القوات انسحبت.'), []);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ type: 'PER', mentions: [{ text: 'وزير الدفاع الروسي', kind: 'nominal' }] });
  });

  it('a title followed by the name goes to the named person even when the KB has no holder', () => {
    const text = 'قال وزير الدفاع الروسي سيرجي شويغو إن القوات انسحبت.';
    const entities = linkEntities(kb, testArticle(text), [ner(text, 'سيرجي شويغو', 'PER')]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.mentions.map((m) => m.kind)).toEqual(['nominal', 'name']);
  });
});

describe('words that only look like proclitic + name', () => {
  it('«ولاية» listed in clitic-homographs is never read as و + a town «لاية»', async () => {
    const { createKnowledgeBase } = await import('./kb.js');
    const { TEST_PLACES, TEST_DEMONYMS } = await import('./test-kb.js');
    const town = ['geonames:9000002', 'geonames:9000002', 'GPE', 'city', 'KZ', '', 1, 1, 5000000, 'Laya (test)', 'لاية', '', 'PPL'].join('\t');
    const text = 'وصل المحتجون إلى ولاية أخرى في كازاخستان.';
    const without = createKnowledgeBase({ places: `${TEST_PLACES}\n${town}`, demonyms: TEST_DEMONYMS, entities: [] });
    const withList = createKnowledgeBase({ places: `${TEST_PLACES}\n${town}`, demonyms: TEST_DEMONYMS, entities: [], noStrip: 'ولايه\n' });
    expect(linkEntities(without, testArticle(text), []).map((e) => e.id)).toContain('geonames:9000002');
    expect(linkEntities(withList, testArticle(text), []).map((e) => e.id)).toEqual(['iso:KZ']);
  });
});

describe('nationality adjectives in context', () => {
  it.each([
    ['قال الناطق منصور الروسي إن الوضع هادئ.', 'منصور', []],
    ['أعلنت الرئاسة الروسية أن الاجتماع تأجل.', null, ['ORG']],
    ['نقلت وكالات أنباء روسية الخبر.', null, ['NORP']],
  ])('%s', async (text, firstName, types) => {
    const { createKnowledgeBase } = await import('./kb.js');
    const { TEST_PLACES, TEST_DEMONYMS } = await import('./test-kb.js');
    const local = createKnowledgeBase({ places: TEST_PLACES, demonyms: TEST_DEMONYMS, entities: [], firstNames: firstName ? `${firstName}\n` : '' });
    expect(linkEntities(local, testArticle(text), []).map((e) => e.type)).toEqual(types);
  });
});

describe('spans after «لل»', () => {
  it('«للرئيس الكازاخستاني» is a nominal mention starting at the article\'s lam', () => {
    const text = 'وجهت الدعوة للرئيس الكازاخستاني أمس.';
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entities[0]?.mentions[0]?.text).toBe('لرئيس الكازاخستاني');
  });
});

describe('anaphoric nominals', () => {
  it('«المتحدث» alone refers back to the spokesperson named before', () => {
    const text = 'قال المتحدث باسم الشرطة الكازاخستانية إن الوضع هادئ. وأضاف المتحدث أن التحقيق مستمر.';
    const entities = linkEntities(kb, testArticle(text), []);
    const spokesperson = entities.find((e) => e.type === 'PER');
    expect(spokesperson?.mentions.map((m) => m.text)).toEqual(['المتحدث باسم الشرطة الكازاخستانية', 'المتحدث']);
  });

  it('a bare title before a name is a nominal mention of that person', () => {
    const text = 'أقال الرئيس قاسم جومارت توكاييف الحكومة.';
    const entities = linkEntities(kb, testArticle(text), []);
    expect(entities[0]?.mentions.map((m) => [m.text, m.kind])).toEqual([['الرئيس', 'nominal'], ['قاسم جومارت توكاييف', 'name']]);
  });
});

describe('types of unlinked places', () => {
  it.each([
    ['قصفت الطائرات بلدة كفرنبل أمس.', 'كفرنبل', 'GPE'],
    ['عبر اللاجئون نهر الزاب الصغير.', 'الزاب الصغير', 'LOC'],
  ])('%s → %s is %s', (text, surface, type) => {
    const entities = linkEntities(kb, testArticle(text), [ner(text, surface, 'LOC')]);
    expect(entityOf(entities, surface)?.type).toBe(type);
  });
});
