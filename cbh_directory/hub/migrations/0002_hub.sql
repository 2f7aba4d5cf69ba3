-- The hub's own tables: resources and their rendered documents, search, people, proposals.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- One row per service the hub has ever held. `resource` is the app's record (the source the
-- HSDS rows are built from); `document` the fully nested HSDS service served by the API.
CREATE TABLE hub_service (
    service_id text PRIMARY KEY,
    resource_id text NOT NULL UNIQUE,
    organization_id text NOT NULL,
    name text NOT NULL,
    resource jsonb NOT NULL,
    document jsonb,
    search_name text NOT NULL DEFAULT '',
    search_body text NOT NULL DEFAULT '',
    latitude double precision,
    longitude double precision,
    earth cube,
    search tsvector,
    modified timestamptz NOT NULL DEFAULT now(),
    archived_at timestamptz
);
CREATE INDEX hub_service_search ON hub_service USING gin (search);
CREATE INDEX hub_service_earth ON hub_service USING gist (earth);
CREATE INDEX hub_service_modified ON hub_service (modified, service_id);
CREATE INDEX hub_service_name ON hub_service (name, service_id);

-- Derived columns, filled for COPY and INSERT alike. search_path is fixed so that a restore
-- from pg_dump (which empties it) still finds ll_to_earth.
CREATE FUNCTION hub_service_derive() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('english', NEW.search_name), 'A')
        || setweight(to_tsvector('spanish', NEW.search_name), 'A')
        || setweight(to_tsvector('english', NEW.search_body), 'B')
        || setweight(to_tsvector('spanish', NEW.search_body), 'B');
    IF NEW.latitude IS NULL OR NEW.longitude IS NULL THEN
        NEW.earth := NULL;
    ELSE
        NEW.earth := ll_to_earth(NEW.latitude, NEW.longitude);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER hub_service_derive BEFORE INSERT OR UPDATE ON hub_service
FOR EACH ROW EXECUTE FUNCTION hub_service_derive();

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
