//! `report`, `notes`, `stories` and `events`: the BO-pakket, duiding, verhalen and gebeurtenissen.

use std::path::Path;

use super::{Cli, EventAction, Transfer, field, write_stdout};
use crate::app::{AppError, EventRecord, Replace, ReportFormat, read_json_file};
use crate::domain::{EventId, EventScope, dutch_date, parse_date};

pub(super) fn report(cli: &Cli, bo: &str, out: &Path, replace: Replace) -> Result<(), AppError> {
    let bo_date = parse_date(bo).ok_or_else(|| {
        AppError::Refused(format!(
            "onbekende BO-datum '{bo}'; schrijf bijvoorbeeld 12-2-2026 of 2026-02-12"
        ))
    })?;
    // The extension is checked before the store is even opened.
    ReportFormat::of(out)?;
    let workspace = cli.open()?;
    workspace.write_bo_report(bo_date, out, replace)?;
    say!(
        "BO-pakket voor {} geschreven naar {}",
        dutch_date(bo_date),
        out.display()
    );
    Ok(())
}

pub(super) fn notes(cli: &Cli, action: &Transfer) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    match action {
        Transfer::Export => write_stdout(&workspace.export_notes()?),
        Transfer::Import { file } => {
            let (name, json) = read_json_file(file)?;
            let added = workspace.import_notes(&name, &json)?;
            say!("{name}: {added} duidingen toegevoegd");
            Ok(())
        }
    }
}

pub(super) fn stories(cli: &Cli, action: &Transfer) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    match action {
        Transfer::Export => write_stdout(&workspace.export_stories()?),
        Transfer::Import { file } => {
            let (name, json) = read_json_file(file)?;
            let added = workspace.import_stories(&name, &json)?;
            say!("{name}: {added} verhalen toegevoegd");
            Ok(())
        }
    }
}

pub(super) fn events(cli: &Cli, action: &EventAction) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    match action {
        EventAction::List => {
            let mut out = String::from("id\tdatum\tsoort\tgeldt voor\tlabel\n");
            for event in workspace.events()? {
                let scope = match &event.draft.scope {
                    EventScope::All => "alles".to_string(),
                    EventScope::Indicator(id) => field(id).into_owned(),
                    EventScope::Area(area) => area.name.to_string(),
                };
                out.push_str(&format!(
                    "{}\t{}\t{}\t{scope}\t{}\n",
                    event.id.0,
                    dutch_date(event.draft.date),
                    event.draft.kind.code(),
                    field(&event.draft.label)
                ));
            }
            write_stdout(&out)
        }
        EventAction::Add {
            date,
            label,
            kind,
            indicator,
            area,
            description,
        } => {
            let record = EventRecord {
                datum: date.clone(),
                label: label.clone(),
                soort: kind.clone(),
                indicator: indicator.clone(),
                gebied: area.clone(),
                omschrijving: description.clone(),
            };
            let draft = record
                .to_event(workspace.region())
                .map_err(|problems| AppError::Refused(problems.join("\n")))?;
            let id = workspace.add_event(&draft)?;
            say!(
                "Gebeurtenis {} toegevoegd: {} ({})",
                id.0,
                draft.label,
                dutch_date(draft.date)
            );
            Ok(())
        }
        EventAction::Remove { id } => {
            workspace.remove_event(EventId(*id))?;
            say!("Gebeurtenis {id} verwijderd (ze blijft in de geschiedenis).");
            Ok(())
        }
        EventAction::Export => write_stdout(&workspace.export_events()?),
        EventAction::Import { file } => {
            let (name, json) = read_json_file(file)?;
            let added = workspace.import_events(&name, &json)?;
            say!("{name}: {added} gebeurtenissen toegevoegd");
            Ok(())
        }
    }
}
