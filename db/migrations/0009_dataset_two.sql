-- 0009: dataset 2 — a Spanish description, where a resource serves people, what its main phone
-- is for and its further phones, the evidence behind each group of facts (sources and the dates
-- they show; see cbh_directory/domain/evidence.py), and what became of a closed or merged one.
-- The full-text index gains the Spanish description and is declared with content="resources"
-- so that sqlite-utils' detect_fts() and Datasette's ?_search= find it.

ALTER TABLE resources ADD COLUMN description_es TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN serves         TEXT NOT NULL DEFAULT '[]';  -- JSON: "world", "US", "US-OH"
ALTER TABLE resources ADD COLUMN phone_note     TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN other_phones   TEXT NOT NULL DEFAULT '[]';  -- JSON objects
ALTER TABLE resources ADD COLUMN evidence       TEXT NOT NULL DEFAULT '{}';  -- JSON object of lists
ALTER TABLE resources ADD COLUMN status_note    TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN successor      TEXT NOT NULL DEFAULT '';

DROP TRIGGER resources_fts_insert;
DROP TRIGGER resources_fts_delete;
DROP TRIGGER resources_fts_update;
DROP TABLE resources_fts;

CREATE VIRTUAL TABLE resources_fts USING fts5 (
    name, alternate_names, description, search_focus, search_place, tags, description_es,
    content="resources", content_rowid="pk",
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER resources_fts_insert AFTER INSERT ON resources BEGIN
    INSERT INTO resources_fts (rowid, name, alternate_names, description, search_focus, search_place, tags, description_es)
    VALUES (new.pk, new.name, new.alternate_names, new.description, new.search_focus, new.search_place, new.tags, new.description_es);
END;

CREATE TRIGGER resources_fts_delete AFTER DELETE ON resources BEGIN
    INSERT INTO resources_fts (resources_fts, rowid, name, alternate_names, description, search_focus, search_place, tags, description_es)
    VALUES ('delete', old.pk, old.name, old.alternate_names, old.description, old.search_focus, old.search_place, old.tags, old.description_es);
END;

CREATE TRIGGER resources_fts_update
AFTER UPDATE OF name, alternate_names, description, search_focus, search_place, tags, description_es ON resources BEGIN
    INSERT INTO resources_fts (resources_fts, rowid, name, alternate_names, description, search_focus, search_place, tags, description_es)
    VALUES ('delete', old.pk, old.name, old.alternate_names, old.description, old.search_focus, old.search_place, old.tags, old.description_es);
    INSERT INTO resources_fts (rowid, name, alternate_names, description, search_focus, search_place, tags, description_es)
    VALUES (new.pk, new.name, new.alternate_names, new.description, new.search_focus, new.search_place, new.tags, new.description_es);
END;

INSERT INTO resources_fts (resources_fts) VALUES ('rebuild');
