-- A new indicator gets the next number (see schema/v5.sql); a known one keeps it, and its row changes
-- only when its definition did.
INSERT INTO indicators (id, name, definition_hash, updated_at, number)
VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(number), 0) + 1 FROM indicators))
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    definition_hash = excluded.definition_hash,
    updated_at = excluded.updated_at
WHERE indicators.definition_hash <> excluded.definition_hash
