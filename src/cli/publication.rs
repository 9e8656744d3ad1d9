//! `regio-in-beeld publish --out F.rib`, opening a publication by its file name alone
//! (`regio-in-beeld F.rib`, as a file manager does), and the commands a publication refuses before
//! any of their input is read.

use std::ffi::OsString;
use std::path::Path;

use super::indicators::IndicatorAction;
use super::{Cli, Command, EventAction, Transfer};
use crate::app::{AppError, Replace};
use crate::domain::{count_of, dutch_date};
use crate::store::{Store, is_publication_file};

pub(super) fn publish(cli: &Cli, out: &Path, replace: Replace) -> Result<(), AppError> {
    let workspace = cli.open()?;
    let published = workspace.publish(out, replace)?;
    say!(
        "Publicatie geschreven naar {} (stand van {}, {})",
        out.display(),
        dutch_date(published.publication.published_on),
        count_of(published.values as u64, "waarde", "waarden")
    );
    Ok(())
}

/// Why `command` is refused: it would change the store, and the store is a publication. Told before
/// the command reads its files, so the refusal is the first and only thing the user hears.
pub(super) fn refusal(cli: &Cli, command: &Command) -> Option<AppError> {
    let db = cli.open_options().db;
    let path = db.file().filter(|path| is_publication_file(path))?;
    if !writes(command) {
        return None;
    }
    Some(match Store::open(path) {
        Ok(store) => AppError::Refused(
            store
                .publication()
                .map(|publication| publication.refusal())
                .unwrap_or_else(|| "dit is een publicatie: alleen lezen".to_string()),
        ),
        Err(error) => AppError::from(error),
    })
}

/// Whether the command changes the store it works on.
fn writes(command: &Command) -> bool {
    match command {
        Command::Init { .. }
        | Command::Demo
        | Command::Import { .. }
        | Command::Undo { .. }
        | Command::Fetch { .. } => true,
        Command::Notes { action } | Command::Stories { action } => {
            matches!(action, Transfer::Import { .. })
        }
        Command::Events { action } => matches!(
            action,
            EventAction::Add { .. } | EventAction::Remove { .. } | EventAction::Import { .. }
        ),
        Command::Deliveries(command) => command.writes(),
        Command::Indicators { action } => matches!(
            action,
            IndicatorAction::Import { .. } | IndicatorAction::Retire { .. }
        ),
        Command::Check { .. }
        | Command::Export { .. }
        | Command::Batches
        | Command::Cbs { .. }
        | Command::Report { .. }
        | Command::Server { .. }
        | Command::Signals { .. }
        | Command::Publish { .. } => false,
    }
}

/// `regio-in-beeld F.rib` as `regio-in-beeld --db F.rib`: a file manager opens a publication with
/// its path as the only word. Only a word that names no command and ends in `.rib`, so a mistyped
/// command is still told as one.
pub(super) fn opened_by_name(args: &[OsString], unknown: &str) -> Option<Vec<OsString>> {
    let is_publication = Path::new(unknown)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("rib"));
    if !is_publication {
        return None;
    }
    let at = args.iter().skip(1).position(|a| a == unknown)? + 1;
    let mut args = args.to_vec();
    let mut db = OsString::from("--db=");
    db.push(&args[at]);
    args[at] = db;
    Some(args)
}
