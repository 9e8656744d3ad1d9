use rusqlite::params;

use super::{Store, StoreError, now_utc};
use crate::domain::{Indicator, sha256_hex};

impl Store {
    /// Registers the catalog's definitions. Definitions that left the catalog stay, so values stored
    /// under them keep their reference.
    pub fn sync_indicators(&mut self, indicators: &[Indicator]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut upsert = tx.prepare(
                "INSERT INTO indicators (id, name, definition_hash, updated_at, number)
                 VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(number), 0) + 1 FROM indicators))
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                     definition_hash = excluded.definition_hash, updated_at = excluded.updated_at
                 WHERE definition_hash <> excluded.definition_hash",
            )?;
            let now = now_utc();
            for indicator in indicators {
                upsert.execute(params![
                    indicator.id,
                    indicator.name,
                    definition_hash(indicator),
                    now
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

fn definition_hash(indicator: &Indicator) -> String {
    sha256_hex(format!("{indicator:?}").as_bytes())
}
