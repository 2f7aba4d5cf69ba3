-- 0007: prefix indexes in the full-text index, so search-as-you-type on two or three letters
-- ("ca", "cas") does not read every term that starts with them. The index is rebuilt from
-- the resources table; the triggers of 0002 keep it current as before.

DROP TABLE resources_fts;

CREATE VIRTUAL TABLE resources_fts USING fts5 (
    name, alternate_names, description, search_focus, search_place, tags,
    content = 'resources', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO resources_fts (resources_fts) VALUES ('rebuild');
