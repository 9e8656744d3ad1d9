//! The indicator definitions the stored values refer to.

use super::connection::{Sql, Tx};
use super::{Store, StoreError, now_utc};
use crate::domain::{FastHashMap, Indicator, sha256_hex};

impl Store {
    /// Registers the catalog's definitions. Definitions that left the catalog stay, so values stored
    /// under them keep their reference. Only what is new or changed is written: opening a shared
    /// store with its own catalog writes nothing, so a lezer or leverancier (who may not change
    /// definitions) can open it.
    pub fn sync_indicators(&mut self, indicators: &[Indicator]) -> Result<(), StoreError> {
        let known: FastHashMap<String, String> = self
            .conn
            .rows("SELECT id, definition_hash FROM indicators", &[], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?
            .into_iter()
            .collect();
        let changed: Vec<&Indicator> = indicators
            .iter()
            .filter(|i| known.get(&i.id) != Some(&definition_hash(i)))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        if let Some(account) = self.account()?
            && !account.role.manages()
        {
            return Err(StoreError::Refused(format!(
                "geen rechten: als {} mag u geen indicatordefinities vastleggen, en de gegeven \
                 definities wijken af van de catalogus in de database ({}); laat --indicators weg, dan \
                 gelden de definities van de database",
                account.role,
                changed
                    .iter()
                    .map(|i| i.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        self.conn.transaction(|tx| {
            for indicator in changed {
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
