SELECT value, reason, provisional, remark
FROM observations
WHERE indicator_id = ?1 AND area_code = ?2 AND period = ?3
