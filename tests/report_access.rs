//! The demo BO-pakket as a screen reader and a keyboard user meet it: Dutch, headings in order,
//! every table header scoped, every chart an image with a name, a description and its data, every
//! change with a word for its direction; and axe-core in headless Chromium finds nothing against WCAG
//! 2.1 AA (tests/axe/check.mjs).

mod support;

use std::process::Command;

use support::backends::Backend;
use support::markup::{Element, parse};

/// The demo store's BO-pakket for 12 februari 2026, written by the command line.
fn demo_pakket(store: &Backend) -> (std::path::PathBuf, Element) {
    store.init_demo();
    let out = store.bo_pakket("bo.html");
    let html = std::fs::read_to_string(&out).unwrap();
    let document = parse(html.strip_prefix("<!DOCTYPE html>").unwrap());
    (out, document)
}

#[test]
fn the_bo_pakket_reads_in_order_with_named_charts_tables_and_changes() {
    let store = Backend::sqlite("report_access");
    let (_, document) = demo_pakket(&store);
    let html = &document.all(&|e| e.name == "html")[0];
    assert_eq!(html.attributes["lang"], "nl");
    assert_eq!(document.all(&|e| e.name == "main").len(), 1);

    // One h1, and no heading skips a level on the way down.
    let headings: Vec<u8> = document
        .all(&|e| matches!(e.name.as_str(), "h1" | "h2" | "h3" | "h4"))
        .iter()
        .map(|e| e.name.as_bytes()[1] - b'0')
        .collect();
    assert_eq!(headings.iter().filter(|h| **h == 1).count(), 1);
    assert_eq!(headings[0], 1);
    for pair in headings.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "{headings:?}");
    }

    // Every header cell says whether it heads a column or a row; every table has a caption.
    let tables = document.all(&|e| e.name == "table");
    assert!(tables.len() > 20, "{}", tables.len());
    for table in &tables {
        assert_eq!(
            table.all(&|e| e.name == "caption").len(),
            1,
            "{}",
            table.class()
        );
        for th in table.all(&|e| e.name == "th") {
            let scope = th.attributes.get("scope").map(String::as_str);
            assert!(matches!(scope, Some("col" | "row")), "{}", th.text());
        }
    }

    let pages = document.all(&|e| e.class() == "page indicator");
    assert_eq!(pages.len(), 11);
    for page in &pages {
        let chart = page.all(&|e| e.name == "svg" && e.class() == "chart")[0];
        assert_eq!(chart.attributes["role"], "img");
        let named_by: Vec<&str> = chart.attributes["aria-labelledby"].split(' ').collect();
        let title = chart.all(&|e| e.name == "title" && e.attributes.contains_key("id"));
        let desc = chart.all(&|e| e.name == "desc");
        assert_eq!(
            named_by,
            [&title[0].attributes["id"], &desc[0].attributes["id"]]
        );
        assert!(
            title[0].text().starts_with("Trend, "),
            "{}",
            title[0].text()
        );
        let summary = desc[0].text();
        for part in [
            "Van ",
            " tot ",
            "hoogste",
            "laagste",
            "de tabel onder de grafiek",
        ] {
            assert!(summary.contains(part), "{summary}");
        }
        // The chart's data follows it: a row for every period it draws, at least the five years
        // of a yearly figure and more than the numbers table's last periods.
        let data = page.all(&|e| e.name == "details" && e.class() == "chart-data");
        assert_eq!(data.len(), 1);
        let periods = data[0].all(&|e| e.name == "tr").len() - 1;
        let recent = page
            .all(&|e| e.attributes.contains_key("data-periode"))
            .len();
        assert!(
            periods >= 5 && periods >= recent,
            "{periods} periods of chart data"
        );
    }

    // A change says up or down in words, and better or worse where the indicator has a direction.
    let changes: Vec<String> = document
        .all(&|e| e.class().starts_with("change "))
        .iter()
        .map(|e| e.text())
        .collect();
    assert!(changes.len() >= 22, "{changes:?}");
    for change in &changes {
        assert!(
            change.ends_with(" hoger") || change.ends_with(" lager") || change == "gelijk",
            "{change}"
        );
    }
    let overview = &document.all(&|e| e.name == "table" && e.class() == "overview")[0];
    // As a browser shows it: runs of white space are one space.
    let shown = overview
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains("Incidenten huiselijk geweldVeiligheid4012025 K47,5% hoger t.o.v. 2024 K4 · verslechtering"),
        "{shown}"
    );
    // The expected range: in words under the figure, as a band in the chart and in its legend.
    let e33 = pages
        .iter()
        .find(|p| p.attributes["id"] == "indicator-verward_gedrag_meldingen_e33")
        .unwrap();
    let expected = e33.all(&|e| e.name == "p" && e.class() == "expected");
    assert_eq!(
        expected[0].text(),
        "verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij"
    );
    assert!(
        !e33.all(&|e| e.name == "polygon" && e.class() == "band")
            .is_empty()
    );
    assert!(e33.text().contains("Verwacht bereik (95 %)"));
    // The arrows beside the words are hidden from assistive technology, which reads the words.
    for arrow in document.all(&|e| e.name == "svg" && e.class() == "arrow") {
        assert_eq!(arrow.attributes["aria-hidden"], "true");
    }
}

/// `node tests/axe/check.mjs`, when Node.js, the npm packages (`npm ci` in tests/axe) and Chromium
/// are there; CI (with `CI` set) has them and runs it always.
#[test]
fn axe_core_finds_no_wcag_21_aa_violation_in_the_bo_pakket() {
    let axe = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/axe");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = axe.join("node_modules/axe-core").is_dir()
        && axe.join("node_modules/playwright-core").is_dir()
        && std::path::Path::new(&chromium).exists();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs the axe-core check: install chromium and nodejs, then `npm ci` in tests/axe"
        );
        eprintln!("axe-core-check overgeslagen: chromium of tests/axe/node_modules ontbreekt");
        return;
    }
    let store = Backend::sqlite("report_axe");
    let (out, _) = demo_pakket(&store);
    let checked = Command::new("node")
        .arg(axe.join("check.mjs"))
        .arg(&out)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&checked.stdout);
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(checked.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains(": 0 overtredingen, "), "{stdout}");
}
