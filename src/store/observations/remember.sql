INSERT INTO observation_history
    (replaced_by, indicator_id, area_code, period, value, reason, provisional, remark, batch_id)
SELECT ?4, indicator_id, area_code, period, value, reason, provisional, remark, batch_id
FROM observations
WHERE indicator_id = ?1 AND area_code = ?2 AND period = ?3
