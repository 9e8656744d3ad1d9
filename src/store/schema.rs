//! Schema versions. A change = a new `schema/vN.sql` appended here; every file ever shipped stays
//! as it is, and `tests/store_migrations.rs` opens a frozen file of every earlier version
//! (`tests/fixtures/schema_vN.sql`) with the newest code.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use super::StoreError;

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("schema/v1.sql")),
    M::up(include_str!("schema/v2.sql")),
    M::up(include_str!("schema/v3.sql")),
    M::up(include_str!("schema/v4.sql")),
    M::up(include_str!("schema/v5.sql")),
    M::up(include_str!("schema/v6.sql")),
    // Rebuilds `batches`, which values refer to: run with foreign keys off (see `migrate_with`).
    M::up(include_str!("schema/v7.sql")).foreign_key_check(),
    M::up(include_str!("schema/v8.sql")),
];

pub(super) fn latest_version() -> usize {
    MIGRATIONS.len()
}

/// Brings the file to the newest schema. A file that already holds data is copied next to itself
/// first; a file written by a newer version of the app is refused and left untouched.
pub(super) fn migrate(
    conn: &mut Connection,
    path: Option<&Path>,
) -> Result<Option<PathBuf>, StoreError> {
    migrate_with(&Migrations::from_slice(MIGRATIONS), conn, path)
}

/// Whether the file's schema is older than this code's.
pub(super) fn pending(conn: &Connection) -> Result<bool, StoreError> {
    let pending = Migrations::from_slice(MIGRATIONS)
        .pending_migrations(conn)
        .map_err(StoreError::migration)?;
    Ok(pending > 0)
}

/// Checked before anything else touches the file, so a newer app's store stays byte for byte as it was.
pub(super) fn refuse_newer(conn: &Connection) -> Result<(), StoreError> {
    refuse_newer_than(&Migrations::from_slice(MIGRATIONS), conn).map(drop)
}

/// The file's version, when this code can handle it.
fn refuse_newer_than(migrations: &Migrations, conn: &Connection) -> Result<i32, StoreError> {
    let found = user_version(conn)?;
    let pending = migrations
        .pending_migrations(conn)
        .map_err(StoreError::migration)?;
    if pending < 0 {
        return Err(StoreError::TooNew {
            found,
            supported: found + pending,
        });
    }
    Ok(found)
}

pub(super) fn migrate_with(
    migrations: &Migrations,
    conn: &mut Connection,
    path: Option<&Path>,
) -> Result<Option<PathBuf>, StoreError> {
    let found = refuse_newer_than(migrations, conn)?;
    if migrations
        .pending_migrations(conn)
        .map_err(StoreError::migration)?
        == 0
    {
        return Ok(None);
    }
    let backup = match path {
        Some(path) if found > 0 => Some(backup(conn, path, found)?),
        _ => None,
    };
    // Rebuilding a table that others refer to (`batches` in version 6) drops the old one, which SQLite
    // refuses while foreign keys are on; each such migration checks them itself before committing.
    // The pragma is a no-op inside a transaction, so it is switched here, around them all.
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = migrations.to_latest(conn).map_err(StoreError::migration);
    conn.pragma_update(None, "foreign_keys", enforced)?;
    migrated?;
    Ok(backup)
}

fn user_version(conn: &Connection) -> Result<i32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

fn backup(conn: &Connection, path: &Path, version: i32) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = format!(
        "{}.v{version}-{stamp}.backup",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    );
    let target = path.with_file_name(name);
    // Created owner-only before SQLite writes into it: the copy holds the same figures as the store.
    super::files::create_owner_only(&target).map_err(|e| StoreError::io(&target, e))?;
    conn.backup(rusqlite::MAIN_DB, &target, None)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped version and one more, as a newer app would have.
    fn one_more_version() -> Migrations<'static> {
        let mut migrations = MIGRATIONS.to_vec();
        migrations.push(M::up("ALTER TABLE batches ADD COLUMN comment TEXT;"));
        Migrations::new(migrations)
    }

    fn latest() -> i32 {
        latest_version() as i32
    }

    #[test]
    fn backs_up_a_file_with_data_before_migrating() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("regio.sqlite");
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate(&mut conn, Some(&path)).unwrap(),
            None,
            "a new file needs no backup"
        );
        conn.execute(
            "INSERT INTO batches (kind, user, started_at) VALUES ('demo', 't', 'now')",
            [],
        )
        .unwrap();

        let backup = migrate_with(&one_more_version(), &mut conn, Some(&path))
            .unwrap()
            .expect("backup");
        let copy = Connection::open(&backup).unwrap();
        let version: i32 = copy
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        let batches: i64 = copy
            .query_row("SELECT count(*) FROM batches", [], |r| r.get(0))
            .unwrap();
        assert_eq!((version, batches), (latest(), 1));
        assert_eq!(user_version(&conn).unwrap(), latest() + 1);
    }

    fn tables_and_indexes(conn: &Connection) -> Vec<(String, String, String)> {
        let mut query = conn
            .prepare(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name",
            )
            .unwrap();
        query
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// The frozen files the migration tests start from hold exactly what the shipped migrations up
    /// to their version made, so a test from such a file starts where a user's store does.
    #[test]
    fn each_frozen_file_is_the_schema_its_version_made() {
        let frozen = [
            include_str!("../../tests/fixtures/schema_v1.sql"),
            include_str!("../../tests/fixtures/schema_v2.sql"),
            include_str!("../../tests/fixtures/schema_v3.sql"),
            include_str!("../../tests/fixtures/schema_v4.sql"),
            include_str!("../../tests/fixtures/schema_v5.sql"),
            include_str!("../../tests/fixtures/schema_v6.sql"),
            include_str!("../../tests/fixtures/schema_v7.sql"),
        ];
        for (version, frozen) in (1..).zip(frozen) {
            let from_file = Connection::open_in_memory().unwrap();
            from_file.execute_batch(frozen).unwrap();
            let mut migrated = Connection::open_in_memory().unwrap();
            Migrations::from_slice(&MIGRATIONS[..version])
                .to_latest(&mut migrated)
                .unwrap();
            assert_eq!(
                tables_and_indexes(&from_file),
                tables_and_indexes(&migrated),
                "schema_v{version}.sql"
            );
            assert_eq!(user_version(&from_file).unwrap(), version as i32);
        }
    }

    #[test]
    fn refuses_a_file_from_a_newer_version_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        one_more_version().to_latest(&mut conn).unwrap();
        let error = migrate(&mut conn, None).unwrap_err();
        let expected = (latest() + 1, latest());
        assert!(
            matches!(error, StoreError::TooNew { found, supported } if (found, supported) == expected),
            "{error}"
        );
        assert_eq!(user_version(&conn).unwrap(), latest() + 1);
    }
}
