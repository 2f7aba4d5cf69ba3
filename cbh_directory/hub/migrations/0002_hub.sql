-- The hub's own tables: resources and their served documents, search, people, proposals.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- One row per service the hub has ever held. `resource` is the app's record (the source the
-- HSDS rows are built from); `document` the fully nested HSDS service the API serves and
-- `summary` the same without nested arrays (list pages), both as JSON text ready to send.
CREATE TABLE hub_service (
    service_id text PRIMARY KEY,
    resource_id text NOT NULL UNIQUE,
    organization_id text NOT NULL,
    name text NOT NULL,
    resource jsonb NOT NULL,
    document text,
    summary text,
    modified timestamptz NOT NULL,
    archived_at timestamptz
);
CREATE INDEX hub_service_organization ON hub_service (organization_id);

-- What searches, filters and distance read: live services only, without the records and
-- documents, so that counting thousands of matches reads fewer pages.
CREATE TABLE hub_search (
    service_id text PRIMARY KEY REFERENCES hub_service (service_id),
    organization_id text NOT NULL,
    name text NOT NULL,
    modified timestamptz NOT NULL,
    earth cube,
    name_search tsvector NOT NULL,
    search tsvector NOT NULL
);
CREATE INDEX hub_search_search ON hub_search USING gin (search);
CREATE INDEX hub_search_name_search ON hub_search USING gin (name_search);
CREATE INDEX hub_search_earth ON hub_search USING gist (earth);
CREATE INDEX hub_search_modified ON hub_search (modified, service_id);
CREATE INDEX hub_search_name ON hub_search (name, service_id);
CREATE INDEX hub_search_organization ON hub_search (organization_id);

-- Check-ups approved on the hub, kept apart from the curated record like on the desktop.
CREATE TABLE hub_checkup (
    id text PRIMARY KEY,
    service_id text NOT NULL REFERENCES hub_service (service_id),
    value jsonb NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hub_checkup_service ON hub_checkup (service_id);

-- Services removed from the API (the standard API has no way to say so).
CREATE TABLE hub_deletion (
    id bigserial PRIMARY KEY,
    service_id text NOT NULL,
    resource_id text NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    deleted_by text NOT NULL,
    reason text NOT NULL DEFAULT ''
);
CREATE INDEX hub_deletion_time ON hub_deletion (deleted_at);

CREATE TABLE hub_user (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN ('reader', 'contributor', 'editor', 'admin')),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Tokens are random; only their SHA-256 is stored.
CREATE TABLE hub_token (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES hub_user (id),
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX hub_token_user ON hub_token (user_id);

CREATE TABLE hub_proposal (
    id bigserial PRIMARY KEY,
    action text NOT NULL CHECK (action IN ('new', 'edit', 'archive', 'checkup')),
    resource_id text NOT NULL,
    payload jsonb NOT NULL,
    note text NOT NULL DEFAULT '',
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
    proposed_by bigint NOT NULL REFERENCES hub_user (id),
    proposed_at timestamptz NOT NULL DEFAULT now(),
    reviewed_by bigint REFERENCES hub_user (id),
    reviewed_at timestamptz,
    review_note text NOT NULL DEFAULT ''
);
CREATE INDEX hub_proposal_state ON hub_proposal (state, id);
CREATE INDEX hub_proposal_author ON hub_proposal (proposed_by, id);
