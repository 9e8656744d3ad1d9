-- 2 new values of one series: indicator ?1, area ?2 and batch ?3 are shared; each row's own five
-- columns take the next free numbers (?4–?8, ?9–?13, …), which is what a bare ? means to SQLite.
INSERT INTO observations
    (indicator_number, area_number, batch_id, period, value, reason, provisional, remark)
VALUES
    (?1, ?2, ?3, ?, ?, ?, ?, ?),
    (?1, ?2, ?3, ?, ?, ?, ?, ?)
