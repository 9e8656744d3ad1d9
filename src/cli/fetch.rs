//! `regio-in-beeld fetch`: open data from CBS, a line per table while it runs.

use super::Cli;
use crate::app::{AppError, FetchOptions};

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
