-- Per supplier batch ?1 wrote: whether an earlier version (not undone) would become current again.
SELECT s.name,
       EXISTS (
           SELECT 1 FROM supplier_versions e JOIN batches c ON c.id = e.batch_id
           WHERE e.name = s.name AND e.id < s.id AND c.undone_at IS NULL AND c.id <> ?1
       )
FROM supplier_versions s
WHERE s.batch_id = ?1
ORDER BY s.name
