// Sentence splitting over tokens: terminators, line breaks, quotes and abbreviations, with offsets into the text.
import { isArabicMark, isLineBreak, TATWEEL } from './chars.js';
import { tokenize, type Token } from './tokenize.js';

/** A sentence: an end-exclusive span of the original text, trimmed of surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Latin abbreviations after which a full stop does not end a sentence («Mr. Smith», «Dr. Jones»).
 * Single letters (initials «J. K.», «U.S.», «e.g.») are handled by rule, not listed.
 */
export const LATIN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'gov',
  'sen',
  'rep',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'mt',
]);

/**
 * Arabic abbreviations longer than one letter (marks and tatweel stripped): «هـ.» is «ه» and is covered by
 * the single-letter rule («د. محمد», «م. أحمد», «أ. د.», «ش.م.م», «ص.ب»), so this table stays short.
 */
export const ARABIC_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'تلفون', // written «تلفون.» only in contact lines, never at a sentence end
]);

/**
 * Latin letter names written in Arabic, as in «بي.بي.سي» (BBC), «سي. إن. إن» (CNN), «بي.دبليو.سي» (PwC):
 * a full stop between two of them joins an acronym.
 */
export const LATIN_LETTER_NAMES: ReadonlySet<string> = new Set([
  'بي', 'سي', 'دي', 'إي', 'إف', 'اف', 'جي', 'إتش', 'اتش', 'آي', 'اي', 'جيه', 'كيه', 'كي', 'إل',
  'إم', 'ام', 'إن', 'ان', 'أو', 'او', 'كيو', 'آر', 'ار', 'إس', 'اس', 'تي', 'يو', 'في', 'دبليو',
  'إكس', 'اكس', 'واي', 'زد', 'زي',
]);

/** Letter names that are also words («في» in, «أو» or, «إن» that): they join an acronym only glued or dotted. */
const AMBIGUOUS_LETTER_NAMES: ReadonlySet<string> = new Set(['في', 'أو', 'او', 'إن', 'ان', 'اي', 'إي', 'زي']);

const TERMINATORS = new Set(['.', '!', '?', '؟', '…', '۔', '‼', '⁇', '⁈', '⁉']);
// Closing marks that stay with the sentence they end: «.» then » or ) — «قال: «انتهى».»
const CLOSERS = new Set(['»', '”', '"', ')', ']', '}', '’', "'", '›']);

function isTerminator(t: Token): boolean {
  return t.kind === 'punct' && TERMINATORS.has(t.text);
}

/** The letters of a word token without harakat and tatweel: «هـ» → «ه». */
function bareLetters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== TATWEEL && !isArabicMark(c)) out += text[i];
  }
  return out;
}

/** True when the gap between two tokens holds a line break. */
function gapHasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Which tokens of a line sit inside a matched quotation: « » and “ ” pair by nesting; ASCII " pairs in order
 * (first with second, third with fourth), an odd last one left unpaired, and nothing pairs across a line
 * break, so one stray mark cannot swallow the paragraph. Returns each token's quote depth; a quote mark itself
 * has the depth outside it.
 */
function quoteDepths(tokens: readonly Token[], from: number, to: number): Int32Array {
  const delta = new Int32Array(to - from + 1);
  const guillemets: number[] = [];
  const curly: number[] = [];
  const straight: number[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'punct') continue;
    const s = t.text;
    if (s === '«') guillemets.push(k);
    else if (s === '»') {
      const open = guillemets.pop();
      if (open !== undefined) {
        delta[open - from + 1]! += 1;
        delta[k - from]! -= 1;
      }
    } else if (s === '“') curly.push(k);
    else if (s === '”') {
      const open = curly.pop();
      if (open !== undefined) {
        delta[open - from + 1]! += 1;
        delta[k - from]! -= 1;
      }
    } else if (s === '"') straight.push(k);
  }
  for (let p = 0; p + 1 < straight.length; p += 2) {
    const open = straight[p] as number;
    const close = straight[p + 1] as number;
    delta[open - from + 1]! += 1;
    delta[close - from]! -= 1;
  }
  // delta → depth of each token: a token is inside when depth > 0; the closing quote itself has depth 0.
  const depth = new Int32Array(to - from);
  let d = 0;
  for (let k = 0; k < to - from; k++) {
    d += delta[k] as number;
    depth[k] = d;
  }
  return depth;
}

/** True for a one-letter word token: «د», «م», «هـ» (tatweel and harakat aside), «J». */
function isSingleLetter(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.kind === 'word') return bareLetters(t.text).length === 1;
  return t.kind === 'latin' && t.text.length === 1;
}

/** True when tokens[k] is a full stop glued to the tokens on both sides: «ش.م.م», «U.S». */
function glued(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k - 1];
  const b = tokens[k + 1];
  const dot = tokens[k] as Token;
  return a !== undefined && b !== undefined && a.end === dot.start && dot.end === b.start;
}

/** True when the full stop at `k` follows an abbreviation or initial and so does not end the sentence. */
function isAbbreviationDot(
  tokens: readonly Token[],
  k: number,
  lineStart: number,
  lineEnd: number,
  sentenceStart: number,
): boolean {
  const dot = tokens[k] as Token;
  if (k === lineStart) return false;
  const prev = tokens[k - 1] as Token;
  if (prev.end !== dot.start) return false;
  if (isSingleLetter(prev)) {
    // inside a chain of initials «ق.م.» or «ش.م.م.»: the dot between two letters never ends a sentence
    if (k + 1 < lineEnd && glued(tokens, k) && isSingleLetter(tokens[k + 1])) return true;
    // walk back to the first letter of the chain
    let first = k - 1;
    while (first - 2 >= lineStart && glued(tokens, first - 1) && (tokens[first - 1] as Token).text === '.' && isSingleLetter(tokens[first - 2]))
      first -= 2;
    // «عام 1950 م.», «1441 هـ.», «300 ق.م.»: an era after a year is a real end.
    if (prev.kind === 'word') {
      const before = first - 1 >= lineStart ? tokens[first - 1] : undefined;
      return !(before !== undefined && before.kind === 'number');
    }
    return true; // «J. K. Rowling», «U.S.», «e.g.»
  }
  if (prev.kind === 'word') {
    const bare = bareLetters(prev.text);
    if (LATIN_LETTER_NAMES.has(bare) && k + 1 < lineEnd) {
      // «بي.بي.سي», «سي. إن. إن»: the next letter name continues the acronym
      const next = tokens[k + 1] as Token;
      const nextBare = next.kind === 'word' ? bareLetters(next.text) : '';
      const nextDot = tokens[k + 2];
      const nextHasDot = nextDot !== undefined && nextDot.text === '.' && nextDot.start === next.end;
      // already inside an acronym: «سي. إن. إن» — the second «إن» closes it
      const before = tokens[k - 3];
      const inAcronym =
        k - 3 >= lineStart && (tokens[k - 2] as Token).text === '.' && before !== undefined && before.kind === 'word' &&
        LATIN_LETTER_NAMES.has(bareLetters(before.text));
      if (LATIN_LETTER_NAMES.has(nextBare) && (glued(tokens, k) || nextHasDot || inAcronym || !AMBIGUOUS_LETTER_NAMES.has(nextBare)))
        return true;
    }
    return ARABIC_ABBREVIATIONS.has(bare);
  }
  if (prev.kind === 'latin') return LATIN_ABBREVIATIONS.has(prev.text.toLowerCase());
  // «9. وثيقة تأمين»: a short number opening the sentence numbers a list item
  if (prev.kind === 'number' && prev.text.length <= 3) return k - 1 === sentenceStart;
  return false;
}

/**
 * Splits text into sentences. A sentence ends at . ! ? ؟ … (a run such as «!!؟» or «...» counts once, «..»
 * is a pause inside a headline), at every line break, and after a closing quote that ends on a terminator.
 * It does not end inside «…» or "…", after abbreviations and initials («د.», «ش.م.م», «Mr.», «U.S.»),
 * nor inside numbers («3.5») or URLs (the tokeniser keeps those whole).
 */
export function splitSentences(text: string): SentenceSpan[] {
  const tokens = tokenize(text);
  const sentences: SentenceSpan[] = [];
  const n = tokens.length;
  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = lineStart + 1;
    while (lineEnd < n && !gapHasLineBreak(text, (tokens[lineEnd - 1] as Token).end, (tokens[lineEnd] as Token).start)) lineEnd++;
    splitLine(tokens, lineStart, lineEnd, sentences);
    lineStart = lineEnd;
  }
  return sentences;
}

function splitLine(tokens: readonly Token[], from: number, to: number, out: SentenceSpan[]): void {
  const depth = quoteDepths(tokens, from, to);
  let sentenceStart = from;
  let k = from;
  while (k < to) {
    const t = tokens[k] as Token;
    if (!isTerminator(t)) {
      k++;
      continue;
    }
    // the run of adjacent terminators: «...», «!!؟»
    let runEnd = k + 1;
    let dots = t.text === '.' ? 1 : 0;
    let allDots = t.text === '.';
    while (runEnd < to && isTerminator(tokens[runEnd] as Token) && (tokens[runEnd] as Token).start === (tokens[runEnd - 1] as Token).end) {
      if ((tokens[runEnd] as Token).text === '.') dots++;
      else allDots = false;
      runEnd++;
    }
    // a terminator run that opens a sentence («... ثم عاد») belongs to what follows it
    let breaks = k !== sentenceStart;
    if (allDots && dots === 1 && isAbbreviationDot(tokens, k, from, to, sentenceStart)) breaks = false;
    if (allDots && dots === 2) breaks = false; // «لأول مرة.. دي كابريو»: a pause, not an end
    let end = runEnd;
    if (breaks && (depth[k - from] as number) > 0) {
      // Inside a quotation: only a terminator right before the closing quote ends the sentence.
      breaks = false;
      if (end < to) {
        const next = tokens[end] as Token;
        const closes = CLOSERS.has(next.text) && (depth[end - from] as number) < (depth[k - from] as number);
        if (closes && (depth[end - from] as number) === 0) {
          breaks = true;
          end++;
        }
      }
    }
    if (breaks) {
      // keep closing quotes and brackets, and terminators after them, with the sentence: «انتهى».»
      while (end < to) {
        const next = tokens[end] as Token;
        if (next.start !== (tokens[end - 1] as Token).end) break;
        if (CLOSERS.has(next.text) && (next.text !== '"' || (depth[end - from] as number) === 0)) end++;
        else if (isTerminator(next)) end++;
        else break;
      }
      out.push({ start: (tokens[sentenceStart] as Token).start, end: (tokens[end - 1] as Token).end });
      sentenceStart = end;
    }
    k = end;
  }
  if (sentenceStart < to) out.push({ start: (tokens[sentenceStart] as Token).start, end: (tokens[to - 1] as Token).end });
}
