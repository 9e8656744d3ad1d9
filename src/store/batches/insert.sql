-- The id is the highest so far plus one, as SQLite numbers rows: on PostgreSQL too, a batch that is
-- discarded or rolled back leaves no gap in the numbers users see. Writers take turns (see
-- connection/), so two never pick the same number.
INSERT INTO batches (id, kind, file_name, sha256, "user", started_at)
VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM batches), ?1, ?2, ?3, ?4, ?5)
RETURNING id
