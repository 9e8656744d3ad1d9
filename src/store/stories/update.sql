UPDATE stories SET title = ?2, summary = ?3, kind = ?4, url = ?5, area_code = ?6
WHERE id = ?1
