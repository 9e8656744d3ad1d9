//! `batches`, `undo`, `signals`, `export` and `demo`: managing what was delivered.

use super::{Cli, Format, field, write_stdout};
use crate::app::{AppError, Workspace};
use crate::domain::{BatchId, Period, dutch_datetime};
use crate::report::ExportFormat;

pub(super) fn batches(cli: &Cli) -> Result<(), AppError> {
    let workspace = cli.open()?;
    let mut out = String::from("batch\tsoort\twaarden\tingelezen\tdoor\tbestand\tstatus\n");
    for batch in workspace.value_batches()? {
        let status = match &batch.undone_at {
            Some(when) => format!("ongedaan gemaakt {}", dutch_datetime(when)),
            None => "actief".to_string(),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{status}\n",
            batch.id,
            batch.source.kind.label(),
            batch.rows,
            dutch_datetime(&batch.started_at),
            field(&batch.source.user),
            field(batch.source.file_name.as_deref().unwrap_or("-")),
        ));
    }
    write_stdout(&out)
}

pub(super) fn undo(cli: &Cli, batch: i64) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    say!("{}", workspace.undo(BatchId(batch))?);
    Ok(())
}

pub(super) fn period(text: &str) -> Result<Period, AppError> {
    Period::parse(text).map_err(|e| AppError::Refused(e.to_string()))
}

pub(super) fn signals(cli: &Cli, period_text: Option<&str>) -> Result<(), AppError> {
    let at = period_text.map(period).transpose()?;
    let workspace = cli.open()?;
    let rows = workspace.signals(at.as_ref())?;
    let mut out = String::new();
    if rows.is_empty() {
        out.push_str(
            "Geen signalen: alle indicatoren liggen binnen wat hun eigen geschiedenis voorspelt.\n",
        );
    }
    for row in &rows {
        out.push_str(&format!(
            "{} {}: {}\n",
            row.arrow(),
            field(&row.headline()),
            field(&row.detail())
        ));
    }
    write_stdout(&out)
}

pub(super) fn export(
    cli: &Cli,
    indicator: Option<&str>,
    format: Format,
    shield: bool,
) -> Result<(), AppError> {
    let workspace = cli.open()?;
    let format = match format {
        Format::Csv => ExportFormat::Csv,
        Format::Json => ExportFormat::Json,
    };
    let text = workspace.export(indicator, format, shield)?;
    write_stdout(&text)
}

pub(super) fn demo(cli: &Cli) -> Result<(), AppError> {
    let options = cli.open_options();
    let mut workspace = Workspace::open(&options)?;
    let summary = match workspace.demo_loaded_on_open() {
        Some(summary) => summary,
        None => workspace.load_demo()?,
    };
    say!(
        "Voorbeelddata geladen in {}: {} waarden (batch {}).",
        options.db,
        summary.added + summary.changed,
        summary
            .batch
            .map(|b| b.to_string())
            .unwrap_or_else(|| "-".into())
    );
    Ok(())
}
