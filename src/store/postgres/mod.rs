//! Connecting to a PostgreSQL server: the address (URL or libpq keywords), the password from where
//! libpq would take it, TLS with libpq's sslmodes, and errors a person can act on.

mod address;
mod connect;
mod conninfo;
mod messages;
mod passfile;
mod tls;

pub use address::ServerAddress;
pub use messages::ConnectError;
pub(crate) use messages::Problem;
