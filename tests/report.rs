//! The BO-pakket as the meeting papers get it: written by the command line, read back as XML, and
//! checked against the store (the export and the notes), shielded cells included.

#[macro_use]
mod support;

use std::collections::HashMap;

use regio_in_beeld::catalog::builtin_region;
use support::backends::Backend;
use support::markup::parse;

on_both_backends!(
    the_bo_pakket_holds_the_stores_figures_notes_and_stories,
    a_bo_date_that_is_no_date_is_refused,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

/// The export as (indicator, gebied, periode) → shown value, `<5` for every shielded one (the
/// supplier's `<5` is exported with an empty value and status `afgeschermd`).
fn exported(store: &Backend) -> HashMap<(String, String, String), String> {
    let export = store.run(&["export"]);
    assert_eq!(export.code, 0);
    export
        .stdout
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(';').collect();
            let value = if cells[4] == "afgeschermd" {
                "<5"
            } else {
                cells[3]
            };
            (
                (
                    cells[0].to_string(),
                    cells[1].to_string(),
                    cells[2].to_string(),
                ),
                value.to_string(),
            )
        })
        .collect()
}

/// The sum of the gemeenten's exported values, or "—" when one is missing or shielded.
fn region_sum(
    values: &HashMap<(String, String, String), String>,
    id: &str,
    period: &str,
) -> String {
    let parts: Option<Vec<f64>> = builtin_region()
        .current_gemeenten()
        .map(|g| {
            values
                .get(&(id.to_string(), g.name.to_string(), period.to_string()))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .collect();
    parts.map_or("—".to_string(), |p| p.iter().sum::<f64>().to_string())
}

/// "1.234" and "1234" read the same; "<5" stays "<5"; "12,5 %" loses its unit.
fn same_value(shown: &str, exported: &str) -> bool {
    let plain = |text: &str| {
        text.trim_end_matches('*')
            .trim_end_matches(" %")
            .trim_start_matches("€ ")
            .replace('.', "")
            .replace(',', ".")
    };
    plain(shown) == plain(exported)
}

fn the_bo_pakket_holds_the_stores_figures_notes_and_stories(backend: &Backend) {
    let store = demo_store(backend);
    let html = std::fs::read_to_string(store.bo_pakket("bo.html")).unwrap();
    // Self-contained: nothing is fetched when it is opened.
    for external in ["src=\"http", "<link", "@import", "url(http"] {
        assert!(!html.contains(external), "{external}");
    }
    let document = parse(html.strip_prefix("<!DOCTYPE html>").unwrap());

    let cover = document.all(&|e| e.class() == "cover");
    assert!(
        cover[0]
            .text()
            .contains("Bestuurlijk Overleg van 12 februari 2026")
    );
    assert!(
        cover[0]
            .text()
            .contains("Voorbeelddata — geen officiële cijfers")
    );
    assert!(cover[0].text().contains("2025 K4"));

    let signals = document.all(&|e| e.name == "ul" && e.class() == "signals");
    assert!(
        signals[0]
            .text()
            .contains("Meldingen overlast verward persoon (E33): verslechtering in 2025 K4")
    );

    let store_values = exported(store);
    let pages = document.all(&|e| e.class() == "page indicator");
    assert_eq!(pages.len(), 11, "a page per strategic indicator");
    let mut cells_checked = 0;
    let mut shielded_checked = 0;
    for page in &pages {
        let id = page.attributes["id"].strip_prefix("indicator-").unwrap();
        let chart = page.all(&|e| e.name == "svg" && e.class() == "chart");
        assert_eq!(chart.len(), 1);
        // The events on the time axis: the two policy starts apply to every indicator.
        let markers: Vec<String> = chart[0]
            .all(&|e| e.name == "g" && e.class() == "event")
            .iter()
            .map(|e| e.text())
            .collect();
        assert!(
            markers.contains(&"Start regionaal veiligheidsteam".to_string()),
            "{id}: {markers:?}"
        );
        let table = page.all(&|e| e.name == "table" && e.class() == "numbers")[0];
        let periods: Vec<String> = table
            .all(&|e| e.name == "th" && e.attributes.contains_key("data-periode"))
            .iter()
            .map(|e| e.attributes["data-periode"].clone())
            .collect();
        for row in table.all(&|e| e.name == "tr").iter().skip(1) {
            // The area heads its row, for a screen reader to name with every cell.
            let area = &row.all(&|e| e.name == "th" && e.attributes["scope"] == "row")[0].text();
            let cells: Vec<String> = row
                .all(&|e| e.name == "td")
                .iter()
                .map(|e| e.text())
                .collect();
            for (period, shown) in periods.iter().zip(&cells) {
                let key = (id.to_string(), area.clone(), period.clone());
                match store_values.get(&key) {
                    Some(value) => {
                        assert!(
                            same_value(shown, value),
                            "{key:?}: {shown} in the report, {value} in the store"
                        );
                        cells_checked += 1;
                        if value.starts_with('<') {
                            assert_eq!(shown, "<5");
                            shielded_checked += 1;
                        }
                    }
                    // The region where it was not delivered: the sum of the seven gemeenten.
                    None if area == "Zaanstreek-Waterland" => {
                        let sum = region_sum(&store_values, id, period);
                        assert!(same_value(shown, &sum), "{key:?}: {shown}, sum {sum}");
                        cells_checked += 1;
                    }
                    // Not delivered: shown as a dash, never 0.
                    None => assert_eq!(shown, "—", "{key:?}"),
                }
            }
        }
    }
    assert!(cells_checked > 400, "{cells_checked} cells compared");
    assert!(shielded_checked > 0, "a shielded cell is in the report");

    // The notes for this BO, as the store holds them.
    let notes = store.run(&["notes", "export"]).stdout;
    let notes: Vec<serde_json::Value> = serde_json::from_str(&notes).unwrap();
    let reported: Vec<String> = document
        .all(&|e| e.name == "article" && e.class() == "note")
        .iter()
        .map(|e| e.text())
        .collect();
    assert_eq!(reported.len(), 3);
    for note in notes.iter().filter(|n| n["bo_datum"] == "2026-02-12") {
        let text = note["tekst"].as_str().unwrap();
        let status = note["status"].as_str().unwrap();
        assert!(
            reported
                .iter()
                .any(|r| r.contains(text) && r.contains(status)),
            "{text}"
        );
    }
    let e33 = document.all(&|e| {
        e.attributes
            .get("id")
            .is_some_and(|id| id == "indicator-verward_gedrag_meldingen_e33")
    });
    assert!(
        e33[0]
            .text()
            .contains("Het aantal E33-meldingen ligt in 2025 K4")
    );

    // The stories, with their links.
    let links: Vec<&str> = document
        .all(&|e| e.name == "a" && e.attributes["href"].starts_with("https://"))
        .iter()
        .map(|e| e.attributes["href"].as_str())
        .collect();
    assert!(links.contains(&"https://video.example.org/allen-voor-een/eindelijk-een-plan"));
    // An opened story learns nothing of the package and gets no handle on its window.
    let external = document.all(&|e| e.name == "a" && !e.attributes["href"].starts_with('#'));
    assert!(!external.is_empty());
    for link in external {
        assert_eq!(
            link.attributes.get("rel").map(String::as_str),
            Some("noopener noreferrer"),
            "{:?}",
            link.attributes
        );
    }
}

fn a_bo_date_that_is_no_date_is_refused(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.dir().join("bo.html");
    let refused = store.run(&[
        "report",
        "--bo",
        "volgende week",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.code, 1);
    assert_eq!(
        refused.stderr,
        "onbekende BO-datum 'volgende week'; schrijf bijvoorbeeld 12-2-2026 of 2026-02-12\n"
    );
    assert!(!out.exists());
}
