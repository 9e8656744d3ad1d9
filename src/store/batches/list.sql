SELECT id, kind, file_name, sha256, user, started_at, finished_at, rows, undone_at
FROM batches
ORDER BY id DESC
