SELECT id, title, summary, kind, url, area_code, demo
FROM stories
ORDER BY id
