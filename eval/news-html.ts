// news-html eval: the HTML reader over ../shared/data/news-html/*.html, scored by word-multiset overlap
// (precision/recall/F1) of title and body against the extractors' expected files beside each page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanArticle, decode, parseHtml } from '../src/ingest/index.js';

export interface NewsHtmlEvalOptions {
  dataDir: string;
  log: (line: string) => void;
}

export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
}

/** Words: runs of letters, marks and digits. «بـ"الجيش» gives «بـ» and «الجيش». */
export function words(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Multiset overlap of `found` against `expected`. */
export function overlap(found: string[], expected: string[]): Overlap {
  const counts = new Map<string, number>();
  for (const w of expected) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of found) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  const precision = found.length === 0 ? 0 : common / found.length;
  const recall = expected.length === 0 ? 0 : common / expected.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The expected title and body of a page: newspaper's .expected.txt (full body), goose3's .expected.json (a body prefix). */
function expectedFor(dir: string, stem: string): { title: string | null; body: string; prefixOnly: boolean } | null {
  const txt = join(dir, `${stem}.expected.txt`);
  if (existsSync(txt)) return { title: null, body: readFileSync(txt, 'utf8'), prefixOnly: false };
  const json = join(dir, `${stem}.expected.json`);
  if (existsSync(json)) {
    const data = JSON.parse(readFileSync(json, 'utf8')) as { expected?: { cleaned_text?: string; title?: string } };
    return { title: data.expected?.title ?? null, body: data.expected?.cleaned_text ?? '', prefixOnly: true };
  }
  return null;
}

const pct = (x: number): string => (100 * x).toFixed(1);

export async function runNewsHtmlEval({ dataDir, log }: NewsHtmlEvalOptions): Promise<void> {
  const dir = join(dataDir, 'news-html');
  if (!existsSync(dir)) {
    log(`news-html: ${dir} not found; set MARSAD_DATA. Skipping.`);
    return;
  }
  // The page's own headline, as SOURCE.md names it; neither extractor's expected file carries a title.
  const knownTitle = 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const stem = file.replace(/\.html$/u, '');
    const expected = expectedFor(dir, stem);
    if (expected === null) {
      log(`${file}: no expected file beside it; skipped`);
      continue;
    }
    const started = performance.now();
    const article = cleanArticle(parseHtml(decode(readFileSync(join(dir, file))).text, file));
    const ms = performance.now() - started;
    const expectedWords = words(expected.body);
    // goose3 keeps only the first characters of its body: score our text's same-length opening for precision.
    const ours = words(article.text);
    const found = expected.prefixOnly ? ours.slice(0, expectedWords.length) : ours;
    const body = overlap(found, expectedWords);
    const title = overlap(words(article.title ?? ''), words(expected.title ?? knownTitle));
    log(
      `${file}: body P ${pct(body.precision)} R ${pct(body.recall)} F1 ${pct(body.f1)}${expected.prefixOnly ? ' (expected is a prefix)' : ''}` +
        ` | title F1 ${pct(title.f1)} | ${ours.length} words, ${article.paragraphs.length} paragraphs, ${article.removed.length} removed, ${ms.toFixed(0)} ms`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? '../shared/data');
  await runNewsHtmlEval({ dataDir, log: (line) => process.stdout.write(`${line}\n`) });
}
