-- Every column row_to_version reads; the callers add WHERE and ORDER BY.
SELECT i.id, v.version, v.definition, v.retired, v.batch_id, b."user", b.started_at, b.undone_at
FROM indicator_versions v
JOIN indicators i ON i.number = v.indicator_number
JOIN batches b ON b.id = v.batch_id
