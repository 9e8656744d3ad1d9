//! The connection to a shared store on a server, as the window shows it: with whom it is connected,
//! or that the connection is lost and being restored.

use super::Workspace;

/// What the window offers: a role on a shared store, or a read-only file, hides what would be
/// refused anyway (the server enforces it; this spares the user the refusal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permissions {
    /// Reading in files, fetching open data, undoing batches.
    pub values: bool,
    /// Duiding, stories, events and the indicator set.
    pub manage: bool,
}

impl Default for Permissions {
    fn default() -> Permissions {
        Permissions {
            values: true,
            manage: true,
        }
    }
}

/// The status bar's line about the server; a store in a file has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionLine {
    pub text: String,
    /// The server cannot be reached: shown as a warning, while the program tries again.
    pub lost: bool,
}

impl Workspace {
    /// "Verbonden met regio-db als politie (leverancier Politie)", or why not; `None` for a file.
    pub fn connection_line(&self) -> Option<ConnectionLine> {
        let server = self.store().server()?;
        Some(match self.store().connection_lost() {
            Some(reason) => ConnectionLine {
                text: format!(
                    "Verbinding met {} verbroken ({reason}); opnieuw verbinden…",
                    server.host_label()
                ),
                lost: true,
            },
            None => ConnectionLine {
                text: match self.account() {
                    Some(account) => format!("Verbonden met {} als {account}", server.host_label()),
                    None => format!("Verbonden met {}", server.host_label()),
                },
                lost: false,
            },
        })
    }

    /// What this user may do here: everything on a writable file; on a server, what the role allows.
    pub fn permissions(&self) -> Permissions {
        if self.is_read_only() {
            return Permissions {
                values: false,
                manage: false,
            };
        }
        match self.account().map(|account| account.role) {
            None => Permissions::default(),
            Some(role) => Permissions {
                values: role.writes_values(),
                manage: role.manages(),
            },
        }
    }

    /// Restores a connection the server closed, once the server can be reached again; whether it
    /// did (then the dashboard is read again).
    pub fn reconnect_if_due(&mut self) -> bool {
        self.store().needs_reconnect() && self.reconnect_store().is_ok()
    }
}
