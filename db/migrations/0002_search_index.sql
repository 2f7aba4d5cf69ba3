-- 0002: full-text index over the searchable text of each resource, kept current by triggers.

CREATE VIRTUAL TABLE resources_fts USING fts5 (
    name, alternate_names, description, search_focus, search_place, tags,
    content = 'resources', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER resources_fts_insert AFTER INSERT ON resources BEGIN
    INSERT INTO resources_fts (rowid, name, alternate_names, description, search_focus, search_place, tags)
    VALUES (new.pk, new.name, new.alternate_names, new.description, new.search_focus, new.search_place, new.tags);
END;

CREATE TRIGGER resources_fts_delete AFTER DELETE ON resources BEGIN
    INSERT INTO resources_fts (resources_fts, rowid, name, alternate_names, description, search_focus, search_place, tags)
    VALUES ('delete', old.pk, old.name, old.alternate_names, old.description, old.search_focus, old.search_place, old.tags);
END;

CREATE TRIGGER resources_fts_update
AFTER UPDATE OF name, alternate_names, description, search_focus, search_place, tags ON resources BEGIN
    INSERT INTO resources_fts (resources_fts, rowid, name, alternate_names, description, search_focus, search_place, tags)
    VALUES ('delete', old.pk, old.name, old.alternate_names, old.description, old.search_focus, old.search_place, old.tags);
    INSERT INTO resources_fts (rowid, name, alternate_names, description, search_focus, search_place, tags)
    VALUES (new.pk, new.name, new.alternate_names, new.description, new.search_focus, new.search_place, new.tags);
END;
