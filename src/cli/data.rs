//! `batches`, `undo`, `template`, `status`, `export` and `demo`: managing what was delivered.

use std::path::Path;

use super::{Cli, Format, field, write_stdout};
use crate::app::{AppError, Replace, TemplateFormat, Workspace};
use crate::domain::{Area, BatchId, Period, count_of, dutch_date, dutch_datetime};
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

fn period(text: &str) -> Result<Period, AppError> {
    Period::parse(text).map_err(|e| AppError::Refused(e.to_string()))
}

pub(super) fn template(
    cli: &Cli,
    period_text: &str,
    out: &Path,
    replace: Replace,
) -> Result<(), AppError> {
    let period = period(period_text)?;
    let format = TemplateFormat::for_path(out).ok_or_else(|| {
        AppError::Refused(format!(
            "{}: kies een bestandsnaam die eindigt op .csv of .xlsx",
            out.display()
        ))
    })?;
    let workspace = cli.open()?;
    let bytes = workspace.template(&period, format)?;
    workspace.write_output(out, format.output(), &bytes, replace)?;
    let count = workspace.manual_indicators_for(&period).len();
    say!(
        "Sjabloon voor {} met {count} indicatoren geschreven naar {}.",
        period.label(),
        out.display()
    );
    Ok(())
}

pub(super) fn status(cli: &Cli, period_text: &str) -> Result<(), AppError> {
    let period = period(period_text)?;
    let workspace = cli.open()?;
    let mut entries = workspace.completeness(&period, workspace.today())?;
    entries.sort_by(|a, b| {
        (&a.indicator.supplier, &a.indicator.name).cmp(&(&b.indicator.supplier, &b.indicator.name))
    });
    if entries.is_empty() {
        return Err(AppError::Refused(format!(
            "geen indicatoren met cijfers per {}",
            period.label()
        )));
    }
    let names = |areas: &[Area]| areas.iter().map(|a| a.name).collect::<Vec<_>>().join(", ");
    let mut out = format!("Levering {}\n", period.label());
    let complete = entries.iter().filter(|e| e.is_complete()).count();
    for entry in &entries {
        let gemeenten = entry.delivered.len() + entry.missing.len() + entry.not_delivered.len();
        let delivered = if entry.per_gemeente {
            format!(
                "{} van {gemeenten} gemeenten geleverd",
                entry.delivered.len()
            )
        } else {
            "alleen regiocijfer".to_string()
        };
        let mut line = format!(
            "{} ({}, {}): {delivered}",
            field(&entry.indicator.name),
            entry.indicator.id,
            field(&entry.indicator.supplier),
        );
        line.push_str(if entry.region {
            ", regio geleverd"
        } else {
            ", regio ontbreekt"
        });
        if !entry.missing.is_empty() {
            line.push_str(&format!("; ontbreekt: {}", names(&entry.missing)));
        }
        if !entry.not_delivered.is_empty() {
            line.push_str(&format!(
                "; gemeld als niet geleverd: {}",
                names(&entry.not_delivered)
            ));
        }
        line.push_str(&format!("; uiterlijk {}", dutch_date(entry.due)));
        if let Some(days) = entry.days_late {
            line.push_str(&format!(
                ", {} te laat",
                count_of(days as u64, "dag", "dagen")
            ));
        }
        if let Some(batch) = &entry.last_delivery {
            line.push_str(&format!(
                "; laatst geleverd {} door {}",
                dutch_datetime(batch.written_at()),
                field(&batch.source.user)
            ));
        }
        out.push_str(&line);
        out.push('\n');
    }
    let late = entries.iter().filter(|e| e.days_late.is_some()).count();
    out.push_str(&format!(
        "{complete} van {} indicatoren compleet, {late} te laat.\n",
        entries.len()
    ));
    write_stdout(&out)
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
