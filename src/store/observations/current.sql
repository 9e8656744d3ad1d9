SELECT o.indicator_id, o.area_code, o.period, o.value, o.reason, o.provisional, o.remark
FROM observations o
JOIN areas a ON a.code = o.area_code
ORDER BY o.indicator_id, o.period, a.sort_order
