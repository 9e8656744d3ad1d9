//! `regio-in-beeld import`: check every file, show what would change, then write it as batches.

use std::path::{Path, PathBuf};

use super::Cli;
use crate::app::{
    AppError, ImportPreview, ReceiptFormat, Replace, default_user, describe_earlier, read_paths,
};
use crate::domain::count_of;
use crate::ingest::Layout;

/// Warnings beyond this many are counted, not listed.
const LISTED_WARNINGS: usize = 50;

pub(super) fn run(
    cli: &Cli,
    files: &[PathBuf],
    dry_run: bool,
    user: Option<&str>,
    receipt: Option<(&Path, Replace)>,
) -> Result<(), AppError> {
    // Refused before anything is read or saved: a receipt that cannot be written is known now.
    if let Some((path, replace)) = receipt {
        ReceiptFormat::for_path(path)?;
        if replace == Replace::Never && path.exists() {
            return Err(AppError::Refused(format!(
                "{} bestaat al; kies een andere naam, of gebruik --force om het te vervangen",
                path.display()
            )));
        }
    }
    let mut workspace = cli.open()?;
    let user = user.map(str::to_string).unwrap_or_else(default_user);
    let preview = workspace.preview_import(read_paths(files), &user)?;
    print_files(&preview);
    if !preview.is_valid() {
        return Err(AppError::Import(preview.problems));
    }
    print_warnings(&preview);
    say!("Samenvatting: {}.", preview.summary());
    if preview.added + preview.changed + preview.unchanged == 0 {
        say!("Er is niets ingelezen: de bestanden bevatten geen ingevulde waarden.");
        return Ok(());
    }
    if dry_run {
        say!("Proefrun: er is niets opgeslagen.");
        return Ok(());
    }
    if preview.added + preview.changed == 0 {
        say!("Er is niets gewijzigd: alle waarden staan al zo in de database.");
        return Ok(());
    }
    let report = workspace.commit_import(&preview)?;
    say!("{report}");
    for batch in report.files.iter().filter_map(|(_, summary)| summary.batch) {
        say!("Batch {batch} ongedaan maken met: regio-in-beeld undo {batch}");
    }
    if let Some((path, replace)) = receipt {
        let written = workspace.receipt(&preview, &report)?;
        workspace.write_receipt(path, &written, replace)?;
        say!("Ontvangstbevestiging geschreven naar {}.", path.display());
    }
    Ok(())
}

fn print_files(preview: &ImportPreview) {
    for (file, earlier) in preview.files.iter().zip(&preview.earlier) {
        say!("{}", super::field(&file.file));
        for table in &file.tables {
            let layout = match table.layout {
                Layout::Long => "lang formaat",
                Layout::Wide => "breed formaat",
            };
            let values = count_of(table.values as u64, "waarde", "waarden");
            match &table.sheet {
                Some(sheet) => say!("  werkblad '{sheet}': {values} ({layout})"),
                None => say!("  {values} ({layout})"),
            }
        }
        if let Some(earlier) = describe_earlier(earlier) {
            say!("  Dit bestand is {earlier}.");
        }
    }
}

fn print_warnings(preview: &ImportPreview) {
    if preview.warnings.is_empty() {
        return;
    }
    say!("Waarschuwingen (de import gaat wel door):");
    for warning in preview.warnings.iter().take(LISTED_WARNINGS) {
        say!("  {warning}");
    }
    if preview.warning_count() > LISTED_WARNINGS {
        say!(
            "  … en nog {} waarschuwingen.",
            preview.warning_count() - LISTED_WARNINGS
        );
    }
}
