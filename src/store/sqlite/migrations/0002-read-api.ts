// Migration 2: what the HTTP API reads without parsing whole analyses — each event's day, JSON and linked actors and
// recipients, each quote's JSON, and the indexes behind entity pages, duplicate lists and event filters. Databases
// written before it are backfilled from the stored analysis JSON, so an old corpus keeps working after the upgrade.
export const sql = `
-- The event's own day: its resolved date when that names a day («أمس» → the day before publication), else the
-- article's day. Timelines, maps and the from/to filters of events count by it.
ALTER TABLE events ADD COLUMN day TEXT;
-- The event object as in the Analysis (actors, recipients, size, evidence), for event lists.
-- The event and quote objects as in the Analysis (actors, recipients, size, offsets, relays), for event lists and
-- entity pages, less the texts the article already holds (evidence, quote content): small rows, a small file.
ALTER TABLE events ADD COLUMN json TEXT;
ALTER TABLE quotes ADD COLUMN json TEXT;

-- Linked actors and recipients of events, for the actor filter.
CREATE TABLE event_entities (
  entity_id TEXT NOT NULL,
  role TEXT NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  PRIMARY KEY (entity_id, role, article_rowid, idx)
) WITHOUT ROWID;

UPDATE events SET json = json_remove(b.value, '$.evidence.text'),
  day = CASE WHEN json_extract(b.value, '$.date') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
        THEN substr(json_extract(b.value, '$.date'), 1, 10) ELSE b.day END
FROM (
  SELECT n.article_rowid AS r, CAST(ev.key AS INTEGER) AS i, ev.value AS value, a.day AS day
  FROM analyses n JOIN articles a ON a.rowid = n.article_rowid, json_each(n.json, '$.events') ev
) AS b
WHERE events.article_rowid = b.r AND events.idx = b.i;

INSERT OR IGNORE INTO event_entities (entity_id, role, article_rowid, idx)
SELECT json_extract(ref.value, '$.entity'), 'actor', n.article_rowid, CAST(ev.key AS INTEGER)
FROM analyses n, json_each(n.json, '$.events') ev, json_each(ev.value, '$.actor') ref
WHERE json_extract(ref.value, '$.entity') IS NOT NULL;
INSERT OR IGNORE INTO event_entities (entity_id, role, article_rowid, idx)
SELECT json_extract(ref.value, '$.entity'), 'recipient', n.article_rowid, CAST(ev.key AS INTEGER)
FROM analyses n, json_each(n.json, '$.events') ev, json_each(ev.value, '$.recipient') ref
WHERE json_extract(ref.value, '$.entity') IS NOT NULL;

UPDATE quotes SET json = json_remove(b.value, '$.content.text', '$.evidence')
FROM (SELECT n.article_rowid AS r, CAST(q.key AS INTEGER) AS i, q.value AS value FROM analyses n, json_each(n.json, '$.quotes') q) AS b
WHERE quotes.article_rowid = b.r AND quotes.idx = b.i;

CREATE INDEX events_day ON events(day, type);
CREATE INDEX quotes_speaker ON quotes(speaker_entity) WHERE speaker_entity IS NOT NULL;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX entities_count ON entities(article_count);
CREATE INDEX entities_type_count ON entities(type, article_count);
`;
