-- 0004: the user's own lists (Bookmarks and named lists). Keyed by the resource's stable text id,
-- never by a foreign key to resources, so a dataset update can never delete a list item.

CREATE TABLE lists (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind       TEXT NOT NULL DEFAULT 'user',     -- bookmarks | user
    note       TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE list_items (
    list_id     INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    resource_id TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    snapshot    TEXT NOT NULL DEFAULT '{}',     -- last known name and contact details (JSON)
    PRIMARY KEY (list_id, resource_id)
);
CREATE INDEX list_items_resource ON list_items (resource_id);

INSERT INTO lists (name, kind, position) VALUES ('Bookmarks', 'bookmarks', 0);
