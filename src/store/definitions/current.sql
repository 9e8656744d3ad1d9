-- The newest version of each indicator whose batch was not undone.
WHERE b.undone_at IS NULL
  AND v.version = (
      SELECT max(w.version)
      FROM indicator_versions w JOIN batches c ON c.id = w.batch_id
      WHERE w.indicator_number = v.indicator_number AND c.undone_at IS NULL
  )
ORDER BY i.id
