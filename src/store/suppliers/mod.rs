//! The suppliers' contact persons and e-mail addresses, kept with the catalog: every change a
//! version written in a catalog batch (who and when are the batch's), so it can be traced and undone.

use super::batches::{begin_batch, finish_batch};
use super::connection::{Row, Sql, Tx};
use super::{Store, StoreError, UndoSummary};
use crate::domain::{BatchId, BatchSource, Supplier};

impl Store {
    /// The current version of every supplier that was ever given a contact, sorted by name.
    pub fn suppliers(&self) -> Result<Vec<Supplier>, StoreError> {
        self.conn
            .rows(include_str!("current.sql"), &[], row_to_supplier)
    }

    /// Writes `supplier` as its new version in one catalog batch; `None` when it is already so.
    pub fn write_supplier(
        &mut self,
        source: &BatchSource,
        supplier: &Supplier,
    ) -> Result<Option<BatchId>, StoreError> {
        self.conn.transaction(|tx| {
            let current: Vec<Supplier> =
                tx.rows(include_str!("current.sql"), &[], row_to_supplier)?;
            let unchanged = match current.iter().find(|s| s.name == supplier.name) {
                Some(stored) => stored == supplier,
                // A supplier without contact is what every supplier is before one is given.
                None => supplier.contact.is_none() && supplier.email.is_none(),
            };
            if unchanged {
                return Ok(None);
            }
            let batch = begin_batch(tx, source)?;
            tx.exec(
                include_str!("insert.sql"),
                &[&supplier.name, &supplier.contact, &supplier.email, &batch.0],
            )?;
            finish_batch(tx, batch, 1)?;
            Ok(Some(batch))
        })
    }
}

/// Undoes what catalog batch `id` wrote of the suppliers inside `tx`: the versions before it become
/// current again. Refused when a later batch changed the same supplier.
pub(super) fn undo_supplier_versions(tx: &mut Tx, id: BatchId) -> Result<UndoSummary, StoreError> {
    let later: Vec<i64> = tx.rows(include_str!("later_writers.sql"), &[&id.0], |r| r.get(0))?;
    if !later.is_empty() {
        let list: Vec<String> = later.iter().map(i64::to_string).collect();
        return Err(StoreError::Refused(format!(
            "de leveranciersgegevens uit batch {id} zijn later gewijzigd door batch {}; maak die eerst ongedaan",
            list.join(", ")
        )));
    }
    let effect: Vec<bool> = tx.rows(include_str!("undone_effect.sql"), &[&id.0], |r| r.get(1))?;
    let restored = effect.iter().filter(|earlier| **earlier).count() as u64;
    Ok(UndoSummary {
        restored,
        removed: effect.len() as u64 - restored,
    })
}

fn row_to_supplier(row: &Row) -> Result<Supplier, StoreError> {
    Ok(Supplier {
        name: row.get(0)?,
        contact: row.get(1)?,
        email: row.get(2)?,
    })
}
