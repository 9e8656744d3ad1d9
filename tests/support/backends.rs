//! Each store test written once and run on both backends: SQLite in a file in a temporary folder,
//! PostgreSQL in a fresh database on the test server (`REGIO_TEST_PG`, see [`super::postgres`]).
//!
//! A test is a function taking `&Backend`; `on_both_backends!(name, …)` makes `name::sqlite` and
//! `name::postgres` of it. Without a server the PostgreSQL one says by name that it is skipped.
//!
//! Both start from the same state: a new SQLite file opened with `Workspace::open` gets the demo
//! data, a server store never does, so every store here is made as `init` (SQLite) and `server
//! init` (PostgreSQL) make it, and the demo data are loaded explicitly where a test needs them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use regio_in_beeld::app::{OpenOptions, Workspace};
use regio_in_beeld::store::{Store, StoreLocation};

use super::postgres::{TestDatabase, test_database};
use super::{Run, finish, regio};

/// `on_both_backends!(a, b)`: the tests `a::sqlite`, `a::postgres`, `b::sqlite`, `b::postgres`, each
/// calling the function of that name with its backend. (Allowed unused: every test crate includes
/// `support`, not every one has store tests.)
#[allow(unused_macros)]
macro_rules! on_both_backends {
    ($($test:ident),+ $(,)?) => {
        $(
            mod $test {
                #[test]
                fn sqlite() {
                    let name = concat!(module_path!(), "::sqlite");
                    super::$test(&crate::support::backends::Backend::sqlite(name));
                }

                #[test]
                fn postgres() {
                    let name = concat!(module_path!(), "::postgres");
                    if let Some(backend) = crate::support::backends::Backend::postgres(name) {
                        super::$test(&backend);
                    }
                }
            }
        )+
    };
}

/// Where one test's store lives, removed when the test ends.
pub struct Backend {
    /// The SQLite file's folder, and on both the place for files a test writes.
    dir: tempfile::TempDir,
    db: StoreLocation,
    /// The test's name, for the server's messages and another store of the same test.
    test: &'static str,
    /// Dropped after the test: the database goes with it.
    database: Option<TestDatabase>,
}

impl Backend {
    pub fn sqlite(test: &'static str) -> Backend {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = StoreLocation::File(dir.path().join("regio.sqlite"));
        Backend {
            dir,
            db,
            test,
            database: None,
        }
    }

    /// `None` when no test server is given (said by `test`'s name).
    pub fn postgres(test: &'static str) -> Option<Backend> {
        let database = test_database(test)?;
        let db = StoreLocation::parse(database.url().as_ref()).expect("server URL");
        Some(Backend {
            dir: tempfile::tempdir().expect("temp dir"),
            db,
            test,
            database: Some(database),
        })
    }

    /// A second store on the same backend, for a test that moves data between stores.
    pub fn another(&self) -> Backend {
        match self.database {
            None => Backend::sqlite(self.test),
            Some(_) => Backend::postgres(self.test).expect("the same test server"),
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.db, StoreLocation::Server(_))
    }

    /// Who a batch says wrote it when the program gives `user`: on PostgreSQL the database user,
    /// whatever the program says (the server records it).
    pub fn recorded_user(&self, user: &str) -> String {
        match &self.database {
            None => user.to_string(),
            Some(database) => postgres::Client::connect(database.url(), postgres::NoTls)
                .and_then(|mut client| client.query_one("SELECT session_user::text", &[]))
                .expect("the test server")
                .get(0),
        }
    }

    /// A folder for the files a test writes and imports.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// As `--db` takes it: the file's path or the server's URL.
    pub fn db(&self) -> OsString {
        match &self.db {
            StoreLocation::File(path) => path.clone().into_os_string(),
            StoreLocation::Server(server) => server.to_string().into(),
        }
    }

    /// The store with its schema and nothing else: no region, catalog or values.
    pub fn store(&self) -> Store {
        match &self.db {
            StoreLocation::File(path) => Store::open(path).expect("new SQLite store"),
            StoreLocation::Server(server) => {
                Store::init_server(server).expect("server init");
                Store::connect(server).expect("connect")
            }
        }
    }

    pub fn options(&self, today: &str) -> OpenOptions {
        OpenOptions {
            db: self.db.clone(),
            indicators: None,
            today: Some(today.parse().expect("a day")),
        }
    }

    /// The store as `init` or `server init` makes it for Zaanstreek-Waterland: the region, the
    /// catalog (batch 0) and the herindelingen, no values.
    pub fn workspace(&self, today: &str) -> Workspace {
        let options = self.options(today);
        let made = match self.db {
            StoreLocation::File(_) => Workspace::init(&options, None),
            StoreLocation::Server(_) => Workspace::init_server(&options, None),
        };
        made.expect("init")
    }

    /// The same with the demo data loaded (batch 1), as `demo` loads them.
    pub fn demo_workspace(&self, today: &str) -> Workspace {
        let mut workspace = self.workspace(today);
        workspace.load_demo().expect("demo data");
        workspace
    }

    /// The binary on this store, on [`super::TODAY`].
    pub fn run(&self, args: &[&str]) -> Run {
        finish(regio().arg("--db").arg(self.db()).args(args))
    }

    /// Through the binary, as a region's IT would: `init` (or `server init`), then `demo`.
    /// The BO-pakket of 12 februari 2026, written by the command line to `file` (`.html` or `.pdf`)
    /// in the store's folder.
    pub fn bo_pakket(&self, file: &str) -> PathBuf {
        let out = self.dir().join(file);
        let written = self.run(&[
            "report",
            "--bo",
            "12-2-2026",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(written.code, 0, "{}", written.stderr);
        assert!(
            written.stdout.contains("BO-pakket voor 12 februari 2026"),
            "{}",
            written.stdout
        );
        out
    }

    pub fn init_demo(&self) {
        let init: &[&str] = if self.is_postgres() {
            &["server", "init"]
        } else {
            &["init"]
        };
        for args in [init, &["demo"]] {
            let out = self.run(args);
            assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        }
    }

    /// The store's whole content as `export --unshielded` prints it.
    pub fn export_all(&self) -> String {
        let out = self.run(&["export", "--unshielded"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    }

    /// The export line of one indicator, area and period, after the key (`None` when absent).
    pub fn exported(&self, indicator: &str, area: &str, period: &str) -> Option<String> {
        let prefix = format!("{indicator};{area};{period};");
        self.export_all()
            .lines()
            .find(|l| l.starts_with(&prefix))
            .map(|l| l[prefix.len()..].to_string())
    }
}
