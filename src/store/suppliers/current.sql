-- The newest version of each supplier whose batch was not undone.
SELECT s.name, s.contact, s.email
FROM supplier_versions s JOIN batches b ON b.id = s.batch_id
WHERE b.undone_at IS NULL
  AND s.id = (
      SELECT max(t.id)
      FROM supplier_versions t JOIN batches c ON c.id = t.batch_id
      WHERE t.name = s.name AND c.undone_at IS NULL
  )
ORDER BY s.name
