//! One connection API over the two backends: every module of the store writes its SQL once, with
//! SQLite's numbered parameters (`?1`), and runs it through [`Sql`] on either database. Statements are
//! prepared once per connection and kept. What only one backend has (SQLite's pragmas and bulk
//! INSERTs, PostgreSQL's `COPY`) is reached through [`Conn::sqlite`] and [`Tx::postgres`].

mod postgres_conn;
mod row;

use std::cell::RefCell;

use rusqlite::TransactionBehavior;

pub(super) use postgres_conn::PgConn;
pub(super) use row::{Column, Row};

use super::StoreError;

/// A value bound to a parameter: whatever both drivers can send.
pub(super) trait Param: rusqlite::ToSql + postgres::types::ToSql + Sync {}

impl<T: rusqlite::ToSql + postgres::types::ToSql + Sync> Param for T {}

/// The store's connection to its database.
pub(super) enum Conn {
    Sqlite(rusqlite::Connection),
    /// Reading takes `&self` throughout the store, the client `&mut`: one thread uses a store at a time.
    Postgres(Box<RefCell<PgConn>>),
}

/// An open transaction on either backend; committed by [`Conn::transaction`] when its closure succeeds.
pub(super) enum Tx<'c> {
    Sqlite(rusqlite::Transaction<'c>),
    Postgres(postgres_conn::PgTx<'c>),
}

/// Running statements: on a connection (outside a transaction) or in a transaction.
pub(super) trait Sql {
    /// Runs a statement; the number of rows it changed.
    fn exec(&mut self, sql: &'static str, params: &[&dyn Param]) -> Result<u64, StoreError>;

    /// Calls `each` for every row, as the rows come (a large result is never held whole).
    fn each(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Every row, mapped.
    fn rows<T>(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        mut map: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError>
    where
        Self: Sized,
    {
        let mut out = Vec::new();
        self.each(sql, params, &mut |row| {
            out.push(map(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The first row, if any.
    fn row<T>(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError>
    where
        Self: Sized,
    {
        let mut map = Some(map);
        let mut found = None;
        self.each(sql, params, &mut |row| {
            if let Some(map) = map.take() {
                found = Some(map(row)?);
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// The first column of the one row the statement gives (a count, an id from `RETURNING`).
    fn value<T: Column>(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
    ) -> Result<T, StoreError>
    where
        Self: Sized,
    {
        self.row(sql, params, |row| row.get(0))?
            .ok_or_else(|| StoreError::Corrupt(format!("geen uitkomst van: {}", first_line(sql))))
    }
}

fn first_line(sql: &str) -> &str {
    sql.lines()
        .find(|line| !line.trim_start().starts_with("--"))
        .unwrap_or(sql)
}

impl Conn {
    /// Runs `work` in one transaction and commits when it succeeds; on an error nothing is written.
    /// Writers take turns, so a batch reads and writes a state no other writer changes meanwhile: on
    /// SQLite the transaction is IMMEDIATE, on PostgreSQL it holds the store's write lock.
    pub(super) fn transaction<T>(
        &mut self,
        work: impl FnOnce(&mut Tx) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut tx = match self {
            Conn::Sqlite(conn) => {
                Tx::Sqlite(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
            }
            Conn::Postgres(conn) => Tx::Postgres(conn.get_mut().begin()?),
        };
        let out = work(&mut tx)?;
        match tx {
            Tx::Sqlite(tx) => tx.commit()?,
            Tx::Postgres(tx) => tx.commit()?,
        }
        Ok(out)
    }

    /// Whether the server closed the connection (or it broke); a file's never is.
    pub(super) fn is_closed(&self) -> bool {
        match self {
            Conn::Sqlite(_) => false,
            Conn::Postgres(conn) => conn.borrow().client.is_closed(),
        }
    }

    /// The SQLite connection, for what only SQLite has (pragmas, backups); `None` on PostgreSQL.
    pub(super) fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match self {
            Conn::Sqlite(conn) => Some(conn),
            Conn::Postgres(_) => None,
        }
    }

    pub(super) fn exec(&self, sql: &'static str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        Sql::exec(&mut &*self, sql, params)
    }

    pub(super) fn rows<T>(
        &self,
        sql: &'static str,
        params: &[&dyn Param],
        map: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        Sql::rows(&mut &*self, sql, params, map)
    }

    pub(super) fn row<T>(
        &self,
        sql: &'static str,
        params: &[&dyn Param],
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        Sql::row(&mut &*self, sql, params, map)
    }

    pub(super) fn each(
        &self,
        sql: &'static str,
        params: &[&dyn Param],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        Sql::each(&mut &*self, sql, params, each)
    }

    pub(super) fn value<T: Column>(
        &self,
        sql: &'static str,
        params: &[&dyn Param],
    ) -> Result<T, StoreError> {
        Sql::value(&mut &*self, sql, params)
    }
}

impl Sql for &Conn {
    fn exec(&mut self, sql: &'static str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        match self {
            Conn::Sqlite(conn) => sqlite_exec(conn, sql, params),
            Conn::Postgres(conn) => conn.borrow_mut().exec(sql, params),
        }
    }

    fn each(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(conn) => sqlite_each(conn, sql, params, each),
            Conn::Postgres(conn) => conn.borrow_mut().each(sql, params, each),
        }
    }
}

impl Sql for Tx<'_> {
    fn exec(&mut self, sql: &'static str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        match self {
            Tx::Sqlite(tx) => sqlite_exec(tx, sql, params),
            Tx::Postgres(tx) => tx.exec(sql, params),
        }
    }

    fn each(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(tx) => sqlite_each(tx, sql, params, each),
            Tx::Postgres(tx) => tx.each(sql, params, each),
        }
    }
}

impl<'c> Tx<'c> {
    /// The SQLite transaction, for its bulk writer; `None` on PostgreSQL.
    pub(super) fn sqlite(&self) -> Option<&rusqlite::Transaction<'_>> {
        match self {
            Tx::Sqlite(tx) => Some(tx),
            Tx::Postgres(_) => None,
        }
    }

    /// The PostgreSQL transaction, for `COPY`; `None` on SQLite.
    pub(super) fn postgres(&mut self) -> Option<&mut postgres::Transaction<'c>> {
        match self {
            Tx::Sqlite(_) => None,
            Tx::Postgres(tx) => Some(tx.inner()),
        }
    }
}

fn sqlite_params<'p>(params: &'p [&'p dyn Param]) -> impl Iterator<Item = &'p dyn rusqlite::ToSql> {
    params.iter().map(|param| *param as &dyn rusqlite::ToSql)
}

fn sqlite_exec(
    conn: &rusqlite::Connection,
    sql: &'static str,
    params: &[&dyn Param],
) -> Result<u64, StoreError> {
    let mut statement = conn.prepare_cached(sql)?;
    Ok(statement.execute(rusqlite::params_from_iter(sqlite_params(params)))? as u64)
}

fn sqlite_each(
    conn: &rusqlite::Connection,
    sql: &'static str,
    params: &[&dyn Param],
    each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query(rusqlite::params_from_iter(sqlite_params(params)))?;
    while let Some(row) = rows.next()? {
        each(&Row::Sqlite(row))?;
    }
    Ok(())
}
