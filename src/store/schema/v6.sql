-- Version 6: a store belongs to one region, read from a region file (`init --region`). The areas
-- table stays the register of every area a value may name; these say which gemeenten make up the
-- region and on which days each existed, so sums and deliveries follow herindelingen.

CREATE TABLE region (
    only_one INTEGER PRIMARY KEY CHECK (only_one = 1),
    code TEXT NOT NULL REFERENCES areas (code),
    name TEXT NOT NULL,
    -- 1 when chosen with `init`: such a store is for real figures and is not filled with the demo data.
    chosen INTEGER NOT NULL DEFAULT 0 CHECK (chosen = 0 OR chosen = 1),
    set_at TEXT NOT NULL
) STRICT;

CREATE TABLE region_gemeenten (
    area_code TEXT PRIMARY KEY REFERENCES areas (code),
    valid_from TEXT,
    valid_until TEXT,
    merged_into TEXT REFERENCES areas (code)
) STRICT;
