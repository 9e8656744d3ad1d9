-- Restores every value the batch (?1) replaced, with the batch that had written it.
INSERT INTO observations
    (indicator_number, area_number, period, value, reason, provisional, remark, batch_id)
SELECT indicator_number, area_number, period, value, reason, provisional, remark, batch_id
FROM observation_history
WHERE replaced_by = ?1
ON CONFLICT (indicator_number, area_number, period) DO UPDATE SET
    value = excluded.value,
    reason = excluded.reason,
    provisional = excluded.provisional,
    remark = excluded.remark,
    batch_id = excluded.batch_id
