//! The indicator definitions the stored values refer to.

use super::connection::{Sql, Tx};
use super::{Store, StoreError, now_utc};
use crate::domain::{Indicator, sha256_hex};

impl Store {
    /// Registers the catalog's definitions. Definitions that left the catalog stay, so values stored
    /// under them keep their reference.
    pub fn sync_indicators(&mut self, indicators: &[Indicator]) -> Result<(), StoreError> {
        self.conn.transaction(|tx| {
            for indicator in indicators {
                register(tx, indicator)?;
            }
            Ok(())
        })
    }
}

/// Gives a new indicator its number, and keeps the name and hash of a known one current.
pub(super) fn register(tx: &mut Tx, indicator: &Indicator) -> Result<(), StoreError> {
    tx.exec(
        include_str!("sync.sql"),
        &[
            &indicator.id,
            &indicator.name,
            &definition_hash(indicator),
            &now_utc(),
        ],
    )?;
    Ok(())
}

fn definition_hash(indicator: &Indicator) -> String {
    sha256_hex(format!("{indicator:?}").as_bytes())
}
