-- 0001: the directory itself — resources, the focus vocabulary, and the indexes filters use.
-- Lists and local edits live in their own tables (0004, 0005) so dataset updates never touch them.

CREATE TABLE metadata (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE resources (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,          -- stable slug; lists refer to this
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    alternate_names TEXT NOT NULL DEFAULT '[]',    -- JSON list
    focus           TEXT NOT NULL DEFAULT '[]',    -- JSON list of focus term ids (as entered)
    tags            TEXT NOT NULL DEFAULT '[]',
    description     TEXT NOT NULL DEFAULT '',
    moderation      TEXT NOT NULL DEFAULT 'unknown',
    moderation_note TEXT NOT NULL DEFAULT '',
    activity        TEXT NOT NULL DEFAULT 'unknown',
    activity_note   TEXT NOT NULL DEFAULT '',
    format          TEXT NOT NULL DEFAULT 'online',
    languages       TEXT NOT NULL DEFAULT '[]',
    cost            TEXT NOT NULL DEFAULT 'unknown',
    eligibility     TEXT NOT NULL DEFAULT '',
    ages            TEXT NOT NULL DEFAULT '',
    service_area    TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    region          TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    postal_code     TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    latitude        REAL,
    longitude       REAL,
    website         TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    sources         TEXT NOT NULL DEFAULT '[]',
    last_verified   TEXT NOT NULL DEFAULT '',
    caveat          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'active',
    origin          TEXT NOT NULL DEFAULT 'local',  -- curated | imported | local
    search_focus    TEXT NOT NULL DEFAULT '',       -- focus labels and synonyms, for full-text search
    search_place    TEXT NOT NULL DEFAULT '',       -- city, region, country names, for full-text search
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX resources_name ON resources (name COLLATE NOCASE);
CREATE INDEX resources_kind ON resources (kind);
CREATE INDEX resources_moderation ON resources (moderation);
CREATE INDEX resources_activity ON resources (activity);
CREATE INDEX resources_format ON resources (format);
CREATE INDEX resources_cost ON resources (cost);
CREATE INDEX resources_place ON resources (country, region);
CREATE INDEX resources_verified ON resources (last_verified);
CREATE INDEX resources_latlon ON resources (latitude, longitude) WHERE latitude IS NOT NULL;

CREATE TABLE focus_terms (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    grp         TEXT NOT NULL,
    parent      TEXT,
    synonyms    TEXT NOT NULL DEFAULT '[]',
    explanation TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

-- One row per resource and focus term, including the ancestors of each term (direct = 0),
-- so a filter on a broad term is a plain equality and facet counts are one GROUP BY.
CREATE TABLE resource_focus (
    focus_id    TEXT NOT NULL,
    resource_pk INTEGER NOT NULL REFERENCES resources (pk) ON DELETE CASCADE,
    direct      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (focus_id, resource_pk)
) WITHOUT ROWID;
CREATE INDEX resource_focus_resource ON resource_focus (resource_pk);

CREATE TABLE resource_languages (
    language    TEXT NOT NULL,
    resource_pk INTEGER NOT NULL REFERENCES resources (pk) ON DELETE CASCADE,
    PRIMARY KEY (language, resource_pk)
) WITHOUT ROWID;
CREATE INDEX resource_languages_resource ON resource_languages (resource_pk);
