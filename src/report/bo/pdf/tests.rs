use chrono::NaiveDate;

use super::*;
use crate::report::bo::{Chart, ChartLine, IndicatorPage, LineStyle, NoteLine};

fn package(note: &str, rows: usize) -> BoPackage {
    BoPackage {
        region: "Zaanstreek-Waterland".into(),
        bo_date: NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
        period: "2025 K4".into(),
        freshness: None,
        demo: true,
        signals: Vec::new(),
        indicators: vec![IndicatorPage {
            id: "x".into(),
            name: "Meldingen".into(),
            domain: "Veiligheid".into(),
            description: "Omschrijving.".into(),
            supplier: "Politie".into(),
            source: "Aanlevering".into(),
            facts: "per kwartaal · lager is beter".into(),
            value: "1.234".into(),
            period: "2025 K4".into(),
            change: None,
            expected: Some("verwacht 2–6".into()),
            chart: Chart {
                unit: "aantal".into(),
                summary: "Van 2025 K1 tot 2025 K2 gestegen.".into(),
                band: Vec::new(),
                events: Vec::new(),
                lines: vec![ChartLine {
                    name: "Zaanstad".into(),
                    color: 0x0072B2,
                    style: LineStyle::Region,
                    points: vec![(2025.0, Some(3.0)), (2025.25, Some(4.0))],
                }],
            },
            columns: vec![("2025 K4".into(), "2025-Q4".into())],
            rows: (0..rows)
                .map(|i| (format!("Gebied {i}"), 0x0072B2, vec!["<5".to_string()]))
                .collect(),
            history: vec![("2025 K4".into(), vec!["<5".to_string()])],
            notes: vec![NoteLine {
                subject: "Meldingen · Zaanstad".into(),
                author: "Anna".into(),
                status: "definitief".into(),
                text: note.into(),
                edited: "bewerkt 3 maart 2026 14:05".into(),
            }],
            stories: Vec::new(),
        }],
        other_notes: Vec::new(),
        stories: Vec::new(),
    }
}

#[test]
fn a_package_becomes_a_pdf_a_document() {
    let pdf = render_pdf(&package("Een duiding.", 3)).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""));
}

#[test]
fn a_long_table_continues_on_the_next_page() {
    let fonts = Fonts::load().unwrap();
    let mut flow = Flow::new(&fonts, 3);
    indicator::indicator(&mut flow, &package("Kort.", 80).indicators[0], "Regio", 2);
    assert!(flow.pages.len() >= 3, "{} pages", flow.pages.len());
    // Every continuation page starts with the repeated header.
    let first_text = |items: &[flow::Item]| {
        items.iter().find_map(|item| match &item.draw {
            Draw::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
    };
    assert_eq!(first_text(&flow.pages[2]).as_deref(), Some("Gebied"));
}

#[test]
fn a_character_the_font_lacks_is_a_dutch_refusal() {
    let refused = render_pdf(&package("Goed nieuws \u{1F600}", 1)).unwrap_err();
    let message = refused.to_string();
    assert!(
        message.starts_with("het BO-pakket kan niet als PDF geschreven worden: een teken in"),
        "{message}"
    );
}

#[test]
fn the_chart_is_a_figure_described_by_its_trend() {
    let fonts = Fonts::load().unwrap();
    let mut flow = Flow::new(&fonts, 3);
    indicator::indicator(&mut flow, &package("Kort.", 3).indicators[0], "Regio", 2);
    let figures: Vec<&str> = flow
        .nodes
        .iter()
        .filter_map(|node| match &node.kind {
            flow::Kind::Figure(alt) => Some(alt.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        figures,
        ["Trend, aantal: Zaanstad. Van 2025 K1 tot 2025 K2 gestegen."]
    );
}
