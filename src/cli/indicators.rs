//! `regio-in-beeld indicators`: the catalog kept in the store, listed, shown with its history,
//! exported to and imported from `<id>.toml` files, and retired.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{Cli, field, write_stdout};
use crate::app::{AppError, CatalogEntry, CatalogSummary, default_user};
use crate::domain::{Source, count_of, dutch_datetime};

#[derive(Debug, Subcommand)]
pub enum IndicatorAction {
    /// Toon elke indicator in de database: in gebruik of buiten gebruik, versie, domein, laag,
    /// leverancier en bron
    List,
    /// Toon de definitie van één indicator (TOML) met al haar versies: wie, wanneer, welke batch
    Show {
        /// De indicator, bijvoorbeeld zvh_aanmeldingen
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Schrijf elke definitie als <id>.toml naar een map (standaard ./indicators); een bestand dat
    /// geen definitie van die indicator is, wordt nooit overschreven
    Export {
        /// De map om in te schrijven (wordt gemaakt als ze er niet is)
        #[arg(value_name = "MAP", default_value = "indicators")]
        dir: PathBuf,
    },
    /// Voeg definities toe of wijzig ze (één bestand per indicator, <id>.toml); alles wordt eerst
    /// gecontroleerd, bij één fout wordt niets opgeslagen
    Import {
        /// Eén of meer indicatorbestanden
        #[arg(required = true, value_name = "BESTAND")]
        files: Vec<PathBuf>,
        /// Wie de wijziging doet (standaard de gebruikersnaam)
        #[arg(long, value_name = "NAAM")]
        user: Option<String>,
    },
    /// Zet een indicator buiten gebruik: weg van dashboard, sjablonen en levermatrix; de waarden
    /// en de geschiedenis blijven
    Retire {
        /// De indicator, bijvoorbeeld zvh_aanmeldingen
        #[arg(value_name = "ID")]
        id: String,
        /// Wie de wijziging doet (standaard de gebruikersnaam)
        #[arg(long, value_name = "NAAM")]
        user: Option<String>,
    },
}

pub(super) fn run(cli: &Cli, action: &IndicatorAction) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    let reading = matches!(
        action,
        IndicatorAction::List | IndicatorAction::Show { .. } | IndicatorAction::Export { .. }
    );
    if let Some(given) = workspace.catalog_given_by().filter(|_| reading) {
        say_error!(
            "Let op: deze sessie rekent met {given} (--indicators); dit is de catalogus in de database."
        );
    }
    match action {
        IndicatorAction::List => list(&workspace.catalog_entries()?),
        IndicatorAction::Show { id } => show(&workspace, id),
        IndicatorAction::Export { dir } => export(&workspace, dir),
        IndicatorAction::Import { files, user } => {
            let user = user.clone().unwrap_or_else(default_user);
            let summary = workspace.import_definitions(files, &user)?;
            report(&summary);
            Ok(())
        }
        IndicatorAction::Retire { id, user } => {
            let user = user.clone().unwrap_or_else(default_user);
            let batch = workspace.retire_indicator(id, &user)?;
            say!(
                "Indicator {} staat buiten gebruik (batch {batch}): niet meer op het dashboard, in \
                 sjablonen of de levermatrix; de waarden en de geschiedenis blijven bewaard.",
                field(id)
            );
            say!("Ongedaan maken met: regio-in-beeld undo {batch}");
            Ok(())
        }
    }
}

fn status(entry: &CatalogEntry) -> &'static str {
    if entry.retired {
        "buiten gebruik"
    } else {
        "in gebruik"
    }
}

fn source(entry: &CatalogEntry) -> String {
    match &entry.indicator.source {
        Source::Manual => "handmatig".to_string(),
        Source::Cbs(cbs) => format!("cbs {}", cbs.table),
    }
}

fn list(entries: &[CatalogEntry]) -> Result<(), AppError> {
    let mut out = String::from("id\tstatus\tversie\tdomein\tlaag\tleverancier\tbron\tnaam\n");
    for entry in entries {
        let indicator = &entry.indicator;
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            indicator.id,
            status(entry),
            entry.version,
            crate::domain::Coded::code(indicator.domain),
            crate::domain::Coded::code(indicator.layer),
            field(&indicator.supplier),
            source(entry),
            field(&indicator.name),
        ));
    }
    write_stdout(&out)
}

fn show(workspace: &crate::app::Workspace, id: &str) -> Result<(), AppError> {
    let detail = workspace.definition_detail(id)?;
    let entry = &detail.entry;
    let values = if entry.has_values {
        "er zijn waarden opgeslagen, dus eenheid en frequentie liggen vast"
    } else {
        "er zijn nog geen waarden opgeslagen"
    };
    let mut out = format!(
        "{} ({}): {}, versie {}; {values}.\n\n{}",
        entry.indicator.id,
        field(&entry.indicator.name),
        status(entry),
        entry.version,
        detail.text
    );
    if !detail.text.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\nversie\tbatch\tdoor\tgeschreven\tstatus\n");
    for version in &detail.history {
        let state = match (&version.undone_at, version.retired) {
            (Some(when), _) => format!("ongedaan gemaakt {}", dutch_datetime(when)),
            (None, true) => "buiten gebruik gezet".to_string(),
            (None, false) if version.version == entry.version => "huidig".to_string(),
            (None, false) => "eerder".to_string(),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{state}\n",
            version.version,
            version.batch,
            field(&version.user),
            dutch_datetime(&version.written_at),
        ));
    }
    write_stdout(&out)
}

fn export(workspace: &crate::app::Workspace, dir: &Path) -> Result<(), AppError> {
    let exported = workspace.export_definitions(dir)?;
    say!(
        "{} geschreven naar {}.",
        count_of(
            exported.files.len() as u64,
            "indicatordefinitie",
            "indicatordefinities"
        ),
        dir.display()
    );
    if !exported.retired.is_empty() {
        say!(
            "Buiten gebruik (dat staat niet in de bestanden): {}.",
            exported.retired.join(", ")
        );
    }
    Ok(())
}

fn report(summary: &CatalogSummary) {
    match summary.batch {
        Some(batch) => {
            say!(
                "Indicatordefinities opgeslagen als batch {batch}: {} toegevoegd, {} gewijzigd, {} ongewijzigd.",
                summary.added,
                summary.changed,
                summary.unchanged
            );
            say!("Batch {batch} ongedaan maken met: regio-in-beeld undo {batch}");
        }
        None => say!("Er is niets gewijzigd: alle definities staan al zo in de database."),
    }
}
