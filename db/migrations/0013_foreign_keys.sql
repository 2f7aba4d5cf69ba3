-- 0013: declared foreign keys, so Datasette and sqlite-utils see how the tables refer to each
-- other (Datasette shows the focus term's label beside resource_focus.focus_id, and so on).
-- SQLite cannot add a constraint to a table, so each table gains its FOREIGN KEY by the
-- 12-step rebuild (sqlite.org/lang_altertable.html): new table, copy, drop, rename, indexes.
-- The runner turns foreign_keys off for the upgrade and runs PRAGMA foreign_key_check before
-- it commits (store/migrations.py).
--
-- Declared only where the reference always holds. The user's own rows (list items, check-ups,
-- outbox proposals) and the sync map keep naming resources by their text id WITHOUT a foreign
-- key, on purpose: they outlive a resource a dataset update removes, and may name resources
-- of another copy (a shared list, merged check-ups) — an enforced key would refuse or delete
-- them. Local edits do get one: an edit exists only for a resource that is here (deleting a
-- resource of one's own deletes its edits first; a dataset update keeps an edited resource).
-- An edit of a resource that is already gone is kept in orphaned_local_edits, never deleted.

-- focus_terms: a term's parent is a term. Deferred, because the vocabulary is rewritten in one
-- transaction (store/vocabulary_table.py) in an order where a child may come first.
CREATE TABLE focus_terms_new (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    grp         TEXT NOT NULL,
    parent      TEXT REFERENCES focus_terms (id) DEFERRABLE INITIALLY DEFERRED,
    synonyms    TEXT NOT NULL DEFAULT '[]',
    explanation TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO focus_terms_new (id, label, grp, parent, synonyms, explanation, position)
SELECT id, label, grp,
       CASE WHEN parent IN (SELECT id FROM focus_terms) THEN parent END,
       synonyms, explanation, position
FROM focus_terms;
DROP TABLE focus_terms;
ALTER TABLE focus_terms_new RENAME TO focus_terms;

-- resource_focus: derived from resources.focus by the app, so a row for a term the vocabulary
-- no longer has is stale index, dropped (the resource's own focus list is untouched).
CREATE TABLE resource_focus_new (
    focus_id    TEXT NOT NULL REFERENCES focus_terms (id) DEFERRABLE INITIALLY DEFERRED,
    resource_pk INTEGER NOT NULL REFERENCES resources (pk) ON DELETE CASCADE,
    direct      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (focus_id, resource_pk)
) WITHOUT ROWID;
INSERT INTO resource_focus_new (focus_id, resource_pk, direct)
SELECT focus_id, resource_pk, direct FROM resource_focus
WHERE focus_id IN (SELECT id FROM focus_terms) AND resource_pk IN (SELECT pk FROM resources);
DROP TABLE resource_focus;
ALTER TABLE resource_focus_new RENAME TO resource_focus;
CREATE INDEX resource_focus_resource ON resource_focus (resource_pk);

-- local_edits: each edit belongs to a resource here. No ON DELETE action: a delete that would
-- leave an edit behind fails instead of losing the user's value silently.
CREATE TABLE orphaned_local_edits (
    resource_id   TEXT NOT NULL,
    field         TEXT NOT NULL,
    value         TEXT NOT NULL,
    curated_value TEXT,
    edited_at     TEXT NOT NULL,
    PRIMARY KEY (resource_id, field)
);
INSERT INTO orphaned_local_edits (resource_id, field, value, curated_value, edited_at)
SELECT resource_id, field, value, curated_value, edited_at FROM local_edits
WHERE resource_id NOT IN (SELECT id FROM resources);

CREATE TABLE local_edits_new (
    resource_id   TEXT NOT NULL REFERENCES resources (id),
    field         TEXT NOT NULL,
    value         TEXT NOT NULL,            -- JSON of the local value
    curated_value TEXT,                     -- JSON of the newest curated value, if any
    edited_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (resource_id, field)
);
INSERT INTO local_edits_new (resource_id, field, value, curated_value, edited_at)
SELECT resource_id, field, value, curated_value, edited_at FROM local_edits
WHERE resource_id IN (SELECT id FROM resources);
DROP TABLE local_edits;
ALTER TABLE local_edits_new RENAME TO local_edits;

-- The gazetteer: regions and places are in a country. Loaded whole from resources/gazetteer;
-- should a place name a country the table lacks, the gazetteer is loaded again on next start.
DELETE FROM metadata WHERE key = 'gazetteer_sha256' AND (
    EXISTS (SELECT 1 FROM places WHERE country_code NOT IN (SELECT code FROM countries))
    OR EXISTS (SELECT 1 FROM regions WHERE country_code NOT IN (SELECT code FROM countries))
);

CREATE TABLE regions_new (
    country_code TEXT NOT NULL REFERENCES countries (code),
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (country_code, code)
);
INSERT INTO regions_new (country_code, code, name)
SELECT country_code, code, name FROM regions WHERE country_code IN (SELECT code FROM countries);
DROP TABLE regions;
ALTER TABLE regions_new RENAME TO regions;

CREATE TABLE places_new (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,         -- city | postal
    name         TEXT NOT NULL,
    search_name  TEXT NOT NULL,         -- ASCII, lower case, single spaces: what lookups compare
    region_code  TEXT NOT NULL DEFAULT '',
    region_name  TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL REFERENCES countries (code),
    postal_code  TEXT NOT NULL DEFAULT '',
    latitude     REAL NOT NULL,
    longitude    REAL NOT NULL,
    population   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO places_new (id, kind, name, search_name, region_code, region_name, country_code,
                        postal_code, latitude, longitude, population)
SELECT id, kind, name, search_name, region_code, region_name, country_code,
       postal_code, latitude, longitude, population
FROM places WHERE country_code IN (SELECT code FROM countries);
DROP TABLE places;
ALTER TABLE places_new RENAME TO places;
CREATE INDEX places_search_name ON places (search_name, population DESC);
CREATE INDEX places_postal ON places (postal_code) WHERE postal_code <> '';
