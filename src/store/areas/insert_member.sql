INSERT INTO region_gemeenten (area_code, valid_from, valid_until, merged_into)
VALUES (?1, ?2, ?3, ?4)
