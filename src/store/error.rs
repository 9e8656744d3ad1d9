use std::fmt;
use std::path::Path;

#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    /// From the PostgreSQL server or the connection to it.
    Postgres(postgres::Error),
    /// Connecting to the PostgreSQL server failed; says to which server, as whom and why.
    Connect(Box<super::postgres::ConnectError>),
    Io {
        path: String,
        error: std::io::Error,
    },
    Migration(String),
    /// The file was written by a newer version of the app.
    TooNew {
        found: i32,
        supported: i32,
    },
    Unsupported(String),
    /// The operation is not allowed in this state; the message says why.
    Refused(String),
    /// A row in the store does not match the domain (e.g. a period that no longer parses).
    Corrupt(String),
    /// SQLite's own check found damage; the copies made before earlier migrations can be restored.
    Damaged {
        problem: String,
        backups: Vec<String>,
    },
    /// Any of the above, with the store's file it happened in.
    InFile {
        path: String,
        error: Box<StoreError>,
    },
}

impl StoreError {
    pub(super) fn io(path: &Path, error: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.display().to_string(),
            error,
        }
    }

    /// What went wrong, without the statement that failed: a person needs the reason, not the
    /// schema's SQL.
    pub(super) fn migration(error: rusqlite_migration::Error) -> StoreError {
        match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::Sqlite(err),
            other => StoreError::Migration(other.to_string()),
        }
    }

    /// The connection to the server could not be made or was lost; the window retries on it.
    pub fn is_connection_lost(&self) -> bool {
        match self {
            StoreError::Postgres(error) => super::postgres::Problem::of(error).is_connection_lost(),
            StoreError::Connect(error) => error.is_connection_lost(),
            StoreError::InFile { error, .. } => error.is_connection_lost(),
            _ => false,
        }
    }

    /// The same error, naming the store's file unless it already names a file.
    pub fn in_file(self, path: &std::path::Path) -> StoreError {
        self.naming(path.display().to_string())
    }

    /// The same error, naming the store's file or server unless it already names one.
    pub fn at(self, location: &super::StoreLocation) -> StoreError {
        self.naming(location.to_string())
    }

    fn naming(self, path: String) -> StoreError {
        match self {
            StoreError::InFile { .. } | StoreError::Io { .. } => self,
            error => StoreError::InFile {
                path,
                error: Box::new(error),
            },
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Sqlite(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
            {
                write!(
                    f,
                    "het bestand is geen database van Regio in beeld of is beschadigd ({e})"
                )
            }
            StoreError::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) => {
                f.write_str(
                    "de database is alleen-lezen geopend (het bestand of de map is niet schrijfbaar); \
                     bekijken en exporteren kan, wijzigen niet",
                )
            }
            StoreError::Sqlite(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) =>
            {
                f.write_str(
                    "de database is bezet door een ander programma; probeer het zo dadelijk opnieuw",
                )
            }
            StoreError::Sqlite(e) => write!(f, "databasefout: {e}"),
            StoreError::Postgres(e) => super::postgres::Problem::of(e).describe(None, f),
            StoreError::Connect(e) => write!(f, "{e}"),
            StoreError::InFile { path, error } => write!(f, "{path}: {error}"),
            StoreError::Io { path, error } => match error.kind() {
                std::io::ErrorKind::PermissionDenied => write!(f, "{path}: geen toegang (rechten)"),
                std::io::ErrorKind::NotFound => write!(f, "{path}: bestaat niet"),
                std::io::ErrorKind::StorageFull => write!(f, "{path}: de schijf is vol"),
                std::io::ErrorKind::ReadOnlyFilesystem => {
                    write!(f, "{path}: het bestandssysteem is alleen-lezen")
                }
                _ => write!(f, "{path}: {error}"),
            },
            StoreError::Migration(e) => write!(f, "bijwerken van de database mislukt: {e}"),
            StoreError::TooNew { found, supported } => write!(
                f,
                "de database heeft schemaversie {found}, deze versie van Regio in beeld kent t/m {supported}; \
                 gebruik een nieuwere versie van de app (het bestand is niet gewijzigd)"
            ),
            StoreError::Unsupported(e) => write!(f, "database niet bruikbaar: {e}"),
            StoreError::Refused(message) => f.write_str(message),
            StoreError::Corrupt(e) => write!(f, "onverwachte inhoud in de database: {e}"),
            StoreError::Damaged { problem, backups } => {
                write!(
                    f,
                    "de database is beschadigd ({problem}); er is niets gewijzigd en niets leeg begonnen"
                )?;
                match backups.last() {
                    Some(newest) => write!(
                        f,
                        "\nzet een reservekopie terug, de nieuwste is {newest}, of open een andere database"
                    ),
                    None => write!(
                        f,
                        "\nzet een reservekopie van het bestand terug, of open een andere database"
                    ),
                }
            }
        }
    }
}

impl std::error::Error for StoreError {}

impl From<postgres::Error> for StoreError {
    fn from(error: postgres::Error) -> StoreError {
        StoreError::Postgres(error)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_errors_name_the_file_in_dutch() {
        let path = Path::new("/gedeeld/regio.sqlite");
        let denied = StoreError::io(path, std::io::ErrorKind::PermissionDenied.into());
        assert_eq!(
            denied.to_string(),
            "/gedeeld/regio.sqlite: geen toegang (rechten)"
        );
        let busy = StoreError::Refused("bezet".into()).in_file(path);
        assert_eq!(busy.to_string(), "/gedeeld/regio.sqlite: bezet");
        assert_eq!(
            busy.in_file(Path::new("ander")).to_string(),
            "/gedeeld/regio.sqlite: bezet",
            "named once"
        );
    }
}
