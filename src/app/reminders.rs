//! What each supplier still owes for a period, and the reminder to send about it: a Dutch message
//! ready to copy or to open in the mail program. The program itself never sends mail.

use chrono::NaiveDate;

use super::{AppError, Completeness, TemplateFor, TemplateFormat, Workspace};
use crate::domain::{Period, Source, Supplier, count_of, dutch_date};

/// One supplier's part of a delivery round: its manual indicators for the period and what of them
/// is still missing.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplierRound {
    pub supplier: Supplier,
    pub period: Period,
    /// How many indicators it delivers by hand for the period.
    pub indicators: usize,
    /// The indicators with something missing, in catalog order.
    pub owed: Vec<Owed>,
}

/// One indicator with something still missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Owed {
    pub indicator: String,
    /// "Landsmeer, Zaanstad", "alle gemeenten" or "het regiocijfer".
    pub missing: String,
    pub due: NaiveDate,
    pub days_late: Option<i64>,
}

impl Owed {
    /// "Crisisbeoordelingen GGZ: Landsmeer, Zaanstad (uiterlijk 11 februari 2026, 12 dagen te laat)".
    pub fn line(&self) -> String {
        let when = match self.days_late {
            Some(days) => format!("{} te laat", count_of(days as u64, "dag", "dagen")),
            None => "nog niet te laat".to_string(),
        };
        format!(
            "{}: {} (uiterlijk {}, {when})",
            self.indicator,
            self.missing,
            dutch_date(self.due)
        )
    }
}

impl SupplierRound {
    pub fn is_complete(&self) -> bool {
        self.owed.is_empty()
    }

    /// Days the latest of what is missing is overdue; `None` while nothing missing is past due.
    pub fn days_late(&self) -> Option<i64> {
        self.owed.iter().filter_map(|o| o.days_late).max()
    }

    /// The template to fill in: this supplier's workbook for the period.
    pub fn template(&self) -> TemplateFor {
        TemplateFor {
            period: self.period,
            supplier: Some(self.supplier.name.clone()),
            format: TemplateFormat::Xlsx,
        }
    }

    /// The reminder about what is missing, signed by `sender`, for the dashboard of `region`.
    pub fn reminder(&self, region: &str, sender: &str) -> Reminder {
        let period = self.period.short_label();
        let late = self.days_late().is_some();
        let subject = format!(
            "{}: cijfers {period} voor het dashboard Zorg & Veiligheid ({})",
            if late { "Herinnering" } else { "Verzoek" },
            self.supplier.name
        );
        let greeting = match &self.supplier.contact {
            Some(contact) => format!("Beste {contact},"),
            None => format!("Beste collega's van {},", self.supplier.name),
        };
        let mut body = format!(
            "{greeting}\n\nVoor het dashboard Zorg & Veiligheid van {region} ontbreken nog cijfers over {period}:\n\n"
        );
        for owed in &self.owed {
            body.push_str(&format!("- {}\n", owed.line()));
        }
        body.push_str(&format!(
            "\nWilt u ze aanleveren in het sjabloon {}? Wat al geleverd is, staat daarin ingevuld; \
             vul de lege cellen aan en stuur het bestand terug. Is een cijfer er niet, vul dan - in; \
             een klein aantal <5.\n\nMet vriendelijke groet,\n\n{sender}\n",
            self.template().file_name()
        ));
        Reminder {
            supplier: self.supplier.name.clone(),
            to: self.supplier.addressee(),
            email: self.supplier.email.clone(),
            subject,
            body,
        }
    }
}

/// A message ready to send: to whom, the subject and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub supplier: String,
    /// "Jan Jansen <jan@ggz.nl>", when a contact is known.
    pub to: Option<String>,
    pub email: Option<String>,
    pub subject: String,
    pub body: String,
}

impl Reminder {
    /// The whole message as text: "Aan:" (when known), "Onderwerp:", a blank line, the body.
    pub fn text(&self) -> String {
        let to = match &self.to {
            Some(to) => format!("Aan: {to}\n"),
            None => format!(
                "Aan: (nog geen e-mailadres bekend voor {}; zie regio-in-beeld suppliers set)\n",
                self.supplier
            ),
        };
        format!("{to}Onderwerp: {}\n\n{}", self.subject, self.body)
    }

    /// A `mailto:` link that opens the message in the mail program (RFC 6068), to the address when
    /// one is known.
    pub fn mailto(&self) -> String {
        format!(
            "mailto:{}?subject={}&body={}",
            self.email
                .as_deref()
                .map(percent_encoded)
                .unwrap_or_default(),
            percent_encoded(&self.subject),
            // Line breaks in a mailto body are CRLF.
            percent_encoded(&self.body.replace('\n', "\r\n"))
        )
    }
}

/// Every byte but the unreserved ones (RFC 3986) as `%XX`, `@` kept for the address.
fn percent_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

impl Workspace {
    /// Per supplier that delivers by hand for `period` (only `supplier` when given), what it still
    /// owes, judged against `today`.
    pub fn supplier_rounds(
        &self,
        period: &Period,
        supplier: Option<&str>,
        today: NaiveDate,
    ) -> Result<Vec<SupplierRound>, AppError> {
        let entries = self.completeness(period, today)?;
        self.rounds_in(&entries, period, supplier)
    }

    /// The same from the delivery `entries` of `period`, as [`Workspace::completeness`] gave them.
    pub fn rounds_in(
        &self,
        entries: &[Completeness],
        period: &Period,
        supplier: Option<&str>,
    ) -> Result<Vec<SupplierRound>, AppError> {
        let wanted = supplier.map(|name| self.supplier(name)).transpose()?;
        let gemeenten = self.region().gemeenten_in(period).count();
        let mut rounds = Vec::new();
        for supplier in self.suppliers()? {
            if wanted.as_ref().is_some_and(|w| w.name != supplier.name) {
                continue;
            }
            // The indicators its template asks for.
            let own: Vec<_> = entries
                .iter()
                .filter(|e| {
                    e.indicator.supplier == supplier.name
                        && e.indicator.source == Source::Manual
                        && e.indicator.frequency.fits(period)
                })
                .collect();
            if own.is_empty() {
                continue;
            }
            let owed = own
                .iter()
                .filter_map(|entry| {
                    let missing = if !entry.per_gemeente {
                        (!entry.region).then(|| "het regiocijfer".to_string())?
                    } else if entry.missing.is_empty() {
                        return None;
                    } else if entry.missing.len() == gemeenten {
                        "alle gemeenten".to_string()
                    } else {
                        let names: Vec<&str> = entry.missing.iter().map(|a| a.name).collect();
                        names.join(", ")
                    };
                    Some(Owed {
                        indicator: entry.indicator.name.clone(),
                        missing,
                        due: entry.due,
                        days_late: entry.days_late,
                    })
                })
                .collect();
            rounds.push(SupplierRound {
                indicators: own.len(),
                supplier,
                period: *period,
                owed,
            });
        }
        if rounds.is_empty()
            && let Some(supplier) = wanted
        {
            return Err(AppError::Refused(format!(
                "{} levert voor {} geen cijfers met de hand",
                supplier.name,
                period.label()
            )));
        }
        Ok(rounds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(contact: Option<&str>, email: Option<&str>, days_late: Option<i64>) -> SupplierRound {
        SupplierRound {
            supplier: Supplier::with_contact("GGZ", contact, email).unwrap(),
            period: Period::Quarter(2025, 4),
            indicators: 2,
            owed: vec![Owed {
                indicator: "Crisisbeoordelingen GGZ".into(),
                missing: "Landsmeer, Zaanstad".into(),
                due: NaiveDate::from_ymd_opt(2026, 2, 11).unwrap(),
                days_late,
            }],
        }
    }

    #[test]
    fn a_reminder_says_what_is_missing_when_it_was_due_and_which_template_to_use() {
        let reminder = round(Some("Jan Jansen"), Some("jan@ggz.nl"), Some(12))
            .reminder("Zaanstreek-Waterland", "Els de Boer");
        assert_eq!(
            reminder.text(),
            "Aan: Jan Jansen <jan@ggz.nl>\n\
             Onderwerp: Herinnering: cijfers 2025 K4 voor het dashboard Zorg & Veiligheid (GGZ)\n\n\
             Beste Jan Jansen,\n\n\
             Voor het dashboard Zorg & Veiligheid van Zaanstreek-Waterland ontbreken nog cijfers over 2025 K4:\n\n\
             - Crisisbeoordelingen GGZ: Landsmeer, Zaanstad (uiterlijk 11 februari 2026, 12 dagen te laat)\n\n\
             Wilt u ze aanleveren in het sjabloon sjabloon-ggz-2025-K4.xlsx? Wat al geleverd is, staat \
             daarin ingevuld; vul de lege cellen aan en stuur het bestand terug. Is een cijfer er niet, \
             vul dan - in; een klein aantal <5.\n\n\
             Met vriendelijke groet,\n\nEls de Boer\n"
        );
        let mailto = reminder.mailto();
        assert!(
            mailto.starts_with("mailto:jan@ggz.nl?subject=Herinnering%3A%20cijfers%202025%20K4%20"),
            "{mailto}"
        );
        assert!(
            mailto.contains("%26%20Veiligheid"),
            "& is encoded: {mailto}"
        );
        assert!(
            mailto.contains("Beste%20Jan%20Jansen%2C%0D%0A%0D%0AVoor"),
            "{mailto}"
        );
        assert!(!mailto.contains(' ') && !mailto.contains('\n'));
    }

    #[test]
    fn without_a_contact_it_greets_the_organisation_and_says_no_address_is_known() {
        let reminder = round(None, None, None).reminder("Zaanstreek-Waterland", "Els");
        assert!(reminder.subject.starts_with("Verzoek: "), "not late yet");
        let text = reminder.text();
        assert!(
            text.starts_with("Aan: (nog geen e-mailadres bekend voor GGZ"),
            "{text}"
        );
        assert!(text.contains("Beste collega's van GGZ,"), "{text}");
        assert!(
            text.contains("(uiterlijk 11 februari 2026, nog niet te laat)"),
            "{text}"
        );
        assert!(reminder.mailto().starts_with("mailto:?subject=Verzoek"));
    }
}
