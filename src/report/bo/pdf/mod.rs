//! The BO-pakket as PDF/A-2a and PDF/UA-1, from the same `BoPackage` as the HTML: A4, tagged for
//! screen readers, fonts embedded, a table of contents with page numbers and links, an outline, and
//! a footer with the page number on every page. The document is laid out first (`flow`), then drawn
//! with krilla (`paint`), which checks the archival and accessibility rules as it writes.

mod change;
mod chart;
mod cover;
mod flow;
mod indicator;
mod notes;
mod paint;
mod table;
mod text;

use std::fmt;

use chrono::{Datelike, Timelike};
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder, ValidationError};
use krilla::error::KrillaError;
use krilla::metadata::{DateTime, Metadata};
use krilla::{Document, SerializeSettings};

use super::BoPackage;
use crate::domain::dutch_date;
use cover::{OTHER_NOTES, STORIES};
use flow::{Draw, Flow};
use text::Fonts;

/// Why no PDF could be made, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError(pub String);

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "het BO-pakket kan niet als PDF geschreven worden: {}",
            self.0
        )
    }
}

/// The package as one PDF/A-2a document that also conforms to PDF/UA-1.
pub fn render_pdf(package: &BoPackage) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()
        .ok_or_else(|| PdfError("het ingebouwde lettertype is onleesbaar".to_string()))?;
    let mut titles = vec!["Signalen".to_string(), "Strategisch overzicht".to_string()];
    titles.extend(package.indicators.iter().map(|p| p.name.clone()));
    let other_notes = (!package.other_notes.is_empty()).then(|| {
        titles.push(OTHER_NOTES.to_string());
        titles.len() - 1
    });
    let stories = (!package.stories.is_empty()).then(|| {
        titles.push(STORIES.to_string());
        titles.len() - 1
    });
    let mut flow = Flow::new(&fonts, titles.len());
    flow.indicator_anchors = 2..2 + package.indicators.len();
    cover::cover(&mut flow, package, &titles);
    cover::overview(&mut flow, package);
    for (index, page) in package.indicators.iter().enumerate() {
        indicator::indicator(&mut flow, page, &package.region, 2 + index);
    }
    if let Some(anchor) = other_notes {
        notes::other_notes(&mut flow, &package.other_notes, anchor);
    }
    if let Some(anchor) = stories {
        notes::stories(&mut flow, &package.stories, anchor);
    }
    fill_page_numbers(&mut flow);

    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError(format!("PDF/A-2a en PDF/UA-1 gaan niet samen ({e:?})")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..Default::default()
    };
    let mut document = Document::new_with(settings);
    let date = dutch_date(package.bo_date);
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "BO-pakket Zorg & Veiligheid {} — {date}",
                package.region
            ))
            .language("nl-NL".to_string())
            .creator("Regio in beeld".to_string())
            .creation_date(now()),
    );
    let footer = format!("{} · BO {date}", package.region);
    paint::pages(&mut document, &flow, &footer);
    document.finish().map_err(dutch)
}

/// When the file is made; PDF/A asks for it (in the document information and the XMP history).
fn now() -> DateTime {
    let now = chrono::Utc::now();
    DateTime::new(now.year() as u16)
        .month(now.month() as u8)
        .day(now.day() as u8)
        .hour(now.hour() as u8)
        .minute(now.minute() as u8)
        .second(now.second() as u8)
        .utc_offset_hour(0)
}

/// The table of contents' page numbers, right-aligned, now that every page is known.
fn fill_page_numbers(flow: &mut Flow) {
    let fixes = std::mem::take(&mut flow.page_numbers);
    let fonts = flow.fonts;
    for (page, index, right, anchor) in fixes {
        let Some(Some(target)) = flow.anchors.get(anchor) else {
            continue;
        };
        let number = (target.page + 1).to_string();
        if let Some(item) = flow.pages.get_mut(page).and_then(|p| p.get_mut(index))
            && let Draw::Text {
                x,
                text,
                size,
                bold,
                ..
            } = &mut item.draw
        {
            *x = right - fonts.face(*bold).width(&number, *size);
            *text = number;
        }
    }
}

fn dutch(error: KrillaError) -> PdfError {
    let message = match error {
        KrillaError::Validation(errors) => {
            let mut lines: Vec<String> = errors.iter().map(|(e, _)| validation(e)).collect();
            lines.dedup();
            lines.join("; ")
        }
        KrillaError::Font(_, message) => {
            format!("het lettertype kan niet ingesloten worden ({message})")
        }
        other => format!("fout bij het schrijven ({other})"),
    };
    PdfError(message)
}

fn validation(error: &ValidationError) -> String {
    match error {
        ValidationError::ContainsNotDefGlyph(_, _, text) => format!(
            "een teken in \u{201c}{text}\u{201d} staat niet in het lettertype van de PDF; haal het weg, of maak het pakket als HTML"
        ),
        ValidationError::NoCodepointMapping(..) | ValidationError::InvalidCodepointMapping(..) => {
            "een teken kan niet als tekst herkend worden (PDF/A eist dat)".to_string()
        }
        ValidationError::UnicodePrivateArea(_, _, c, _) => format!(
            "het teken U+{:04X} uit het privégebied van Unicode mag niet in PDF/A",
            u32::from(*c)
        ),
        other => format!("voldoet niet aan PDF/A-2a of PDF/UA-1 ({other:?})"),
    }
}

#[cfg(test)]
mod tests;
