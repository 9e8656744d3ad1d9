-- The next version of indicator ?1 (registered before, see indicators/sync.sql). The casts give
-- PostgreSQL the parameters' types, which a SELECT list does not.
INSERT INTO indicator_versions
    (indicator_number, version, definition, domain, layer, supplier, source, retired, batch_id)
SELECT i.number,
       (SELECT coalesce(max(version), 0) + 1 FROM indicator_versions WHERE indicator_number = i.number),
       CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS TEXT), CAST(?5 AS TEXT), CAST(?6 AS TEXT),
       CAST(?7 AS BOOLEAN), CAST(?8 AS BIGINT)
FROM indicators i
WHERE i.id = ?1
