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

    pub fn connect(&self) -> Result<postgres::Client, StoreError> {
        Ok(postgres::Client::connect(&self.text, postgres::NoTls)?)
    }
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
