// Tests for decode: each encoding marsad meets (from self-written Arabic text), BOMs, binary and empty input.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, isUtf8, scoreArabicDecoding } from './decode.js';

const ARABIC = 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الوادي، يضم مئتي سرير وقسمًا للطوارئ. وقال الوزير إن آلاف المرضى سيستفيدون منه.';
const MIXED = 'قال رئيس الوزراء (Prime Minister) إن الاجتماع سيعقد في 12 يونيو 2023 — ويحضره 40 وفدًا.';

const bytes = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

describe('decode', () => {
  const cases: Array<{ name: string; input: Uint8Array; text: string; encoding: string }> = [
    { name: 'UTF-8', input: bytes(ARABIC, 'utf-8'), text: ARABIC, encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', input: concat(Uint8Array.of(0xef, 0xbb, 0xbf), bytes(ARABIC, 'utf-8')), text: ARABIC, encoding: 'utf-8' },
    { name: 'UTF-16LE with BOM', input: concat(Uint8Array.of(0xff, 0xfe), bytes(ARABIC, 'utf-16le')), text: ARABIC, encoding: 'utf-16le' },
    { name: 'UTF-16BE with BOM', input: concat(Uint8Array.of(0xfe, 0xff), bytes(ARABIC, 'utf-16be')), text: ARABIC, encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM (Arabic)', input: bytes(ARABIC, 'utf-16le'), text: ARABIC, encoding: 'utf-16le' },
    { name: 'UTF-16BE without BOM (Arabic)', input: bytes(ARABIC, 'utf-16be'), text: ARABIC, encoding: 'utf-16be' },
    { name: 'UTF-16LE without BOM (mixed)', input: bytes(MIXED, 'utf-16le'), text: MIXED, encoding: 'utf-16le' },
    { name: 'windows-1256', input: bytes(ARABIC, 'windows-1256'), text: ARABIC, encoding: 'windows-1256' },
    { name: 'ISO-8859-6', input: bytes(ARABIC, 'iso-8859-6'), text: ARABIC, encoding: 'iso-8859-6' },
    { name: 'windows-1256 mixed with Latin', input: bytes(MIXED.replace('—', '-'), 'windows-1256'), text: MIXED.replace('—', '-'), encoding: 'windows-1256' },
  ];
  it.each(cases)('detects $name', ({ input, text, encoding }) => {
    const decoded = decode(input);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
  });

  it('follows a declared charset in HTML when the bytes are not UTF-8', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>${ARABIC}</p></body></html>`;
    const decoded = decode(bytes(html, 'windows-1256'));
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.text).toContain(ARABIC);
  });

  it('follows an XML encoding declaration', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-6"?><rss><channel><title>${ARABIC}</title></channel></rss>`;
    expect(decode(bytes(xml, 'iso-8859-6'))).toEqual({ text: xml, encoding: 'iso-8859-6' });
  });

  it('trusts valid UTF-8 over a wrong declaration', () => {
    const html = `<meta charset="windows-1256"><p>${ARABIC}</p>`;
    expect(decode(bytes(html, 'utf-8')).encoding).toBe('utf-8');
  });

  it('honours a forced encoding', () => {
    expect(decode(bytes(ARABIC, 'iso-8859-6'), { encoding: 'ISO-8859-6' })).toEqual({ text: ARABIC, encoding: 'iso-8859-6' });
  });

  it('rejects an unknown forced encoding with E_INPUT_ENCODING', () => {
    expect(() => decode(bytes(ARABIC, 'utf-8'), { encoding: 'klingon-7' })).toThrow(expect.objectContaining({ code: 'E_INPUT_ENCODING' }));
  });

  it('accepts UTF-8 cut in the middle of a character (truncated download)', () => {
    const full = bytes(ARABIC, 'utf-8');
    const decoded = decode(full.subarray(0, full.length - 1));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith(ARABIC.slice(0, 20))).toBe(true);
  });

  const empties: Array<{ name: string; input: Uint8Array }> = [
    { name: 'no bytes', input: new Uint8Array() },
    { name: 'spaces and newlines', input: bytes(' \n\t\r\n ', 'utf-8') },
    { name: 'NBSP only', input: bytes('\u00A0 \u00A0', 'utf-8') },
    { name: 'a BOM only', input: Uint8Array.of(0xef, 0xbb, 0xbf) },
  ];
  it.each(empties)('rejects $name with E_INPUT_EMPTY', ({ input }) => {
    expect(() => decode(input)).toThrow(expect.objectContaining({ code: 'E_INPUT_EMPTY' }));
  });

  const binaries: Array<{ name: string; input: Uint8Array }> = [
    { name: 'a PNG header', input: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52) },
    { name: 'gzip bytes', input: Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00) },
    { name: 'control bytes', input: Uint8Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)) },
  ];
  it.each(binaries)('rejects $name with E_INPUT_BINARY', ({ input }) => {
    expect(() => decode(input)).toThrow(expect.objectContaining({ code: 'E_INPUT_BINARY' }));
  });
});

describe('isUtf8', () => {
  it.each([
    { bytes: Uint8Array.of(0x41, 0xd8, 0xa7), expected: true },
    { bytes: Uint8Array.of(0xc0, 0x80), expected: false }, // overlong NUL
    { bytes: Uint8Array.of(0xed, 0xa0, 0x80), expected: false }, // surrogate
    { bytes: Uint8Array.of(0xc7, 0xe1), expected: false }, // «ال» in windows-1256
  ])('$bytes → $expected', ({ bytes: input, expected }) => {
    expect(isUtf8(input)).toBe(expected);
  });
});

describe('scoreArabicDecoding', () => {
  it('prefers Arabic letters over Latin-1 letters wedged into words', () => {
    expect(scoreArabicDecoding('السلام')).toBeGreaterThan(scoreArabicDecoding('اàسàم'));
  });
});
