//! New values into PostgreSQL in one `COPY … FROM STDIN (FORMAT binary)`: a million rows in a
//! fraction of the time a million INSERTs take, each row sent as the server stores it.
//!
//! PostgreSQL refuses `COPY FROM` into a table whose row-level security applies to the user (every
//! account but the owner, see `schema/postgres/roles.sql`): their rows are copied into a temporary
//! table of the session and moved with one `INSERT … SELECT`, which the policies check.

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};

use super::value_columns;
use crate::domain::{BatchId, CellValue};
use crate::store::StoreError;
use crate::store::connection::Tx;

pub(in crate::store) const COPY_OBSERVATIONS: &str = "COPY observations \
    (indicator_number, area_number, period, value, reason, provisional, remark, batch_id) \
    FROM STDIN (FORMAT binary)";

/// The same into the session's staging table, for a user whom row-level security applies to.
const COPY_STAGED: &str = "COPY observations_staged \
    (indicator_number, area_number, period, value, reason, provisional, remark, batch_id) \
    FROM STDIN (FORMAT binary)";

/// Made once per session; emptied after every move (a transaction may copy several batches).
const CREATE_STAGED: &str = "CREATE TEMPORARY TABLE IF NOT EXISTS observations_staged \
    (LIKE observations INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";

const MOVE_STAGED: &str = "INSERT INTO observations \
    (indicator_number, area_number, period, value, reason, provisional, remark, batch_id) \
    SELECT indicator_number, area_number, period, value, reason, provisional, remark, batch_id \
    FROM observations_staged";

/// The columns' types, in the order of [`COPY_OBSERVATIONS`].
pub(in crate::store) const COLUMN_TYPES: [Type; 8] = [
    Type::INT8,
    Type::INT8,
    Type::TEXT,
    Type::FLOAT8,
    Type::TEXT,
    Type::BOOL,
    Type::TEXT,
    Type::INT8,
];

pub(super) fn copy_cells<T: CellValue>(
    tx: &mut Tx,
    batch: BatchId,
    observations: &[&T],
    numbers: impl Fn(&T) -> (i64, i64),
) -> Result<(), StoreError> {
    let Some(tx) = tx.postgres() else {
        return Err(StoreError::Unsupported(
            "COPY is er alleen op PostgreSQL".into(),
        ));
    };
    let staged: bool = tx
        .query_one("SELECT row_security_active('observations')", &[])?
        .get(0);
    if staged {
        tx.batch_execute(CREATE_STAGED)?;
    }
    let sink = tx.copy_in(if staged {
        COPY_STAGED
    } else {
        COPY_OBSERVATIONS
    })?;
    let mut writer = BinaryCopyInWriter::new(sink, &COLUMN_TYPES);
    let mut period = String::new();
    for observation in observations {
        let (indicator, area) = numbers(observation);
        period.clear();
        observation.period().write_canonical(&mut period);
        let (value, reason) = value_columns(observation.value());
        let row: [&(dyn ToSql + Sync); 8] = [
            &indicator,
            &area,
            &period.as_str(),
            &value,
            &reason,
            &observation.provisional(),
            &observation.remark(),
            &batch.0,
        ];
        writer.write(&row)?;
    }
    writer.finish()?;
    if staged {
        tx.execute(MOVE_STAGED, &[])?;
        tx.execute("TRUNCATE observations_staged", &[])?;
    }
    Ok(())
}
