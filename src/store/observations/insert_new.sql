INSERT INTO observations (indicator_id, area_code, period, value, reason, provisional, remark, batch_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (indicator_id, area_code, period) DO NOTHING
