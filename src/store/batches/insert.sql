INSERT INTO batches (kind, file_name, sha256, "user", started_at) VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id
