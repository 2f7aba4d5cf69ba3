-- The database's identity. SQLite's application_id (in the file header) marks the file as a
-- CBH Directory database: 0x43424844, "CBHD" in ASCII. A random id in metadata tells this
-- database (and its backups) from any other, even in the same folder.
PRAGMA application_id = 1128417348;
INSERT OR IGNORE INTO metadata (key, value) VALUES ('database_id', lower(hex(randomblob(16))));
