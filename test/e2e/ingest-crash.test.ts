// Issue 6 acceptance: kill -9 the ingest at a random point, run it again, and nothing is lost or stored twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'marsad-crash-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Hand-written sentence parts, combined into distinct short articles (fictional events).
const CITIES = ['جدة', 'أبها', 'الرياض', 'الدمام', 'مكة', 'تبوك', 'حائل', 'نجران', 'جازان', 'الطائف'];
const SUBJECTS = ['افتتاح مدرسة جديدة', 'انقطاع الكهرباء', 'حملة تطعيم للأطفال', 'مهرجان للتمور', 'أمطار غزيرة', 'معرض للكتاب', 'سباق للهجن', 'مؤتمر للطاقة', 'توسعة الطريق الدائري', 'إغلاق سوق شعبي'];
const PEOPLE = ['محافظ المنطقة', 'أمين البلدية', 'مدير الشرطة', 'وزير التعليم', 'رئيس الغرفة التجارية'];

function articles(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const city = CITIES[i % CITIES.length]!;
    const subject = SUBJECTS[Math.floor(i / CITIES.length) % SUBJECTS.length]!;
    const person = PEOPLE[i % PEOPLE.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const text = [
      `شهدت مدينة ${city} يوم ${i + 1} من الشهر ${subject} بحضور ${person}.`,
      `وقال ${person} إن عدد المستفيدين بلغ ${100 + i * 7} شخصا وإن العمل سيستمر ${2 + (i % 9)} أيام.`,
      `وأضاف أن الجهات المختصة في ${city} ستعلن التفاصيل في بيان رسمي رقم ${5000 + i}.`,
    ].join('\n');
    lines.push(JSON.stringify({ id: `c${i}`, outlet: i % 2 ? 'صحيفة الاختبار' : 'وكالة الاختبار', url: `https://example.test/${i}`, date: `2024-05-${day}`, title: `${subject} في ${city}`, text }));
  }
  // One bad record: it must end up in failures, not vanish.
  lines.splice(37, 0, '{"title": "سجل بلا نص"}');
  return lines.join('\n') + '\n';
}

/** Runs `marsad ingest`; with `kill`, sends SIGKILL `afterMs` after `articles` articles are committed. */
function runIngest(file: string, db: string, kill?: { articles: number; afterMs: number }): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/e2e/run-cli.ts'), 'ingest', file, '--db', db, '--workers', '1'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let timer: NodeJS.Timeout | null = null;
    if (kill !== undefined) {
      // Start-up (tsx, models) takes seconds on a busy machine: watch the commits, not the clock.
      const poll = setInterval(() => {
        if (storedCount(db) >= kill.articles) {
          clearInterval(poll);
          timer = setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
        }
      }, 10);
      child.on('exit', () => clearInterval(poll));
    }
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, stderr });
    });
  });
}

function storedCount(dbPath: string): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return Number(db.prepare('SELECT count(*) FROM articles').pluck().get());
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

type Snapshot = { articles: string[]; sources: number; failures: string[]; fts: number; analyses: number; storyTotal: number; unassigned: number; dupes: string[] };

function snapshot(dbPath: string): Snapshot {
  const db = new Database(dbPath, { readonly: true });
  try {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const one = (sql: string) => Number(db.prepare(sql).pluck().get());
    return {
      articles: all<{ id: string }>('SELECT id FROM articles ORDER BY id').map((r) => r.id),
      sources: one('SELECT count(*) FROM article_sources'),
      failures: all<{ source: string }>('SELECT source FROM failures ORDER BY source').map((r) => r.source.replace(/^.*#/u, '#')),
      fts: one('SELECT count(*) FROM article_fts_docsize'),
      analyses: one('SELECT count(*) FROM analyses'),
      storyTotal: one('SELECT coalesce(sum(article_count), 0) FROM stories'),
      unassigned: one('SELECT count(*) FROM articles WHERE story_id IS NULL'),
      dupes: all<{ id: string; duplicate_of: string | null }>('SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL ORDER BY id').map((r) => `${r.id}>${r.duplicate_of}`),
    };
  } finally {
    db.close();
  }
}

describe('ingest survives kill -9', () => {
  it('resumes after SIGKILL at a random point with nothing lost or duplicated', { timeout: 120_000 }, async () => {
    const n = 200;
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, articles(n));

    const reference = join(dir, 'reference.sqlite');
    const clean = await runIngest(file, reference);
    expect(clean.code, clean.stderr).toBe(1); // one bad record: exit 1, everything else stored
    const expected = snapshot(reference);
    expect(expected.sources).toBe(n);
    expect(expected.failures).toEqual(['#L38']);

    const crashed = join(dir, 'crashed.sqlite');
    // The kill lands at a random point: after a random number of commits, a random moment later.
    const killAt = { articles: 1 + Math.floor(Math.random() * n * 0.5), afterMs: Math.floor(Math.random() * 200) };
    const killed = await runIngest(file, crashed, killAt);
    expect(killed.signal, 'the ingest finished before the kill; raise n').toBe('SIGKILL');
    const partial = snapshot(crashed);
    const resumed = await runIngest(file, crashed);
    expect(resumed.code, resumed.stderr).toBe(partial.failures.length > 0 ? 0 : 1);
    const after = snapshot(crashed);

    // Every record handled exactly once; the same articles, duplicates and failures as an uninterrupted run.
    expect(after.articles, `killed ${killAt.afterMs} ms after ${killAt.articles} articles, with ${partial.articles.length} stored`).toEqual(expected.articles);
    expect(after.sources).toBe(n);
    expect(after.failures).toEqual(expected.failures);
    expect(after.dupes).toEqual(expected.dupes);
    // Consistent rows: one FTS row and one analysis per article, every article in exactly one story.
    expect([after.fts, after.analyses, after.storyTotal, after.unassigned]).toEqual([after.articles.length, after.articles.length, after.articles.length, 0]);
  });
});
