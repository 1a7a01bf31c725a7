// Bytes to text: detects the encoding (BOM, UTF-16 byte pattern, UTF-8 validity, declared charset,
// windows-1256 vs ISO-8859-6 by scoring) and never assumes one.
import iconv from 'iconv-lite';
import { MarsadError } from '../model/errors.js';
import { isArabicLetter } from '../arabic/chars.js';

export interface Decoded {
  text: string;
  /** The encoding used, lower-case WHATWG-style label: utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6, … */
  encoding: string;
}

export interface DecodeOptions {
  /** Forces an encoding (any label iconv-lite knows); detection is skipped. */
  encoding?: string;
}

/** How many bytes the statistical checks look at: enough for a verdict, cheap on big files. */
const SAMPLE_BYTES = 64 * 1024;

/** Decodes `bytes`, detecting the encoding unless `options.encoding` is given. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw emptyError();
  const result = options.encoding !== undefined ? decodeForced(bytes, options.encoding) : detectAndDecode(bytes);
  if (result.text.trim() === '' || /^[\s\u00A0\uFEFF]*$/u.test(result.text)) throw emptyError();
  return result;
}

function emptyError(): MarsadError {
  return new MarsadError('E_INPUT_EMPTY', 'Expected text, found an empty input (or only whitespace). Check the file is the one you meant.');
}

function decodeForced(bytes: Uint8Array, label: string): Decoded {
  const encoding = canonicalLabel(label);
  if (encoding === null) {
    throw new MarsadError('E_INPUT_ENCODING', `Expected a known encoding, found "${label}". Use e.g. utf-8, windows-1256, iso-8859-6, utf-16le.`);
  }
  return { text: stripBom(iconv.decode(Buffer.from(bytes), encoding)), encoding };
}

/** Maps a charset label to the name we report, or null when iconv-lite cannot decode it. */
export function canonicalLabel(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/gu, '');
  const aliases: Record<string, string> = {
    utf8: 'utf-8', 'utf-8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
    'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', utf16le: 'utf-16le', utf16be: 'utf-16be',
    cp1256: 'windows-1256', 'windows-1256': 'windows-1256', 'x-cp1256': 'windows-1256', 'ms-arab': 'windows-1256',
    'iso-8859-6': 'iso-8859-6', iso88596: 'iso-8859-6', 'iso_8859-6': 'iso-8859-6', 'iso-ir-127': 'iso-8859-6',
    arabic: 'iso-8859-6', 'asmo-708': 'iso-8859-6', 'ecma-114': 'iso-8859-6', 'iso-8859-6-i': 'iso-8859-6', 'iso-8859-6-e': 'iso-8859-6',
    'us-ascii': 'utf-8', ascii: 'utf-8',
  };
  const known = aliases[l];
  if (known !== undefined) return known;
  return iconv.encodingExists(l) ? l : null;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function detectAndDecode(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // 1. A byte-order mark is the strongest evidence there is.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8Lenient(buf.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  // 2. UTF-16 without BOM: one byte of each pair lives in a tiny set (0x00 for ASCII, 0x06 for Arabic).
  const utf16 = detectUtf16(bytes);
  if (utf16 !== null) return { text: stripBom(iconv.decode(buf, utf16)), encoding: utf16 };

  // 3. Binary: NUL bytes outside a UTF-16 pattern, or many control bytes.
  if (looksBinary(bytes)) {
    throw new MarsadError('E_INPUT_BINARY', 'Expected text, found binary data (NUL or control bytes). Is this an image, archive or compressed file?');
  }

  // 4. Valid UTF-8 (a multi-byte character cut at the very end is tolerated: truncated downloads).
  if (isUtf8(bytes)) return { text: decodeUtf8Lenient(buf), encoding: 'utf-8' };

  // 5. A charset the document declares about itself (HTML meta, XML declaration).
  const declared = declaredCharset(bytes);
  if (declared !== null && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    return { text: iconv.decode(buf, declared), encoding: declared };
  }

  // 6. windows-1256 vs ISO-8859-6: decode both and keep the one that reads more like Arabic.
  const sample = buf.subarray(0, SAMPLE_BYTES);
  const scored = (['windows-1256', 'iso-8859-6'] as const).map((encoding) => ({ encoding, score: scoreArabicDecoding(iconv.decode(sample, encoding)) }));
  const best = scored[0]!.score >= scored[1]!.score ? scored[0]! : scored[1]!;
  return { text: iconv.decode(buf, best.encoding), encoding: best.encoding };
}

function decodeUtf8Lenient(buf: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(buf);
}

/** True when `bytes` is valid UTF-8, allowing an incomplete sequence in the last three bytes. */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    if (i + need >= n) {
      // Truncated at the end of the input: accept if what is there is well-formed so far.
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * Detects BOM-less UTF-16 from the byte at each parity: in UTF-16LE Arabic text the odd bytes are
 * nearly all 0x06 (U+06xx), 0x00 (ASCII, spaces, digits) or 0x20 (dashes, quotes U+20xx), while the
 * even bytes vary. Returns null when neither parity shows the pattern.
 */
function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  const highByte = (b: number): boolean => b === 0x00 || b === 0x06 || b === 0x20 || b === 0xfe || b === 0xfb || b === 0xfd;
  let evenHigh = 0;
  let oddHigh = 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    const e = bytes[i]!;
    const o = bytes[i + 1]!;
    if (highByte(e)) evenHigh++;
    if (highByte(o)) oddHigh++;
    if (e === 0) evenNul++;
    if (o === 0) oddNul++;
  }
  const pairs = n / 2;
  // A NUL in each parity means UTF-16 text would hold U+0000 characters: not text at all.
  const verdict = (hi: number, lo: number, loNul: number): boolean => hi / pairs >= 0.95 && lo / pairs < 0.5 && loNul / pairs < 0.01;
  const le = verdict(oddHigh, evenHigh, evenNul);
  const be = verdict(evenHigh, oddHigh, oddNul);
  // UTF-8 or legacy text has no NULs; require at least one, or a dominant 0x06, so ASCII-only UTF-8 is not taken.
  if (le && !be && (oddNul > 0 || countByte(bytes, n, 1, 0x06) / pairs > 0.3)) return 'utf-16le';
  if (be && !le && (evenNul > 0 || countByte(bytes, n, 0, 0x06) / pairs > 0.3)) return 'utf-16be';
  return null;
}

function countByte(bytes: Uint8Array, n: number, parity: number, value: number): number {
  let c = 0;
  for (let i = parity; i < n; i += 2) if (bytes[i] === value) c++;
  return c;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC-free text: anything else below 0x20 (and DEL) is a control byte.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control / n > 0.05;
}

/** The charset an HTML or XML document declares in its first 4 KiB, if iconv-lite knows it. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const patterns = [
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/iu,
    /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/iu,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(head);
    if (m?.[1] !== undefined) {
      const label = canonicalLabel(m[1]);
      if (label !== null) return label;
    }
  }
  return null;
}

/**
 * Scores a decoding of legacy bytes: Arabic letters count for it; U+FFFD (a byte the encoding leaves
 * unassigned), C1 controls and Latin-1 letters wedged between Arabic letters count against it.
 * ISO-8859-6 bytes read as windows-1256 give «à», «ç», «è» inside words (0xE0 ـ → à); windows-1256
 * bytes read as ISO-8859-6 give U+FFFD for ك (0xDF) and ي (0xED).
 */
export function scoreArabicDecoding(text: string): number {
  let score = 0;
  let prevArabic = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isArabicLetter(cp)) {
      score += 1;
      prevArabic = true;
      continue;
    }
    if (cp === 0xfffd || (cp >= 0x80 && cp <= 0x9f)) score -= 3;
    else if (cp >= 0xc0 && cp <= 0x17f && prevArabic) score -= 2;
    else if (cp >= 0xc0 && cp <= 0x17f) score -= 0.5;
    prevArabic = false;
  }
  return score;
}
