INSERT INTO observation_history
    (replaced_by, indicator_id, area_code, period, existed, value, reason, provisional, remark, batch_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
