-- Version 7: the indicator catalog lives in the store, every definition a version with the batch that
-- wrote it (who and when are the batch's), so a change can be traced and undone like an import.

-- A batch of kind 'catalog' writes definitions, no values. SQLite cannot change a CHECK in place: the
-- table is rebuilt under another name and renamed, with foreign keys off while the old one is dropped
-- (see schema.rs) and checked before the migration commits. The ids stay as they were.
CREATE TABLE batches_v6 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('manual', 'cbs', 'demo', 'catalog')),
    file_name TEXT,
    sha256 TEXT,
    user TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    rows INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
) STRICT;

INSERT INTO batches_v6 (id, kind, file_name, sha256, user, started_at, finished_at, rows, undone_at)
SELECT id, kind, file_name, sha256, user, started_at, finished_at, rows, undone_at
FROM batches;

DROP TABLE batches;

ALTER TABLE batches_v6 RENAME TO batches;

-- Every version a definition had. The current one is the newest whose batch was not undone; an
-- indicator with no such version is not in the catalog (its row in `indicators` stays, so values and
-- notes keep their reference).
CREATE TABLE indicator_versions (
    id INTEGER PRIMARY KEY,
    indicator_number INTEGER NOT NULL REFERENCES indicators (number),
    -- 1 for the first definition, counting every version written, undone ones too.
    version INTEGER NOT NULL,
    -- The definition as TOML, byte for byte as imported or written: what export gives back.
    definition TEXT NOT NULL,
    -- Taken from the definition, for lists and filters without reading the TOML.
    domain TEXT NOT NULL,
    layer TEXT NOT NULL,
    supplier TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source = 'handmatig' OR source = 'cbs'),
    -- Retired: off the dashboard, templates and delivery matrix; its values and history stay.
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1),
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    UNIQUE (indicator_number, version)
) STRICT;

CREATE INDEX indicator_versions_by_batch ON indicator_versions (batch_id);
