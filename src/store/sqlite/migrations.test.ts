// Migration 2 on a database written before it: the event and quote columns and tables are backfilled from the
// stored analyses, so an old corpus answers the read API exactly as a freshly ingested one does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMarsadError } from '../../model/errors.js';
import { defaultResourcesDir } from '../../engine/resources.js';
import { createAnalysisPool, ingestPaths, openStore, upgradeSqliteStore, MIGRATIONS, type Store } from '../index.js';
import { testJsonl } from '../test-articles.js';

const resourcesDir = defaultResourcesDir();
let dir: string;

/** What the read API shows of a store, for comparing before and after a migration. */
function readView(store: Store) {
  const entities = store.entities({ limit: 100 }).items.map((e) => e.id);
  return {
    events: store.events({ limit: 200 }),
    places: store.eventPlaces(),
    timeline: store.timeline(),
    actors: store.events({ filters: { actor: ['iso:PK', 'marsad:per/mbs'] } }).total,
    entities: entities.map((id) => store.entity(id)),
  };
}

/** Column names of every table, and index names: the shape of a schema. */
function schemaShape(db: Database.Database) {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return {
    columns: Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT name FROM pragma_table_info('${name}')`).pluck().all()])),
    indexes: db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(),
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 2 (read API)', () => {
  it('backfills a database written at schema 1 to the same answers as a fresh ingest', async () => {
    const path = join(dir, 'old.sqlite');
    writeFileSync(join(dir, 'news.jsonl'), testJsonl());
    const pool = await createAnalysisPool({ resourcesDir, workers: 0 });
    const store = openStore(path, { resourcesDir });
    await ingestPaths(store, [join(dir, 'news.jsonl')], { resourcesDir, pool });
    await pool.close();
    const fresh = readView(store);
    store.close();
    expect(fresh.events.total).toBeGreaterThan(5);
    expect(fresh.actors).toBeGreaterThan(0);

    // Take the database back to schema 1 exactly, as an earlier marsad left it.
    const db = new Database(path);
    db.exec(`DROP INDEX events_day; DROP INDEX quotes_speaker; DROP INDEX articles_duplicate_of; DROP INDEX articles_published;
      DROP INDEX entities_count; DROP INDEX entities_type_count; DROP TABLE event_entities;
      ALTER TABLE events DROP COLUMN day; ALTER TABLE events DROP COLUMN json; ALTER TABLE quotes DROP COLUMN json;`);
    db.pragma('user_version = 1');
    const v1 = new Database(':memory:');
    v1.exec(MIGRATIONS[0]!.sql);
    expect(schemaShape(db)).toEqual(schemaShape(v1));
    db.close();
    v1.close();

    // Read-only opening says how to migrate; upgradeSqliteStore does it once.
    let refused: unknown = null;
    try {
      openStore(path, { resourcesDir, readonly: true });
    } catch (error) {
      refused = error;
    }
    expect(isMarsadError(refused) && refused.code === 'E_STORE').toBe(true);
    expect(upgradeSqliteStore(path)).toEqual({ from: 1, to: MIGRATIONS.length });
    expect(upgradeSqliteStore(path)).toBeNull();
    const migrated = openStore(path, { resourcesDir, readonly: true });
    expect(readView(migrated)).toEqual(fresh);
    migrated.close();
  });
});
