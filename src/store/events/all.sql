SELECT id, date, label, kind, indicator_id, area_code, description, demo
FROM events
ORDER BY date, id
