-- Every column row_to_batch reads; the callers add WHERE or ORDER BY.
SELECT id, kind, file_name, sha256, "user", started_at, finished_at, rows, undone_at
FROM batches
