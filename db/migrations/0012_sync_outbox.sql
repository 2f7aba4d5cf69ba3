-- 0012: syncing with an agency's HSDS API (issue 18). A sync first downloads every changed
-- service into sync_staged (the directory itself untouched), then merges them in one
-- transaction; an interrupted download leaves only staged rows, cleared by the next sync.
-- The outbox holds proposals made here until they are sent, and follows their review.

CREATE TABLE sync_sources (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,         -- the API's base address, without a trailing /
    prefix        TEXT NOT NULL DEFAULT '',     -- resource ids of services without the app's own id
    cursor        TEXT NOT NULL DEFAULT '',     -- newest last_modified merged (ISO 8601)
    synced_at     TEXT NOT NULL DEFAULT '',     -- when the last sync was merged
    full_at       TEXT NOT NULL DEFAULT ''      -- when the last full pull was merged
);

-- Which local resource each of a source's services became (for deletions and renames), and
-- the service's last_modified when it was merged (sent again unchanged, it is not read again).
CREATE TABLE sync_services (
    source_id     INTEGER NOT NULL REFERENCES sync_sources (id) ON DELETE CASCADE,
    service_id    TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    last_modified TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source_id, service_id)
);
CREATE INDEX sync_services_resource ON sync_services (resource_id);

-- Services downloaded by a sync that has not been merged yet.
CREATE TABLE sync_staged (
    source_id     INTEGER NOT NULL REFERENCES sync_sources (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    document      TEXT NOT NULL,                -- one service as the API sent it (JSON)
    PRIMARY KEY (source_id, seq)
);

-- Proposals made here: waiting (not sent), sent (pending review), approved or rejected.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL DEFAULT '',     -- the hub it went to (empty while waiting)
    action        TEXT NOT NULL,                -- new | edit | archive | checkup
    resource_id   TEXT NOT NULL,
    payload       TEXT NOT NULL,                -- the proposal body (JSON), as it will be sent
    state         TEXT NOT NULL DEFAULT 'waiting',
    proposal_id   INTEGER,                      -- the hub's id once sent
    created_at    TEXT NOT NULL,
    sent_at       TEXT NOT NULL DEFAULT '',
    reviewed_at   TEXT NOT NULL DEFAULT '',
    review_note   TEXT NOT NULL DEFAULT '',     -- the editor's note, or why sending failed
    CHECK (state IN ('waiting', 'sent', 'approved', 'rejected'))
);
CREATE INDEX outbox_state ON outbox (state);
