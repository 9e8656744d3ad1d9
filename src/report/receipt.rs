//! The receipt after an import, for the supplier who delivered: which files, when and by whom, what
//! was added or changed per indicator, the warnings, and what that supplier still owes. As text (to
//! paste in a mail) or as one HTML page.

use super::markup::{Html, escape};
use crate::domain::count_of;

#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    /// The dashboard it went into: "Zaanstreek-Waterland".
    pub region: String,
    pub files: Vec<ReceiptFile>,
    /// When it was saved, as people read it: "3 december 2026 10:15".
    pub saved_at: String,
    pub user: String,
    pub indicators: Vec<ReceiptIndicator>,
    /// Each warning as the import showed it.
    pub warnings: Vec<String>,
    /// Warnings counted but not spelled out.
    pub unlisted_warnings: usize,
    /// Per supplier of the indicators delivered, for the newest period delivered.
    pub still_missing: Vec<StillMissing>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReceiptFile {
    pub name: String,
    /// `None` when the file changed nothing.
    pub batch: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReceiptIndicator {
    pub name: String,
    /// "2025 K4", or "2024 K1 t/m 2025 K4".
    pub periods: String,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StillMissing {
    pub supplier: String,
    /// "2025 K4".
    pub period: String,
    /// One line per indicator with something missing; none when all is in.
    pub lines: Vec<String>,
}

impl ReceiptIndicator {
    fn counts(&self) -> String {
        format!(
            "{} toegevoegd, {} gewijzigd, {} ongewijzigd",
            self.added, self.changed, self.unchanged
        )
    }
}

impl ReceiptFile {
    fn saved_as(&self) -> String {
        match self.batch {
            Some(batch) => format!("{} (batch {batch})", self.name),
            None => format!("{} (niets gewijzigd)", self.name),
        }
    }
}

impl StillMissing {
    fn heading(&self) -> String {
        if self.lines.is_empty() {
            format!(
                "{}: alles voor {} is binnen. Dank u wel.",
                self.supplier, self.period
            )
        } else {
            format!("{}: nog niet binnen voor {}:", self.supplier, self.period)
        }
    }
}

impl Receipt {
    fn title(&self) -> String {
        format!("Ontvangstbevestiging Regio in beeld {}", self.region)
    }

    fn files(&self) -> String {
        self.files
            .iter()
            .map(ReceiptFile::saved_as)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn more_warnings(&self) -> Option<String> {
        (self.unlisted_warnings > 0).then(|| {
            format!(
                "… en nog {}.",
                count_of(
                    self.unlisted_warnings as u64,
                    "waarschuwing",
                    "waarschuwingen"
                )
            )
        })
    }

    /// As plain text, a line per fact: what a mail can carry.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{}\n\nBestand: {}\nOpgeslagen: {} door {}\n\nPer indicator:\n",
            self.title(),
            self.files(),
            self.saved_at,
            self.user
        );
        for indicator in &self.indicators {
            out.push_str(&format!(
                "- {} ({}): {}\n",
                indicator.name,
                indicator.periods,
                indicator.counts()
            ));
        }
        if self.warnings.is_empty() {
            out.push_str("\nGeen waarschuwingen.\n");
        } else {
            out.push_str("\nWaarschuwingen (de cijfers zijn wel opgeslagen):\n");
            for warning in &self.warnings {
                out.push_str(&format!("- {warning}\n"));
            }
            if let Some(more) = self.more_warnings() {
                out.push_str(&format!("{more}\n"));
            }
        }
        for missing in &self.still_missing {
            out.push_str(&format!("\n{}\n", missing.heading()));
            for line in &missing.lines {
                out.push_str(&format!("- {line}\n"));
            }
        }
        out
    }

    /// As one HTML page that needs nothing else.
    pub fn html(&self) -> String {
        let mut html = Html::default();
        html.raw(&format!(
            "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
            escape(&self.title())
        ));
        html.element("h1", "", &self.title());
        html.open("dl", "");
        for (term, value) in [
            ("Bestand", self.files()),
            ("Opgeslagen", self.saved_at.clone()),
            ("Door", self.user.clone()),
        ] {
            html.element("dt", "", term);
            html.element("dd", "", &value);
        }
        html.close("dl");
        html.element("h2", "", "Per indicator");
        html.raw("<table>\n<caption>Wat er per indicator is opgeslagen</caption>\n<thead><tr>");
        for head in [
            "Indicator",
            "Periode",
            "Toegevoegd",
            "Gewijzigd",
            "Ongewijzigd",
        ] {
            html.raw(&format!("<th scope=\"col\">{head}</th>"));
        }
        html.raw("</tr></thead>\n<tbody>\n");
        for indicator in &self.indicators {
            html.raw("<tr>");
            html.raw(&format!(
                "<th scope=\"row\">{}</th>",
                escape(&indicator.name)
            ));
            html.element("td", "", &indicator.periods);
            for count in [indicator.added, indicator.changed, indicator.unchanged] {
                html.element("td", "number", &count.to_string());
            }
            html.raw("</tr>\n");
        }
        html.raw("</tbody>\n</table>\n");
        html.element("h2", "", "Waarschuwingen");
        if self.warnings.is_empty() {
            html.element("p", "", "Geen waarschuwingen.");
        } else {
            html.element("p", "", "De cijfers zijn wel opgeslagen.");
            list(&mut html, &self.warnings);
            if let Some(more) = self.more_warnings() {
                html.element("p", "", &more);
            }
        }
        if !self.still_missing.is_empty() {
            html.element("h2", "", "Nog niet binnen");
            for missing in &self.still_missing {
                html.element("p", "", &missing.heading());
                list(&mut html, &missing.lines);
            }
        }
        html.raw("</main>\n</body>\n</html>\n");
        html.finish()
    }
}

fn list(html: &mut Html, items: &[String]) {
    if items.is_empty() {
        return;
    }
    html.open("ul", "");
    for item in items {
        html.element("li", "", item);
    }
    html.close("ul");
}

const STYLE: &str = "body{font-family:'Segoe UI',Arial,sans-serif;color:#1F2933;margin:2rem auto;max-width:48rem;line-height:1.45}\
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}\
dt{font-weight:600}dd{margin:0}table{border-collapse:collapse;width:100%}caption{text-align:left;color:#5A6474;padding-bottom:.3rem}\
th,td{border-bottom:1px solid #D5DAE0;padding:.3rem .5rem;text-align:left}td.number{text-align:right;font-variant-numeric:tabular-nums}";

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt() -> Receipt {
        Receipt {
            region: "Zaanstreek-Waterland".into(),
            files: vec![ReceiptFile {
                name: "ggz-k4.xlsx".into(),
                batch: Some(7),
            }],
            saved_at: "3 december 2026 10:15".into(),
            user: "j.jansen".into(),
            indicators: vec![ReceiptIndicator {
                name: "Crisisbeoordelingen GGZ".into(),
                periods: "2025 K4".into(),
                added: 6,
                changed: 1,
                unchanged: 1,
            }],
            warnings: vec!["ggz-k4.xlsx, werkblad 'Crisis', rij 7: vervangt 12 door 14".into()],
            unlisted_warnings: 0,
            still_missing: vec![StillMissing {
                supplier: "GGZ".into(),
                period: "2025 K4".into(),
                lines: vec![
                    "Bemoeizorg: Zaanstad (uiterlijk 11 februari 2026, 12 dagen te laat)".into(),
                ],
            }],
        }
    }

    #[test]
    fn the_text_names_file_time_user_counts_warnings_and_what_is_missing() {
        assert_eq!(
            receipt().text(),
            "Ontvangstbevestiging Regio in beeld Zaanstreek-Waterland\n\n\
             Bestand: ggz-k4.xlsx (batch 7)\n\
             Opgeslagen: 3 december 2026 10:15 door j.jansen\n\n\
             Per indicator:\n\
             - Crisisbeoordelingen GGZ (2025 K4): 6 toegevoegd, 1 gewijzigd, 1 ongewijzigd\n\n\
             Waarschuwingen (de cijfers zijn wel opgeslagen):\n\
             - ggz-k4.xlsx, werkblad 'Crisis', rij 7: vervangt 12 door 14\n\n\
             GGZ: nog niet binnen voor 2025 K4:\n\
             - Bemoeizorg: Zaanstad (uiterlijk 11 februari 2026, 12 dagen te laat)\n"
        );
        let mut complete = receipt();
        complete.still_missing[0].lines.clear();
        complete.warnings.clear();
        let text = complete.text();
        assert!(text.contains("\nGeen waarschuwingen.\n"), "{text}");
        assert!(
            text.ends_with("GGZ: alles voor 2025 K4 is binnen. Dank u wel.\n"),
            "{text}"
        );
    }

    #[test]
    fn the_page_escapes_every_text() {
        let mut receipt = receipt();
        receipt.user = "<script>".into();
        let html = receipt.html();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(html.contains("<dd>&lt;script&gt;</dd>"), "{html}");
        assert!(!html.contains("<script>"));
        assert!(html.contains("<th scope=\"row\">Crisisbeoordelingen GGZ</th>"));
        assert!(html.contains("<td class=\"number\">6</td>"));
    }
}
