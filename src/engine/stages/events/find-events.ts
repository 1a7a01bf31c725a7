// Finds PLOVER events: triggers from the lexicon, then actor, recipient, location, date, size and modality per sentence.
import { findNumbers, type NumberExpr } from '../../../arabic/numerals.js';
import { foldWord } from '../../../arabic/normalize.js';
import type { Entity, Event, Quote, Span, TimeExpr } from '../../../model/analysis.js';
import type { EventLexicon, Refiner, Trigger } from './lexicon.js';
import { repeatedSentences } from './repeats.js';
import { findMatchWords, placedMentions, wordIndexAt, type MatchWord, type PlacedMention } from './words.js';

export interface EventInput {
  text: string;
  /** ISO date or date-time of publication: the date of asserted past events with no time expression. */
  published: string | null;
  sentences: readonly Span[];
  entities: readonly Entity[];
  times: readonly TimeExpr[];
  quotes: readonly Quote[];
  /** The text's match words when a stage before made them (the quotes stage shares its own). */
  words?: readonly MatchWord[];
}

type Ref = Event['actor'][number];

const ACTOR_TYPES = new Set(['PER', 'ORG', 'GPE', 'NORP', 'MEDIA']);
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const IN = ['في', 'ب']; // في «in», ب «in/at» (as a word or a prefix: «بكازخستان»)
const AND = 'و'; // و joins a list of actors: «روسيا وتركيا»
const KULL_MIN = ['كل', 'من']; // «كل من روسيا وتركيا» «both Russia and Turkey»
/** How far (in words) arguments are looked for around a trigger. */
const AFTER = 12;
const BEFORE = 12;
const SIZE_WINDOW = 6;
/** How far after a trigger its condition word may be: «حذر أردوغان من أن بلاده سترد بقوة على أي هجوم». */
const NEEDS_AFTER = 16;

interface Ctx {
  input: EventInput;
  words: readonly MatchWord[];
  mentions: PlacedMention[];
  numbers: NumberExpr[];
  lexicon: EventLexicon;
  /** Per word: the actor-type mention that starts in it, the place mention that starts in it, inside a mention. */
  actorAt: Array<PlacedMention | null>;
  placeAt: Array<PlacedMention | null>;
  inside: Uint8Array;
  /** Memo of class lookups per class, per word: 0 unknown, 1 no, 2 yes. */
  classMemo: Map<string, Uint8Array>;
}

/** Indexes mentions by word so argument finding never scans all mentions. */
function indexMentions(words: readonly MatchWord[], mentions: readonly PlacedMention[]): Pick<Ctx, 'actorAt' | 'placeAt' | 'inside'> {
  const actorAt = new Array<PlacedMention | null>(words.length).fill(null);
  const placeAt = new Array<PlacedMention | null>(words.length).fill(null);
  const inside = new Uint8Array(words.length);
  for (const m of mentions) {
    // the word whose span holds the mention's start («بكازخستان» holds «كازخستان»)
    let j = wordIndexAt(words, m.mention.start);
    if (j >= words.length || (words[j] as MatchWord).start > m.mention.start) j--;
    const w = words[j];
    if (!w || m.mention.start >= w.end) continue;
    if (ACTOR_TYPES.has(m.entity.type)) actorAt[j] ??= m;
    if (PLACE_TYPES.has(m.entity.type)) placeAt[j] ??= m;
    for (let k = j + 1; k < words.length && (words[k] as MatchWord).start < m.mention.end; k++) inside[k] = 1;
  }
  return { actorAt, placeAt, inside };
}

/** Finds the events of one article. */
export function findEvents(input: EventInput, lexicon: EventLexicon): Event[] {
  const words = input.words ?? findMatchWords(input.text);
  const mentions = placedMentions(input.entities);
  const ctx: Ctx = { input, words, mentions, numbers: findNumbers(input.text), lexicon, ...indexMentions(words, mentions), classMemo: new Map() };
  const skip = repeatedSentences(input.text, input.sentences, words);
  const events: Event[] = [];
  input.sentences.forEach((sentence, s) => {
    if (skip.has(s)) return;
    const from = wordIndexAt(ctx.words, sentence.start);
    const to = wordIndexAt(ctx.words, sentence.end);
    const found: Event[] = [];
    let previous: { index: number; end: number; trigger: Trigger } | null = null;
    for (let i = from; i < to; i++) {
      const m = lexicon.triggers.matchAt(ctx.words, i);
      if (!m) continue;
      const entry = m.value.find((t) => t.needs === null || hasClass(ctx, t.needs, Math.max(from, i - BEFORE), Math.min(to, i + m.length + NEEDS_AFTER)));
      if (!entry) continue;
      // «للتعاون», «الهجوم»: a trigger word with the article is a noun whatever its lexicon row says
      const trigger = !entry.noun && definiteNoun(ctx, i) ? { ...entry, noun: true } : entry;
      const role = previous ? complementRole(trigger, i, previous) : 'event';
      if (role !== 'skip') {
        const coded = codeEvent(ctx, trigger, i, m.length, m.future, from, to, sentence, found, role === 'topic', previous?.end ?? null);
        // «بتنفيذ الغارة»: a definite noun naming a happening already coded elsewhere, with no place of its own
        const first = coded[0] as Event;
        const repeat = trigger.noun && /^[وفبل]?(?:ال|لل)/u.test((ctx.words[i] as MatchWord).folded) && events.some((e) => e.type === first.type && (first.location === null || sameRef(e.location, first.location)));
        if (!repeat) found.push(...coded);
      }
      previous = { index: i, end: i + m.length, trigger };
      i += m.length - 1;
    }
    events.push(...mergeByType(found));
  });
  // A wire dateline («مقديشو (الضاد) - …») says where the story was filed: the place of what it reports when
  // the sentence names none and the event is not someone's report of something elsewhere.
  const filed = datelinePlace(ctx);
  if (filed) for (const e of events) if (e.modality === 'asserted') e.location ??= filed;
  return events;
}

/** The place of a dateline opening the text: a place name, an optional «(agency)», then a dash. */
function datelinePlace(ctx: Ctx): Ref | null {
  const first = ctx.mentions.find((m) => m.mention.field === undefined && m.mention.start <= 2 && PLACE_TYPES.has(m.entity.type));
  if (!first || /\S/u.test(ctx.input.text.slice(0, first.mention.start))) return null;
  const rest = ctx.input.text.slice(first.mention.end, first.mention.end + 60);
  return DATELINE_TAIL.test(rest) ? { entity: first.entity.id, text: first.mention.text } : null;
}

const DATELINE_TAIL = /^\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s/u;

/** Statement types whose following noun is what is said, not a new happening: «وقّعت … اتفاقية للتعاون». */
const COMPLEMENT_TAKERS: ReadonlySet<string> = new Set(['SUPPORT', 'AGREE', 'REQUEST', 'REJECT', 'THREATEN', 'CONSULT', 'COOPERATE']);
/** Types whose object is a real happening with its own (unknown) actor: «أدان الهجوم». */
const TOPIC_TAKERS: ReadonlySet<string> = new Set(['ACCUSE']);
const COMPLEMENT_WINDOW = 5;
/** A nisba adjective with the article, folded: «الليبيه», «المغربيه», «الامريكي». */
const NISBA = /^ال\S{2,}(?:ي|يه|يين|يون)$/u;
/** Verbal event types: their actor is often only named as the speaker of the same sentence. */
const STATEMENT_TYPES: ReadonlySet<string> = new Set(['ACCUSE', 'REQUEST', 'SUPPORT', 'REJECT', 'THREATEN', 'AGREE']);
/** A folded word with the article, possibly after a conjunction or preposition: «والهجوم», «للتعاون». */
const DEFINITE = /^[وف]?[بلك]?(?:ال|لل)/u;

/** True when word i carries the article and is a trigger only without it («للتعاون»; «التقى» is a verb as written). */
function definiteNoun(ctx: Ctx, i: number): boolean {
  const w = ctx.words[i] as MatchWord;
  if (!DEFINITE.test(w.folded)) return false;
  const literal = ctx.lexicon.triggers.matchAt([{ ...w, keys: [{ key: w.folded, future: false }] }, ...ctx.words.slice(i + 1, i + 4)], 0);
  return literal === null;
}

/**
 * How a noun trigger after another trigger counts: 'skip' when it is the content of a demand, promise or agreement
 * («دعا إلى … المفاوضات», «وافقت على تخفيف القيود», «اتفاقية للتعاون»); 'topic' when it is a happening condemned or
 * praised (coded, but the condemner is not its actor); else 'event'.
 */
function complementRole(trigger: Trigger, i: number, previous: { index: number; end: number; trigger: Trigger }): 'skip' | 'topic' | 'event' {
  if (!trigger.noun) return 'event';
  const gap = i - previous.end;
  // «استدعاء سفيرها لدى فرنسا للتشاور»: a recall «for consultations» is the recall, not a consultation
  if (previous.trigger.type === 'SANCTION' && previous.trigger.mode === 'withdraw' && gap <= COMPLEMENT_WINDOW) return 'skip';
  if (previous.trigger.noun) return gap <= 1 ? 'skip' : 'event';
  if (TOPIC_TAKERS.has(previous.trigger.type) && gap <= COMPLEMENT_WINDOW) return 'topic';
  // «دعا الأمين العام … الطرفين إلى ضبط النفس والعودة إلى المفاوضات»: a demand's content runs long
  if (COMPLEMENT_TAKERS.has(previous.trigger.type) && gap <= 2 * COMPLEMENT_WINDOW + 2) return 'skip';
  return 'event';
}

function sameRef(a: Ref | null, b: Ref | null): boolean {
  return a !== null && b !== null && refKey(a) === refKey(b);
}

/** One event per type per sentence: later mentions of the same happening fill what the first one lacked. */
function mergeByType(found: Event[]): Event[] {
  const byKey = new Map<string, Event>();
  for (const e of found) {
    const key = e.type;
    const first = byKey.get(key);
    // «أقال … نزارباييف …، كما أقال … الحكومة»: two dismissals, two happenings
    // «دهمت القوات المخيم واعتقلت خمسة شبان»: a raid and an arrest are two happenings of one type
    const distinct =
      first &&
      ((e.recipient.length > 0 && first.recipient.length > 0 && refKey(e.recipient[0] as Ref) !== refKey(first.recipient[0] as Ref)) ||
        (e.mode !== null && first.mode !== null && e.mode !== first.mode));
    if (!first || distinct) {
      byKey.set(distinct ? `${key}#${byKey.size}` : key, e);
      continue;
    }
    if (first.actor.length === 0) first.actor = e.actor;
    if (first.recipient.length === 0) first.recipient = e.recipient;
    first.location ??= e.location;
    first.date ??= e.date;
    first.size = { ...e.size, ...first.size };
    if (first.mode === null && e.mode !== null) {
      first.mode = e.mode;
      first.cameo = e.cameo ?? first.cameo;
    }
  }
  return [...byKey.values()];
}

function refKey(r: Ref): string {
  return r.entity ?? `text:${r.text}`;
}

function codeEvent(
  ctx: Ctx,
  trigger: Trigger,
  i: number,
  length: number,
  future: boolean,
  from: number,
  to: number,
  sentence: Span,
  earlier: readonly Event[],
  topic = false,
  previousEnd: number | null = null,
): Event[] {
  const { words, input } = ctx;
  const w = words[i] as MatchWord;
  let mode = trigger.mode;
  let cameo = trigger.cameo;
  const context = [...trigger.context];
  const refiner = findRefiner(ctx, trigger, i, length, from, to);
  if (refiner) {
    mode = refiner.mode;
    cameo = refiner.cameo ?? cameo;
    for (const c of refiner.context) if (!context.includes(c)) context.push(c);
  }
  const quote = input.quotes.find((q) => w.start >= q.content.start && w.end <= q.content.end);
  const modality = modalityOf(ctx, i, from, future, quote, trigger.noun);

  // arguments
  const passive = trigger.passive && isPassive(ctx, i + length, to);
  let actor: Ref[] = [];
  let recipient: Ref[] = [];
  let after = i + length; // where the recipient search starts
  if (passive) {
    actor = agentOfPassive(ctx, i + length, to);
    const victims = nounPhraseAfter(ctx, i + length, to);
    if (victims) recipient = [victims];
  } else {
    const prev = earlier[earlier.length - 1];
    if (trigger.adverbial && prev && prev.actor.length > 0) {
      // «وطالب المحتجون …، محمّلين الحكومة المسؤولية»: a participle shares its clause's subject
      actor = prev.actor;
    } else if (!trigger.noun && trigger.recipient !== 'genitive') {
      const vso = listAt(ctx, i + length, to);
      const same = earlier.find((e) => e.type === trigger.type && e.actor.length > 0);
      // «أقال X فلانًا، كما أقال الحكومة»: the repeated verb keeps its subject; a bare common noun is its object
      if (same && vso.refs.length > 0 && vso.refs.every((r) => r.entity === null)) {
        actor = same.actor;
      } else if (vso.refs.length > 0) {
        actor = vso.refs;
        after = vso.next;
      }
    }
    if (trigger.noun && actor.length === 0) {
      // «دعم كل من روسيا وتركيا» / «احتجاجات المعلمين»: the genitive after a verbal noun is its actor
      const gen = listAt(ctx, i + length, to, true);
      if (gen.refs.length > 0 && trigger.recipient !== 'genitive') {
        actor = gen.refs;
        after = gen.next;
      }
    }
    // «منذ بدء الاحتجاجات»: a protest takes its crowd, never the clause subject
    if (actor.length === 0 && trigger.type === 'PROTEST') actor = crowdNear(ctx, i, from, to);
    // reported speech: the subject is inside the content («قال X إنه طلب…» — not X found before «إنه»)
    const floor = quote ? Math.max(from, wordIndexAt(ctx.words, quote.content.start)) : from;
    // a verbal noun's subject is never found across another event's trigger: «فرضت السلطات حظر التجول … بعد اشتباكات»
    const nounFloor = trigger.noun && previousEnd !== null ? Math.max(floor, previousEnd) : floor;
    if (actor.length === 0 && !topic && trigger.type !== 'PROTEST') actor = subjectBefore(ctx, i, nounFloor);
    if (actor.length === 0 && trigger.type === 'ACCUSE' && trigger.noun && quote && quote.speaker.entity !== null) {
      // «قالت الخارجية إن ما جرى محاولة مدعومة خارجيًا»: an accusation inside a quote is the speaker's
      actor = [quote.speaker];
    }
    if (actor.length === 0 && !topic && !trigger.noun && trigger.type !== 'PROTEST') {
      // pro-drop: «وأقال …» continues the last subject; «أننا سنتشاور» / «إنه طلب» is the speaker's own act
      if (prev && prev.actor.length > 0) actor = prev.actor;
      else if (quote && (quote.speaker.entity !== null || quote.speaker.text !== '')) actor = [quote.speaker];
    }
    if (actor.length === 0 && !trigger.noun && STATEMENT_TYPES.has(trigger.type)) {
      // «هاجم السياسي … كاسباروف في تغريدة …، وقال كاسباروف "…"»: the sentence's own speaker, named or not
      const said = input.quotes.find((q) => q.evidence !== undefined && q.evidence.start === sentence.start && (q.speaker.entity !== null || q.speaker.text !== ''));
      if (said) actor = [said.speaker];
    }
    recipient = recipientOf(ctx, trigger, i + length, after, to, actor);
  }

  const evidence = { start: sentence.start, end: sentence.end, text: input.text.slice(sentence.start, sentence.end) };
  const event: Event = {
    type: trigger.type,
    mode,
    context,
    cameo,
    actor,
    recipient,
    location: locationOf(ctx, i, from, to),
    date: dateOf(ctx, w.start, sentence, modality),
    size: sizeOf(ctx, trigger, i, length, from, to),
    modality,
    evidence,
    confidence: confidenceOf(trigger, actor, recipient),
  };
  const out = [event];
  if (trigger.host && recipient.length > 0) {
    out.push({
      ...event,
      type: trigger.host.type,
      mode: trigger.host.mode,
      cameo: trigger.host.cameo,
      context: [...context],
      actor: recipient,
      recipient: actor,
      size: {},
      confidence: Math.max(0.3, event.confidence - 0.2),
    });
  }
  return out;
}

function confidenceOf(trigger: Trigger, actor: readonly Ref[], recipient: readonly Ref[]): number {
  let c = 0.5;
  if (actor.length > 0) c += 0.2;
  if (!trigger.noun) c += 0.1;
  if (recipient.length > 0) c += 0.1;
  if (trigger.needs !== null) c -= 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

function hasClass(ctx: Ctx, name: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (isClass(ctx, name, j)) return true;
  return false;
}

function isClass(ctx: Ctx, name: string, j: number): boolean {
  if (j < 0 || j >= ctx.words.length) return false;
  let memo = ctx.classMemo.get(name);
  if (!memo) {
    memo = new Uint8Array(ctx.words.length);
    ctx.classMemo.set(name, memo);
  }
  if (memo[j] === 0) memo[j] = ctx.lexicon.classes.get(name)?.matchAt(ctx.words, j) != null ? 2 : 1;
  return memo[j] === 2;
}

function findRefiner(ctx: Ctx, trigger: Trigger, i: number, length: number, from: number, to: number): Refiner | null {
  // nearest after the trigger first: «دعا … جميع الأطراف إلى ضبط النفس»
  for (let j = i + length; j < Math.min(to, i + length + AFTER + 4); j++) {
    const r = ctx.lexicon.refiners.matchAt(ctx.words, j)?.value.find((x) => x.type === trigger.type);
    if (r) return r;
  }
  for (let j = i - 1; j >= Math.max(from, i - 4); j--) {
    const r = ctx.lexicon.refiners.matchAt(ctx.words, j)?.value.find((x) => x.type === trigger.type);
    if (r) return r;
  }
  return null;
}

function modalityOf(ctx: Ctx, i: number, from: number, future: boolean, quote: Quote | undefined, noun = false): Event['modality'] {
  for (let j = i - 1; j >= Math.max(from, i - 2); j--) if (isClass(ctx, 'negation', j)) return 'negated';
  if (noun) {
    // «لم تعلن الحكومة حتى الآن أي عقوبات»: the negated verb governs the noun a few words on
    for (let j = i - 3; j >= Math.max(from, i - 8); j--) {
      if ((ctx.words[j] as MatchWord).kind === 'punct' || ctx.lexicon.triggers.matchAt(ctx.words, j)) break;
      if (isClass(ctx, 'negation', j)) return 'negated';
    }
  }
  if (future) return 'future';
  for (let j = i - 1; j >= Math.max(from, i - 3); j--) if (isClass(ctx, 'future', j)) return 'future';
  for (let j = i - 1; j >= Math.max(from, i - 4); j--) if (isClass(ctx, 'hypothetical', j)) return 'hypothetical';
  return quote ? 'reported' : 'asserted';
}

/** A passive reading: the trigger is followed by a number or a victim noun, not by a named subject. */
function isPassive(ctx: Ctx, j: number, to: number): boolean {
  if (j >= to) return false;
  const next = ctx.words[j] as MatchWord;
  if (ctx.numbers.some((n) => n.start >= next.start && n.start < next.end + 1)) return true;
  return isClass(ctx, 'victim', j);
}

/** The agent of a passive: «برصاص الشرطة»، «على يد مسلحين», «من قبل الجيش». */
function agentOfPassive(ctx: Ctx, from: number, to: number): Ref[] {
  for (let j = from; j < Math.min(to, from + AFTER); j++) {
    if (isClass(ctx, 'agentprep', j)) {
      const found = listAt(ctx, j + 1, to);
      if (found.refs.length > 0) return found.refs;
      // «برصاص الشرطة»: the agent noun may sit in the same word as the preposition's object
    }
  }
  return [];
}

/** A noun phrase of victims/participants after a trigger: «عشرات المتظاهرين». */
function nounPhraseAfter(ctx: Ctx, from: number, to: number): Ref | null {
  for (let j = from; j < Math.min(to, from + 3); j++) {
    const m = mentionAt(ctx, j);
    if (m) return { entity: m.entity.id, text: m.mention.text };
    const a = ctx.lexicon.agents.matchAt(ctx.words, j);
    if (a) return { entity: null, text: agentText(ctx, j, a.length) };
    if (isClass(ctx, 'victim', j)) return { entity: null, text: (ctx.words[j] as MatchWord).text };
  }
  return null;
}

function spanText(ctx: Ctx, from: number, to: number): string {
  return ctx.input.text.slice((ctx.words[from] as MatchWord).start, (ctx.words[to - 1] as MatchWord).end);
}

/** The entity mention that starts in word j (or inside it, after a clitic). */
function mentionAt(ctx: Ctx, j: number): PlacedMention | null {
  return ctx.actorAt[j] ?? null;
}

/**
 * The actor or list of actors at word j (allowing one title word before a name and «كل من»): «روسيا وتركيا».
 * `strict` accepts only an entity or agent noun starting exactly at j.
 */
function listAt(ctx: Ctx, j: number, to: number, strict = false): { refs: Ref[]; next: number } {
  const refs: Ref[] = [];
  let k = j;
  if (KULL_MIN.every((key, n) => (ctx.words[k + n] as MatchWord | undefined)?.folded === foldWord(key))) k += 2;
  for (let guard = 0; guard < 6 && k < to; guard++) {
    let found = false;
    const maxSkip = strict || refs.length > 0 ? 0 : 6;
    for (let skip = 0; skip <= maxSkip && !found; skip++) {
      const sw = ctx.words[k + skip];
      if (!sw || (skip > 0 && !skippable(ctx, k + skip - 1))) break;
      const m = mentionAt(ctx, k + skip);
      // «هاجم السياسي الروسي المعارض … سيرجي كاسباروف»: descriptions may precede a person, a title other entities;
      // a nationality after a noun («الروسي») only modifies it
      if (m && (skip === 0 || m.entity.type === 'PER' || (skip <= 3 && m.entity.type !== 'NORP'))) {
        refs.push({ entity: m.entity.id, text: m.mention.text });
        k = wordIndexAt(ctx.words, m.mention.end);
        found = true;
        break;
      }
      // «مئات المتظاهرين»: an agent noun after a number word
      const numbered = skip === 1 && ctx.numbers.some((n) => n.start === (ctx.words[k] as MatchWord).start);
      const a = (skip === 0 || numbered) && !insideMention(ctx, k + skip) ? ctx.lexicon.agents.matchAt(ctx.words, k + skip) : null;
      // «الرئيس قاسم جومارت توكاييف»: a title agent followed by a person's name is that person
      const person = a ? [0, 1, 2].map((d) => mentionAt(ctx, k + skip + a.length + d)).find((x) => x?.entity.type === 'PER') : undefined;
      if (a && person) {
        refs.push({ entity: person.entity.id, text: person.mention.text });
        k = wordIndexAt(ctx.words, person.mention.end);
        found = true;
      } else if (a) {
        refs.push({ entity: null, text: agentText(ctx, k + skip, a.length) });
        k = k + skip + a.length;
        found = true;
      }
    }
    if (!found) break;
    // «روسيا وتركيا»: the next item carries و
    const next = ctx.words[k];
    if (!next || !next.folded.startsWith(AND) || !(mentionAt(ctx, k) || ctx.lexicon.agents.matchAt(ctx.words, k))) break;
  }
  return { refs: dedupeRefs(refs), next: k };
}

function dedupeRefs(refs: Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.entity ?? `text:${r.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** SVO and fronted subjects: the nearest entity or agent noun before the trigger not governed by a preposition. */
function subjectBefore(ctx: Ctx, i: number, from: number): Ref[] {
  for (let j = i - 1; j >= Math.max(from, i - BEFORE); j--) {
    const m = mentionAt(ctx, j);
    // «وفي مدينة أكتوبي تجمع…»: a place after its head noun is where, not who
    if (m && !governedWord(ctx, j) && !isClass(ctx, 'placehead', j - 1)) return [{ entity: m.entity.id, text: m.mention.text }];
    const a = insideMention(ctx, j) ? null : ctx.lexicon.agents.matchAt(ctx.words, j);
    if (a && j + a.length <= i && !governedWord(ctx, j)) {
      // «قوات الأمن»: the longest agent phrase that ends here
      let start = j;
      let length = a.length;
      for (let k = j - 1; k >= Math.max(from, j - 2); k--) {
        const b = ctx.lexicon.agents.matchAt(ctx.words, k);
        if (b && k + b.length >= j + length) {
          start = k;
          length = b.length;
        }
      }
      if (governedWord(ctx, start)) continue;
      return [{ entity: null, text: agentText(ctx, start, length) }];
    }
  }
  return [];
}

/** True when word j is the object of a preposition («في كازاخستان», «بكازخستان», «إلى موسكو»). */
function governedWord(ctx: Ctx, j: number): boolean {
  const w = ctx.words[j] as MatchWord;
  const prev = ctx.words[j - 1];
  if (prev && GOVERNORS.has(prev.folded)) return true;
  // «برصاص الشرطة», «على يد مسلحين»: the agent of a passive is not a subject
  if (prev && isClass(ctx, 'agentprep', j - 1)) return true;
  if (/^[وف]?بال/u.test(w.folded)) return true;
  // «بكازخستان»: a mention that starts after a ب prefix inside its word (ل is mostly genitive: «الأمانة العامة لمنظمة»)
  const m = mentionAt(ctx, j);
  return m !== null && m.mention.start > w.start && /ب/u.test(ctx.input.text.slice(w.start, m.mention.start));
}

/** Prepositions that make the next word an object, not a subject (folded). */
const GOVERNORS: ReadonlySet<string> = new Set(['في', 'الي', 'من', 'عن', 'علي', 'مع', 'ضد', 'حول', 'نحو', 'لدي'].map(foldWord));

function recipientOf(ctx: Ctx, trigger: Trigger, triggerEnd: number, after: number, to: number, actor: readonly Ref[]): Ref[] {
  const where = trigger.recipient;
  if (where === null) return [];
  const isActor = (r: Ref) => actor.some((a) => (a.entity !== null && a.entity === r.entity) || (a.entity === null && a.text === r.text));
  if (where === 'object' || where === 'genitive') {
    const start = where === 'genitive' ? triggerEnd : after;
    for (let j = start; j < Math.min(to, start + (where === 'genitive' ? 2 : 6)); j++) {
      if (governedWord(ctx, j) && where === 'object') break;
      const found = listAt(ctx, j, to, true);
      const refs = found.refs.filter((r) => !isActor(r));
      if (refs.length > 0) return refs;
      // «أقال … وزير النفط»: an office named by its title, with no entity
      if (where === 'object' && isClass(ctx, 'title', j)) return [{ entity: null, text: titlePhrase(ctx, j, to) }];
      if (where === 'object' && !skippable(ctx, j)) break;
    }
    return [];
  }
  const prep = foldWord(where);
  for (let j = triggerEnd; j < Math.min(to, triggerEnd + AFTER); j++) {
    const w = ctx.words[j] as MatchWord;
    if (w.folded === prep || w.folded === AND + prep) {
      const found = listAt(ctx, j + 1, to);
      return found.refs.filter((r) => !isActor(r));
    }
    // a one-letter preposition written on its noun: «اتصل بنظيره», «طالبت بعودة»
    if (prep.length === 1 && w.folded.startsWith(prep)) {
      const m = mentionAt(ctx, j);
      if (m) return [{ entity: m.entity.id, text: m.mention.text }];
    }
  }
  return [];
}

/** The place where it happened: a place entity governed by «في»/«ب» nearest the trigger, through «مدينة», «وسط»… */
function locationOf(ctx: Ctx, i: number, from: number, to: number): Ref | null {
  let best: { ref: Ref; distance: number } | null = null;
  for (let j = from; j < to; j++) {
    const w = ctx.words[j] as MatchWord;
    const inWord = w.folded.startsWith('ب') || w.folded.startsWith('وب') || w.folded.startsWith('وفي');
    const isIn = IN.includes(w.folded) || w.folded === 'وفي';
    if (!isIn && !inWord) continue;
    let k = isIn ? j + 1 : j;
    // «في وسط مدينة ألماتا»: skip place heads
    let heads = 0;
    while (k < to && heads < 3 && isClass(ctx, 'placehead', k) && !placeAt(ctx, k)) {
      k++;
      heads++;
    }
    // «في العاصمة الإثيوبية أديس أبابا»: a nationality adjective between the head and the name
    if (heads > 0 && !placeAt(ctx, k) && ctx.actorAt[k]?.entity.type === 'NORP' && k + 1 < to && placeAt(ctx, k + 1)) k++;
    let place = placeAt(ctx, k);
    // «وطالبت باريس»: the ب of a name is not a preposition; «بكازخستان» has the place after it
    if (place && !isIn && k === j && place.mention.start <= w.start + (w.folded.startsWith('و') ? 1 : 0)) place = null;
    let ref: Ref | null = null;
    if (place) ref = { entity: place.entity.id, text: place.mention.text };
    else if (heads > 0 && isIn && k < to && (ctx.words[k] as MatchWord).kind === 'word' && isClass(ctx, 'placehead', k - 1)) {
      // «في منطقة مانغيستاو» with no entity: the head and the name as text
      ref = { entity: null, text: spanText(ctx, k - 1, k + 1) };
    }
    if (!ref) continue;
    const distance = Math.abs(j - i) + (j < i ? 1 : 0);
    if (!best || distance < best.distance) best = { ref, distance };
  }
  return best?.ref ?? null;
}

function placeAt(ctx: Ctx, j: number): PlacedMention | null {
  return ctx.placeAt[j] ?? null;
}

/** The date of the time expression nearest the trigger in its sentence, else the article date for past events. */
function dateOf(ctx: Ctx, at: number, sentence: Span, modality: Event['modality']): string | null {
  let best: TimeExpr | null = null;
  for (const t of ctx.input.times) {
    if (t.field !== undefined || t.start < sentence.start || t.end > sentence.end || t.value === null) continue;
    if (!best || Math.abs(t.start - at) < Math.abs(best.start - at)) best = t;
  }
  if (best?.value) {
    const v = best.value;
    return /^\d{4}-\d{2}-\d{2}T/u.test(v) ? v.slice(0, 10) : v;
  }
  if ((modality === 'asserted' || modality === 'reported') && ctx.input.published) return ctx.input.published.slice(0, 10);
  return null;
}

const SIZE_CLASSES = ['dead', 'injured', 'arrested', 'participants'] as const;

/** Counts near the trigger, typed by the noun after the number: «عشرات المتظاهرين» after «قُتل» are dead. */
function sizeOf(ctx: Ctx, trigger: Trigger, i: number, length: number, from: number, to: number): Event['size'] {
  const size: Event['size'] = {};
  const lo = (ctx.words[Math.max(from, i - SIZE_WINDOW)] as MatchWord).start;
  const hiWord = ctx.words[Math.min(to - 1, i + length + SIZE_WINDOW)] as MatchWord;
  const hi = hiWord.end;
  // a passive-capable ASSAULT verb is a killing verb («قُتل»): PLOVER has no 'kill' mode, the weapon gives it
  const killing = trigger.type === 'ASSAULT' && trigger.passive;
  for (const n of ctx.numbers) {
    if (n.start < lo || n.end > hi || n.percent) continue;
    const value = n.value.kind === 'exact' ? n.value.value : n.text;
    const j = wordIndexAt(ctx.words, n.end);
    const nounAt = (ctx.words[j] as MatchWord | undefined)?.start === n.end ? j + 1 : j;
    let kind: (typeof SIZE_CLASSES)[number] | null = null;
    // the counted noun after the number («خمسة قتلى»), else the verb before it («وأصيب عشرون آخرون»)
    const before = wordIndexAt(ctx.words, n.start) - 1;
    for (const at of [nounAt, before]) {
      kind = SIZE_CLASSES.find((c) => isClass(ctx, c, at)) ?? null;
      if (kind) break;
    }
    // «قُتل عشرات المتظاهرين»: after a killing verb the victims are the dead, not participants
    if (killing && n.start >= (ctx.words[i] as MatchWord).end && n.start - (ctx.words[i + length - 1] as MatchWord).end <= 2) kind = 'dead';
    if (kind === 'participants' && trigger.type !== 'PROTEST') continue;
    if (kind && size[kind] === undefined) size[kind] = value;
  }
  return size;
}

/** True when word j lies inside an entity mention that starts before it («الأمن» in «معاهدة الأمن الجماعي»). */
function insideMention(ctx: Ctx, j: number): boolean {
  return ctx.inside[j] === 1;
}

/** A word a subject search may step over: not a preposition, punctuation or number. */
function skippable(ctx: Ctx, j: number): boolean {
  const w = ctx.words[j] as MatchWord;
  return (w.kind === 'word' || w.kind === 'latin') && !GOVERNORS.has(w.folded) && !IN.includes(w.folded) && !isClass(ctx, 'negation', j);
}

/** An agent noun's text without the conjunction on its first word: «والمتظاهرين» → «المتظاهرين». */
function agentText(ctx: Ctx, j: number, length: number): string {
  // «السلطات الليبية», «قوات الأمن المغربية»: the agent with its nisba adjectives
  let end = j + length;
  while (end < ctx.words.length && end < j + length + 2 && NISBA.test((ctx.words[end] as MatchWord).folded) && !mentionAt(ctx, end)) end++;
  const text = spanText(ctx, j, end);
  const w = ctx.words[j] as MatchWord;
  return /^[وف]/u.test(w.folded) && !w.keys.some((k) => k.key === w.folded && ctx.lexicon.agents.matchAt([{ ...w, keys: [k] }], 0)) ? text.slice(1) : text;
}

/** The crowd of a protest noun: «آلاف المحتجين», «المتظاهرون» near the trigger. */
function crowdNear(ctx: Ctx, i: number, from: number, to: number): Ref[] {
  for (let d = 1; d <= 2 * SIZE_WINDOW; d++) {
    for (const j of [i + d, i - d]) {
      if (j < from || j >= to) continue;
      const a = ctx.lexicon.agents.matchAt(ctx.words, j);
      if (a && ctx.lexicon.agents.matchAt(ctx.words, j)?.value === 'OPP') return [{ entity: null, text: agentText(ctx, j, a.length) }];
    }
  }
  return [];
}

/** A title and the one or two words that complete it: «وزير النفط», «رئيس الأركان». */
function titlePhrase(ctx: Ctx, j: number, to: number): string {
  let end = j + 1;
  while (end < Math.min(to, j + 3) && skippable(ctx, end) && !(ctx.words[end] as MatchWord).folded.startsWith('و') && !isClass(ctx, 'title', end)) end++;
  const text = spanText(ctx, j, end);
  const w = ctx.words[j] as MatchWord;
  const literal = ctx.lexicon.classes.get('title')?.matchAt([{ ...w, keys: [{ key: w.folded, future: false }] }], 0);
  return !literal && /^[وف]/u.test(w.folded) ? text.slice(1) : text;
}
