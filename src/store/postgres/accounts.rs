//! Accounts and roles on the server (see `schema/postgres/roles.sql`): installing them, who is
//! connected, and managing accounts through the server's own functions, so the server decides who may.

use postgres::Client;

use crate::domain::{Account, BatchId, Role};
use crate::store::{Store, StoreError};

const ROLES: &str = include_str!("../schema/postgres/roles.sql");

/// Installs the group roles, grants and policies: after every `server init`, changing nothing the
/// second time.
pub(super) fn install(client: &mut Client) -> Result<(), StoreError> {
    let mut tx = client.transaction()?;
    tx.batch_execute(ROLES)?;
    tx.commit()?;
    Ok(())
}

impl Store {
    /// The connected user with its role in this store; `None` on SQLite. The database owner and
    /// superusers count as beheerder. A user in none of the store's roles is refused. Asked of the
    /// server once per store (the server checks every write again).
    pub fn account(&self) -> Result<Option<Account>, StoreError> {
        if let Some(account) = self.account.get() {
            return Ok(account.clone());
        }
        let account = self.ask_account()?;
        Ok(self.account.get_or_init(|| account).clone())
    }

    fn ask_account(&self) -> Result<Option<Account>, StoreError> {
        if self.conn.sqlite().is_some() {
            return Ok(None);
        }
        let (name, role, supplier): (String, Option<String>, Option<String>) = self
            .conn
            .row(
                "SELECT session_user::TEXT, role, supplier FROM regio_whoami()",
                &[],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )?
            .ok_or_else(|| StoreError::Corrupt("regio_whoami gaf geen rij".into()))?;
        let Some(role) = role.as_deref().and_then(Role::from_code) else {
            return Err(StoreError::Refused(format!(
                "geen rechten: {name} heeft geen rol in deze database; vraag de beheerder om een \
                 account (regio-in-beeld server user add)"
            )));
        };
        Ok(Some(Account {
            name,
            role,
            supplier,
        }))
    }

    /// Every account of this store, by name.
    pub fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        self.require_beheerder()?;
        self.conn.rows(
            "SELECT name, role, supplier FROM regio_accounts ORDER BY name",
            &[],
            |row| {
                let role: String = row.get(1)?;
                Ok(Account {
                    name: row.get(0)?,
                    role: Role::from_code(&role)
                        .ok_or_else(|| StoreError::Corrupt(format!("onbekende rol '{role}'")))?,
                    supplier: row.get(2)?,
                })
            },
        )
    }

    /// Adds an account (a login role on the server) with its role here; `password` is handed to the
    /// server, which keeps only its scram-sha-256 hash.
    pub fn add_account(
        &mut self,
        account: &Account,
        password: Option<&str>,
    ) -> Result<(), StoreError> {
        self.require_beheerder()?;
        self.conn.exec(
            "SELECT regio_account_add(?1, ?2, ?3, ?4)",
            &[
                &account.name,
                &account.role.code(),
                &account.supplier,
                &password,
            ],
        )?;
        Ok(())
    }

    /// Removes the account from this store (its login role too, unless another database uses it).
    pub fn remove_account(&mut self, name: &str) -> Result<(), StoreError> {
        self.require_beheerder()?;
        self.conn
            .exec("SELECT regio_account_remove(?1)", &[&name])?;
        Ok(())
    }

    /// The connected account when it may write values (`None` on SQLite); a lezer is refused here,
    /// before anything is tried, with words rather than the server's refusal of one table.
    pub(in crate::store) fn writer(&self) -> Result<Option<Account>, StoreError> {
        match self.account()? {
            Some(account) if !account.role.writes_values() => Err(StoreError::Refused(format!(
                "geen rechten: als {} wijzigt u niets in de database",
                account.role
            ))),
            account => Ok(account),
        }
    }

    /// Whether the connected leverancier may undo batch `id` (the server checks it again).
    pub(in crate::store) fn may_undo(&self, id: BatchId) -> Result<bool, StoreError> {
        self.conn.value("SELECT regio_batch_is_own(?1)", &[&id.0])
    }

    /// Accounts are a beheerder's: the server refuses the others too, here they hear why.
    fn require_beheerder(&self) -> Result<(), StoreError> {
        match self.account()? {
            None => Err(StoreError::Refused(
                "accounts bestaan alleen in een gedeelde database op een PostgreSQL-server \
                 (--db postgres://…)"
                    .into(),
            )),
            Some(account) if !account.role.manages() => Err(StoreError::Refused(
                "geen rechten: alleen een beheerder beheert accounts".into(),
            )),
            Some(_) => Ok(()),
        }
    }
}
