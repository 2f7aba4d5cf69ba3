-- HSDS 3.0 tables (Open Referral), the columns of the 3.0 schemas. Empty values are NULL.
-- Every foreign key is indexed: replacing a service deletes rows these keys point to.
-- Ids are text: the hub writes UUIDs, and keeps other publishers' ids as they are.
CREATE TABLE taxonomy (
    id text PRIMARY KEY,
    name text NOT NULL,
    description text NOT NULL,
    uri text,
    version text
);
CREATE TABLE taxonomy_term (
    id text PRIMARY KEY,
    code text,
    name text NOT NULL,
    description text NOT NULL,
    parent_id text,
    taxonomy text,
    language text,
    taxonomy_id text REFERENCES taxonomy (id),
    term_uri text
);
CREATE INDEX taxonomy_term_taxonomy ON taxonomy_term (taxonomy_id);
CREATE TABLE organization (
    id text PRIMARY KEY,
    name text NOT NULL,
    alternate_name text,
    description text NOT NULL,
    email text,
    website text,
    tax_status text,
    tax_id text,
    year_incorporated numeric,
    legal_status text,
    logo text,
    uri text,
    parent_organization_id text
);
CREATE TABLE service (
    id text PRIMARY KEY,
    organization_id text REFERENCES organization (id),
    program_id text,
    name text NOT NULL,
    alternate_name text,
    description text,
    url text,
    email text,
    status text NOT NULL,
    interpretation_services text,
    application_process text,
    fees_description text,
    wait_time text,
    fees text,
    accreditations text,
    eligibility_description text,
    minimum_age numeric,
    maximum_age numeric,
    assured_date date,
    assurer_email text,
    licenses text,
    alert text,
    last_modified timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_organization ON service (organization_id);
CREATE INDEX service_last_modified ON service (last_modified);
CREATE TABLE location (
    id text PRIMARY KEY,
    location_type text NOT NULL,
    url text,
    organization_id text REFERENCES organization (id),
    name text,
    alternate_name text,
    description text,
    transportation text,
    latitude double precision,
    longitude double precision,
    external_identifier text,
    external_identifier_type text
);
CREATE INDEX location_organization ON location (organization_id);
CREATE TABLE service_at_location (
    id text PRIMARY KEY,
    service_id text NOT NULL REFERENCES service (id),
    location_id text NOT NULL REFERENCES location (id),
    description text
);
CREATE INDEX service_at_location_service ON service_at_location (service_id);
CREATE INDEX service_at_location_location ON service_at_location (location_id);
CREATE TABLE address (
    id text PRIMARY KEY,
    location_id text REFERENCES location (id),
    attention text,
    address_1 text NOT NULL,
    address_2 text,
    city text NOT NULL,
    region text,
    state_province text NOT NULL,
    postal_code text NOT NULL,
    country text NOT NULL,
    address_type text NOT NULL
);
CREATE INDEX address_location ON address (location_id);
CREATE TABLE phone (
    id text PRIMARY KEY,
    location_id text REFERENCES location (id),
    service_id text REFERENCES service (id),
    organization_id text REFERENCES organization (id),
    contact_id text,
    service_at_location_id text,
    number text NOT NULL,
    extension numeric,
    type text,
    description text
);
CREATE INDEX phone_service ON phone (service_id);
CREATE INDEX phone_location ON phone (location_id);
CREATE INDEX phone_organization ON phone (organization_id);
CREATE TABLE schedule (
    id text PRIMARY KEY,
    service_id text REFERENCES service (id),
    location_id text REFERENCES location (id),
    service_at_location_id text REFERENCES service_at_location (id),
    valid_from date,
    valid_to date,
    dtstart date,
    timezone numeric,
    until date,
    count numeric,
    wkst text,
    freq text,
    "interval" numeric,
    byday text,
    byweekno text,
    bymonthday text,
    byyearday text,
    description text,
    opens_at text,
    closes_at text,
    schedule_link text,
    attending_type text,
    notes text
);
CREATE INDEX schedule_service ON schedule (service_id);
CREATE INDEX schedule_location ON schedule (location_id);
CREATE INDEX schedule_service_at_location ON schedule (service_at_location_id);
CREATE TABLE language (
    id text PRIMARY KEY,
    service_id text REFERENCES service (id),
    location_id text REFERENCES location (id),
    phone_id text REFERENCES phone (id),
    name text,
    code text,
    note text
);
CREATE INDEX language_service ON language (service_id);
CREATE INDEX language_location ON language (location_id);
CREATE INDEX language_phone ON language (phone_id);
CREATE TABLE service_area (
    id text PRIMARY KEY,
    service_id text REFERENCES service (id),
    name text,
    description text,
    extent text,
    extent_type text,
    uri text
);
CREATE INDEX service_area_service ON service_area (service_id);
CREATE TABLE attribute (
    id text PRIMARY KEY,
    link_id text NOT NULL,
    taxonomy_term_id text NOT NULL REFERENCES taxonomy_term (id),
    link_type text,
    link_entity text NOT NULL,
    value text
);
CREATE INDEX attribute_link ON attribute (link_id);
CREATE INDEX attribute_term ON attribute (taxonomy_term_id, link_id);
-- Every change the hub applies: who, when, which field, the old and the new value.
CREATE TABLE metadata (
    id text PRIMARY KEY,
    resource_id text NOT NULL,
    resource_type text NOT NULL,
    last_action_date timestamptz NOT NULL,
    last_action_type text NOT NULL,
    field_name text NOT NULL,
    previous_value text NOT NULL,
    replacement_value text NOT NULL,
    updated_by text NOT NULL
);
CREATE INDEX metadata_resource ON metadata (resource_id, last_action_date);
