//! The BO-pakket: one self-contained HTML file for the meeting papers of a Bestuurlijk Overleg. Inline
//! CSS and SVG, no external requests, printable on A4. The caller (the app layer) hands over what to
//! show, already computed and shielded; this module only lays it out. The markup is well-formed XML,
//! so tests can read it back.

mod chart;
mod chart_svg;
mod pdf;
mod tables;

use chrono::NaiveDate;

use super::markup::{Html, escape};
pub use chart::{Chart, ChartEvent, ChartLine, LineStyle};
pub use pdf::{PdfError, render_pdf};

use crate::domain::{Direction, Tone, dutch_date};

#[derive(Debug, Clone)]
pub struct BoPackage {
    /// The name of the store's region, as the cover and every page name it.
    pub region: String,
    pub bo_date: NaiveDate,
    /// "2025 K4".
    pub period: String,
    /// "bijgewerkt 12 oktober 2025 08:00", when figures are on record.
    pub freshness: Option<String>,
    pub demo: bool,
    pub signals: Vec<SignalLine>,
    /// The strategic indicators, each on its own page.
    pub indicators: Vec<IndicatorPage>,
    /// Notes for this BO on indicators without a page of their own.
    pub other_notes: Vec<NoteLine>,
    pub stories: Vec<StoryLine>,
}

#[derive(Debug, Clone)]
pub struct SignalLine {
    pub headline: String,
    pub detail: String,
    pub tone: Tone,
    pub rising: bool,
}

#[derive(Debug, Clone)]
pub struct Change {
    pub direction: Direction,
    pub tone: Tone,
    /// "14,2%".
    pub size: String,
    /// "2024 K4".
    pub from: String,
}

impl Change {
    /// "13,4% hoger", "5 lager", "gelijk": the size with its direction in words, beside the arrow.
    pub fn worded(&self) -> String {
        match self.direction {
            Direction::Up => format!("{} hoger", self.size),
            Direction::Down => format!("{} lager", self.size),
            Direction::Flat => "gelijk".to_string(),
        }
    }

    /// "t.o.v. 2024 K4 · verslechtering": against what, and in words what the colour shows.
    pub fn against(&self) -> String {
        let tone = match self.tone {
            Tone::Better => " · verbetering",
            Tone::Worse => " · verslechtering",
            Tone::Neutral => "",
        };
        format!("t.o.v. {}{tone}", self.from)
    }
}

#[derive(Debug, Clone)]
pub struct IndicatorPage {
    /// The indicator id: the page's anchor (`#indicator-…`).
    pub id: String,
    pub name: String,
    pub domain: String,
    pub description: String,
    pub supplier: String,
    pub source: String,
    /// "per kwartaal · lager is beter".
    pub facts: String,
    pub value: String,
    pub period: String,
    pub change: Option<Change>,
    /// "verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij", under the value.
    pub expected: Option<String>,
    pub chart: Chart,
    /// The periods of the numbers table: how people read them ("juli 2025") and how the export
    /// writes them ("2025-07"), for the `data-periode` attribute.
    pub columns: Vec<(String, String)>,
    /// Per area: name, colour (0xRRGGBB) and a shown (shielded) text per column.
    pub rows: Vec<(String, u32, Vec<String>)>,
    /// The chart's data: every period it spans ("2023 K1") with a shown text per area, in the
    /// order of `rows`.
    pub history: Vec<(String, Vec<String>)>,
    pub notes: Vec<NoteLine>,
    /// Titles of the stories linked to this indicator.
    pub stories: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct NoteLine {
    /// The indicator name, with the gebied and period it is about: "Meldingen Veilig Thuis · Zaanstad".
    pub subject: String,
    pub author: String,
    /// "concept" or "definitief".
    pub status: String,
    pub text: String,
    /// "bewerkt 3 maart 2026 14:05".
    pub edited: String,
}

#[derive(Debug, Clone)]
pub struct StoryLine {
    pub title: String,
    pub kind: String,
    pub summary: String,
    pub url: String,
    pub host: String,
    pub demo: bool,
}

/// The whole package as one HTML document.
pub fn render(package: &BoPackage) -> String {
    let mut html = Html::default();
    html.raw("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    html.raw(&format!(
        "<title>BO-pakket Zorg &amp; Veiligheid {}</title>\n<style>{}</style>\n</head>\n<body>\n",
        escape(&dutch_date(package.bo_date)),
        include_str!("style.css")
    ));
    html.raw("<main>\n");
    cover(&mut html, package);
    overview(&mut html, package);
    for page in &package.indicators {
        indicator_page(&mut html, page, &package.region);
    }
    if !package.other_notes.is_empty() {
        html.open("section", "page");
        html.element("h2", "", "Overige duiding");
        notes(&mut html, &package.other_notes);
        html.close("section");
    }
    stories(&mut html, &package.stories);
    html.raw("</main>\n</body>\n</html>\n");
    html.finish()
}

fn cover(html: &mut Html, package: &BoPackage) {
    html.open("section", "cover");
    html.element("p", "kicker", &package.region);
    html.element("h1", "", "BO-pakket Zorg & Veiligheid");
    html.element(
        "p",
        "bo-date",
        &format!("Bestuurlijk Overleg van {}", dutch_date(package.bo_date)),
    );
    html.open("dl", "facts");
    html.element("dt", "", "Periode");
    html.element("dd", "", &package.period);
    html.element("dt", "", "Cijfers");
    html.element(
        "dd",
        "",
        package.freshness.as_deref().unwrap_or("nog geen cijfers"),
    );
    html.element("dt", "", "Indicatoren");
    html.element("dd", "", &package.indicators.len().to_string());
    html.close("dl");
    if package.demo {
        html.element(
            "p",
            "demo",
            "Voorbeelddata — geen officiële cijfers. Dit pakket is gemaakt met de voorbeelddata van Regio in beeld.",
        );
    }
    html.element(
        "p",
        "note",
        "Kleine aantallen (minder dan 5) staan als <5, ook per 1.000 inwoners. Een * is een voorlopig cijfer; — is niet geleverd (geen nul).",
    );
    html.close("section");
}

fn overview(html: &mut Html, package: &BoPackage) {
    html.open("section", "page");
    html.element("h2", "", "Signalen");
    if package.signals.is_empty() {
        html.element(
            "p",
            "",
            "Geen signalen: alle indicatoren liggen binnen wat hun eigen geschiedenis voorspelt.",
        );
    }
    html.open("ul", "signals");
    for signal in &package.signals {
        html.open("li", tone_class(signal.tone));
        let direction = if signal.rising {
            Direction::Up
        } else {
            Direction::Down
        };
        html.raw(arrow(direction));
        html.element("strong", "", &signal.headline);
        html.raw(" ");
        // The arrow's meaning in words: the value lies above or below what its history predicts.
        let expected = if signal.rising { "hoger" } else { "lager" };
        html.element(
            "span",
            "detail",
            &format!("{expected} dan verwacht · {}", signal.detail),
        );
        html.close("li");
    }
    html.close("ul");
    html.element("h2", "", "Strategisch overzicht");
    html.open("table", "overview");
    html.element(
        "caption",
        "sr-only",
        "Strategische indicatoren: laatste waarde van de regio en de verandering t.o.v. vorig jaar",
    );
    html.raw("<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Domein</th><th scope=\"col\" class=\"num\">Regio</th><th scope=\"col\">Periode</th><th scope=\"col\">T.o.v. vorig jaar</th></tr></thead>\n<tbody>\n");
    for page in &package.indicators {
        html.open("tr", "");
        html.raw(&format!(
            "<th scope=\"row\"><a href=\"#indicator-{}\">{}</a></th>",
            escape(&page.id),
            escape(&page.name)
        ));
        html.element("td", "", &page.domain);
        html.element("td", "num", &page.value);
        html.element("td", "", &page.period);
        html.open("td", "");
        change(html, page.change.as_ref());
        html.close("td");
        html.close("tr");
    }
    html.raw("</tbody>\n");
    html.close("table");
    html.close("section");
}

fn indicator_page(html: &mut Html, page: &IndicatorPage, region: &str) {
    html.raw(&format!(
        "<section class=\"page indicator\" id=\"indicator-{}\">",
        escape(&page.id)
    ));
    html.element("p", "kicker", &page.domain);
    html.element("h2", "", &page.name);
    html.open("div", "headline");
    html.element("span", "value", &page.value);
    html.element("span", "period", &format!("{region} · {}", page.period));
    change(html, page.change.as_ref());
    html.close("div");
    if let Some(expected) = &page.expected {
        html.element("p", "expected", expected);
    }
    html.raw(&page.chart.svg(&format!("chart-{}", page.id)));
    tables::chart_data(html, page);
    tables::numbers(html, page);
    html.open("dl", "facts");
    for (key, value) in [
        ("Omschrijving", &page.description),
        ("Leverancier", &page.supplier),
        ("Bron", &page.source),
        ("Levering", &page.facts),
    ] {
        html.element("dt", "", key);
        html.element("dd", "", value);
    }
    html.close("dl");
    html.element("h3", "", "Duiding");
    if page.notes.is_empty() {
        html.element("p", "muted", "Geen duiding voor dit BO.");
    }
    notes(html, &page.notes);
    if !page.stories.is_empty() {
        html.element(
            "p",
            "muted",
            &format!("Gekoppelde verhalen: {}", page.stories.join("; ")),
        );
    }
    html.close("section");
}

fn notes(html: &mut Html, notes: &[NoteLine]) {
    for note in notes {
        html.open("article", "note");
        html.open("p", "note-meta");
        html.element("span", &format!("status {}", note.status), &note.status);
        html.element("strong", "", &note.author);
        html.raw(" · ");
        html.element("span", "", &note.subject);
        html.raw(" · ");
        html.element("span", "muted", &note.edited);
        html.close("p");
        for paragraph in note.text.split("\n\n") {
            html.element("p", "", paragraph.trim());
        }
        html.close("article");
    }
}

fn stories(html: &mut Html, stories: &[StoryLine]) {
    if stories.is_empty() {
        return;
    }
    html.open("section", "page");
    html.element("h2", "", "Verhalen");
    for story in stories {
        html.open("article", "story");
        html.element("h3", "", &story.title);
        let demo = if story.demo { " · voorbeeld" } else { "" };
        html.element("p", "muted", &format!("{}{demo}", story.kind));
        html.element("p", "", &story.summary);
        // `noopener noreferrer`: the page opened learns nothing of this file (no referrer) and gets
        // no handle on the window that opened it.
        html.raw(&format!(
            "<p><a href=\"{}\" rel=\"noopener noreferrer\">{}</a> <span class=\"muted\">({})</span></p>\n",
            escape(&story.url),
            escape(&story.url),
            escape(&story.host)
        ));
        html.close("article");
    }
    html.close("section");
}

/// "▲ 13,4% hoger t.o.v. 2024 K4 · verslechtering": the arrow and the colour, and in words the
/// direction and whether it is better or worse.
fn change(html: &mut Html, change: Option<&Change>) {
    let Some(change) = change else {
        html.element("span", "muted", "geen vergelijking");
        return;
    };
    html.open("span", &format!("change {}", tone_class(change.tone)));
    html.raw(arrow(change.direction));
    html.raw(&escape(&change.worded()));
    html.close("span");
    html.element("span", "muted", &format!(" {}", change.against()));
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Better => "better",
        Tone::Worse => "worse",
        Tone::Neutral => "neutral",
    }
}

/// A small inline triangle (or bar): the direction never rests on colour alone. Hidden from assistive
/// technology, which reads the words beside it.
fn arrow(direction: Direction) -> &'static str {
    match direction {
        Direction::Up => {
            "<svg class=\"arrow\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><path d=\"M5 1 L9 9 L1 9 Z\" fill=\"currentColor\"/></svg>"
        }
        Direction::Down => {
            "<svg class=\"arrow\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><path d=\"M1 1 L9 1 L5 9 Z\" fill=\"currentColor\"/></svg>"
        }
        Direction::Flat => {
            "<svg class=\"arrow\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect x=\"1\" y=\"4\" width=\"8\" height=\"2\" fill=\"currentColor\"/></svg>"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_links_open_without_referrer_or_opener() {
        let mut html = Html::default();
        stories(
            &mut html,
            &[StoryLine {
                title: "Eindelijk één plan".into(),
                kind: "Video".into(),
                summary: "Samenvatting.".into(),
                url: "https://video.example.org/a?b=1&c=\"2\"".into(),
                host: "video.example.org".into(),
                demo: false,
            }],
        );
        let html = html.finish();
        assert!(
            html.contains(
                "<a href=\"https://video.example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noopener noreferrer\">"
            ),
            "{html}"
        );
    }
}
