// Cleaning: RawArticle → Article. Drops read-also links, share/subscribe/copyright furniture, caption lines
// and repeated pull-quotes (each recorded in `removed`), then builds the text, paragraph spans and content id.
import { createHash } from 'node:crypto';
import type { Article, Removed, RemovedKind, Span } from '../model/analysis.js';
import type { RawArticle } from './raw-article.js';
import { parseArticleDate } from '../arabic/dates.js';
import { foldWord } from '../arabic/normalize.js';
import { guessLanguage, tidyParagraph } from './script.js';
import { splitCredit } from './text-dump.js';

/** Paragraph separator in Article.text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * Folds a line for matching furniture and repeats: the match normalisation of src/arabic (harakat and
 * tatweel out, أ إ آ ٱ → ا, ى → ي, ة → ه, invisibles out), then punctuation and symbols to spaces, lower case.
 * «اقرأ/ي أيضًا:» → «اقرا ي ايضا».
 */
export function foldLine(text: string): string {
  return foldWord(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s\u00A0]+/gu, ' ')
    .trim();
}

/** Strong read-also openings: a line starting with one of these is a link to another article. */
const READ_ALSO = ['اقرا ايضا', 'اقرا ي ايضا', 'اقراي ايضا', 'اقرئي ايضا', 'اقرا كذلك', 'شاهد ايضا', 'شاهدي ايضا', 'شاهد ي ايضا', 'طالع ايضا', 'اقرا المزيد', 'read also', 'read more', 'see also'];
/** Weaker openings («للمزيد», «ذات صلة») also start real sentences, so they count only before a colon or on a short line. */
const READ_ALSO_WEAK = ['للمزيد', 'ذات صله', 'مواضيع ذات صله', 'اخبار ذات صله', 'مقالات ذات صله', 'related'];
/** A read-also line is a headline, not a paragraph. */
const MAX_READ_ALSO_CHARS = 300;

/** Share and follow-us furniture, on a short line of its own. Patterns are in folded form (على → «علي»). */
// The tail must name a platform: «شارك علي في المباراة» (Ali took part) folds to the same opening.
const PLATFORMS = '(?:فيسبوك|فيس بوك|تويتر|اكس|واتساب|واتس اب|انستغرام|انستجرام|يوتيوب|تلغرام|تيليجرام|لينكد ان|تيك توك|facebook|twitter|x|whatsapp|instagram|youtube|telegram|linkedin|tiktok)';
const SHARE = new RegExp(`^(?:شارك|شاركوا|شاركي|شارك الخبر|شارك المقال|شارك هذا المقال|شارك هذا الخبر|مشاركه|انشر|غرد|share|share this|share this article|tweet)(?: (?:علي|عبر|في|on|via) ${PLATFORMS}(?: .*)?)?$`, 'u');
// «تابع» alone opens real sentences («تابع الرئيس الاجتماع…»), so only the plural imperative and its platforms count.
const FOLLOW = new RegExp(`^(?:(?:تابعونا|تابعنا|follow us)(?: |$)|تابعوا (?:\\S+ )?(?:علي|عبر|في) (?:${PLATFORMS}|تطبيق|قناتنا|صفحتنا|حسابنا))`, 'u');
/** Subscription and copyright furniture. */
const SUBSCRIBE = /^(?:اشترك|اشتركي|اشتركوا|سجل|subscribe|sign up)(?: .*)?(?:النشره|نشرتنا|القائمه البريديه|newsletter|بريدك)/u;
const COPYRIGHT = /(?:حقوق النشر محفوظه|جميع الحقوق محفوظه|الحقوق محفوظه|all rights reserved|copyright)/u;
/** «الصورة: …», «صورة: …», «تصوير: …» lines are photo captions. */
const CAPTION_LINE = /^[(\s]*(?:الصورة|الصوره|صورة|تصوير|الصور|photo|image)\s*[:：]/iu;
const MAX_FURNITURE_CHARS = 160;
/**
 * Comment-policy and disclaimer furniture that closes article pages («الآراء الواردة أدناه لا تعبر عن رأي
 * الموقع», «ترحب … بالنقاش … إرشادات الاستخدام»): only looked for among the last paragraphs, where it lives,
 * because an article about a privacy policy may quote the same words.
 */
const TRAILING_DISCLAIMER = /(?:لا (?:تعبر|يعبر) (?:بالضروره )?عن (?:راي|وجهه نظر)|سياسه الخصوصيه|شروط (?:ال)?استخدام|ارشادات الاستخدام|ترحب \S+(?: \S+)? بالنقاش)/u;
const TRAILING_ZONE = 3;
/** A dateline at the top of a page body: «الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)». */
const MAX_DATELINE_CHARS = 80;

/** JavaScript that leaked into a scraped body (SaudiNewsNet has poll widgets: «jQuery.jqplot(…); });»). */
const CODE_WORDS = /(?:function\s*\(|=>|\bvar\s|\bjQuery\b|\bdocument\.|\bwindow\.|\}\);|googletag|\$\()/u;
const CODE_SYMBOLS = /[{}();=[\]$]/gu;

/** True for a paragraph that is program code, not prose: code keywords and a dense run of brackets and semicolons. */
export function looksLikeCode(paragraph: string): boolean {
  if (paragraph.length < 40 || !CODE_WORDS.test(paragraph)) return false;
  const symbols = paragraph.match(CODE_SYMBOLS)?.length ?? 0;
  return symbols / paragraph.length >= 0.06;
}

/** Classifies one tidied paragraph as furniture, or null when it is body text. */
export function classifyFurniture(paragraph: string): RemovedKind | null {
  if (looksLikeCode(paragraph)) return 'boilerplate';
  // Every other furniture line is short; body paragraphs skip the fold.
  if (paragraph.length > MAX_READ_ALSO_CHARS) return null;
  const key = foldLine(paragraph);
  if (paragraph.length <= MAX_READ_ALSO_CHARS) {
    if (READ_ALSO.some((p) => key === p || key.startsWith(`${p} `))) return 'read-also';
    const colon = /^[^:：]{1,30}[:：]/u.test(paragraph);
    if (READ_ALSO_WEAK.some((p) => (key === p || key.startsWith(`${p} `)) && (colon || paragraph.length <= 60 || key === p))) return 'read-also';
  }
  if (paragraph.length <= 200 && CAPTION_LINE.test(paragraph)) return 'caption';
  if (paragraph.length <= 200 && (/^\s*[©Ⓒ]/u.test(paragraph) || (COPYRIGHT.test(key) && paragraph.length <= 160))) return 'boilerplate';
  if (paragraph.length <= MAX_FURNITURE_CHARS) {
    if (SHARE.test(key) || FOLLOW.test(key)) return 'share';
    if (SUBSCRIBE.test(key)) return 'boilerplate';
  }
  return null;
}

/**
 * Exact repeats need this many words: shorter repeats are subheads («التصميم») or refrains in a poem,
 * not pull-quotes.
 */
const MIN_REPEAT_WORDS = 6;
/** Containment needs more: a signature line «محمد بن سلمان بن عبدالعزيز آل سعود» sits inside a paragraph legitimately. */
const MIN_CONTAINED_WORDS = 8;
/**
 * Near repeats (a word or two changed) count only for long paragraphs with the same numbers: parallel
 * template sentences («مؤشر مديري المشتريات الصيني عند قراءة 51.2» / «… البريطاني عند قراءة 51.9») are not copies.
 */
const NEAR_COVERAGE = 0.95;
const MIN_NEAR_WORDS = 20;
/** Long articles compare each paragraph only with this many before it (exact repeats are always found). */
const WINDOW = 120;

interface Candidate {
  key: string;
  /** The key with a space on each side, for word-boundary containment. */
  padded: string;
  words: string[];
  /** The words holding digits, joined: two near repeats must agree on them. */
  numbers: string;
  /** Word counts, built on first use by the near-repeat check. */
  counts?: Map<string, number>;
}

/**
 * Finds pull-quote copies: a paragraph whose folded form equals, is contained in (on word boundaries, or as
 * a prefix cut mid-word), or nearly covers another paragraph. The shorter one is the copy; of two equal
 * ones the later. «بدوره أكد وزير الخارجية…» and a later «أكد وزير الخارجية…» (without «بدوره»): the later goes.
 * Returns the indices to remove.
 */
export function findPullQuotes(paragraphs: string[]): Set<number> {
  const candidates: Candidate[] = paragraphs.map((text) => {
    const key = foldLine(text);
    const words = key === '' ? [] : key.split(' ');
    return { key, padded: ` ${key} `, words, numbers: words.filter((w) => /\d/u.test(w)).join(' ') };
  });
  const removed = new Set<number>();
  const firstByKey = new Map<string, number>();
  for (let j = 0; j < candidates.length; j++) {
    const b = candidates[j]!;
    if (b.key === '') continue;
    const same = firstByKey.get(b.key);
    if (same !== undefined && b.words.length >= MIN_REPEAT_WORDS) {
      removed.add(j);
      continue;
    }
    firstByKey.set(b.key, j);
    for (let i = Math.max(0, j - WINDOW); i < j; i++) {
      if (removed.has(i)) continue;
      const a = candidates[i]!;
      if (a.key === '') continue;
      const [short, long, shortIndex] = a.key.length <= b.key.length ? [a, b, i] : [b, a, j];
      if (isCopy(short, long)) {
        removed.add(shortIndex);
        if (shortIndex === j) break;
      }
    }
  }
  return removed;
}

function isCopy(short: Candidate, long: Candidate): boolean {
  if (short.words.length < MIN_CONTAINED_WORDS) return false;
  if (long.padded.includes(short.padded)) return true;
  // A truncated copy can stop mid-word: «… مجلس الأمن الجما».
  if (long.key.startsWith(short.key)) return true;
  if (short.words.length < MIN_NEAR_WORDS || short.words.length < 0.3 * long.words.length || short.numbers !== long.numbers) return false;
  if (long.counts === undefined) {
    long.counts = new Map();
    for (const w of long.words) long.counts.set(w, (long.counts.get(w) ?? 0) + 1);
  }
  const used = new Map<string, number>();
  let found = 0;
  for (const w of short.words) {
    const u = used.get(w) ?? 0;
    if (u < (long.counts.get(w) ?? 0)) {
      found++;
      used.set(w, u + 1);
    }
  }
  return found / short.words.length >= NEAR_COVERAGE;
}

/**
 * The content id: sha256 of the NFC form of the cleaned text, first 16 bytes as 32 hex digits.
 * NFC so that the same article stored with decomposed hamza (ا + U+0654) and precomposed أ gets one id.
 */
export function articleId(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 32);
}

/**
 * Cleans a RawArticle into an Article. Text is kept as written (not NFC-normalised) apart from tidying:
 * control characters removed, NBSP and other Unicode spaces turned into plain spaces, runs folded, ends trimmed.
 * Every paragraph taken out is in `removed` with its kind.
 */
export function cleanArticle(raw: RawArticle): Article {
  const removed: Removed[] = [...raw.removed];
  let caption = raw.caption === null ? null : tidyParagraph(raw.caption) || null;
  let photoCredit = raw.photoCredit === null ? null : tidyParagraph(raw.photoCredit) || null;
  const body: string[] = [];
  for (const original of raw.paragraphs) {
    const paragraph = tidyParagraph(original);
    if (paragraph === '') {
      // Whitespace-only lines carry no text; anything else reduced to nothing (control bytes) is recorded.
      if (original.trim().replace(/[\s\u00A0]+/gu, '') !== '') removed.push({ kind: 'empty', text: original });
      continue;
    }
    const kind = classifyFurniture(paragraph);
    if (kind === null) {
      body.push(paragraph);
      continue;
    }
    removed.push({ kind, text: paragraph });
    if (kind === 'caption' && caption === null) {
      const line = paragraph.replace(CAPTION_LINE, '').trim();
      const split = splitCredit(line);
      caption = split?.caption ?? (line || null);
      photoCredit ??= split?.credit ?? null;
    }
  }
  let published = raw.published;
  const first = body[0];
  if (first !== undefined && first.length <= MAX_DATELINE_CHARS && first.split(' ').length <= 12 && !/[.!؟?]$/u.test(first)) {
    const date = parseArticleDate(first);
    if (date !== null) {
      removed.push({ kind: 'dateline', text: body.shift()! });
      published ??= date.value;
    }
  }
  const trailing: Removed[] = [];
  for (let k = body.length - 1; k >= Math.max(0, body.length - TRAILING_ZONE); k--) {
    if (body[k]!.length <= 500 && TRAILING_DISCLAIMER.test(foldLine(body[k]!))) trailing.unshift({ kind: 'boilerplate', text: body.splice(k, 1)[0]! });
  }
  removed.push(...trailing);
  const copies = findPullQuotes(body);
  const kept: string[] = [];
  body.forEach((p, index) => {
    if (copies.has(index)) removed.push({ kind: 'pull-quote', text: p });
    else kept.push(p);
  });

  const paragraphs: Span[] = [];
  let offset = 0;
  for (const p of kept) {
    if (paragraphs.length > 0) offset += PARAGRAPH_SEPARATOR.length;
    paragraphs.push({ start: offset, end: offset + p.length });
    offset += p.length;
  }
  const text = kept.join(PARAGRAPH_SEPARATOR);
  const title = raw.title === null ? null : tidyParagraph(raw.title) || null;
  const guessed = guessLanguage(`${title ?? ''}\n${text}`);
  return {
    id: articleId(text),
    sourceId: raw.sourceId ?? null,
    outlet: tidyOrNull(raw.outlet),
    author: tidyOrNull(raw.author),
    url: tidyOrNull(raw.url),
    published,
    title,
    caption,
    photoCredit,
    language: guessed !== 'und' ? guessed : (raw.language ?? 'und'),
    text,
    paragraphs,
    removed,
    source: raw.source,
  };
}

function tidyOrNull(value: string | null): string | null {
  if (value === null) return null;
  const t = tidyParagraph(value);
  return t === '' ? null : t;
}
