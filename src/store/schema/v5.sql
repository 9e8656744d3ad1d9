-- Version 5: values refer to their indicator and area by a small number instead of by their text.
-- Every value repeats that key, so the observations tree is half as large and a million values are
-- written a third faster (measured: 0.68 s → 0.48 s for 960,000 values, commit included).

-- The number is given once, when the indicator or area is first registered, and never changes.
ALTER TABLE indicators ADD COLUMN number INTEGER;
UPDATE indicators SET number = rowid;
CREATE UNIQUE INDEX indicators_by_number ON indicators (number);

ALTER TABLE areas ADD COLUMN number INTEGER;
UPDATE areas SET number = rowid;
CREATE UNIQUE INDEX areas_by_number ON areas (number);

CREATE TABLE observations_v5 (
    indicator_number INTEGER NOT NULL REFERENCES indicators (number),
    area_number INTEGER NOT NULL REFERENCES areas (number),
    period TEXT NOT NULL,
    value REAL,
    -- Why the value is absent: 'niet geleverd', 'afgeschermd' or 'n.v.t.'. Empty is never zero.
    reason TEXT CHECK (reason = 'niet geleverd' OR reason = 'afgeschermd' OR reason = 'n.v.t.'),
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional = 0 OR provisional = 1),
    remark TEXT,
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    PRIMARY KEY (indicator_number, area_number, period),
    CHECK ((value IS NULL) <> (reason IS NULL))
) STRICT, WITHOUT ROWID;

-- A key without a number would fail NOT NULL here: the migration stops rather than drop a value.
INSERT INTO observations_v5
    (indicator_number, area_number, period, value, reason, provisional, remark, batch_id)
SELECT (SELECT number FROM indicators WHERE id = o.indicator_id),
       (SELECT number FROM areas WHERE code = o.area_code),
       period, value, reason, provisional, remark, batch_id
FROM observations o;

DROP TABLE observations;

ALTER TABLE observations_v5 RENAME TO observations;

CREATE TABLE observation_history_v5 (
    id INTEGER PRIMARY KEY,
    replaced_by INTEGER NOT NULL REFERENCES batches (id),
    indicator_number INTEGER NOT NULL,
    area_number INTEGER NOT NULL,
    period TEXT NOT NULL,
    value REAL,
    reason TEXT,
    provisional INTEGER NOT NULL,
    remark TEXT,
    batch_id INTEGER NOT NULL REFERENCES batches (id)
) STRICT;

INSERT INTO observation_history_v5
    (id, replaced_by, indicator_number, area_number, period, value, reason, provisional, remark, batch_id)
SELECT id, replaced_by,
       (SELECT number FROM indicators WHERE id = h.indicator_id),
       (SELECT number FROM areas WHERE code = h.area_code),
       period, value, reason, provisional, remark, batch_id
FROM observation_history h;

DROP TABLE observation_history;

ALTER TABLE observation_history_v5 RENAME TO observation_history;

CREATE INDEX observation_history_by_batch ON observation_history (replaced_by);
CREATE INDEX observation_history_by_writer ON observation_history (batch_id);
