// Where the seed article is: ../shared/seeds beside the data folder, or MARSAD_SEEDS. Read at run time, never copied.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_FILE = '000_d756f70e890e7ef2.txt';

/** The seed's path, or null after logging why the suite is skipped. */
export function locateSeed(dataDir: string, suite: string, log: (line: string) => void): string | null {
  const seedsDir = process.env.MARSAD_SEEDS ?? join(dataDir, '..', 'seeds');
  const seedPath = join(seedsDir, SEED_FILE);
  if (existsSync(seedPath)) return seedPath;
  log(`${suite}: ${seedPath} not found (set MARSAD_SEEDS); skipped. Seeds present: ${existsSync(seedsDir) ? readdirSync(seedsDir).join(', ') : 'none'}`);
  return null;
}

/** Named pass/fail checks of an acceptance suite: each logged as it runs; `finish` sums up and fails the suite. */
export function createChecklist(suite: string, log: (line: string) => void) {
  let passed = 0;
  let failed = 0;
  return {
    check(ok: boolean, what: string): void {
      if (ok) passed++;
      else failed++;
      log(`  ${ok ? 'PASS' : 'FAIL'} ${what}`);
    },
    finish(): void {
      log(`${suite}: ${passed} passed, ${failed} failed`);
      if (failed > 0) throw new Error(`${suite}: ${failed} acceptance checks failed`);
    },
  };
}
