//! The connection to a shared store on a server, as the window shows it: with whom it is connected,
//! or that the connection is lost and being restored.

use super::Workspace;

/// The status bar's line about the server; a store in a file has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionLine {
    pub text: String,
    /// The server cannot be reached: shown as a warning, while the program tries again.
    pub lost: bool,
}

impl Workspace {
    /// "Verbonden met regio-db als politie", or why not; `None` for a file.
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
                text: format!(
                    "Verbonden met {} als {}",
                    server.host_label(),
                    server.user()
                ),
                lost: false,
            },
        })
    }

    /// Restores a connection the server closed, once the server can be reached again; whether it
    /// did (then the dashboard is read again).
    pub fn reconnect_if_due(&mut self) -> bool {
        self.store().needs_reconnect() && self.store_mut().reconnect().is_ok()
    }
}
