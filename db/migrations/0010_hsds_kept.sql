-- 0010: what a 211/HSDS import keeps of a service beyond the directory's own fields, as the
-- source wrote it: opening hours, fees, how to apply, the wait, and the service's taxonomy
-- terms (JSON objects: code, name, taxonomy). The terms' codes and names are also put in
-- search_focus (store/resources.py), so a search by "BD-1800" or "Food Pantries" finds them.

ALTER TABLE resources ADD COLUMN schedule            TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN fees                TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN application_process TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN wait_time           TEXT NOT NULL DEFAULT '';
ALTER TABLE resources ADD COLUMN taxonomy            TEXT NOT NULL DEFAULT '[]';  -- JSON objects
