-- Batches, not undone, that replaced values written by batch ?1.
SELECT DISTINCT h.replaced_by
FROM observation_history h
JOIN batches b ON b.id = h.replaced_by
WHERE h.batch_id = ?1 AND b.undone_at IS NULL
ORDER BY h.replaced_by DESC
