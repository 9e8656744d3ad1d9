//! The PostgreSQL schema's versions: the same ladder as SQLite's (`schema.rs`), starting at version 7,
//! the first in which the shared store exists. The version is kept in the table `schema_version`.

use postgres::Client;

use crate::store::{StoreError, schema};

/// Every version's script, from version 7 on.
const VERSIONS: &[(i64, &str)] = &[
    (7, include_str!("../schema/postgres/v7.sql")),
    (8, include_str!("../schema/postgres/v8.sql")),
];

fn latest() -> i64 {
    schema::latest_version() as i64
}

/// The database's version; `None` when it holds no store (yet).
fn version(client: &mut Client) -> Result<Option<i64>, StoreError> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('public.schema_version') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(None);
    }
    Ok(Some(
        client
            .query_one("SELECT version FROM schema_version", &[])?
            .get(0),
    ))
}

fn refuse_newer(found: i64) -> Result<(), StoreError> {
    if found > latest() {
        return Err(StoreError::TooNew {
            found: found as i32,
            supported: latest() as i32,
        });
    }
    Ok(())
}

/// Opening: the store must be there, at this code's version. Only `server init` creates or migrates
/// it, since that takes the owner's rights.
pub(super) fn check(client: &mut Client) -> Result<(), StoreError> {
    match version(client)? {
        None => Err(StoreError::Refused(
            "deze database bevat (nog) geen gegevens van Regio in beeld; richt hem in met \
             regio-in-beeld server init --db …"
                .to_string(),
        )),
        Some(found) if found < latest() => Err(StoreError::Refused(format!(
            "de database heeft schemaversie {found} en moet worden bijgewerkt naar versie {}: \
             laat de beheerder regio-in-beeld server init --db … uitvoeren",
            latest()
        ))),
        Some(found) => refuse_newer(found),
    }
}

/// Creates the schema or runs the versions after the database's, each in one transaction; a newer
/// schema is refused untouched.
pub(super) fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let found = version(client)?;
    if let Some(found) = found {
        refuse_newer(found)?;
    }
    for (number, script) in VERSIONS {
        if found.is_some_and(|found| found >= *number) {
            continue;
        }
        let mut tx = client.transaction()?;
        tx.batch_execute(script)?;
        tx.execute("UPDATE schema_version SET version = $1", &[number])?;
        tx.commit()?;
    }
    Ok(())
}
