//! `regio-in-beeld fetch`: open data from CBS, a line per table while it runs.

use super::Cli;
use crate::app::{AppError, FetchOptions};
use crate::domain::count_of;

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
    for (table, summary) in &report.tables {
        for warning in &table.warnings {
            say!("  {}: {warning}", table.table);
        }
        let values = count_of(table.observations.len() as u64, "waarde", "waarden");
        match summary.batch {
            Some(batch) => say!(
                "CBS {} ({}): {values} opgehaald; batch {batch}: {} toegevoegd, {} gewijzigd.",
                table.table,
                table.indicator,
                summary.added,
                summary.changed
            ),
            None => say!(
                "CBS {} ({}): {values} opgehaald; niets gewijzigd.",
                table.table,
                table.indicator
            ),
        }
    }
    Ok(())
}
