import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
const times = new Map<string, number>();
const origPrepare = (Database.prototype as any).prepare;
(Database.prototype as any).prepare = function (sql: string) {
  const stmt = origPrepare.call(this, sql);
  for (const m of ['run', 'get', 'all']) {
    const f = stmt[m].bind(stmt);
    stmt[m] = (...a: unknown[]) => { const t = performance.now(); try { return f(...a); } finally { times.set(sql.slice(0, 60), (times.get(sql.slice(0, 60)) ?? 0) + performance.now() - t); } };
  }
  return stmt;
};
const { openStore } = await import('./src/store/index.js');
const { createAnalysisPool } = await import('./src/store/ingest-workers.js');
const { readText } = await import('./src/ingest/index.js');
const text = readFileSync('/tmp/I-snn1000.jsonl', 'utf8').split('\n').slice(0, 300).join('\n');
const results = readText(text, 'jsonl', 'x.jsonl');
const pool = await createAnalysisPool({ resourcesDir: 'resources', workers: 0 });
const analysed = [];
for (const r of results) if (r.ok) analysed.push({ ...(await pool.analyze(r.article)), source: r.source });
const store = openStore('/tmp/I-prof.sqlite', { resourcesDir: 'resources' });
const t = performance.now();
for (let i = 0; i < analysed.length; i += 32) store.putArticles(analysed.slice(i, i + 32).map((a) => ({ analysis: a.analysis, source: a.source, signature: a.signature })), store.beginRun([]));
const tp = performance.now() - t;
console.log(`put ${(tp / analysed.length).toFixed(2)} ms/article`);
console.log([...times].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${(v / analysed.length).toFixed(3)} ${k}`).join('\n'));
store.close();
