//! The PostgreSQL server for the tests: a fresh database per test on the throwaway server that
//! `.ci/postgres` starts. `REGIO_TEST_PG` is the URL of a superuser on it (as
//! `postgres://postgres@127.0.0.1:PORT/postgres`, reached without TLS), `REGIO_TEST_PG_CA` the CA
//! certificate of its TLS. Without `REGIO_TEST_PG` a PostgreSQL test says it is skipped and passes;
//! with `CI` set it fails instead, so CI always runs them. Uses the `postgres` crate directly, not
//! the app's code, so a fault in the app cannot hide in its own test setup.

use std::io::Write;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::config::Host;
use postgres::{Client, Config, NoTls};

/// The longest database name a store takes: its group roles are named after it and PostgreSQL's
/// names end at 63 characters (see `server init`).
const MAX_NAME: usize = 50;

static NEXT: AtomicUsize = AtomicUsize::new(0);

pub struct TestDatabase {
    admin: Config,
    host: String,
    port: u16,
    superuser: String,
    name: String,
    /// The superuser's URL for this database, made once.
    url: String,
    /// Login roles made for this test; roles belong to the whole server, so they are dropped too.
    roles: Mutex<Vec<String>>,
}

/// A new, empty database for `test`, dropped when the value is; `None` (said on stderr) without a
/// server.
pub fn test_database(test: &str) -> Option<TestDatabase> {
    let url = server_setting("REGIO_TEST_PG", test)?;
    let admin = Config::from_str(&url)
        .unwrap_or_else(|e| panic!("REGIO_TEST_PG is geen PostgreSQL-adres ({e}): {url}"));
    let host = match admin.get_hosts().first() {
        Some(Host::Tcp(host)) => host.clone(),
        #[cfg(unix)]
        Some(Host::Unix(path)) => path.display().to_string(),
        None => "localhost".to_string(),
    };
    let port = admin.get_ports().first().copied().unwrap_or(5432);
    let superuser = admin.get_user().unwrap_or("postgres").to_string();
    let name = unique_name(test);
    let mut client = admin
        .connect(NoTls)
        .unwrap_or_else(|e| panic!("de testserver {url} is niet bereikbaar: {e}"));
    // Process ids are unique among running processes: a database of this name is left over from a
    // test run that was killed. One statement per call: neither may run in a transaction block.
    for statement in [
        format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        format!("CREATE DATABASE \"{name}\""),
    ] {
        client
            .batch_execute(&statement)
            .unwrap_or_else(|e| panic!("database {name} maken: {e:?}"));
    }
    let mut database = TestDatabase {
        admin,
        host,
        port,
        superuser,
        name,
        url: String::new(),
        roles: Mutex::new(Vec::new()),
    };
    let password = database
        .admin
        .get_password()
        .map(|p| String::from_utf8_lossy(p).into_owned());
    database.url = database.url_as(&database.superuser, password.as_deref());
    Some(database)
}

/// The CA certificate of the test server's TLS; `None` (said on stderr) when it is not set.
pub fn test_ca(test: &str) -> Option<PathBuf> {
    server_setting("REGIO_TEST_PG_CA", test).map(PathBuf::from)
}

fn server_setting(variable: &str, test: &str) -> Option<String> {
    match std::env::var(variable) {
        Ok(value) if !value.is_empty() => Some(value),
        _ if std::env::var_os("CI").is_some() => panic!(
            "{variable} ontbreekt terwijl CI gezet is: de PostgreSQL-tests moeten draaien \
             (source .ci/postgres): {test}"
        ),
        _ => {
            // Past the test harness's capture, so a run without a server lists what it skipped.
            let _ = writeln!(
                std::io::stderr(),
                "overgeslagen (geen PostgreSQL-server, zet {variable}): {test}"
            );
            None
        }
    }
}

fn unique_name(test: &str) -> String {
    let slug: String = test
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let mut name = format!(
        "regio_{}_{}_{slug}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    name.truncate(MAX_NAME);
    name
}

impl TestDatabase {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The superuser's URL for this database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The URL of this database for `user`, with `password` when given.
    pub fn url_as(&self, user: &str, password: Option<&str>) -> String {
        let login = match password {
            Some(password) => format!("{}:{}", encode(user), encode(password)),
            None => encode(user),
        };
        let host = if self.host.starts_with('/') {
            encode(&self.host)
        } else {
            self.host.clone()
        };
        format!(
            "postgres://{login}@{host}:{}/{}",
            self.port,
            encode(&self.name)
        )
    }

    /// A superuser connection to this database, for setting up and looking.
    pub fn superuser(&self) -> Client {
        let mut config = self.admin.clone();
        config.dbname(&self.name);
        config
            .connect(NoTls)
            .unwrap_or_else(|e| panic!("als superuser verbinden met {}: {e}", self.name))
    }

    /// A new login role with `password`, named after this database; dropped with it.
    pub fn create_login(&self, password: &str) -> String {
        let mut roles = self.roles.lock().unwrap();
        let mut role = format!("{}_r{}", self.name, roles.len());
        if role.len() > MAX_NAME {
            role = format!("{}_r{}", &self.name[..MAX_NAME - 6], roles.len());
        }
        let quoted_password = password.replace('\'', "''");
        self.superuser()
            .batch_execute(&format!(
                "DROP ROLE IF EXISTS \"{role}\"; \
                 CREATE ROLE \"{role}\" LOGIN PASSWORD '{quoted_password}'"
            ))
            .unwrap_or_else(|e| panic!("rol {role} maken: {e:?}"));
        roles.push(role.clone());
        role
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let roles = self.roles.get_mut().map(std::mem::take).unwrap_or_default();
        let mut statements = vec![format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            self.name
        )];
        statements.extend(
            roles
                .iter()
                .map(|role| format!("DROP ROLE IF EXISTS \"{role}\"")),
        );
        // Never a panic in drop (a failing test is already unwinding): a leftover is said.
        let dropped = self.admin.connect(NoTls).and_then(|mut client| {
            statements
                .iter()
                .try_for_each(|statement| client.batch_execute(statement))
        });
        if let Err(e) = dropped {
            eprintln!("testdatabase {} opruimen mislukt: {e:?}", self.name);
        }
    }
}

/// Percent-encoding for a URL part: everything but the unreserved characters.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
