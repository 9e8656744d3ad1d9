//! The store: SQLite in a file (the embedded default) or PostgreSQL on a server (the region's shared
//! store), behind one API. All SQL lives here, written once for both (see `connection`); callers see
//! domain types only.

mod areas;
mod batches;
mod connection;
mod definitions;
mod error;
mod events;
mod files;
mod indicators;
mod location;
mod notes;
mod observations;
mod postgres;
mod publication;
mod schema;
mod stories;
mod suppliers;
mod undo;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use connection::Conn;

pub use areas::StoredRegion;
pub use batches::UndoSummary;
pub use definitions::{CatalogSummary, DefinitionVersion, DefinitionWrite};
pub use error::StoreError;
pub use files::{SetupLock, create_owner_only, is_own_file};
pub use location::StoreLocation;
pub use observations::{ObservationFilter, WriteSummary};
pub use postgres::ServerAddress;
pub use publication::is_publication_file;

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// SQLite's page cache while reading (negative: in KiB), kept small so a national-scale store fits
/// the window's memory budget.
const READING_CACHE_KB: i64 = -8_192;

/// While writing a large batch: it touches many pages of the observations tree (64 MB).
const WRITING_CACHE_KB: i64 = -65_536;

pub struct Store {
    conn: Conn,
    /// The file, for messages and so nothing the program writes lands on it; `None` in memory.
    path: Option<PathBuf>,
    /// Opened without write access: the file or its folder is read-only.
    read_only: bool,
    /// Where the file was copied before a migration in this session.
    migration_backup: Option<PathBuf>,
    /// The areas table as areas, read at opening and after each change.
    areas: areas::AreaRegister,
    /// The server of a PostgreSQL store, for a second connection; `None` for SQLite.
    server: Option<ServerAddress>,
    /// Hears other users' changes on the server; started when first asked (only a window asks).
    listener: std::cell::OnceCell<postgres::Listener>,
    /// The connected account, asked of the server once: a connection's user never changes.
    account: std::cell::OnceCell<Option<crate::domain::Account>>,
    /// What a publication for bestuurders says about itself; `None` for every other store.
    publication: Option<crate::domain::Publication>,
}

impl Store {
    /// Opens (or creates) the store at `path` and brings it to the newest schema. A new store is made
    /// under another name and renamed into place once its schema is complete, so no process ever
    /// sees a half-made store; one process at a time creates or migrates (see [`SetupLock`]). A store
    /// whose file or folder is read-only is opened read-only.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_file(path).map_err(|error| error.in_file(path))
    }

    fn open_file(path: &Path) -> Result<Store, StoreError> {
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => Err(StoreError::Refused(
                "dit is geen databasebestand (maar een map of apparaat)".to_string(),
            )),
            Ok(meta) if meta.len() == 0 => Err(StoreError::Refused(
                "het bestand is leeg (0 bytes) en dus geen database; verwijder het of kies een \
                 ander bestand, dan wordt een nieuwe database aangemaakt"
                    .to_string(),
            )),
            Ok(_) if publication::is_publication_file(path) => Store::open_publication(path),
            Ok(_) if files::is_read_only(path) => Store::open_read_only(path),
            Ok(_) => Store::open_writable(path, None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Store::create(path),
            Err(e) => Err(StoreError::io(path, e)),
        }
    }

    /// A new store: schema written under a temporary name, then renamed to `path`. Another process
    /// that arrives meanwhile waits for the lock and then opens the finished store.
    fn create(path: &Path) -> Result<Store, StoreError> {
        // A .rib file is a publication, which `publish` writes whole: opening a missing one (a
        // mistyped name) must not leave an empty store under its name.
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("rib"))
        {
            return Err(StoreError::Refused(
                "bestaat niet; een publicatie (.rib) wordt gemaakt met regio-in-beeld publish \
                 --out BESTAND.rib"
                    .to_string(),
            ));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let lock = SetupLock::acquire(path)?;
        if path.exists() {
            return Store::open_writable(path, Some(lock));
        }
        let creating = files::companion(path, ".creating");
        for leftover in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(files::companion(&creating, leftover));
        }
        files::create_owner_only(&creating).map_err(|e| StoreError::io(&creating, e))?;
        let conn = Connection::open_with_flags(&creating, writable_flags())?;
        drop(Store::init(conn, Some(creating.clone()), false)?);
        std::fs::rename(&creating, path).map_err(|e| StoreError::io(path, e))?;
        Store::open_writable(path, Some(lock))
    }

    fn open_writable(path: &Path, lock: Option<SetupLock>) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(path, writable_flags())?;
        check_integrity(&conn, path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        schema::refuse_newer(&conn)?;
        // Migrating is one process's job; the others wait and then find nothing left to do.
        let _lock = match lock {
            None if schema::pending(&conn)? => Some(SetupLock::acquire(path)?),
            lock => lock,
        };
        Store::init(conn, Some(path.to_path_buf()), false)
    }

    /// For viewing and exporting only; every write is refused with a message saying why.
    fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).or_else(|_| {
            // A read-only folder has no room for the WAL's shared-memory file: then SQLite reads
            // the file as it is, as if on read-only media.
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        })?;
        check_integrity(&conn, path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        schema::refuse_newer(&conn)?;
        if schema::pending(&conn)? {
            return Err(StoreError::Refused(format!(
                "de database heeft een oudere schemaversie en moet worden bijgewerkt naar versie {}, \
                 maar het bestand of de map is alleen-lezen",
                schema::latest_version()
            )));
        }
        conn.pragma_update(None, "cache_size", READING_CACHE_KB)?;
        let mut store = Store::reading(conn, path);
        store.load_areas()?;
        Ok(store)
    }

    /// A second connection to the same file, for reading only and without the checks opening did:
    /// the dashboard reads half its indicators on it, on the other core. `None` for a store in
    /// memory, or when the file cannot be opened twice (then one connection reads everything), and
    /// for a server: there the server does the reading, and a new connection (TLS, login, schema
    /// check) for every read of the dashboard would cost more than it saves, and wait on a server
    /// that is gone.
    pub fn reader(&self) -> Option<Store> {
        let path = self.path.as_ref()?;
        if self.publication.is_some() {
            return self.publication_reader(path);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).ok()?;
        conn.busy_timeout(BUSY_TIMEOUT).ok()?;
        conn.pragma_update(None, "cache_size", READING_CACHE_KB)
            .ok()?;
        let mut store = Store::reading(conn, path);
        store.areas = self.areas.clone();
        Some(store)
    }

    /// A store on a file opened for reading only, its areas not read yet.
    fn reading(conn: Connection, path: &Path) -> Store {
        Store {
            conn: Conn::Sqlite(conn),
            path: Some(path.to_path_buf()),
            read_only: true,
            migration_backup: None,
            areas: Default::default(),
            server: None,
            listener: Default::default(),
            account: Default::default(),
            publication: None,
        }
    }

    /// Opens the store at `location`: a file (see [`Store::open`]) or a server (see [`Store::connect`]).
    pub fn open_at(location: &StoreLocation) -> Result<Store, StoreError> {
        match location {
            StoreLocation::File(path) => Store::open(path),
            StoreLocation::Server(server) => Store::connect(server),
        }
    }

    /// Connects to the store on a PostgreSQL server, made with [`Store::init_server`].
    pub fn connect(server: &ServerAddress) -> Result<Store, StoreError> {
        let mut store = Store {
            conn: postgres::open(server)?,
            path: None,
            read_only: false,
            migration_backup: None,
            areas: Default::default(),
            server: Some(server.clone()),
            listener: Default::default(),
            account: Default::default(),
            publication: None,
        };
        store.load_areas()?;
        Ok(store)
    }

    /// Creates the store's schema in the server's database, or migrates it to the newest version (a
    /// newer schema is refused untouched): `regio-in-beeld server init`.
    pub fn init_server(server: &ServerAddress) -> Result<(), StoreError> {
        postgres::init(server)
    }

    /// A private store that lives in memory; for tests and previews.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?, None, true)
    }

    fn init(
        mut conn: Connection,
        path: Option<PathBuf>,
        in_memory: bool,
    ) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        schema::refuse_newer(&conn)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !in_memory && !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Unsupported(format!(
                "journal_mode is {mode}, WAL verwacht"
            )));
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", READING_CACHE_KB)?;
        let migration_backup = schema::migrate(&mut conn, path.as_deref())?;
        let mut store = Store {
            conn: Conn::Sqlite(conn),
            path,
            read_only: false,
            migration_backup,
            areas: Default::default(),
            server: None,
            listener: Default::default(),
            account: Default::default(),
            publication: None,
        };
        store.load_areas()?;
        Ok(store)
    }

    /// Held while filling a new store with the demo data, so two processes starting on one new store
    /// do not both fill it.
    pub fn setup_lock(&self) -> Result<SetupLock, StoreError> {
        match &self.path {
            Some(path) if !self.read_only => SetupLock::acquire(path),
            _ => Ok(SetupLock::none()),
        }
    }

    /// A number that changes whenever another connection (another process, a background job) commits
    /// to the file. On a server it counts what the listener heard, without asking the server: the
    /// window asks every frame.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        match (self.conn.sqlite(), self.listener()) {
            (Some(conn), _) => Ok(conn.pragma_query_value(None, "data_version", |row| row.get(0))?),
            (None, Some(listener)) => Ok(listener.version()),
            (None, None) => Ok(0),
        }
    }

    fn listener(&self) -> Option<&postgres::Listener> {
        let server = self.server.as_ref()?;
        Some(
            self.listener
                .get_or_init(|| postgres::Listener::start(server)),
        )
    }

    /// Called whenever the listener hears a change or the connection's state changes (the window
    /// repaints); on a file, never.
    pub fn on_change(&self, wake: Box<dyn Fn() + Send>) {
        if let Some(listener) = self.listener() {
            listener.on_change(wake);
        }
    }

    /// Why the server cannot be reached now; `None` while it can, and for a file. The listener tries
    /// again every few seconds; once it is through, [`Store::reconnect`] restores this connection.
    pub fn connection_lost(&self) -> Option<String> {
        let listener = self.listener()?;
        listener.lost().or_else(|| {
            self.conn
                .is_closed()
                .then(|| "de verbinding met de databaseserver is verbroken".to_string())
        })
    }

    /// Whether this connection is closed while the server can be reached again: then
    /// [`Store::reconnect`] is due.
    pub fn needs_reconnect(&self) -> bool {
        self.conn.is_closed() && self.listener().is_some_and(|l| l.lost().is_none())
    }

    /// A new connection to the same server in place of a closed one, the areas read again.
    pub fn reconnect(&mut self) -> Result<(), StoreError> {
        let Some(server) = &self.server else {
            return Ok(());
        };
        self.conn = postgres::open(server)?;
        self.load_areas()
    }

    pub fn migration_backup(&self) -> Option<&Path> {
        self.migration_backup.as_deref()
    }

    /// The store's file; `None` for a store in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The server of a store on PostgreSQL; `None` for a file.
    pub fn server(&self) -> Option<&ServerAddress> {
        self.server.as_ref()
    }

    /// Opened for viewing only, since the file or its folder is read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn schema_version() -> usize {
        schema::latest_version()
    }
}

fn writable_flags() -> OpenFlags {
    // No mutex of SQLite's own around every call: a `Connection` is used by one thread at a
    // time already (it is not `Sync`), and the locking cost 30 ms per million values written.
    OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

/// A path as SQLite reads it in a `file:` URI: `%`, `?` and `#` would otherwise end or change it.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// SQLite's quick check of the whole file, before anything is changed: a damaged store is reported
/// with the backups next to it, never silently replaced or started empty.
fn check_integrity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let checked: rusqlite::Result<Vec<String>> =
        conn.prepare("PRAGMA quick_check").and_then(|mut check| {
            check
                .query_map([], |row| row.get::<_, String>(0))?
                .collect()
        });
    let problems = match checked {
        Ok(lines) if lines.iter().all(|line| line == "ok") => return Ok(()),
        Ok(lines) => lines,
        Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            vec![error.to_string()]
        }
        Err(error) => return Err(error.into()),
    };
    Err(StoreError::Damaged {
        problem: problems.into_iter().take(3).collect::<Vec<_>>().join("; "),
        backups: backups_of(path),
    })
}

/// The copies made before migrations (`regio.sqlite.v1-….backup`), oldest first.
fn backups_of(path: &Path) -> Vec<String> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let prefix = format!("{}.v", name.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".backup"))
        })
        .map(|p| p.display().to_string())
        .collect();
    found.sort();
    found
}

impl Store {
    /// An optional gebied as stored by its code; an unknown code is a problem to report.
    fn optional_area(&self, code: Option<String>) -> Result<Option<crate::domain::Area>, String> {
        match code {
            None => Ok(None),
            Some(code) => self
                .area_of_code(&code)
                .map(Some)
                .ok_or_else(|| format!("onbekend gebied '{code}'")),
        }
    }
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
        let conn = store.conn.sqlite().unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let foreign_keys: i64 = conn
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
