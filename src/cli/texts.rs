//! `report`, `notes` and `stories`: the BO-pakket, and moving duiding and verhalen between machines.

use std::path::Path;

use super::{Cli, Transfer, write_stdout};
use crate::app::AppError;
use crate::domain::{dutch_date, parse_date};

pub(super) fn report(cli: &Cli, bo: &str, out: &Path) -> Result<(), AppError> {
    let bo_date = parse_date(bo).ok_or_else(|| {
        AppError::Refused(format!(
            "onbekende BO-datum '{bo}'; schrijf bijvoorbeeld 12-2-2026 of 2026-02-12"
        ))
    })?;
    let workspace = cli.open()?;
    let html = workspace.bo_report(bo_date)?;
    std::fs::write(out, html).map_err(|e| {
        AppError::Refused(format!("{} kan niet geschreven worden: {e}", out.display()))
    })?;
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
            let (name, json) = read(file)?;
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
            let (name, json) = read(file)?;
            let added = workspace.import_stories(&name, &json)?;
            say!("{name}: {added} verhalen toegevoegd");
            Ok(())
        }
    }
}

/// Files of notes or stories are small; a larger one is no such file.
const MAX_JSON_BYTES: u64 = 16 << 20;

fn read(file: &Path) -> Result<(String, Vec<u8>), AppError> {
    let name = file.display().to_string();
    let unreadable =
        |e: std::io::Error| AppError::Refused(format!("{name} kan niet gelezen worden: {e}"));
    let size = std::fs::metadata(file).map_err(unreadable)?.len();
    if size > MAX_JSON_BYTES {
        return Err(AppError::Refused(format!(
            "{name} is te groot ({} MB) voor een bestand met duidingen of verhalen",
            size >> 20
        )));
    }
    let json = std::fs::read(file).map_err(unreadable)?;
    Ok((name, json))
}
