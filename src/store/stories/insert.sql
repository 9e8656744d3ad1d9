-- The id is the highest so far plus one, as SQLite numbers rows: on PostgreSQL too, a row that is
-- removed or rolled back leaves no gap in the numbers users see. Writers take turns (see
-- connection/), so two never pick the same number.
INSERT INTO stories (id, title, summary, kind, url, area_code, demo, created_at)
VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM stories), ?1, ?2, ?3, ?4, ?5, ?6, ?7)
RETURNING id
