//! What only the PostgreSQL store has: connecting to the server and its schema.

mod accounts;
mod connect;
mod listen;
mod schema;

pub use connect::ServerAddress;
pub(super) use listen::Listener;

use super::StoreError;
use super::connection::{Conn, PgConn};

/// A connection to the store on `server`, its schema checked.
pub(super) fn open(server: &ServerAddress) -> Result<Conn, StoreError> {
    let mut client = server.connect()?;
    schema::check(&mut client)?;
    Ok(Conn::Postgres(Box::new(std::cell::RefCell::new(
        PgConn::new(client),
    ))))
}

/// Creates the schema in the server's database, or brings it to the newest version, then its roles
/// and their rights.
pub(super) fn init(server: &ServerAddress) -> Result<(), StoreError> {
    let mut client = server.connect()?;
    schema::migrate(&mut client)?;
    accounts::install(&mut client)
}
