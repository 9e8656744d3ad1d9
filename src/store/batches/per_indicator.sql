-- Per indicator, how many of its current values each batch wrote, newest batch first.
SELECT i.id, o.batch_id, count(*)
FROM observations o
JOIN indicators i ON i.number = o.indicator_number
GROUP BY i.id, o.batch_id
ORDER BY i.id, o.batch_id DESC
