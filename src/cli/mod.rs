//! The command-line front end. The commands and exit codes are a public contract (see
//! docs/opdrachtregel.md): 0 success, 1 invalid input or refused operation (every problem printed),
//! 2 usage error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `println!` that never panics: a closed pipe (`| head`) or a full disk loses the text, not the
/// operation it reports on. Control characters in it are shown, not obeyed (see
/// [`crate::domain::escaped`]).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let _ = writeln!(std::io::stdout().lock(), "{}", $crate::domain::escaped(&text, "\t\n"));
    }};
}

/// The same for stderr.
macro_rules! say_error {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let _ = writeln!(std::io::stderr().lock(), "{}", $crate::domain::escaped(&text, "\t\n"));
    }};
}

mod data;
mod deliveries;
mod fetch;
mod import;
mod indicators;
mod publication;
mod region;
mod server;
mod store_location;
mod texts;
mod usage;

pub use usage::parse;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{AppError, OpenOptions, Replace, Workspace, default_db_path, load_catalog};
use crate::store::StoreLocation;
use store_location::StoreLocationParser;

#[derive(Debug, Parser)]
#[command(
    name = "regio-in-beeld",
    version,
    about = "Dashboard Zorg & Veiligheid van een regio (standaard Zaanstreek-Waterland). Zonder opdracht opent het venster; regio-in-beeld BESTAND.rib opent een publicatie, alleen lezen."
)]
pub struct Cli {
    /// Databasebestand (standaard in de gegevensmap van de gebruiker), of een PostgreSQL-server:
    /// postgres://gebruiker@host/database of host=… dbname=…
    #[arg(
        long,
        env = "REGIO_DB",
        hide_env_values = true,
        global = true,
        value_name = "PAD",
        value_parser = StoreLocationParser
    )]
    db: Option<StoreLocation>,
    /// Map met indicatordefinities (*.toml) voor deze sessie, in plaats van de catalogus in de
    /// database (die blijft zoals ze is)
    #[arg(
        long,
        env = "REGIO_INDICATORS",
        hide_env_values = true,
        global = true,
        value_name = "MAP"
    )]
    indicators: Option<PathBuf>,
    /// Reken met deze datum als vandaag, bijvoorbeeld 1-2-2026 (voor demonstraties en tests): tot
    /// waar de voorbeelddata van een nieuwe database lopen en wat te laat is
    #[arg(
        long,
        env = "REGIO_TODAY",
        hide_env_values = true,
        global = true,
        value_name = "DATUM",
        value_parser = day
    )]
    today: Option<chrono::NaiveDate>,
    /// Open het venster, teken één beeld en sluit met de tijd die dat kostte: controleert dat het
    /// venster op deze machine werkt
    #[arg(long)]
    pub first_frame: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Maak een nieuwe database voor echte cijfers van een regio (zonder voorbeelddata)
    Init {
        /// Regiobestand (TOML, zie docs/regio-bestand.md); standaard Zaanstreek-Waterland
        #[arg(long, value_name = "BESTAND")]
        region: Option<PathBuf>,
    },
    /// Controleer de indicatordefinities (of een regiobestand) en toon elke fout
    Check {
        /// Controleer dit regiobestand in plaats van de indicatordefinities
        #[arg(long, value_name = "BESTAND")]
        region: Option<PathBuf>,
    },
    /// Schrijf alle actuele waarnemingen in het lange formaat naar stdout
    Export {
        /// Alleen deze indicator
        #[arg(long, value_name = "ID")]
        indicator: Option<String>,
        /// csv (lang formaat, scheidingsteken ;) of json
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Kleine aantallen niet afschermen (alleen voor overzetten tussen databases)
        #[arg(long)]
        unshielded: bool,
    },
    /// Laad de voorbeelddata in een lege database
    Demo,
    /// Lees kwartaalcijfers in (CSV, XLSX, XLS of ODS; lang of breed formaat)
    Import {
        /// Eén of meer bestanden; ze worden samen gecontroleerd en samen opgeslagen
        #[arg(required = true, value_name = "BESTAND")]
        files: Vec<PathBuf>,
        /// Alleen controleren en tonen wat er zou veranderen; niets opslaan
        #[arg(long)]
        dry_run: bool,
        /// Wie de cijfers aanlevert (standaard de gebruikersnaam)
        #[arg(long, value_name = "NAAM")]
        user: Option<String>,
        /// Schrijf na het opslaan een ontvangstbevestiging voor de leverancier: .txt of .html
        #[arg(long, value_name = "BESTAND.txt|BESTAND.html")]
        receipt: Option<PathBuf>,
        /// Een bestaande ontvangstbevestiging vervangen
        #[arg(long)]
        force: bool,
    },
    /// Toon alle batches (imports, CBS-ophaalacties, voorbeelddata)
    Batches,
    /// Maak een batch ongedaan: herstel de waarden (of indicatordefinities) van ervoor
    Undo {
        /// Het nummer van de batch (zie regio-in-beeld batches)
        #[arg(value_name = "BATCH_ID")]
        batch: i64,
    },
    #[command(flatten)]
    Deliveries(deliveries::DeliveryCommand),
    /// Haal open data op bij CBS (alle CBS-indicatoren, of één)
    Fetch {
        /// Alleen deze indicator
        #[arg(long, value_name = "ID")]
        indicator: Option<String>,
        /// Adres van de CBS-dienst (voor tests)
        #[arg(long, value_name = "URL", default_value = crate::ingest::DEFAULT_BASE_URL)]
        base_url: String,
        /// Hoe lang op één antwoord gewacht wordt
        #[arg(long, value_name = "SECONDEN", default_value_t = 60)]
        timeout: u64,
        /// Wie ophaalt (standaard de gebruikersnaam)
        #[arg(long, value_name = "NAAM")]
        user: Option<String>,
    },
    /// Bekijk wat een CBS-tabel publiceert, om een CBS-indicator te definiëren
    Cbs {
        #[command(subcommand)]
        action: CbsAction,
    },
    /// Schrijf het BO-pakket voor een Bestuurlijk Overleg: PDF/A (.pdf) of één HTML-bestand (.html)
    Report {
        /// Datum van het BO, bijvoorbeeld 12-2-2026
        #[arg(long, value_name = "DATUM")]
        bo: String,
        /// Het bestand om te schrijven: .pdf wordt PDF/A, .html of .htm wordt HTML
        #[arg(long, value_name = "BESTAND.pdf|BESTAND.html")]
        out: PathBuf,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Duidingen als JSON exporteren of inlezen
    Notes {
        #[command(subcommand)]
        action: Transfer,
    },
    /// Verhalen als JSON exporteren of inlezen
    Stories {
        #[command(subcommand)]
        action: Transfer,
    },
    /// Gebeurtenissen op de tijdas: tonen, toevoegen, verwijderen, exporteren, inlezen
    Events {
        #[command(subcommand)]
        action: EventAction,
    },
    /// De indicatorcatalogus in de database: tonen, exporteren, inlezen, buiten gebruik zetten
    Indicators {
        #[command(subcommand)]
        action: indicators::IndicatorAction,
    },
    /// De gedeelde database van de regio op een PostgreSQL-server: inrichten en accounts
    Server {
        #[command(subcommand)]
        action: server::ServerAction,
    },
    /// Schrijf een publicatie voor bestuurders (.rib): het dashboard afgeschermd zoals op het
    /// scherm, met definitieve duidingen, verhalen en gebeurtenissen; zonder geschiedenis,
    /// bestandsnamen of gebruikers, en alleen te lezen
    Publish {
        /// Het bestand om te schrijven (.rib)
        #[arg(long, value_name = "BESTAND.rib")]
        out: PathBuf,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Toon de indicatoren waarvan de laatste regiowaarde een signaal geeft, sterkste eerst
    Signals {
        /// Kijk vanaf deze periode terug (standaard: de laatste waarde)
        #[arg(long, value_name = "PERIODE")]
        period: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum Transfer {
    /// Schrijf alles als JSON naar stdout
    Export,
    /// Voeg toe wat in een JSON-bestand staat (wat er al is, wordt overgeslagen)
    Import {
        /// Het JSON-bestand
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum CbsAction {
    /// Toon titel, perioden, elke dimensie met haar categorieën en elk onderwerp met zijn eenheid:
    /// de sleutels om over te nemen in [source] van een indicator
    Describe {
        /// Het tabelnummer, bijvoorbeeld 83648NED
        #[arg(value_name = "TABEL")]
        table: String,
        /// Adres van de CBS-dienst (voor tests)
        #[arg(long, value_name = "URL", default_value = crate::ingest::DEFAULT_BASE_URL)]
        base_url: String,
        /// Hoe lang op één antwoord gewacht wordt
        #[arg(long, value_name = "SECONDEN", default_value_t = 60)]
        timeout: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventAction {
    /// Toon alle gebeurtenissen
    List,
    /// Voeg een gebeurtenis toe
    Add {
        /// Datum, bijvoorbeeld 6-3-2023
        #[arg(long, value_name = "DATUM")]
        date: String,
        /// De korte naam op de tijdas, bijvoorbeeld "Start regionaal veiligheidsteam"
        #[arg(long, value_name = "TEKST")]
        label: String,
        /// beleid, indeling of breuk
        #[arg(long, value_name = "SOORT")]
        kind: String,
        /// Alleen voor deze indicator
        #[arg(long, value_name = "ID")]
        indicator: Option<String>,
        /// Alleen voor dit gebied
        #[arg(long, value_name = "GEBIED")]
        area: Option<String>,
        /// Een toelichting
        #[arg(long, value_name = "TEKST")]
        description: Option<String>,
    },
    /// Verwijder een gebeurtenis (ze blijft in de geschiedenis)
    Remove {
        /// Het nummer van de gebeurtenis (zie regio-in-beeld events list)
        #[arg(value_name = "ID")]
        id: i64,
    },
    /// Schrijf alle gebeurtenissen als JSON naar stdout
    Export,
    /// Voeg de gebeurtenissen uit een JSON-bestand toe
    Import {
        /// Het JSON-bestand
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

impl Cli {
    pub(super) fn open(&self) -> Result<Workspace, AppError> {
        let workspace = Workspace::open(&self.open_options())?;
        if let Some(publication) = workspace.publication() {
            say_error!(
                "{}: publicatie voor bestuurders. {}.",
                self.open_options().db,
                publication.banner()
            );
        } else if workspace.is_read_only() {
            say_error!(
                "{} is alleen-lezen geopend (het bestand of de map is niet schrijfbaar): bekijken en \
                 exporteren kan, wijzigen niet.",
                self.open_options().db
            );
        }
        if let Some(backup) = workspace.store().migration_backup() {
            say_error!(
                "De database is bijgewerkt naar schemaversie {}; de vorige versie staat in {}.",
                crate::store::Store::schema_version(),
                backup.display()
            );
        }
        Ok(workspace)
    }

    pub fn open_options(&self) -> OpenOptions {
        OpenOptions {
            db: self.db.clone().unwrap_or_else(|| default_db_path().into()),
            indicators: self.indicators.clone(),
            today: self.today,
        }
    }
}

/// A date as people write it, for `--today`: `1-2-2026`, `01-02-2026` or `2026-02-01`.
fn day(text: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::parse_date(text).ok_or_else(|| {
        format!("'{text}' is geen datum; schrijf bijvoorbeeld 1-2-2026 of 2026-02-01")
    })
}

pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let result = match publication::refusal(cli, command) {
        Some(refused) => Err(refused),
        None => dispatch(cli, command),
    };
    match result.map_err(|e| e.naming_store(&cli.open_options().db)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let lines = error.lines();
            for line in &lines {
                say_error!("{line}");
            }
            let count = error.problem_count();
            if count > 1 {
                say_error!(
                    "{} gevonden; er is niets gewijzigd.",
                    crate::domain::count_of(count, "probleem", "problemen")
                );
            }
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: &Cli, command: &Command) -> Result<(), AppError> {
    match command {
        Command::Check { region: Some(file) } => region::check(file),
        Command::Check { region: None } => check(cli),
        Command::Export {
            indicator,
            format,
            unshielded,
        } => data::export(cli, indicator.as_deref(), *format, !unshielded),
        Command::Demo => data::demo(cli),
        Command::Init { region } => region::init(cli, region.as_deref()),
        Command::Import {
            files,
            dry_run,
            user,
            receipt,
            force,
        } => import::run(
            cli,
            files,
            *dry_run,
            user.as_deref(),
            receipt.as_deref().map(|path| (path, replace(*force))),
        ),
        Command::Batches => data::batches(cli),
        Command::Undo { batch } => data::undo(cli, *batch),
        Command::Deliveries(command) => deliveries::run(cli, command),
        Command::Signals { period } => data::signals(cli, period.as_deref()),
        Command::Publish { out, force } => publication::publish(cli, out, replace(*force)),
        Command::Report { bo, out, force } => texts::report(cli, bo, out, replace(*force)),
        Command::Notes { action } => texts::notes(cli, action),
        Command::Stories { action } => texts::stories(cli, action),
        Command::Events { action } => texts::events(cli, action),
        Command::Indicators { action } => indicators::run(cli, action),
        Command::Server { action } => server::run(cli, action),
        Command::Fetch {
            indicator,
            base_url,
            timeout,
            user,
        } => {
            let options = crate::app::FetchOptions {
                indicator: indicator.clone(),
                base_url: base_url.clone(),
                timeout: std::time::Duration::from_secs((*timeout).max(1)),
                user: user.clone().unwrap_or_else(crate::app::default_user),
            };
            fetch::run(cli, &options)
        }
        Command::Cbs {
            action:
                CbsAction::Describe {
                    table,
                    base_url,
                    timeout,
                },
        } => fetch::describe(
            cli,
            table,
            base_url,
            std::time::Duration::from_secs((*timeout).max(1)),
        ),
    }
}

fn replace(force: bool) -> Replace {
    if force {
        Replace::Allowed
    } else {
        Replace::Never
    }
}

fn check(cli: &Cli) -> Result<(), AppError> {
    let catalog = load_catalog(cli.indicators.as_deref())?;
    let origin = match &cli.indicators {
        Some(dir) => dir.display().to_string(),
        None => "ingebouwde definities".to_string(),
    };
    say!(
        "{} indicatoren in orde ({origin})",
        catalog.indicators().len()
    );
    Ok(())
}

/// One field of a table (a file name, a user, a label): no tab or newline of its own either.
pub(super) fn field(text: &str) -> std::borrow::Cow<'_, str> {
    crate::domain::escaped(text, "")
}

/// A closed pipe (`| head`) is a normal end, not an error. Data (exports) goes out byte for byte;
/// tables escape their fields with [`field`].
pub(super) fn write_stdout(text: &str) -> Result<(), AppError> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(AppError::Refused(format!(
            "schrijven naar stdout mislukt: {e}"
        ))),
        _ => Ok(()),
    }
}
