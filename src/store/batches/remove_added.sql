-- Removes the cells the batch (?1) added: those it wrote without replacing a value.
DELETE FROM observations
WHERE batch_id = ?1
  AND NOT EXISTS (
      SELECT 1 FROM observation_history h
      WHERE h.replaced_by = ?1
        AND h.indicator_number = observations.indicator_number
        AND h.area_number = observations.area_number
        AND h.period = observations.period
  )
