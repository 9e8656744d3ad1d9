-- One indicator: a range of the primary key, not a scan of the table.
SELECT i.id, o.area_number, o.period, o.value, o.reason, o.provisional, o.remark
FROM indicators i
JOIN observations o ON o.indicator_number = i.number
JOIN areas a ON a.number = o.area_number
WHERE i.id = ?1
ORDER BY o.period, a.sort_order
