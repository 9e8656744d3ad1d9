-- Version 3: events on the time axis, with their history.

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('beleid', 'indeling', 'breuk')),
    -- At most one of the two: neither means every indicator and gebied.
    indicator_id TEXT REFERENCES indicators (id),
    area_code TEXT REFERENCES areas (code),
    description TEXT,
    demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    created_at TEXT NOT NULL,
    CHECK (indicator_id IS NULL OR area_code IS NULL)
) STRICT;

-- Every event as it was before it was changed or removed.
CREATE TABLE event_history (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    indicator_id TEXT,
    area_code TEXT,
    description TEXT,
    change TEXT NOT NULL CHECK (change IN ('gewijzigd', 'verwijderd')),
    changed_at TEXT NOT NULL
) STRICT;
