-- One new value of a series: indicator ?1, area ?2, batch ?3, then the value's own five columns.
INSERT INTO observations
    (indicator_number, area_number, batch_id, period, value, reason, provisional, remark)
VALUES
    (?1, ?2, ?3, ?, ?, ?, ?, ?)
