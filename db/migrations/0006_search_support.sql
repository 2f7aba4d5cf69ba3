-- 0006: support for the in-memory search index (cbh_directory/store/index.py).
-- A counter that changes whenever a resource does, so a saved index can be reused safely,
-- and an index that answers "active, not verified since ..." without reading every row.

CREATE INDEX resources_status_verified ON resources (status, last_verified);

INSERT OR IGNORE INTO metadata (key, value) VALUES ('resources_version', '0');

CREATE TRIGGER resources_version_insert AFTER INSERT ON resources BEGIN
    UPDATE metadata SET value = CAST(value AS INTEGER) + 1 WHERE key = 'resources_version';
END;

CREATE TRIGGER resources_version_update AFTER UPDATE ON resources BEGIN
    UPDATE metadata SET value = CAST(value AS INTEGER) + 1 WHERE key = 'resources_version';
END;

CREATE TRIGGER resources_version_delete AFTER DELETE ON resources BEGIN
    UPDATE metadata SET value = CAST(value AS INTEGER) + 1 WHERE key = 'resources_version';
END;
