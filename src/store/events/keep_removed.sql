-- The event ?1 as it was, kept in the history before it is removed (at ?2).
INSERT INTO event_history (event_id, date, label, kind, indicator_id, area_code,
                           description, change, changed_at)
SELECT id, date, label, kind, indicator_id, area_code, description, 'verwijderd', CAST(?2 AS TEXT)
FROM events
WHERE id = ?1
