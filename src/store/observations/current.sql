SELECT i.id, o.area_number, o.period, o.value, o.reason, o.provisional, o.remark
FROM observations o
JOIN indicators i ON i.number = o.indicator_number
JOIN areas a ON a.number = o.area_number
ORDER BY i.id, o.period, a.sort_order
