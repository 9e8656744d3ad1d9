INSERT INTO observation_history
    (replaced_by, indicator_number, area_number, period, value, reason, provisional, remark, batch_id)
SELECT CAST(?4 AS BIGINT), indicator_number, area_number, period, value, reason, provisional, remark, batch_id
FROM observations
WHERE indicator_number = ?1 AND area_number = ?2 AND period = ?3
