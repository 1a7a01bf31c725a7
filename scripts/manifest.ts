// Regenerates resources/MANIFEST («sha256  path» per shipped resource file); `--check` fails when it is stale.
//
// Run: npx tsx scripts/manifest.ts [--check]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESOURCES = join(ROOT, 'resources');
const MANIFEST = join(RESOURCES, 'MANIFEST');

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && path !== MANIFEST) yield path;
  }
}

/** The manifest text: one «sha256  path» line per file, paths relative to the repository root, sorted. */
export function createManifest(): string {
  const lines = [...files(RESOURCES)]
    .map((path) => relative(ROOT, path).split(sep).join('/'))
    .sort()
    .map((path) => `${createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex')}  ${path}`);
  return `${lines.join('\n')}\n`;
}

const text = createManifest();
if (process.argv.includes('--check')) {
  const current = existsSync(MANIFEST) ? readFileSync(MANIFEST, 'utf8') : '';
  if (current !== text) {
    process.stderr.write('resources/MANIFEST is stale: run npx tsx scripts/manifest.ts\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(MANIFEST, text);
  process.stderr.write(`wrote ${text.split('\n').length - 1} entries to resources/MANIFEST\n`);
}
