//! Publications for bestuurders (see [`Publication`]): a store filled in memory is written with
//! `VACUUM INTO` into a fresh file, so no freed page of it carries anything that was not published,
//! and in rollback-journal mode, so no `-wal` or `-shm` file is ever needed beside it. The file is
//! marked in its header (`application_id`) and says what it is in its `publication` table. It is
//! opened `immutable=1` and read-only: SQLite then takes no locks and writes no journal, also when
//! the file lies on a read-only share or was copied and is writable again, and never migrates it.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::{
    BUSY_TIMEOUT, READING_CACHE_KB, Store, StoreError, check_integrity, now_utc, schema, uri_path,
};
use crate::domain::{Expected, MeasuredSignal, Period, Publication, Signal, SignalKind};

/// "RIB1" in the SQLite header: a publication is known before any table is read.
const APPLICATION_ID: i32 = 0x5249_4231;

/// Where SQLite keeps the application id in its 100-byte header.
const APPLICATION_ID_OFFSET: usize = 68;

const CREATE: &str = "CREATE TABLE publication (
    only_one INTEGER PRIMARY KEY CHECK (only_one = 1),
    published_on TEXT NOT NULL,
    newest_period TEXT,
    demo INTEGER NOT NULL CHECK (demo = 0 OR demo = 1),
    written_at TEXT NOT NULL
) STRICT;
CREATE TABLE measured_signals (
    indicator TEXT NOT NULL,
    area TEXT NOT NULL,
    per_1000 INTEGER NOT NULL CHECK (per_1000 = 0 OR per_1000 = 1),
    period TEXT NOT NULL,
    kind TEXT NOT NULL,
    strength REAL NOT NULL,
    rising INTEGER NOT NULL CHECK (rising = 0 OR rising = 1),
    expected_low REAL,
    expected_high REAL,
    run INTEGER NOT NULL CHECK (run >= 0),
    PRIMARY KEY (indicator, area, per_1000, period)
) STRICT, WITHOUT ROWID";

/// Whether the file at `path` is a publication, from its header alone: nothing is opened through
/// SQLite, so asking changes nothing.
pub fn is_publication_file(path: &Path) -> bool {
    let mut header = [0u8; 100];
    let read = std::fs::File::open(path).and_then(|mut file| file.read_exact(&mut header));
    read.is_ok()
        && header.starts_with(b"SQLite format 3\0")
        && header[APPLICATION_ID_OFFSET..APPLICATION_ID_OFFSET + 4] == APPLICATION_ID.to_be_bytes()
}

impl Store {
    /// What this store is as a publication; `None` for every other store.
    pub fn publication(&self) -> Option<&Publication> {
        self.publication.as_ref()
    }

    /// Writes this store, filled in memory with what may be published, to `path` (a new file) as
    /// the publication `publication`, with the signals its source measured on the numbers it
    /// withholds. The caller makes it read-only and renames it into place.
    pub fn save_publication(
        &self,
        publication: &Publication,
        signals: &[MeasuredSignal],
        path: &Path,
    ) -> Result<(), StoreError> {
        let conn = match (&self.path, self.conn.sqlite()) {
            (None, Some(conn)) => conn,
            _ => {
                return Err(StoreError::Refused(
                    "alleen een database in het geheugen wordt als publicatie geschreven".into(),
                ));
            }
        };
        conn.execute_batch(CREATE)?;
        conn.execute(
            "INSERT INTO publication (only_one, published_on, newest_period, demo, written_at) \
             VALUES (1, ?1, ?2, ?3, ?4)",
            rusqlite::params![
                publication.published_on.format("%Y-%m-%d").to_string(),
                publication.newest_period.map(|p| p.canonical()),
                publication.demo,
                now_utc(),
            ],
        )?;
        let mut insert = conn.prepare(
            "INSERT INTO measured_signals \
             (indicator, area, per_1000, period, kind, strength, rising, expected_low, \
             expected_high, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for measured in signals {
            insert.execute(rusqlite::params![
                measured.indicator,
                measured.area.code,
                measured.per_1000,
                measured.signal.period.canonical(),
                measured.signal.kind.label(),
                measured.signal.strength,
                measured.signal.rising,
                measured.signal.expected.map(|e| e.low),
                measured.signal.expected.map(|e| e.high),
                measured.signal.run,
            ])?;
        }
        drop(insert);
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.execute("VACUUM INTO ?1", [path.to_string_lossy().into_owned()])?;
        // A store in memory keeps no journal, so the copy is in rollback mode already; said again
        // here so that a change in SQLite can never leave a publication that needs a WAL.
        let written = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mode: String =
            written.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Unsupported(format!(
                "journal_mode van de publicatie is {mode}, DELETE verwacht"
            )));
        }
        Ok(())
    }

    /// Opens a publication for reading: immutable, never migrated (a publication of an older
    /// schema is refused with what to do), with what it says about itself.
    pub(super) fn open_publication(path: &Path) -> Result<Store, StoreError> {
        let conn = immutable(path)?;
        check_integrity(&conn, path)?;
        schema::refuse_newer(&conn)?;
        // Publications from before their signals were stored lack the table, and those from before
        // the expected range its columns: read as they are, they would show other signals than
        // their source did.
        let signals_stored = conn
            .query_row(
                "SELECT count(expected_low), count(run) FROM measured_signals",
                [],
                |_| Ok(()),
            )
            .is_ok();
        if schema::pending(&conn)? || !signals_stored {
            return Err(StoreError::Refused(format!(
                "deze publicatie is gemaakt met een oudere versie van Regio in beeld en kan met deze \
                 versie (schemaversie {}) niet betrouwbaar gelezen worden; vraag om een nieuwe \
                 publicatie",
                schema::latest_version()
            )));
        }
        let publication = read(&conn)?;
        let mut store = Store::reading(conn, path);
        store.publication = Some(publication);
        store.load_areas()?;
        Ok(store)
    }

    /// The signals the source of this publication measured (see [`Store::save_publication`]);
    /// `None` for every other store, which measures its own.
    pub fn measured_signals(&self) -> Result<Option<Vec<MeasuredSignal>>, StoreError> {
        let Some(conn) = self.publication.as_ref().and(self.conn.sqlite()) else {
            return Ok(None);
        };
        let mut query = conn.prepare(
            "SELECT indicator, area, per_1000, period, kind, strength, rising, expected_low, \
             expected_high, run FROM measured_signals",
        )?;
        let rows = query.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, f64>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, Option<f64>>(7)?,
                r.get::<_, Option<f64>>(8)?,
                r.get::<_, u8>(9)?,
            ))
        })?;
        let mut signals = Vec::new();
        for row in rows {
            let (indicator, area, per_1000, period, kind, strength, rising, low, high, run) = row?;
            let corrupt = |what: &str| StoreError::Corrupt(format!("gemeten signaal: {what}"));
            signals.push(MeasuredSignal {
                indicator,
                area: self
                    .area_of_code(&area)
                    .ok_or_else(|| corrupt(&format!("onbekend gebied '{area}'")))?,
                per_1000,
                signal: Signal {
                    kind: SignalKind::from_label(&kind)
                        .ok_or_else(|| corrupt(&format!("soort '{kind}'")))?,
                    period: Period::parse(&period)
                        .map_err(|_| corrupt(&format!("periode '{period}'")))?,
                    strength,
                    rising,
                    expected: low.zip(high).map(|(low, high)| Expected { low, high }),
                    run,
                },
            });
        }
        Ok(Some(signals))
    }

    /// A second connection to a publication, opened as the first was.
    pub(super) fn publication_reader(&self, path: &Path) -> Option<Store> {
        let conn = immutable(path).ok()?;
        let mut store = Store::reading(conn, path);
        store.areas = self.areas.clone();
        store.publication = self.publication.clone();
        Some(store)
    }
}

fn immutable(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(format!("file:{}?immutable=1", uri_path(path)), flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "cache_size", READING_CACHE_KB)?;
    Ok(conn)
}

fn read(conn: &Connection) -> Result<Publication, StoreError> {
    let (day, period, demo): (String, Option<String>, bool) = conn
        .query_row(
            "SELECT published_on, newest_period, demo FROM publication",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|_| {
            StoreError::Corrupt("de publicatie zegt niet van wanneer ze is".to_string())
        })?;
    let published_on = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("publicatiedatum '{day}'")))?;
    let newest_period = period
        .map(|p| Period::parse(&p).map_err(|_| StoreError::Corrupt(format!("periode '{p}'"))))
        .transpose()?;
    Ok(Publication {
        published_on,
        newest_period,
        demo,
    })
}
