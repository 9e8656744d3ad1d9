//! The SQLite store. All SQL lives here; callers see domain types only, so another backend can later
//! stand behind the same API.

mod areas;
mod batches;
mod error;
mod indicators;
mod notes;
mod observations;
mod schema;
mod stories;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use batches::UndoSummary;
pub use error::StoreError;
pub use observations::{ObservationFilter, WriteSummary};

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Store {
    conn: Connection,
    /// Where the file was copied before a migration in this session.
    migration_backup: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the store at `path` and brings it to the newest schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        create_owner_only(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::init(conn, Some(path.to_path_buf()))
    }

    /// A private store that lives in memory; for tests and previews.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        schema::refuse_newer(&conn)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if path.is_some() && !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Unsupported(format!(
                "journal_mode is {mode}, WAL verwacht"
            )));
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A large import touches many pages of the observations tree; keep them in memory (64 MB).
        conn.pragma_update(None, "cache_size", -65_536)?;
        let migration_backup = schema::migrate(&mut conn, path.as_deref())?;
        let store = Store {
            conn,
            migration_backup,
        };
        store.sync_areas()?;
        Ok(store)
    }

    pub fn migration_backup(&self) -> Option<&Path> {
        self.migration_backup.as_deref()
    }

    pub fn schema_version() -> usize {
        schema::latest_version()
    }
}

/// The store holds no personal data, but its figures are not for every user of the machine either.
#[cfg(unix)]
fn create_owner_only(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::OpenOptionsExt;
    if path.exists() {
        return Ok(());
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| StoreError::io(path, e))
}

#[cfg(not(unix))]
fn create_owner_only(_path: &Path) -> Result<(), StoreError> {
    Ok(())
}

fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_file_is_owner_only_and_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("regio.sqlite");
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let foreign_keys: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(foreign_keys, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("regio.sqlite");
        std::fs::write(&path, "dit is geen database, maar een notitie").unwrap();
        assert!(Store::open(&path).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "dit is geen database, maar een notitie"
        );
    }
}
