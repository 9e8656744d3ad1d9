INSERT INTO events (date, label, kind, indicator_id, area_code, description, demo, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
RETURNING id
