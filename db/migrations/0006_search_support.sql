-- 0006: support for the in-memory search index (cbh_directory/store/index.py).
-- A tag that changes, to a new random value, whenever a resource does, so a saved index can be
-- reused safely (random, not a counter: a restored backup edited as often as the file it
-- replaced must not look like it),
-- and an index that answers "active, not verified since ..." without reading every row;
-- single-column filter indexes go.

CREATE INDEX resources_status_verified ON resources (status, last_verified);

-- Filters and facets now run on the in-memory index, so these only slowed every insert.
DROP INDEX IF EXISTS resources_kind;
DROP INDEX IF EXISTS resources_moderation;
DROP INDEX IF EXISTS resources_activity;
DROP INDEX IF EXISTS resources_format;
DROP INDEX IF EXISTS resources_cost;
DROP INDEX IF EXISTS resources_verified;

INSERT OR IGNORE INTO metadata (key, value) VALUES ('resources_version', lower(hex(randomblob(8))));

CREATE TRIGGER resources_version_insert AFTER INSERT ON resources BEGIN
    UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version';
END;

CREATE TRIGGER resources_version_update AFTER UPDATE ON resources BEGIN
    UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version';
END;

CREATE TRIGGER resources_version_delete AFTER DELETE ON resources BEGIN
    UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version';
END;
