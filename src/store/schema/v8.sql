-- Version 8: the suppliers named by the indicators get a contact person and an e-mail address, for
-- templates, reminders and receipts. Every change is a version written in a catalog batch (who and
-- when are the batch's), so it can be traced and undone like a definition. The current version of a
-- supplier is its newest whose batch was not undone; a supplier without one has no contact yet.
CREATE TABLE supplier_versions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    contact TEXT,
    email TEXT,
    batch_id INTEGER NOT NULL REFERENCES batches (id)
) STRICT;

CREATE INDEX supplier_versions_by_name ON supplier_versions (name);
CREATE INDEX supplier_versions_by_batch ON supplier_versions (batch_id);
