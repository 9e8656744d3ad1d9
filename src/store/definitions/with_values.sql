-- The indicators that have at least one current value.
SELECT i.id
FROM indicators i
WHERE EXISTS (SELECT 1 FROM observations o WHERE o.indicator_number = i.number)
ORDER BY i.id
