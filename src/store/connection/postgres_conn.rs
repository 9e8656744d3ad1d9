//! The PostgreSQL side of [`super::Sql`]: statements translated once from SQLite's numbered
//! parameters (`?1`) to PostgreSQL's (`$1`) and prepared once per connection.

use std::collections::HashMap;

use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, Statement, Transaction};

use super::{Param, Row};
use crate::store::StoreError;

/// Held by every writing transaction, so writers take turns as SQLite's do: a batch compares what it
/// delivers with what is stored, and no other writer may change that in between. Readers never wait.
const WRITE_LOCK: i64 = 0x5245_4749_4f00; // "REGIO"

pub(in crate::store) struct PgConn {
    pub client: Client,
    statements: Statements,
}

pub(in crate::store) struct PgTx<'c> {
    tx: Transaction<'c>,
    statements: &'c mut Statements,
}

impl PgConn {
    pub fn new(client: Client) -> PgConn {
        PgConn {
            client,
            statements: HashMap::new(),
        }
    }

    pub fn begin(&mut self) -> Result<PgTx<'_>, StoreError> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        Ok(PgTx {
            tx,
            statements: &mut self.statements,
        })
    }

    pub fn exec(&mut self, sql: &'static str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        exec_on(&mut self.client, &mut self.statements, sql, params)
    }

    pub fn each(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        each_on(&mut self.client, &mut self.statements, sql, params, each)
    }
}

impl<'c> PgTx<'c> {
    pub fn exec(&mut self, sql: &'static str, params: &[&dyn Param]) -> Result<u64, StoreError> {
        exec_on(&mut self.tx, self.statements, sql, params)
    }

    pub fn each(
        &mut self,
        sql: &'static str,
        params: &[&dyn Param],
        each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        each_on(&mut self.tx, self.statements, sql, params, each)
    }

    pub fn inner(&mut self) -> &mut Transaction<'c> {
        &mut self.tx
    }

    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }
}

type Statements = HashMap<&'static str, Statement>;

/// Runs `sql` on the client or a transaction on it.
fn exec_on(
    on: &mut impl GenericClient,
    statements: &mut Statements,
    sql: &'static str,
    params: &[&dyn Param],
) -> Result<u64, StoreError> {
    let statement = prepared(on, statements, sql)?;
    Ok(on.execute(&statement, &pg_params(params))?)
}

/// Reads the rows of `sql`, as they come, on the client or a transaction on it.
fn each_on(
    on: &mut impl GenericClient,
    statements: &mut Statements,
    sql: &'static str,
    params: &[&dyn Param],
    each: &mut dyn FnMut(&Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let statement = prepared(on, statements, sql)?;
    let mut rows = on.query_raw(&statement, pg_params(params))?;
    while let Some(row) = rows.next()? {
        each(&Row::Postgres(&row))?;
    }
    Ok(())
}

fn prepared(
    on: &mut impl GenericClient,
    statements: &mut Statements,
    sql: &'static str,
) -> Result<Statement, StoreError> {
    if let Some(statement) = statements.get(sql) {
        return Ok(statement.clone());
    }
    let statement = on.prepare(&numbered_parameters(sql))?;
    statements.insert(sql, statement.clone());
    Ok(statement)
}

fn pg_params<'p>(params: &'p [&'p dyn Param]) -> Vec<&'p (dyn ToSql + Sync)> {
    params
        .iter()
        .map(|param| *param as &(dyn ToSql + Sync))
        .collect()
}

/// `?1` becomes `$1`; a `?` inside a quoted literal or identifier, or in a `--` comment, stays.
fn numbered_parameters(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    // The character that ends what we are in: a quote, or the end of a comment's line.
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, '-') if chars.peek() == Some(&'-') => quote = Some('\n'),
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '?') if chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::numbered_parameters;

    #[test]
    fn numbered_parameters_become_dollars_outside_quotes() {
        assert_eq!(
            numbered_parameters(
                "-- the note's ?1\nSELECT '?1', \"a?2\" FROM t WHERE a = ?1 AND b = ?12"
            ),
            "-- the note's ?1\nSELECT '?1', \"a?2\" FROM t WHERE a = $1 AND b = $12"
        );
    }
}
