SELECT EXISTS (
    SELECT 1 FROM observations o JOIN batches b ON b.id = o.batch_id
    WHERE b.kind = 'demo'
)
