-- The id is the highest so far plus one, as SQLite numbers rows: on PostgreSQL too, a row that is
-- removed or rolled back leaves no gap in the numbers users see. Writers take turns (see
-- connection/), so two never pick the same number.
INSERT INTO notes (id, indicator_id, area_code, period, bo_date, author, status, text,
                   created_at, updated_at, demo)
VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM notes), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
RETURNING id
