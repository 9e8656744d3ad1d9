//! Accounts of a shared store on PostgreSQL: who is connected and what the server lets that role do.

use std::fmt;

/// The three roles of a shared store (see docs/gedeelde-database.md, "Accounts en rollen").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Everything in the store, and manages accounts.
    Beheerder,
    /// Imports and undoes values of one supplier's indicators only; reads everything.
    Leverancier,
    /// Reads everything, writes nothing.
    Lezer,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Beheerder => "beheerder",
            Role::Leverancier => "leverancier",
            Role::Lezer => "lezer",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Beheerder, Role::Leverancier, Role::Lezer]
            .into_iter()
            .find(|role| role.code() == code)
    }

    /// Whether the role may write values (an import, an undo) at all.
    pub fn writes_values(self) -> bool {
        self != Role::Lezer
    }

    /// Whether the role may change the catalog, notes, stories, events, the region and accounts.
    pub fn manages(self) -> bool {
        self == Role::Beheerder
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A database user with its role in this store; a leverancier's supplier as in the indicator
/// definitions ("Politie", "GGD Zaanstreek-Waterland").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub role: Role,
    pub supplier: Option<String>,
}

impl fmt::Display for Account {
    /// `politie (leverancier Politie)`, `bestuur (lezer)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.supplier {
            Some(supplier) => write!(f, "{} ({} {supplier})", self.name, self.role),
            None => write!(f, "{} ({})", self.name, self.role),
        }
    }
}
