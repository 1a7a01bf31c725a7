// Event coding on self-written news sentences with hand-placed entities and the shipped lexicon.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../quotes/find-quotes.js';
import { loadQuoteLexicon } from '../quotes/lexicon.js';
import { findEvents } from './find-events.js';
import { loadEventLexicon, parseEventLexicon } from './lexicon.js';
import { placeEntities, textLayers, type EntitySpec } from './test-doc.js';

const resource = (path: string) => fileURLToPath(new URL(`../../../../resources/${path}`, import.meta.url));
const lexicon = loadEventLexicon(resource('events/event-lexicon.tsv'));
const quoteLexicon = loadQuoteLexicon(resource('quotes/quote-lexicon.tsv'));

const WORLD: EntitySpec[] = [
  { id: 'egypt', type: 'GPE', forms: ['مصر'] },
  { id: 'jordan', type: 'GPE', forms: ['الأردن'] },
  { id: 'amman', type: 'GPE', forms: ['عمان'] },
  { id: 'tunis', type: 'GPE', forms: ['تونس'] },
  { id: 'un', type: 'ORG', forms: ['الأمم المتحدة'] },
  { id: 'eu', type: 'ORG', forms: ['الاتحاد الأوروبي'] },
  { id: 'pm', type: 'PER', forms: ['كريم ناصر'] },
  { id: 'fm', type: 'PER', forms: ['هدى سليم'] },
  { id: 'tunisian', type: 'NORP', forms: ['التونسية'] },
];

function eventsOf(text: string) {
  const { sentences, times } = textLayers(text, '2023-05-04');
  const entities = placeEntities(text, WORLD);
  const quotes = findQuotes({ text, sentences, entities, times }, quoteLexicon);
  return findEvents({ text, published: '2023-05-04', sentences, entities, times, quotes }, lexicon);
}

const ids = (refs: ReadonlyArray<{ entity: string | null; text: string }>) => refs.map((r) => r.entity ?? r.text);

describe('findEvents', () => {
  it.each([
    ['أدان الاتحاد الأوروبي الهجوم على المدنيين.', 'ACCUSE', 'disapprove', ['eu']],
    ['ودعت الأمم المتحدة جميع الأطراف إلى ضبط النفس.', 'REQUEST', 'yield', ['un']],
    ['وأجرى كريم ناصر اتصالا هاتفيا مع هدى سليم.', 'CONSULT', 'phone', ['pm']],
    ['وأقال كريم ناصر وزير المالية.', 'DISMISS', null, ['pm']],
    ['وتظاهر آلاف المحتجين في عمان.', 'PROTEST', 'demo', ['المحتجين']],
    ['واستخدمت الشرطة الغاز المسيل للدموع لتفريق المحتجين في تونس.', 'ASSAULT', 'crowd-control', ['الشرطة']],
    ['وأعلنت الحكومة حالة الطوارئ في البلاد.', 'COERCE', 'martial-law', ['الحكومة']],
    ['وقررت السلطات قطع الإنترنت عن العاصمة.', 'COERCE', 'withhold', ['السلطات']],
  ])('%s → %s', (text, type, mode, actor) => {
    const event = eventsOf(text).find((e) => e.type === type);
    expect(event?.mode ?? null).toBe(mode);
    expect(ids(event?.actor ?? [])).toEqual(actor);
    expect(event?.evidence.text).toBe(text);
  });

  it('reads a passive killing: the agent after «برصاص» acts, the victims are counted', () => {
    const [event] = eventsOf('وقُتل عشرات المتظاهرين أمس برصاص الشرطة في عمان.').filter((e) => e.type === 'ASSAULT');
    expect(ids(event!.actor)).toEqual(['الشرطة']);
    expect(event!.mode).toBe('firearms');
    expect(event!.size).toEqual({ dead: 'عشرات' });
    expect(event!.date).toBe('2023-05-03');
    expect(event!.location?.entity).toBe('amman');
  });

  it('reads the place through a head and a nationality adjective: «في العاصمة التونسية تونس»', () => {
    const [event] = eventsOf('وتظاهر مئات المحتجين في العاصمة التونسية تونس.').filter((e) => e.type === 'PROTEST');
    expect(event!.location?.entity).toBe('tunis');
  });

  it('takes a wire dateline as the place of asserted events whose sentence names none, not of reported ones', () => {
    const events = eventsOf('عمان (وكالة الشرق) - تظاهر آلاف المحتجين أمس. وقال كريم ناصر إن الشرطة اعتقلت عشرات في مصر. وأكد أن الشرطة اعتقلت محتجين.');
    expect(events.find((e) => e.type === 'PROTEST')?.location?.entity).toBe('amman');
    expect(events.filter((e) => e.type === 'COERCE').map((e) => [e.modality, e.location?.entity ?? null])).toEqual([
      ['reported', 'egypt'],
      ['reported', null],
    ]);
  });

  it('codes a recall of one\'s own ambassador as SANCTION/withdraw, not also a consultation; a summons as ACCUSE', () => {
    const recall = eventsOf('وأعلنت مصر استدعاء سفيرها لدى الأردن للتشاور.');
    expect(recall.map((e) => [e.type, e.mode])).toEqual([['SANCTION', 'withdraw']]);
    expect(ids(recall[0]!.actor)).toEqual(['egypt']);
    const summons = eventsOf('واستدعت تونس السفير الأردني.');
    expect(summons.map((e) => [e.type, e.mode])).toEqual([['ACCUSE', 'disapprove']]);
    expect(eventsOf('واستدعت تونس سفيرها في الأردن.').map((e) => [e.type, e.mode])).toEqual([['SANCTION', 'withdraw']]);
  });

  it('takes a list of actors: «مصر والأردن»', () => {
    const event = eventsOf('وأكد بيان مشترك دعم مصر والأردن جهود الأمم المتحدة.').find((e) => e.type === 'SUPPORT');
    expect(ids(event!.actor)).toEqual(['egypt', 'jordan']);
  });

  it('codes peacekeepers sent as AID with the host’s RETREAT/access', () => {
    const found = eventsOf('وأعلنت الأمم المتحدة إرسال قوات حفظ السلام إلى مصر.');
    const aid = found.find((e) => e.type === 'AID');
    expect(aid?.cameo).toBe('074');
    expect(ids(aid!.recipient)).toEqual(['egypt']);
    const host = found.find((e) => e.type === 'RETREAT');
    expect(host?.mode).toBe('access');
    expect(ids(host!.actor)).toEqual(['egypt']);
  });

  it.each([
    ['لم تعتقل الشرطة أي متظاهر.', 'negated'],
    ['وستتظاهر النقابات في تونس الأسبوع المقبل.', 'future'],
    ['قال كريم ناصر إن الحكومة تدين العنف.', 'reported'],
    ['وأدانت الحكومة العنف.', 'asserted'],
  ])('modality of «%s» is %s', (text, modality) => {
    expect(eventsOf(text)[0]?.modality).toBe(modality);
  });

  it('locates the event at the place governed by «في», not any place in the sentence', () => {
    const event = eventsOf('وتظاهر مئات الطلاب في تونس تضامنا مع مصر.').find((e) => e.type === 'PROTEST');
    expect(event?.location?.entity).toBe('tunis');
    expect(event?.size).toEqual({ participants: 'مئات' });
  });

  it('codes two dismissals in one sentence apart, and a repeated sentence never twice', () => {
    const line = 'وأقال كريم ناصر هدى سليم من منصبها، كما أقال الحكومة قبل أن يغادر في زيارة رسمية';
    const found = eventsOf(`${line}. ${line}.`).filter((e) => e.type === 'DISMISS');
    expect(found.map((e) => ids(e.recipient))).toEqual([['fm'], ['الحكومة']]);
    expect(found.map((e) => ids(e.actor))).toEqual([['pm'], ['pm']]);
  });
});

describe('parseEventLexicon', () => {
  it('rejects an unknown type with its line', () => {
    expect(() => parseEventLexicon('kind\tform\ttype\tmode\tcameo\tcontext\tflags\ntrigger\tأدان\tSCOLD\t\t\t\t\n', 'x.tsv')).toThrow(/x\.tsv:2.*SCOLD/);
  });
});
