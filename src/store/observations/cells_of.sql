SELECT area_code, period, value, reason, provisional, remark
FROM observations
WHERE indicator_id = ?1
