-- The next version of indicator ?1 (registered before, see indicators/sync.sql).
INSERT INTO indicator_versions
    (indicator_number, version, definition, domain, layer, supplier, source, retired, batch_id)
SELECT i.number,
       (SELECT coalesce(max(version), 0) + 1 FROM indicator_versions WHERE indicator_number = i.number),
       ?2, ?3, ?4, ?5, ?6, ?7, ?8
FROM indicators i
WHERE i.id = ?1
