//! The window on a store of another region: its name where the window names the region, and its
//! gemeenten of today on the Gemeenten layer.

mod support;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::Workspace;
use regio_in_beeld::catalog::parse_region;
use support::window::{open_window_on, options};

/// A Kennemerland store, made as `init --region` makes it, with one quarter of aanmeldingen from
/// every gemeente of today.
fn kennemerland_store(db: &Path) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/regions/kennemerland.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let region = parse_region("kennemerland.toml", &text).unwrap();
    let mut workspace = Workspace::init(&options(db, support::TODAY), Some(region)).unwrap();
    let mut csv = String::from("indicator;gebied;periode;waarde\n");
    for (n, name) in [
        "Beverwijk",
        "Bloemendaal",
        "Haarlem",
        "Haarlemmermeer",
        "Heemskerk",
        "Heemstede",
        "Uitgeest",
        "Velsen",
        "Zandvoort",
    ]
    .iter()
    .enumerate()
    {
        for quarter in ["2024-K4", "2025-K4"] {
            csv.push_str(&format!("zvh_aanmeldingen;{name};{quarter};{}\n", 10 + n));
        }
    }
    let preview = workspace
        .preview_import(
            vec![Ok(("kennemerland.csv".into(), csv.into_bytes()))],
            "tester",
        )
        .unwrap();
    assert!(preview.is_valid(), "{:?}", preview.problems);
    workspace.commit_import(&preview).unwrap();
}

#[test]
fn a_kennemerland_store_names_its_region_and_offers_its_gemeenten_not_zaanstad() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    kennemerland_store(&db);
    let mut harness = open_window_on(&db, support::TODAY);

    harness.get_by_label("Zorg & Veiligheid Kennemerland");
    harness.get_by_label(
        "Kennemerland · 2025 K4, vergeleken met hetzelfde kwartaal vorig jaar (2024 K4)",
    );
    // Not the region of old; the shipped indicator definitions still name their suppliers
    // ("GGD Zaanstreek-Waterland"), which are catalog data.
    assert!(
        harness
            .query_by_label_contains("Zaanstreek-Waterland · 2025 K4")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Zorg & Veiligheid Zaanstreek-Waterland")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Voorbeelddata — geen officiële cijfers")
            .is_none()
    );

    // The tactical layer names the region beside the value.
    harness.get_by_label("Aanmeldingen ZVH").click();
    harness.run();
    harness.get_by_label("Kennemerland · 2025 K4");

    harness.get_by_label("Gemeenten").click();
    harness.run();
    // The last gemeente by name is the first one shown.
    harness.get_by_label("Zandvoort in de regio");
    for gemeente in [
        "Beverwijk",
        "Bloemendaal",
        "Haarlem",
        "Haarlemmermeer",
        "Heemskerk",
        "Heemstede",
        "Uitgeest",
        "Velsen",
        "Zandvoort",
    ] {
        harness.get_by_label(gemeente);
    }
    for other in ["Zaanstad", "Purmerend", "Haarlemmerliede en Spaarnwoude"] {
        assert!(
            harness.query_by_label(other).is_none(),
            "{other} is offered"
        );
    }
    harness.get_by_label("Haarlem").click();
    harness.run();
    harness.get_by_label("Haarlem in de regio");
    harness.get_by_label("Signalen voor Haarlem".to_uppercase().as_str());
}

/// A new region's store has indicators without values: their trend says where the values come
/// from instead of drawing an empty axis.
#[test]
fn an_indicator_without_values_says_who_delivers_them_instead_of_an_empty_plot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    kennemerland_store(&db);
    let mut harness = open_window_on(&db, support::TODAY);

    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    harness.get_by_label(
        "Nog geen waarden voor deze indicator. Veilig Thuis levert ze aan; lees ze in via Gegevens.",
    );
    assert!(harness.query_by_label("Grafiek kopiëren").is_none());

    harness.get_by_label("Strategisch").click();
    harness.run();
    harness.get_by_label("Aanmeldingen ZVH").click();
    harness.run();
    harness.get_by_label("Grafiek kopiëren");
    assert!(
        harness
            .query_by_label_contains("Nog geen waarden voor deze indicator")
            .is_none()
    );
}
