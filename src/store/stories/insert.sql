INSERT INTO stories (title, summary, kind, url, area_code, demo, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
RETURNING id
