-- One indicator: a range of the primary key, not a scan of the table.
SELECT o.indicator_id, o.area_code, o.period, o.value, o.reason, o.provisional, o.remark
FROM observations o
JOIN areas a ON a.code = o.area_code
WHERE o.indicator_id = ?1
ORDER BY o.period, a.sort_order
