//! Undoing a batch, whatever it wrote: values (`batches`) or definitions (`definitions`).

use super::batches::undo_values;
use super::connection::Sql;
use super::definitions::undo_catalog_batch;
use super::suppliers::undo_supplier_versions;
use super::{Store, StoreError, UndoSummary, now_utc};
use crate::domain::{BatchId, BatchKind, Role, dutch_datetime};

impl Store {
    /// Restores exactly the state before `id`: values it replaced come back, values it added go; for
    /// a catalog batch, the definitions before it (see `definitions::undo_catalog_batch`). Refused
    /// when a later batch (not undone) changed what this one wrote: undo that one first.
    pub fn undo_batch(&mut self, id: BatchId) -> Result<UndoSummary, StoreError> {
        // The server refuses another supplier's batch too, but a refused update of one row does
        // not say why: the leverancier hears it here, before anything is tried.
        if let Some(account) = self.writer()?
            && account.role == Role::Leverancier
            && self.batch(id)?.is_some()
            && !self.may_undo(id)?
        {
            return Err(StoreError::Refused(format!(
                "geen rechten: batch {id} bevat waarden van indicatoren die niet van {} zijn; als \
                 leverancier maakt u alleen batches van uw eigen indicatoren ongedaan",
                account.supplier.as_deref().unwrap_or("uw leverancier")
            )));
        }
        self.conn.transaction(|tx| {
            let found: Option<(String, Option<String>)> = tx.row(
                "SELECT kind, undone_at FROM batches WHERE id = ?1",
                &[&id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let kind = match found {
                None => {
                    return Err(StoreError::Refused(format!(
                        "batch {id} bestaat niet; zie regio-in-beeld batches"
                    )));
                }
                Some((_, Some(when))) => {
                    return Err(StoreError::Refused(format!(
                        "batch {id} is al ongedaan gemaakt ({})",
                        dutch_datetime(&when)
                    )));
                }
                Some((kind, None)) => kind,
            };
            let summary = if kind == BatchKind::Catalog.code() {
                // A catalog batch writes definitions, a supplier's contact, or both.
                let definitions = undo_catalog_batch(tx, id)?;
                let suppliers = undo_supplier_versions(tx, id)?;
                UndoSummary {
                    restored: definitions.restored + suppliers.restored,
                    removed: definitions.removed + suppliers.removed,
                }
            } else {
                undo_values(tx, id)?
            };
            tx.exec(
                "UPDATE batches SET undone_at = ?1 WHERE id = ?2",
                &[&now_utc(), &id.0],
            )?;
            Ok(summary)
        })
    }
}
