//! A row of either backend, read by index or column name into the types both drivers know.

use super::StoreError;

/// A column's value as read: whatever both drivers can read into (`i64`, `f64`, `bool`, `String`,
/// and `Option`s of them). PostgreSQL columns are BIGINT, DOUBLE PRECISION, BOOLEAN and TEXT to match.
pub(in crate::store) trait Column:
    rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a>
{
}

impl<T: rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a>> Column for T {}

/// Which column: its place (from 0) or its name.
pub(in crate::store) trait ColumnIndex:
    rusqlite::RowIndex + postgres::row::RowIndex + std::fmt::Display + Copy
{
}

impl ColumnIndex for usize {}

impl ColumnIndex for &str {}

pub(in crate::store) enum Row<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    pub fn get<T: Column>(&self, index: impl ColumnIndex) -> Result<T, StoreError> {
        match self {
            Row::Sqlite(row) => Ok(row.get(index)?),
            Row::Postgres(row) => Ok(row.try_get(index)?),
        }
    }

    /// A text column without copying it, passed to `read`; SQLite hands out its own bytes.
    pub fn with_str<T>(
        &self,
        index: impl ColumnIndex,
        read: impl FnOnce(&str) -> T,
    ) -> Result<T, StoreError> {
        match self {
            Row::Sqlite(row) => {
                let text = row.get_ref(index)?.as_str();
                Ok(read(text.map_err(|e| {
                    StoreError::Corrupt(format!("kolom {index}: {e}"))
                })?))
            }
            Row::Postgres(row) => Ok(read(row.try_get::<_, &str>(index)?)),
        }
    }
}
