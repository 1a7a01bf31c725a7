// Finds quotes: direct («…», "…") and reported (قال إن، أكد أن…), with speaker, cue, channel and relay.
import type { Entity, EntityType, Quote, Span, TimeExpr } from '../../../model/analysis.js';
import { foldWord } from '../../../arabic/normalize.js';
import { findMatchWords, placedMentions, wordIn, wordIndexAt, type MatchWord, type PlacedMention } from '../events/words.js';
import { repeatedSentences } from '../events/repeats.js';
import type { Cue, QuoteLexicon } from './lexicon.js';

export interface QuoteInput {
  text: string;
  sentences: readonly Span[];
  entities: readonly Entity[];
  times: readonly TimeExpr[];
  /** The text's match words, when already made. */
  words?: readonly MatchWord[];
}

/** A pair of quotation marks; content is between them. */
export interface MarkSpan {
  open: number;
  close: number;
}

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/** Pairs quotation marks: «…», “…”, and straight "…" in order. An unclosed mark closes at the paragraph end. */
export function findMarkSpans(text: string): MarkSpan[] {
  const out: MarkSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const closer = OPENERS[text[i] as string];
    if (closer === undefined) {
      i++;
      continue;
    }
    let j = text.indexOf(closer, i + 1);
    const para = text.indexOf('\n\n', i + 1);
    if (j < 0 || (para >= 0 && para < j)) j = para >= 0 ? para : text.length;
    out.push({ open: i, close: j });
    i = j + 1;
  }
  return out;
}

/** Speaker-side words after which the subject of a speech verb has ended («قالت السفارة في كازاخستان أنها»). */
const WINDOW_STOPS = new Set(['في', 'عبر', 'على', 'علي', 'خلال', 'امام', 'من', 'عن', 'الي', 'قد', 'لدي', 'اثناء', 'بعد', 'قبل', 'عقب'].map(foldWord));
/** Mention types that can speak. */
const SPEAKER_TYPES: ReadonlySet<EntityType> = new Set(['PER', 'ORG', 'GPE', 'NORP', 'MEDIA']);
const ARTICLE = 'ال'; // ال
const AN = 'عن'; // عن «from», after a relay verb
const MAX_WINDOW = 14;
/** Tanwin on an accusative noun («بياناً»): an indefinite object, so the subject before it has ended. */
const TANWIN_FATH = '\u064B';
/** «بالقرار»: a prepositional phrase after the subject («ورحّب التحالف بالقرار»). */
const BI_AL = foldWord('بال');
const MAX_SCAN = 30;

type Ref = Quote['speaker'];

interface Hit {
  kind: 'cue' | 'relay' | 'chant';
  index: number;
  length: number;
  cue?: Cue;
}

/** Finds the quotes of one article. */
export function findQuotes(input: QuoteInput, lexicon: QuoteLexicon): Quote[] {
  const { text, sentences } = input;
  const words = input.words ?? findMatchWords(text);
  const marks = findMarkSpans(text);
  const mentions = placedMentions(input.entities).filter((m) => SPEAKER_TYPES.has(m.entity.type) || m.entity.type === 'MISC');
  const skip = repeatedSentences(text, sentences, words);
  const inMarks = (pos: number) => marks.some((m) => pos > m.open && pos < m.close);
  const inTime = (w: MatchWord) => input.times.some((t) => t.field === undefined && w.start >= t.start && w.start < t.end);

  // pass 1: every speech marker, in text order
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as MatchWord;
    if (w.keys.length === 0 || inMarks(w.start)) continue;
    if (wordIn(w, lexicon.relay)) {
      hits.push({ kind: 'relay', index: i, length: 1 });
      continue;
    }
    if (wordIn(w, lexicon.chants) && markAfter(text, w.end, marks)) {
      hits.push({ kind: 'chant', index: i, length: 1 });
      continue;
    }
    const m = cueAt(text, words, i, lexicon);
    if (m) {
      hits.push({ kind: 'cue', index: i, length: m.length, cue: m.value });
      i += m.length - 1;
    }
  }

  const quotes: Quote[] = [];
  const speakers: Ref[] = [];
  let last: Ref | null = null;
  let consumed = -1;
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h] as Hit;
    const w = words[hit.index] as MatchWord;
    if (w.start < consumed) continue;
    const s = sentenceIndexOf(sentences, w.start);
    if (s < 0 || skip.has(s)) continue;
    const sentence = sentences[s] as Span;
    const lastWord = wordIndexAt(words, sentence.end);
    const nextHit = hits.slice(h + 1).find((x) => x.kind !== 'chant' && startsClause(words, x.index));
    const clauseEnd = nextHit ? Math.min(sentence.end, (words[nextHit.index] as MatchWord).start) : sentence.end;
    const cueEnd = hit.index + hit.length;

    /**
     * The subject of the clause the cue belongs to, as the words after the sentence's opening verb up to a
     * preposition (also «بالـ»), an indefinite object («بياناً») or punctuation: «ونددت النقابة الوطنية للصحفيين التونسيين في
     * بيان …، مؤكدة» and «وكانت وزارة الطاقة قد أعلنت الخميس أن» — not simply the nearest name inside it.
     */
    const clauseSubject = (): Ref | null => {
      const opening = wordIndexAt(words, sentence.start);
      const from = opening + 1;
      if (opening < 0 || from >= hit.index || (words[opening] as MatchWord).kind === 'punct') return null;
      let to = from;
      while (to < hit.index && to - from < MAX_WINDOW) {
        const x = words[to] as MatchWord;
        if (x.kind === 'punct' || WINDOW_STOPS.has(x.folded) || inTime(x) || inMarks(x.start) || x.text.includes(TANWIN_FATH) || (to > from && x.folded.startsWith(BI_AL))) break;
        to++;
      }
      if (to === from) return null;
      const ref = resolveWindow(text, words, from, to, mentions, lexicon, speakers);
      return ref.entity !== null || to - from <= 6 ? ref : null;
    };
    /** «…، مؤكدة أن …» shares the subject of the clause it hangs on: the speaker of a quote earlier in the sentence, or that clause's subject. */
    const adverbialSubject = (): Ref | null => {
      const previous = quotes[quotes.length - 1];
      if (previous && last && previous.evidence && previous.evidence.start === sentence.start) return last;
      return clauseSubject();
    };
    let speaker: Ref;
    let cueText = text.slice(w.start, (words[cueEnd - 1] as MatchWord).end);
    let via: string[] = [];
    let contentAt: number; // index of the word/marker that opens the content
    let carried = false;
    if (hit.kind === 'relay') {
      const an = findWord(words, cueEnd, Math.min(lastWord, cueEnd + MAX_SCAN), (x) => x.folded === AN);
      if (an < 0) continue;
      const end = findWord(words, an + 1, Math.min(lastWord, an + 1 + MAX_SCAN), (x) => wordIn(x, lexicon.saying) || wordIn(x, lexicon.complementizers));
      if (end < 0) continue;
      via = viaOf(text, words, cueEnd, an, mentions);
      speaker = resolveWindow(text, words, an + 1, end, mentions, lexicon, speakers);
      if (wordIn(words[end], lexicon.saying)) {
        cueText = `${w.text} … ${(words[end] as MatchWord).text}`;
        // «قوله إن "…"»: the content opens after the complementizer
        contentAt = wordIn(words[end + 1], lexicon.complementizers) ? end + 1 : end;
      } else contentAt = end;
    } else if (hit.kind === 'chant') {
      // «… تجمع مئات المحتجين. ورددوا هتافات "…"»: the crowd may be named in the sentence before
      speaker = crowdBefore(text, words, hit.index, s > 0 ? (sentences[s - 1] as Span).start : sentence.start, lexicon);
      contentAt = hit.index;
    } else {
      const cue = hit.cue as Cue;
      const found = findContentStart(text, words, cueEnd, Math.min(lastWord, cueEnd + MAX_SCAN), lexicon, marks);
      if (!found) continue;
      let windowEnd = cueEnd;
      while (windowEnd < found.windowEnd && windowEnd - cueEnd < MAX_WINDOW) {
        const x = words[windowEnd] as MatchWord;
        if (x.kind === 'punct' || WINDOW_STOPS.has(x.folded) || inTime(x)) break;
        windowEnd++;
      }
      if (cue.role === 'adverbial') {
        speaker = adverbialSubject() ?? nearestBefore(text, mentions, w.start, sentence.start, true) ?? last ?? { entity: null, text: '' };
      } else if (windowEnd > cueEnd) {
        speaker = resolveWindow(text, words, cueEnd, windowEnd, mentions, lexicon, speakers);
      } else if (cue.role === 'continue') {
        speaker = last ?? { entity: null, text: '' };
        carried = true;
      } else {
        speaker = nearestBefore(text, mentions, w.start, sentence.start, false) ?? clauseSubject() ?? last ?? { entity: null, text: '' };
      }
      contentAt = found.at;
    }

    const content = contentOf(text, words, contentAt, marks, clauseEnd);
    if (!content) continue;
    let channel = (hit.cue?.channel ?? null) || channelOf(words, wordIndexAt(words, sentence.start), wordIndexAt(words, content.start), hit.index, lexicon);
    // «وتابع بالقول» goes on in the same televised address
    const previous = quotes[quotes.length - 1];
    if (channel === null && carried && previous && previous.speaker === speaker) channel = previous.channel;
    quotes.push({
      speaker,
      cue: cueText,
      content: { start: content.start, end: content.end, text: text.slice(content.start, content.end) },
      direct: content.direct,
      channel,
      via,
      evidence: { start: sentence.start, end: Math.max(sentence.end, content.end), text: text.slice(sentence.start, Math.max(sentence.end, content.end)) },
    });
    if (hit.kind !== 'chant' && (speaker.text !== '' || speaker.entity !== null)) {
      last = speaker;
      speakers.push(speaker);
    }
    consumed = content.direct ? content.end : -1;
  }
  return dedupe(quotes);
}

function dedupe(quotes: Quote[]): Quote[] {
  const seen = new Set<string>();
  return quotes.filter((q) => {
    const key = `${q.content.start}:${q.content.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sentenceIndexOf(sentences: readonly Span[], offset: number): number {
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as Span;
    if (offset >= s.start && offset < s.end) return i;
  }
  return -1;
}

/** A hit opens a new clause when its word carries «و»/«ف» or follows a comma: «…، وكتب باشينيان أن…». */
function startsClause(words: readonly MatchWord[], i: number): boolean {
  const w = words[i] as MatchWord;
  const prev = words[i - 1];
  return w.folded.startsWith('و') || w.folded.startsWith('ف') || (prev !== undefined && prev.kind === 'punct');
}

function findWord(words: readonly MatchWord[], from: number, to: number, test: (w: MatchWord) => boolean): number {
  for (let i = from; i < to && i < words.length; i++) if (test(words[i] as MatchWord)) return i;
  return -1;
}

function markAfter(text: string, pos: number, marks: readonly MarkSpan[]): MarkSpan | null {
  let p = pos;
  while (p < text.length && (text[p] === ' ' || text[p] === ':' || text[p] === '\u00a0')) p++;
  return marks.find((m) => m.open === p) ?? null;
}

/**
 * Where the content opens: `at` is the complementizer, or the word a quotation mark follows; the speaker's words
 * end before `windowEnd` («وأكدت الوزارة "أننا…"»: the window keeps «الوزارة»).
 */
function findContentStart(text: string, words: readonly MatchWord[], from: number, to: number, lexicon: QuoteLexicon, marks: readonly MarkSpan[]): { at: number; windowEnd: number } | null {
  if (markAfter(text, (words[from - 1] as MatchWord).end, marks)) return { at: from - 1, windowEnd: from };
  for (let i = from; i < to && i < words.length; i++) {
    const w = words[i] as MatchWord;
    if (w.kind === 'punct' && w.text === '.') return null;
    if (wordIn(w, lexicon.complementizers)) return { at: i, windowEnd: i };
    if (markAfter(text, w.end, marks)) return { at: i, windowEnd: i + 1 };
    if (cueAt(text, words, i, lexicon)) return null;
  }
  return null;
}

/** The speech cue starting at word `i`, if any; «(آفاد)» is an acronym in parentheses, not the verb «أفاد». */
function cueAt(text: string, words: readonly MatchWord[], i: number, lexicon: QuoteLexicon): { length: number; value: Cue } | null {
  const m = lexicon.cues.matchAt(words, i);
  if (!m) return null;
  const w = words[i] as MatchWord;
  if (m.length === 1 && text[w.start - 1] === '(' && text[w.end] === ')') return null;
  return m;
}

/** The content after word `at`: the quoted text when a mark follows, else the rest of the clause. */
function contentOf(text: string, words: readonly MatchWord[], at: number, marks: readonly MarkSpan[], clauseEnd: number): { start: number; end: number; direct: boolean } | null {
  const w = words[at] as MatchWord;
  const mark = markAfter(text, w.end, marks);
  if (mark) return { start: mark.open + 1, end: mark.close, direct: true };
  const next = words[at + 1];
  if (!next || next.start >= clauseEnd) return null;
  let end = clauseEnd;
  while (end > next.start && /[\s،,.؛;:!؟?]/u.test(text[end - 1] as string)) end--;
  return end > next.start ? { start: next.start, end, direct: false } : null;
}

function refOf(pm: PlacedMention): Ref {
  return { entity: pm.entity.id, text: pm.mention.text };
}

/** The speaker named by the words [from, to): a person in it, an entity heading it, else the description. */
function resolveWindow(text: string, words: readonly MatchWord[], from: number, to: number, mentions: readonly PlacedMention[], lexicon: QuoteLexicon, earlier: readonly Ref[]): Ref {
  const start = (words[from] as MatchWord).start;
  const end = (words[to - 1] as MatchWord).end;
  const inside = mentions.filter((m) => m.mention.start < end && m.mention.end > start);
  const person = inside.find((m) => m.entity.type === 'PER');
  if (person) return refOf(person);
  const head = words[from] as MatchWord;
  const described = wordIn(head, lexicon.descriptors);
  const first = inside[0];
  // «المتحدث باسم الشرطة» is the spokesperson, not the police; «السفارة الأمريكية» is the embassy itself
  if (first && !described && first.mention.start <= head.end) return refOf(first);
  const words1 = text.slice(start, end);
  if (!described && to - from <= 2) {
    // a nominal that names an earlier speaker: «وأكدت الوزارة» after «قالت وزارة الخارجية الروسية»
    const key = stripArticle(head.folded);
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i] as Ref;
      if (e.entity !== null && foldWord(e.text).split(' ').some((x) => stripArticle(x) === key)) return e;
    }
    // …or an entity named earlier in the text: «أدانت وزارة الخارجية القطرية … وقالت الوزارة»
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as PlacedMention;
      if (m.mention.end > start || m.entity.type === 'PER') continue;
      if (foldWord(m.mention.text).split(' ').some((x) => stripArticle(x) === key)) return refOf(m);
    }
  }
  // «قالت السفارة الأمريكية»: an entity that does not head the words (here the NORP «الأمريكية») only modifies them
  return { entity: null, text: words1 };
}

function stripArticle(key: string): string {
  return key.startsWith(ARTICLE) && key.length > 4 ? key.slice(2) : key;
}

/**
 * The nearest speaker mention before `pos` in the sentence; persons first when `preferPerson`. A mention governed by
 * a preposition is a place or an object, not the subject: «أدانت الخارجية البريطانية العنف في كازاخستان وقالت إنها».
 */
function nearestBefore(text: string, mentions: readonly PlacedMention[], pos: number, sentenceStart: number, preferPerson: boolean): Ref | null {
  const before = mentions.filter(
    (m) => m.mention.end <= pos && m.mention.start >= sentenceStart && m.entity.type !== 'MISC' && !governed(text, m.mention.start),
  );
  if (before.length === 0) return null;
  if (preferPerson) {
    const persons = before.filter((m) => m.entity.type === 'PER');
    if (persons.length > 0) return refOf(persons[persons.length - 1] as PlacedMention);
  }
  return refOf(before[before.length - 1] as PlacedMention);
}

/** The crowd that chants: «تجمع مئات المتظاهرين … وهم يهتفون» → «مئات المتظاهرين». */
function crowdBefore(text: string, words: readonly MatchWord[], at: number, sentenceStart: number, lexicon: QuoteLexicon): Ref {
  for (let i = at - 1; i >= 0 && (words[i] as MatchWord).start >= sentenceStart; i--) {
    const w = words[i] as MatchWord;
    if (wordIn(w, lexicon.crowd)) {
      const prev = words[i - 1];
      const start = prev && prev.start >= sentenceStart && /^(?:عشرات|مئات|آلاف|الاف|ألوف|الآلاف|الألوف|آلاف)$/u.test(prev.text) ? prev.start : w.start;
      return { entity: null, text: text.slice(start, w.end) };
    }
  }
  return { entity: null, text: '' };
}

/** Relaying agencies between the relay verb and «عن»: entities when named, else the listed names. */
function viaOf(text: string, words: readonly MatchWord[], from: number, to: number, mentions: readonly PlacedMention[]): string[] {
  if (to <= from) return [];
  const start = (words[from] as MatchWord).start;
  const end = (words[to - 1] as MatchWord).end;
  // agencies are outlets or organisations; «وكالات أنباء روسية» names no agency, only a nationality
  const inside = mentions.filter((m) => m.mention.start >= start && m.mention.end <= end && (m.entity.type === 'MEDIA' || m.entity.type === 'ORG'));
  if (inside.length > 0) {
    const ids: string[] = [];
    for (const m of inside) if (!ids.includes(m.entity.id)) ids.push(m.entity.id);
    return ids;
  }
  const pieces = text.slice(start, end).split(/[،,]/u).map((p) => p.trim()).filter((p) => p.length > 0);
  return pieces.map((p, i) => {
    // «وتاس»: the conjunction of a later list item (the first item follows the verb: «وكالات» keeps its و)
    let out = i > 0 ? p.replace(/^و(?=\S{2,})/u, '') : p;
    // «وكالات أنباء إنترفاكس، وتاس» lists names after a generic head; «وكالات أنباء روسية» is itself the source
    if (pieces.length > 1 && i === 0) out = out.replace(/^(?:وكالات|وكالة)\s+(?:أنباء|الأنباء)\s+/u, '');
    return out;
  });
}

/** The channel named in the sentence before the content, nearest the cue. */
function channelOf(words: readonly MatchWord[], from: number, to: number, cueIndex: number, lexicon: QuoteLexicon): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (let i = from; i < to; i++) {
    const m = lexicon.channels.matchAt(words, i);
    if (!m) continue;
    const d = Math.abs(i - cueIndex);
    if (d < bestDistance) {
      best = m.value;
      bestDistance = d;
    }
  }
  return best;
}

/** Prepositions that govern a following noun: «في كازاخستان»، «بكازخستان»، «إلى موسكو». */
const GOVERNORS = new Set(['في', 'الي', 'الى', 'من', 'عن', 'علي', 'على', 'مع', 'ضد', 'حول', 'نحو'].map(foldWord));

/** True when the word at `start` is governed by a preposition (a separate word, or a «ب»/«ل» prefix on a place). */
export function governed(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const m = /(\S+)\s+$/u.exec(before);
  if (m && GOVERNORS.has(foldWord(m[1] as string))) return true;
  // «بكازخستان»: a mention that starts after a «ب»/«ل» prefix inside its token
  const prev = text[start - 1];
  return (prev === 'ب' || prev === 'ل') && (start < 2 || /\s/u.test(text[start - 2] as string));
}
