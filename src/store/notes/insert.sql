INSERT INTO notes (indicator_id, area_code, period, bo_date, author, status, text,
                   created_at, updated_at, demo)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
RETURNING id
