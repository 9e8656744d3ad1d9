-- A new version of supplier ?1. The casts give PostgreSQL the parameters' types.
INSERT INTO supplier_versions (name, contact, email, batch_id)
VALUES (CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS BIGINT))
