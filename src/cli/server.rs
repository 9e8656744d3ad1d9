//! `regio-in-beeld server …`: setting up the region's shared store on a PostgreSQL server.

use std::path::PathBuf;

use clap::Subcommand;

use super::Cli;
use crate::app::{AppError, Workspace, load_region};

#[derive(Debug, Subcommand)]
pub enum ServerAction {
    /// Richt de database op de server in of werk hem bij naar de nieuwste schemaversie (een nieuwere
    /// wordt geweigerd en niet aangeraakt); een nieuwe database krijgt de regio en de catalogus
    Init {
        /// Regiobestand (TOML, zie docs/regio-bestand.md); standaard Zaanstreek-Waterland
        #[arg(long, value_name = "BESTAND")]
        region: Option<PathBuf>,
    },
}

pub(super) fn run(cli: &Cli, action: &ServerAction) -> Result<(), AppError> {
    match action {
        ServerAction::Init { region } => init(cli, region.as_deref()),
    }
}

fn init(cli: &Cli, file: Option<&std::path::Path>) -> Result<(), AppError> {
    let region = file.map(load_region).transpose()?;
    let options = cli.open_options();
    let workspace = Workspace::init_server(&options, region)?;
    let region = workspace.region();
    say!(
        "{} is ingericht (schemaversie {}) voor {} ({}).",
        options.db,
        crate::store::Store::schema_version(),
        region.name(),
        region.code()
    );
    Ok(())
}
