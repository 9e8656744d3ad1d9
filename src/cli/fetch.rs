//! `regio-in-beeld fetch`: open data from CBS, a line per table while it runs; and
//! `regio-in-beeld cbs describe`: what a CBS table publishes.

use std::time::Duration;

use super::Cli;
use crate::app::{AppError, FetchOptions, describe_cbs_table};
use crate::catalog::builtin_region;

/// Names the areas of the store's region the table has; without a store yet, Zaanstreek-Waterland's
/// (describing a table makes no store).
pub(super) fn describe(
    cli: &Cli,
    table: &str,
    base_url: &str,
    timeout: Duration,
) -> Result<(), AppError> {
    let region = if cli
        .open_options()
        .db
        .file()
        .is_none_or(|path| path.exists())
    {
        cli.open()?.region().clone()
    } else {
        builtin_region()
    };
    let description = describe_cbs_table(base_url, timeout, table, &region)?;
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
