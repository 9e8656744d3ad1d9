-- The note ?1 as it is now, kept before it is changed.
INSERT INTO note_history (note_id, author, status, text, written_at)
SELECT id, author, status, text, updated_at FROM notes WHERE id = ?1
