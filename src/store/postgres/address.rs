//! The address of a PostgreSQL store, as a person gives it after `--db` or in `REGIO_DB`: a URL
//! (`postgres://politie@regio-db/regio?sslmode=verify-full`) or libpq's keyword form
//! (`host=regio-db dbname=regio user=politie`). Read the way libpq reads it, so what municipal IT
//! knows from `psql` works here too; see docs/gedeelde-database.md, "Verbinden".

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use ::postgres::config::Host;

use super::conninfo::{ConnInfo, percent_encode};
use super::tls::{SslMode, TlsSettings};
use crate::store::StoreError;

/// Settings the `postgres` crate reads itself.
const CRATE_KEYS: [&str; 18] = [
    "user",
    "password",
    "dbname",
    "options",
    "application_name",
    "sslnegotiation",
    "host",
    "hostaddr",
    "port",
    "connect_timeout",
    "tcp_user_timeout",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_retries",
    "target_session_attrs",
    "channel_binding",
    "load_balance_hosts",
];

/// Settings read here and taken out before the crate sees the rest.
const OWN_KEYS: [&str; 3] = ["sslmode", "sslrootcert", "passfile"];

/// libpq settings the program does not support; named so the error says so rather than "unknown".
const UNSUPPORTED_KEYS: [&str; 20] = [
    "sslcert",
    "sslkey",
    "sslpassword",
    "sslcrl",
    "sslcrldir",
    "sslsni",
    "sslcompression",
    "sslcertmode",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "requirepeer",
    "require_auth",
    "krbsrvname",
    "gsslib",
    "gssencmode",
    "gssdelegation",
    "service",
    "replication",
    "client_encoding",
    "keepalives_count",
];

pub(super) const DEFAULT_PORT: u16 = 5432;
/// How long one host may take to answer (libpq's `connect_timeout`), unless the address says.
pub(super) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where a PostgreSQL store is and how to log in. Holds a password only when the address gave one
/// or `PGPASSWORD` did; neither `Display` nor `Debug` shows it.
#[derive(Clone)]
pub struct ServerAddress {
    /// Everything the crate connects with, but the password from the environment or the file
    /// (added per attempt) and TLS (in `tls`).
    pub(super) config: ::postgres::Config,
    pub(super) tls: TlsSettings,
    pub(super) sslmode_given: bool,
    pub(super) passfile: Option<PathBuf>,
    pub(super) env_password: Option<String>,
}

impl ServerAddress {
    /// Whether `text` is meant as a server rather than a file: a `postgres://` or `postgresql://`
    /// URL, or `key=value` words of which one is a libpq setting (`host=…`, `dbname=…`). Anything
    /// else is a file path; a typing error in a keyword string still counts as a server, so it is
    /// refused with a reason rather than created as a file.
    pub fn looks_like_server(text: &str) -> bool {
        if ConnInfo::is_url(text) {
            return true;
        }
        match ConnInfo::parse(text) {
            Ok(info) => info.keys().any(is_known),
            Err(_) => false,
        }
    }

    /// Reads `text` with the process's environment (`PGUSER`, `PGPASSWORD`, `PGPASSFILE`, the home
    /// folder for `~/.pgpass` and `~/.postgresql/root.crt`).
    pub fn parse(text: &str) -> Result<ServerAddress, StoreError> {
        ServerAddress::parse_with(text, |name| std::env::var(name).ok())
    }

    /// As [`ServerAddress::parse`], with the environment variables looked up through `env`.
    pub fn parse_with(
        text: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<ServerAddress, StoreError> {
        let invalid = |why: String| StoreError::Refused(format!("ongeldig serveradres: {why}"));
        let mut info = ConnInfo::parse(text).map_err(invalid)?;
        if let Some(key) = info.keys().find(|key| !is_supported(key)) {
            return Err(invalid(if UNSUPPORTED_KEYS.contains(&key) {
                format!("de instelling {key} wordt niet ondersteund")
            } else {
                format!("onbekende instelling {key}")
            }));
        }
        let sslmode = info.take("sslmode");
        let mode = match sslmode.as_deref() {
            None => SslMode::Prefer,
            Some(name) => SslMode::parse(name).ok_or_else(|| {
                invalid(format!(
                    "sslmode={name} bestaat niet; kies disable, allow, prefer, require, verify-ca \
                     of verify-full"
                ))
            })?,
        };
        let root_cert = info.take("sslrootcert").map(PathBuf::from);
        let passfile = info.take("passfile").map(PathBuf::from);

        let mut config = ::postgres::Config::from_str(&info.rebuild())
            .map_err(|e| invalid(crate_parse_error(&e)))?;
        if config.get_hosts().is_empty() && config.get_hostaddrs().is_empty() {
            config.host("localhost");
        }
        if config.get_user().is_none_or(str::is_empty) {
            let user = ["PGUSER", "USER", "LOGNAME", "USERNAME"]
                .iter()
                .find_map(|name| env(name).filter(|user| !user.is_empty()))
                .ok_or_else(|| {
                    invalid("er is geen gebruiker: zet user= in het adres of PGUSER".to_string())
                })?;
            config.user(&user);
        }
        if !info.has("application_name") {
            config.application_name("regio-in-beeld");
        }
        if !info.has("connect_timeout") {
            config.connect_timeout(DEFAULT_TIMEOUT);
        }
        if !info.has("keepalives_idle") {
            // A connection that only listens (the window's) learns within a minute that the
            // server is gone, not after the system's two hours.
            config.keepalives_idle(Duration::from_secs(30));
            config.keepalives_interval(Duration::from_secs(10));
            config.keepalives_retries(3);
        }

        let (default_passfile, default_root_cert) = user_files(&env);
        Ok(ServerAddress {
            config,
            tls: TlsSettings {
                mode,
                root_cert,
                default_root_cert,
            },
            sslmode_given: sslmode.is_some(),
            passfile: passfile
                .or_else(|| {
                    env("PGPASSFILE")
                        .filter(|p| !p.is_empty())
                        .map(PathBuf::from)
                })
                .or(default_passfile),
            env_password: env("PGPASSWORD").filter(|p| !p.is_empty()),
        })
    }

    /// The user it logs in as: from the address, else `PGUSER`, else the computer's user.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The database: from the address, else (as the server does) the user's name.
    pub fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or(self.user())
    }

    /// The server as a person names it: `regio-db`, `127.0.0.1:5433`, a socket's folder; the port
    /// only when it is not PostgreSQL's own.
    pub fn host_label(&self) -> String {
        self.hosts()
            .iter()
            .map(|(host, port)| {
                let host = match host {
                    Host::Tcp(name) if name.contains(':') && *port != DEFAULT_PORT => {
                        format!("[{name}]")
                    }
                    Host::Tcp(name) => name.clone(),
                    #[cfg(unix)]
                    Host::Unix(path) => path.display().to_string(),
                };
                if *port == DEFAULT_PORT {
                    host
                } else {
                    format!("{host}:{port}")
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The same server and login, another database.
    pub fn with_database(&self, name: &str) -> ServerAddress {
        let mut address = self.clone();
        address.config.dbname(name);
        address
    }

    /// Each host with its port: one port for all, or one per host.
    pub(super) fn hosts(&self) -> Vec<(Host, u16)> {
        let ports = self.config.get_ports();
        let port = |i: usize| match ports {
            [] => DEFAULT_PORT,
            [one] => *one,
            many => many.get(i).copied().unwrap_or(DEFAULT_PORT),
        };
        let hosts = self.config.get_hosts();
        if hosts.is_empty() {
            return self
                .config
                .get_hostaddrs()
                .iter()
                .enumerate()
                .map(|(i, addr)| (Host::Tcp(addr.to_string()), port(i)))
                .collect();
        }
        hosts
            .iter()
            .enumerate()
            .map(|(i, host)| (host.clone(), port(i)))
            .collect()
    }
}

/// `~/.pgpass` and `~/.postgresql/root.crt`, where libpq looks for them.
#[cfg(not(windows))]
fn user_files(env: &impl Fn(&str) -> Option<String>) -> (Option<PathBuf>, Option<PathBuf>) {
    match env("HOME")
        .filter(|home| !home.is_empty())
        .map(PathBuf::from)
    {
        Some(home) => (
            Some(home.join(".pgpass")),
            Some(home.join(".postgresql").join("root.crt")),
        ),
        None => (None, None),
    }
}

/// `%APPDATA%\postgresql\pgpass.conf` and `root.crt`, where libpq looks for them on Windows.
#[cfg(windows)]
fn user_files(env: &impl Fn(&str) -> Option<String>) -> (Option<PathBuf>, Option<PathBuf>) {
    match env("APPDATA")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
    {
        Some(dir) => (
            Some(dir.join("postgresql").join("pgpass.conf")),
            Some(dir.join("postgresql").join("root.crt")),
        ),
        None => (None, None),
    }
}

fn is_supported(key: &str) -> bool {
    CRATE_KEYS.contains(&key) || OWN_KEYS.contains(&key)
}

fn is_known(key: &str) -> bool {
    is_supported(key) || UNSUPPORTED_KEYS.contains(&key)
}

/// The crate says which setting it could not read in English (`invalid value for option
/// `port``); the setting's name is what a person needs, never its value (it may be a password).
fn crate_parse_error(error: &::postgres::Error) -> String {
    let detail = std::error::Error::source(error)
        .map(ToString::to_string)
        .unwrap_or_default();
    match detail
        .strip_prefix("invalid value for option `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        Some(key) => format!("de waarde van {key} is ongeldig"),
        None => "het adres is niet te lezen".to_string(),
    }
}

/// As a URL without the password; reads back as the same address.
impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "postgres://{}@", percent_encode(self.user()))?;
        let hosts: Vec<String> = self
            .hosts()
            .iter()
            .map(|(host, port)| {
                let host = match host {
                    Host::Tcp(name) if name.contains(':') => format!("[{name}]"),
                    Host::Tcp(name) => name.clone(),
                    #[cfg(unix)]
                    Host::Unix(path) => percent_encode(&path.display().to_string()),
                };
                if *port == DEFAULT_PORT {
                    host
                } else {
                    format!("{host}:{port}")
                }
            })
            .collect();
        write!(f, "{}/{}", hosts.join(","), percent_encode(self.database()))?;
        let mut query = Vec::new();
        if self.sslmode_given {
            query.push(format!("sslmode={}", self.tls.mode.name()));
        }
        if let Some(root) = &self.tls.root_cert {
            query.push(format!(
                "sslrootcert={}",
                percent_encode(&root.display().to_string())
            ));
        }
        if !query.is_empty() {
            write!(f, "?{}", query.join("&"))?;
        }
        Ok(())
    }
}

impl fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerAddress")
            .field("address", &self.to_string())
            .field("password_given", &self.config.get_password().is_some())
            .field("pgpassword", &self.env_password.is_some())
            .field("passfile", &self.passfile)
            .field("tls", &self.tls)
            .finish()
    }
}

#[cfg(test)]
mod tests;
