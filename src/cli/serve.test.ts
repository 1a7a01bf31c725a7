// `marsad serve` and `marsad demo` in process: the server starts on a free port, answers /api/health, and closes.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from './main.js';
import { testJsonl } from '../store/test-articles.js';

/** Runs a command; `whileRunning` gets each stderr line until it returns true, then the command is stopped. */
async function run(args: string[], whileRunning?: (stderr: string) => Promise<boolean>): Promise<{ code: number; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const controller = new AbortController();
  let err = '';
  let watching = Promise.resolve();
  stdout.resume();
  stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
    if (whileRunning) {
      const seen = err;
      watching = watching.then(async () => {
        if (!controller.signal.aborted && (await whileRunning(seen))) controller.abort();
      });
    }
  });
  const code = await main(args, { stdin: Readable.from([]) as Io['stdin'], stdout, stderr, signal: controller.signal });
  await watching;
  return { code, stderr: err };
}

let dir: string;
let input: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-serve-'));
  input = join(dir, 'news.jsonl');
  writeFileSync(input, testJsonl());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('marsad demo and marsad serve', () => {
  it('demo --no-serve ingests the input into a new database, and reuses it when up to date', async () => {
    const db = join(dir, 'sub', 'demo.sqlite');
    const first = await run(['demo', '--db', db, '--input', input, '--no-serve', '--workers', '0']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/ingested\s+6/u);
    expect(existsSync(db)).toBe(true);
    const second = await run(['demo', '--db', db, '--input', input, '--no-serve', '--workers', '0']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('is up to date');
  });

  it('serve listens on a free port, answers /api/health read-only, and stops cleanly', async () => {
    const db = join(dir, 'sub', 'demo.sqlite');
    let health: unknown = null;
    const result = await run(['serve', '--db', db, '--port', '0'], async (stderr) => {
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(stderr);
      if (!match) return false;
      health = await (await fetch(`${match[1]}api/health`)).json();
      return true;
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('marsad: stopping');
    expect(health).toMatchObject({ ok: true, readOnly: true, stats: { articles: 6 } });
  });

  it('refuses a bad port, a short token and a missing database as errors', async () => {
    expect((await run(['serve', '--port', '99999'])).code).toBe(2);
    expect((await run(['serve', '--port', 'http'])).code).toBe(2);
    expect((await run(['serve', '--db', join(dir, 'x.sqlite'), '--token', 'short'])).code).toBe(2);
    const missing = await run(['serve', '--db', join(dir, 'missing.sqlite'), '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('E_STORE');
  });
});
