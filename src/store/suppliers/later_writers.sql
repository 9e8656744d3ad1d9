-- Catalog batches, not undone, that wrote a later version of a supplier batch ?1 wrote.
SELECT DISTINCT later.batch_id
FROM supplier_versions mine
JOIN supplier_versions later ON later.name = mine.name AND later.id > mine.id
JOIN batches b ON b.id = later.batch_id
WHERE mine.batch_id = ?1 AND later.batch_id <> ?1 AND b.undone_at IS NULL
ORDER BY later.batch_id DESC
