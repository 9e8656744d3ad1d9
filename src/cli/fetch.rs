//! `regio-in-beeld fetch`: open data from CBS, a line per table while it runs; and
//! `regio-in-beeld cbs describe`: what a CBS table publishes.

use std::time::Duration;

use super::Cli;
use crate::app::{AppError, FetchOptions, describe_cbs_table};

pub(super) fn describe(table: &str, base_url: &str, timeout: Duration) -> Result<(), AppError> {
    let description = describe_cbs_table(base_url, timeout, table)?;
    say!("{}", description.to_string().trim_end());
    Ok(())
}

pub(super) fn run(cli: &Cli, options: &FetchOptions) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    let report = workspace.fetch(options, &mut |progress| {
        say!(
            "[{}/{}] CBS {} ophalen ({})…",
            progress.done + 1,
            progress.total,
            progress.table,
            progress.indicator
        );
        std::ops::ControlFlow::Continue(())
    })?;
    for (table, _) in &report.tables {
        for warning in &table.warnings {
            say!("  {}: {warning}", table.table);
        }
    }
    say!("{report}");
    Ok(())
}
