-- A new area gets the next number (see schema/v5.sql); a known one keeps it.
INSERT INTO areas (code, name, kind, sort_order, number)
VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(number), 0) + 1 FROM areas))
ON CONFLICT (code) DO UPDATE SET
    name = excluded.name,
    kind = excluded.kind,
    sort_order = excluded.sort_order
