//! The server's address, parsed from a URL or a libpq keyword string.

use std::fmt;

use crate::store::StoreError;

#[derive(Clone, PartialEq, Eq)]
pub struct ServerAddress {
    text: String,
}

impl fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerAddress({self})")
    }
}

impl ServerAddress {
    pub fn looks_like_server(text: &str) -> bool {
        text.starts_with("postgres://") || text.starts_with("postgresql://")
    }

    pub fn parse(text: &str) -> Result<ServerAddress, StoreError> {
        text.parse::<postgres::Config>()
            .map_err(|e| StoreError::Refused(format!("ongeldig serveradres: {e}")))?;
        Ok(ServerAddress {
            text: text.to_string(),
        })
    }

    fn config(&self) -> postgres::Config {
        self.text.parse().unwrap_or_default()
    }

    /// The server's host (and port when not the default), for "verbonden met …".
    pub fn host_label(&self) -> String {
        let config = self.config();
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(host)) => host.clone(),
            Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
            None => "localhost".to_string(),
        };
        match config.get_ports().first() {
            Some(port) if *port != 5432 => format!("{host}:{port}"),
            _ => host,
        }
    }

    pub fn user(&self) -> String {
        self.config().get_user().unwrap_or_default().to_string()
    }

    pub fn connect(&self) -> Result<postgres::Client, StoreError> {
        Ok(postgres::Client::connect(&self.text, postgres::NoTls)?)
    }
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
