-- 0011: check-ups of groups (issue 15): what a user saw of a community's moderation and member
-- activity on a day. Keyed by the resource's stable text id, never by a foreign key, so dataset
-- updates, merges and re-imports can never delete one (like lists and notes). `id` is chosen
-- by the copy that made it, so a check-up shared twice is recognised (docs/HUB.md profile).

CREATE TABLE checkups (
    id            TEXT PRIMARY KEY,
    resource_id   TEXT NOT NULL,
    checked_on    TEXT NOT NULL,              -- the day it was made (YYYY-MM-DD)
    checked_by    TEXT NOT NULL,              -- initials or a name
    moderation    TEXT NOT NULL DEFAULT 'unknown',
    activity      TEXT NOT NULL DEFAULT 'unknown',
    last_activity TEXT NOT NULL DEFAULT '',   -- the last post or meeting seen (YYYY-MM-DD)
    focus_ok      INTEGER,                    -- 1 yes, 0 no, NULL not answered
    focus_note    TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',   -- an http(s) address
    recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX checkups_resource ON checkups (resource_id, checked_on);

-- The search index reads check-ups (moderation and activity filters): a change is a change of
-- what the index holds.
CREATE TRIGGER checkups_version_insert AFTER INSERT ON checkups BEGIN
    UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version';
END;
CREATE TRIGGER checkups_version_update AFTER UPDATE ON checkups BEGIN
    UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version';
END;
CREATE TRIGGER checkups_version_delete AFTER DELETE ON checkups BEGIN
    UPDATE metadata SET value = lower(hex(randomblob(8))) WHERE key = 'resources_version';
END;
