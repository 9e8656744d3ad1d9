UPDATE observations
SET value = ?4, reason = ?5, provisional = ?6, remark = ?7, batch_id = ?8
WHERE indicator_number = ?1 AND area_number = ?2 AND period = ?3
