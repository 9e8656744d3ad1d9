-- Catalog batches, not undone, that wrote a later version of an indicator batch ?1 wrote.
SELECT DISTINCT later.batch_id
FROM indicator_versions mine
JOIN indicator_versions later
  ON later.indicator_number = mine.indicator_number AND later.version > mine.version
JOIN batches b ON b.id = later.batch_id
WHERE mine.batch_id = ?1 AND b.undone_at IS NULL
ORDER BY later.batch_id DESC
