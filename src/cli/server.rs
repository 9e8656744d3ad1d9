//! `regio-in-beeld server …`: setting up the region's shared store on a PostgreSQL server, and its
//! accounts.

use std::io::{BufRead, Read};
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

use super::Cli;
use crate::app::{AppError, Role, Workspace, load_region};

#[derive(Debug, Subcommand)]
pub enum ServerAction {
    /// Richt de database op de server in of werk hem bij naar de nieuwste schemaversie (een nieuwere
    /// wordt geweigerd en niet aangeraakt), met de rollen beheerder, leverancier en lezer; een nieuwe
    /// database krijgt de regio en de catalogus
    Init {
        /// Regiobestand (TOML, zie docs/regio-bestand.md); standaard Zaanstreek-Waterland
        #[arg(long, value_name = "BESTAND")]
        region: Option<PathBuf>,
    },
    /// Accounts van de gedeelde database (alleen voor een beheerder)
    User {
        #[command(subcommand)]
        action: UserAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Maak een account met een rol; een leverancier hoort bij één leverancier (--supplier)
    Add {
        /// De naam waarmee het account inlogt
        #[arg(value_name = "NAAM")]
        name: String,
        /// beheerder (alles, ook accounts), leverancier (alleen de eigen indicatoren) of lezer
        #[arg(long, value_enum, value_name = "ROL")]
        role: RoleArg,
        /// De leverancier zoals de indicatordefinities hem noemen, bijvoorbeeld Politie
        #[arg(long, value_name = "NAAM")]
        supplier: Option<String>,
        /// Lees het wachtwoord (één regel) van stdin; het wordt nergens bewaard of getoond
        #[arg(long)]
        password_stdin: bool,
    },
    /// Toon de accounts: naam, rol en leverancier, gescheiden door tabs
    List,
    /// Verwijder een account uit deze database
    Remove {
        /// De naam van het account (zie regio-in-beeld server user list)
        #[arg(value_name = "NAAM")]
        name: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Beheerder,
    Leverancier,
    Lezer,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Role {
        match role {
            RoleArg::Beheerder => Role::Beheerder,
            RoleArg::Leverancier => Role::Leverancier,
            RoleArg::Lezer => Role::Lezer,
        }
    }
}

pub(super) fn run(cli: &Cli, action: &ServerAction) -> Result<(), AppError> {
    match action {
        ServerAction::Init { region } => init(cli, region.as_deref()),
        ServerAction::User { action } => user(cli, action),
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

fn user(cli: &Cli, action: &UserAction) -> Result<(), AppError> {
    if cli.open_options().db.file().is_some() {
        return Err(AppError::Refused(
            "accounts bestaan alleen in een gedeelde database op een PostgreSQL-server; geef \
             --db postgres://…"
                .to_string(),
        ));
    }
    match action {
        UserAction::Add {
            name,
            role,
            supplier,
            password_stdin,
        } => {
            let password = password_stdin.then(read_password).transpose()?;
            let mut workspace = cli.open()?;
            let account = workspace.add_account(
                name,
                (*role).into(),
                supplier.as_deref(),
                password.as_deref(),
            )?;
            say!("Account {account} is aangemaakt.");
            if password.is_none() {
                say!(
                    "Het heeft nog geen wachtwoord: stel het in met psql (\\password {}) of opnieuw \
                     met --password-stdin nadat u het account hebt verwijderd.",
                    account.name
                );
            }
        }
        UserAction::List => {
            for account in cli.open()?.accounts()? {
                say!(
                    "{}\t{}\t{}",
                    account.name,
                    account.role,
                    account.supplier.as_deref().unwrap_or("")
                );
            }
        }
        UserAction::Remove { name } => {
            cli.open()?.remove_account(name)?;
            say!("Account {name} is verwijderd.");
        }
    }
    Ok(())
}

/// One line from stdin, without its line end; an empty one is refused.
fn read_password() -> Result<String, AppError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .take(4096)
        .read_line(&mut line)
        .map_err(|e| {
            AppError::Refused(format!(
                "het wachtwoord kon niet van stdin worden gelezen: {e}"
            ))
        })?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.is_empty() {
        return Err(AppError::Refused(
            "--password-stdin: er kwam geen wachtwoord op stdin".to_string(),
        ));
    }
    Ok(password.to_string())
}
