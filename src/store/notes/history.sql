SELECT author, status, text, written_at
FROM note_history
WHERE note_id = ?1
ORDER BY id
