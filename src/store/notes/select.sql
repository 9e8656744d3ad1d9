-- Every column row_to_note reads; the callers add WHERE or ORDER BY.
SELECT id, indicator_id, area_code, period, bo_date, author, status, text,
       created_at, updated_at, demo
FROM notes
