//! `regio-in-beeld init [--region FILE]`: a new store for one region's real figures.

use std::path::Path;

use super::Cli;
use crate::app::{AppError, Workspace, load_region};
use crate::domain::{count_of, dutch_date};

pub(super) fn init(cli: &Cli, file: Option<&Path>) -> Result<(), AppError> {
    let region = file.map(load_region).transpose()?;
    let options = cli.open_options();
    let workspace = Workspace::init(&options, region)?;
    let region = workspace.region();
    say!(
        "{} is een database voor {} ({}): {}.",
        options.db,
        region.name(),
        region.code(),
        gemeenten(region.current_gemeenten().count())
    );
    for member in region.members().iter().filter(|m| !m.is_current()) {
        let until = member.valid_until.map(dutch_date).unwrap_or_default();
        match member.merged_into {
            Some(into) => say!(
                "  {} tot en met {until}, daarna {}",
                member.area.name,
                into.name
            ),
            None => say!("  {} tot en met {until}", member.area.name),
        }
    }
    Ok(())
}

/// `check --region FILE`: every problem of a region file, or what it holds.
pub(super) fn check(file: &Path) -> Result<(), AppError> {
    let region = load_region(file)?;
    let former = region.members().iter().filter(|m| !m.is_current()).count();
    say!(
        "{} in orde: {} ({}), {} en {} die niet meer bestaan",
        file.display(),
        region.name(),
        region.code(),
        gemeenten(region.current_gemeenten().count()),
        gemeenten(former)
    );
    Ok(())
}

fn gemeenten(count: usize) -> String {
    count_of(count as u64, "gemeente", "gemeenten")
}
