use rusqlite::params;

use super::{Store, StoreError};
use crate::domain::AREAS;

impl Store {
    /// The areas are defined in code; the table mirrors them so observations can reference them.
    pub(super) fn sync_areas(&self) -> Result<(), StoreError> {
        let mut upsert = self.conn.prepare(
            "INSERT INTO areas (code, name, kind, sort_order, number)
             VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(number), 0) + 1 FROM areas))
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                 sort_order = excluded.sort_order",
        )?;
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
