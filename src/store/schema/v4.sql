-- Version 4: the same observations, with the checks on `reason` and `provisional` spelled as
-- comparisons. SQLite evaluates a CHECK with an IN list by building a small lookup table each time an
-- INSERT statement runs: with one statement per value, that tripled the time to write a million.

CREATE TABLE observations_v4 (
    indicator_id TEXT NOT NULL REFERENCES indicators (id),
    area_code TEXT NOT NULL REFERENCES areas (code),
    period TEXT NOT NULL,
    value REAL,
    -- Why the value is absent: 'niet geleverd', 'afgeschermd' or 'n.v.t.'. Empty is never zero.
    reason TEXT CHECK (reason = 'niet geleverd' OR reason = 'afgeschermd' OR reason = 'n.v.t.'),
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional = 0 OR provisional = 1),
    remark TEXT,
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    PRIMARY KEY (indicator_id, area_code, period),
    CHECK ((value IS NULL) <> (reason IS NULL))
) STRICT, WITHOUT ROWID;

INSERT INTO observations_v4 (indicator_id, area_code, period, value, reason, provisional, remark, batch_id)
SELECT indicator_id, area_code, period, value, reason, provisional, remark, batch_id
FROM observations;

DROP TABLE observations;

ALTER TABLE observations_v4 RENAME TO observations;
