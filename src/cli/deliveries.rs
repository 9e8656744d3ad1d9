//! `template`, `status`, `remind` and `suppliers`: steering a delivery round — the template per
//! supplier, who delivered what, the reminders to send, and whom to ask.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::data::period;
use super::{Cli, field, replace, write_stdout};
use crate::app::{AppError, Replace, TemplateFor, TemplateFormat, default_user};
use crate::domain::{Area, count_of, dutch_date, dutch_datetime};

#[derive(Debug, Subcommand)]
pub enum DeliveryCommand {
    /// Schrijf een invulsjabloon voor een periode (CSV: lang formaat; XLSX: breed formaat, met
    /// toelichting en controles per cel), voor één leverancier of voor alle handmatige indicatoren
    Template {
        /// De periode waarvoor het sjabloon is, bijvoorbeeld 2026-K1
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Alleen de indicatoren van deze leverancier, bijvoorbeeld GGZ
        #[arg(long, value_name = "NAAM")]
        supplier: Option<String>,
        /// Het bestand om te schrijven: .csv (lang formaat) of .xlsx (breed formaat)
        #[arg(long, value_name = "BESTAND")]
        out: PathBuf,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Toon per indicator welke gemeenten voor een periode geleverd hebben en welke ontbreken
    Status {
        /// De periode, bijvoorbeeld 2026-K1
        #[arg(long, value_name = "PERIODE")]
        period: String,
    },
    /// Schrijf per leverancier die nog iets moet leveren een herinnering, klaar om te versturen
    /// (het programma verstuurt zelf geen e-mail)
    Remind {
        /// De periode, bijvoorbeeld 2026-K1
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Alleen voor deze leverancier
        #[arg(long, value_name = "NAAM")]
        supplier: Option<String>,
        /// Wie de herinnering ondertekent (standaard de gebruikersnaam)
        #[arg(long, value_name = "NAAM")]
        user: Option<String>,
    },
    /// De leveranciers: contactpersoon en e-mailadres tonen of vastleggen
    Suppliers {
        #[command(subcommand)]
        action: SupplierAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum SupplierAction {
    /// Toon elke leverancier met contactpersoon, e-mailadres en aantal handmatige indicatoren
    List,
    /// Leg de contactpersoon en het e-mailadres van een leverancier vast (leeg = weghalen); wat
    /// niet gegeven wordt, blijft zoals het was. Ongedaan te maken zoals elke batch
    Set {
        /// De leverancier zoals de indicatoren hem noemen, bijvoorbeeld GGZ
        #[arg(value_name = "NAAM")]
        name: String,
        /// De contactpersoon
        #[arg(long, value_name = "NAAM")]
        contact: Option<String>,
        /// Het e-mailadres
        #[arg(long, value_name = "ADRES")]
        email: Option<String>,
        /// Wie de wijziging doet (standaard de gebruikersnaam)
        #[arg(long, value_name = "NAAM")]
        user: Option<String>,
    },
}

impl DeliveryCommand {
    /// Whether the command changes the store it works on.
    pub(super) fn writes(&self) -> bool {
        matches!(
            self,
            DeliveryCommand::Suppliers {
                action: SupplierAction::Set { .. }
            }
        )
    }
}

pub(super) fn run(cli: &Cli, command: &DeliveryCommand) -> Result<(), AppError> {
    match command {
        DeliveryCommand::Template {
            period,
            supplier,
            out,
            force,
        } => template(cli, period, supplier.as_deref(), out, replace(*force)),
        DeliveryCommand::Status { period } => status(cli, period),
        DeliveryCommand::Remind {
            period,
            supplier,
            user,
        } => remind(cli, period, supplier.as_deref(), user.as_deref()),
        DeliveryCommand::Suppliers { action } => suppliers(cli, action),
    }
}

fn template(
    cli: &Cli,
    period_text: &str,
    supplier: Option<&str>,
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
    let wanted = TemplateFor {
        period,
        supplier: supplier
            .map(|name| workspace.supplier(name).map(|s| s.name))
            .transpose()?,
        format,
    };
    let template = workspace.template(&wanted)?;
    workspace.write_output(out, format.output(), &template.bytes, replace)?;
    let whose = wanted
        .supplier
        .map(|name| format!(" van {name}"))
        .unwrap_or_default();
    say!(
        "Sjabloon{whose} voor {} met {} geschreven naar {}.",
        period.label(),
        count_of(template.indicators as u64, "indicator", "indicatoren"),
        out.display()
    );
    Ok(())
}

fn remind(
    cli: &Cli,
    period_text: &str,
    supplier: Option<&str>,
    user: Option<&str>,
) -> Result<(), AppError> {
    let period = period(period_text)?;
    let workspace = cli.open()?;
    let sender = user.map(str::to_string).unwrap_or_else(default_user);
    let rounds = workspace.supplier_rounds(&period, supplier, workspace.today())?;
    let mut out = String::new();
    for round in rounds.iter().filter(|r| !r.is_complete()) {
        if !out.is_empty() {
            out.push_str("\n----------------------------------------\n\n");
        }
        out.push_str(&round.reminder(workspace.region().name(), &sender).text());
    }
    let complete: Vec<&str> = rounds
        .iter()
        .filter(|r| r.is_complete())
        .map(|r| r.supplier.name.as_str())
        .collect();
    if out.is_empty() {
        say!(
            "Geen herinnering nodig: {} heeft alles voor {} geleverd.",
            match supplier {
                Some(_) => complete.join(", "),
                None => "iedereen".to_string(),
            },
            period.label()
        );
        return Ok(());
    }
    if !complete.is_empty() {
        say_error!("Alles geleverd, geen herinnering: {}.", complete.join(", "));
    }
    write_stdout(&out)
}

fn suppliers(cli: &Cli, action: &SupplierAction) -> Result<(), AppError> {
    let mut workspace = cli.open()?;
    match action {
        SupplierAction::List => {
            let mut out =
                String::from("leverancier\tcontactpersoon\te-mailadres\thandmatige indicatoren\n");
            for supplier in workspace.suppliers()? {
                let manual = workspace
                    .catalog()
                    .indicators()
                    .iter()
                    .filter(|i| {
                        i.supplier == supplier.name && i.source == crate::domain::Source::Manual
                    })
                    .count();
                out.push_str(&format!(
                    "{}\t{}\t{}\t{manual}\n",
                    field(&supplier.name),
                    field(supplier.contact.as_deref().unwrap_or("-")),
                    field(supplier.email.as_deref().unwrap_or("-")),
                ));
            }
            write_stdout(&out)
        }
        SupplierAction::Set {
            name,
            contact,
            email,
            user,
        } => {
            let known = workspace.supplier(name)?;
            let contact = contact
                .as_deref()
                .or(known.contact.as_deref())
                .map(str::to_string);
            let email = email
                .as_deref()
                .or(known.email.as_deref())
                .map(str::to_string);
            let user = user.clone().unwrap_or_else(default_user);
            match workspace.set_supplier_contact(
                &known.name,
                contact.as_deref(),
                email.as_deref(),
                &user,
            )? {
                Some(batch) => {
                    let now = workspace.supplier(&known.name)?;
                    say!(
                        "{}: contactpersoon {}, e-mailadres {} (batch {batch}; ongedaan maken met regio-in-beeld undo {batch}).",
                        field(&now.name),
                        field(now.contact.as_deref().unwrap_or("geen")),
                        field(now.email.as_deref().unwrap_or("geen"))
                    );
                }
                None => say!("{}: niets gewijzigd.", field(&known.name)),
            }
            Ok(())
        }
    }
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
