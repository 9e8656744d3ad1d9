-- Version 1: areas, indicators, batches, current observations and their history.

CREATE TABLE areas (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('gemeente', 'regio', 'nederland')),
    sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- sha256 of the definition, to see when a definition changed under stored values.
    definition_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('manual', 'cbs', 'demo')),
    file_name TEXT,
    sha256 TEXT,
    user TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    rows INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
) STRICT;

CREATE TABLE observations (
    indicator_id TEXT NOT NULL REFERENCES indicators (id),
    area_code TEXT NOT NULL REFERENCES areas (code),
    period TEXT NOT NULL,
    value REAL,
    -- Why the value is absent: 'niet geleverd', 'afgeschermd' or 'n.v.t.'. Empty is never zero.
    reason TEXT CHECK (reason IN ('niet geleverd', 'afgeschermd', 'n.v.t.')),
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    remark TEXT,
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    PRIMARY KEY (indicator_id, area_code, period),
    CHECK ((value IS NULL) <> (reason IS NULL))
) STRICT, WITHOUT ROWID;

-- Every value a batch replaced, with the batch that had written it, so undo can restore it. A cell a
-- batch added has no row here: undo removes it.
CREATE TABLE observation_history (
    id INTEGER PRIMARY KEY,
    replaced_by INTEGER NOT NULL REFERENCES batches (id),
    indicator_id TEXT NOT NULL,
    area_code TEXT NOT NULL,
    period TEXT NOT NULL,
    value REAL,
    reason TEXT,
    provisional INTEGER NOT NULL,
    remark TEXT,
    batch_id INTEGER NOT NULL REFERENCES batches (id)
) STRICT;

CREATE INDEX observation_history_by_batch ON observation_history (replaced_by);
CREATE INDEX observation_history_by_writer ON observation_history (batch_id);
