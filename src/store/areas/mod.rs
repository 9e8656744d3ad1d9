//! The areas table, a mirror of the gebieden defined in code.

use rusqlite::params;

use super::{Store, StoreError};
use crate::domain::AREAS;

impl Store {
    /// The areas are defined in code; the table mirrors them so observations can reference them.
    pub(super) fn sync_areas(&self) -> Result<(), StoreError> {
        let mut upsert = self.conn.prepare(include_str!("sync.sql"))?;
        for (order, area) in AREAS.iter().enumerate() {
            upsert.execute(params![
                area.code,
                area.name,
                area.kind.as_str(),
                order as i64
            ])?;
        }
        Ok(())
    }
}
