"""SQLite storage through sqlite-utils: schema, resources, search and facets (no Qt)."""
