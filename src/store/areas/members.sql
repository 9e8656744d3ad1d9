SELECT area_code, valid_from, valid_until, merged_into
FROM region_gemeenten
