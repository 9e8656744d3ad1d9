//! Where a store lives: a file (SQLite) or a server (PostgreSQL), as given with `--db` or `REGIO_DB`.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

use super::{ServerAddress, StoreError};

// One per process, passed by reference: the server's size does not matter, boxing it would.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum StoreLocation {
    File(PathBuf),
    Server(ServerAddress),
}

impl StoreLocation {
    /// A `postgres://` URL or a libpq string (`host=… dbname=…`) is a server, anything else a file.
    pub fn parse(text: &OsStr) -> Result<StoreLocation, StoreError> {
        match text.to_str() {
            Some(text) if ServerAddress::looks_like_server(text) => {
                Ok(StoreLocation::Server(ServerAddress::parse(text)?))
            }
            _ => Ok(StoreLocation::File(PathBuf::from(text))),
        }
    }

    /// The file of a store in a file; `None` for a server.
    pub fn file(&self) -> Option<&Path> {
        match self {
            StoreLocation::File(path) => Some(path),
            StoreLocation::Server(_) => None,
        }
    }
}

/// Two servers are the same store when their addresses (without passwords) are.
impl PartialEq for StoreLocation {
    fn eq(&self, other: &StoreLocation) -> bool {
        match (self, other) {
            (StoreLocation::File(a), StoreLocation::File(b)) => a == b,
            (StoreLocation::Server(a), StoreLocation::Server(b)) => a.to_string() == b.to_string(),
            _ => false,
        }
    }
}

impl Eq for StoreLocation {}

impl From<PathBuf> for StoreLocation {
    fn from(path: PathBuf) -> StoreLocation {
        StoreLocation::File(path)
    }
}

impl From<&Path> for StoreLocation {
    fn from(path: &Path) -> StoreLocation {
        StoreLocation::File(path.to_path_buf())
    }
}

/// The file's path, or the server's address without its password: for messages.
impl fmt::Display for StoreLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreLocation::File(path) => write!(f, "{}", path.display()),
            StoreLocation::Server(server) => write!(f, "{server}"),
        }
    }
}
