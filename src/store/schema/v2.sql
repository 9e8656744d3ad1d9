-- Version 2: duiding notes with their history, and stories with their links.

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators (id),
    area_code TEXT REFERENCES areas (code),
    period TEXT,
    bo_date TEXT NOT NULL,
    author TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('concept', 'definitief')),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
) STRICT;

CREATE INDEX notes_by_bo ON notes (bo_date);

-- Every version a note had before it was edited, locked or reopened.
CREATE TABLE note_history (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes (id),
    author TEXT NOT NULL,
    status TEXT NOT NULL,
    text TEXT NOT NULL,
    written_at TEXT NOT NULL
) STRICT;

CREATE INDEX note_history_by_note ON note_history (note_id);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('video', 'klantreis', 'ervaringsverhaal')),
    url TEXT NOT NULL,
    area_code TEXT REFERENCES areas (code),
    demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

-- A story belongs beside themes and indicators.
CREATE TABLE story_links (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('thema', 'indicator')),
    target TEXT NOT NULL,
    PRIMARY KEY (story_id, kind, target)
) STRICT;
