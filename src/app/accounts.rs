//! Accounts of a shared store: adding, listing and removing them (`server user …`), and the one line
//! that tells as whom the window is connected. The server decides who may; this checks what a person
//! typed against the catalog first, so a mistake is told in words rather than by the server.

use super::{AppError, Workspace};
use crate::domain::{Account, Role};

/// Longest role name PostgreSQL keeps whole.
const MAX_NAME: usize = 63;

impl Workspace {
    /// Adds an account; a leverancier needs a supplier the catalog knows, the other roles none.
    pub fn add_account(
        &mut self,
        name: &str,
        role: Role,
        supplier: Option<&str>,
        password: Option<&str>,
    ) -> Result<Account, AppError> {
        if name.is_empty() || name.len() > MAX_NAME || name.chars().any(char::is_control) {
            return Err(AppError::Refused(format!(
                "'{name}' kan geen accountnaam zijn: 1 tot {MAX_NAME} tekens, zonder regeleinden"
            )));
        }
        let supplier = match (role, supplier) {
            (Role::Leverancier, Some(supplier)) => Some(self.supplier(supplier)?.name),
            (Role::Leverancier, None) => {
                return Err(AppError::Refused(format!(
                    "een leverancier hoort bij één leverancier: geef --supplier met een van: {}",
                    self.supplier_names().join(", ")
                )));
            }
            (_, Some(_)) => {
                return Err(AppError::Refused(format!(
                    "--supplier hoort alleen bij de rol leverancier, niet bij {role}"
                )));
            }
            (_, None) => None,
        };
        let account = Account {
            name: name.to_string(),
            role,
            supplier,
        };
        self.store_mut()?.add_account(&account, password)?;
        Ok(account)
    }

    pub fn accounts(&self) -> Result<Vec<Account>, AppError> {
        Ok(self.store().accounts()?)
    }

    pub fn remove_account(&mut self, name: &str) -> Result<(), AppError> {
        Ok(self.store_mut()?.remove_account(name)?)
    }
}
