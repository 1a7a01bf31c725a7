// TSV helpers for the knowledge-base build: reading data rows past `#` headers, writing with a header.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The text of a file, gunzipped when its name ends in .gz. */
export function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Data rows of a TSV (header lines starting with `#` and blank lines skipped), split on tabs. */
export function parseTsvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push(line.split('\t'));
  }
  return rows;
}

/** Writes a TSV with `# ` header lines, then rows (tabs and newlines inside cells replaced by spaces). */
export function writeTsv(path: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): void {
  const clean = (cell: string | number) => String(cell).replace(/[\t\r\n]+/gu, ' ');
  const lines = header.map((h) => `# ${h}`);
  for (const row of rows) lines.push(row.map(clean).join('\t'));
  writeFileSync(path, lines.join('\n') + '\n');
}
