-- Per indicator batch ?1 wrote: whether an earlier version (not undone) would become current again,
-- and whether it has values.
SELECT i.id,
       EXISTS (
           SELECT 1 FROM indicator_versions e JOIN batches c ON c.id = e.batch_id
           WHERE e.indicator_number = v.indicator_number AND e.version < v.version
             AND c.undone_at IS NULL AND c.id <> ?1
       ),
       EXISTS (SELECT 1 FROM observations o WHERE o.indicator_number = v.indicator_number)
FROM indicator_versions v
JOIN indicators i ON i.number = v.indicator_number
WHERE v.batch_id = ?1
ORDER BY i.id
