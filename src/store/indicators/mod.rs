//! The indicator definitions the stored values refer to.

use rusqlite::params;

use super::{Store, StoreError, now_utc};
use crate::domain::{Indicator, sha256_hex};

impl Store {
    /// Registers the catalog's definitions. Definitions that left the catalog stay, so values stored
    /// under them keep their reference.
    pub fn sync_indicators(&mut self, indicators: &[Indicator]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut upsert = tx.prepare(include_str!("sync.sql"))?;
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
