-- 0005: local edits to curated or imported resources, kept apart from the curated values.
-- A dataset update keeps the local value and records the new curated value beside it.

CREATE TABLE local_edits (
    resource_id   TEXT NOT NULL,
    field         TEXT NOT NULL,
    value         TEXT NOT NULL,            -- JSON of the local value
    curated_value TEXT,                     -- JSON of the newest curated value, if any
    edited_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (resource_id, field)
);
