//! The suppliers the catalog names, with the contact person and e-mail address kept for each: who a
//! template is for, a reminder goes to and a receipt is about.

use super::import::check_user;
use super::{AppError, Workspace};
use crate::domain::{BatchId, BatchKind, BatchSource, Indicator, Period, Supplier, fold, visible};

impl Workspace {
    /// Every supplier an indicator in use names, sorted by name, with its contact where one is kept.
    pub fn suppliers(&self) -> Result<Vec<Supplier>, AppError> {
        let stored = self.store().suppliers()?;
        Ok(names(self.catalog().indicators())
            .into_iter()
            .map(|name| with_contact(name, &stored))
            .collect())
    }

    /// The names of every supplier the catalog names, retired indicators' too, sorted.
    pub fn supplier_names(&self) -> Vec<&str> {
        names(self.catalog().all())
    }

    /// The supplier called `name` (case, accents and spaces aside) by any indicator, retired ones
    /// too; otherwise a refusal listing the names.
    pub fn supplier(&self, name: &str) -> Result<Supplier, AppError> {
        let names = self.supplier_names();
        let wanted = fold(name);
        match names.iter().find(|known| fold(known) == wanted) {
            Some(known) => Ok(with_contact(known, &self.store().suppliers()?)),
            None => Err(AppError::Refused(format!(
                "de catalogus kent geen leverancier '{}'; kies een van: {}",
                visible(name.trim(), 80),
                names.join(", ")
            ))),
        }
    }

    /// The indicators `supplier` delivers by hand for `period`, in catalog order.
    pub fn manual_indicators_of(&self, supplier: &str, period: &Period) -> Vec<&Indicator> {
        self.manual_indicators_for(period)
            .into_iter()
            .filter(|i| i.supplier == supplier)
            .collect()
    }

    /// Keeps `contact` and `email` for the supplier called `name` (blank clears one) as one catalog
    /// batch; `None` when nothing changed.
    pub fn set_supplier_contact(
        &mut self,
        name: &str,
        contact: Option<&str>,
        email: Option<&str>,
        user: &str,
    ) -> Result<Option<BatchId>, AppError> {
        check_user("gebruiker", user)?;
        let known = self.supplier(name)?;
        let supplier = Supplier::with_contact(&known.name, contact, email).map_err(|problems| {
            AppError::Refused(format!("{}: {}", known.name, problems.join("; ")))
        })?;
        let source = BatchSource {
            kind: BatchKind::Catalog,
            file_name: Some(format!("leverancier {}", known.name)),
            sha256: None,
            user: user.to_string(),
        };
        Ok(self.store_mut()?.write_supplier(&source, &supplier)?)
    }
}

/// The suppliers `indicators` name, sorted, each once.
fn names(indicators: &[Indicator]) -> Vec<&str> {
    let mut names: Vec<&str> = indicators.iter().map(|i| i.supplier.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The supplier as kept in the store, or without a contact when none was ever given.
fn with_contact(name: &str, stored: &[Supplier]) -> Supplier {
    stored
        .iter()
        .find(|s| s.name == name)
        .cloned()
        .unwrap_or_else(|| Supplier::named(name))
}
