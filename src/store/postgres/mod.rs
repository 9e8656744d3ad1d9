//! What only the PostgreSQL store has: the address (URL or libpq keywords), the password from where
//! libpq would take it, TLS with libpq's sslmodes, errors a person can act on; the schema, the roles
//! and the listener for other users' changes.

mod accounts;
mod address;
mod connect;
mod conninfo;
mod listen;
mod messages;
mod passfile;
mod schema;
mod tls;

pub use address::ServerAddress;
pub(super) use listen::Listener;
pub use messages::ConnectError;
pub(crate) use messages::Problem;

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
