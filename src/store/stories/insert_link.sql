INSERT INTO story_links (story_id, kind, target) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING
