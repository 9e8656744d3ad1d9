//! The indicator definitions the stored values refer to.

use rusqlite::{Transaction, params};

use super::{Store, StoreError, now_utc};
use crate::domain::{Indicator, sha256_hex};

impl Store {
    /// Registers the catalog's definitions. Definitions that left the catalog stay, so values stored
    /// under them keep their reference.
    pub fn sync_indicators(&mut self, indicators: &[Indicator]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for indicator in indicators {
            register(&tx, indicator)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Gives a new indicator its number, and keeps the name and hash of a known one current.
pub(super) fn register(tx: &Transaction, indicator: &Indicator) -> Result<(), StoreError> {
    tx.prepare_cached(include_str!("sync.sql"))?
        .execute(params![
            indicator.id,
            indicator.name,
            definition_hash(indicator),
            now_utc()
        ])?;
    Ok(())
}

fn definition_hash(indicator: &Indicator) -> String {
    sha256_hex(format!("{indicator:?}").as_bytes())
}
