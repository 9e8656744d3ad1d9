//! The window on a publication for bestuurders (`regio-in-beeld F.rib`): the dashboard as it was
//! published, with a banner that says so and nothing that would change it.

mod support;

use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::{Replace, Workspace};
use support::window::{drop_file, open_window, options, step_until};

/// The demo store published to `regio.rib` in `dir`.
fn publication(dir: &std::path::Path) -> std::path::PathBuf {
    let workspace = Workspace::open(&options(&dir.join("regio.sqlite"), support::TODAY)).unwrap();
    let out = dir.join("regio.rib");
    workspace.publish(&out, Replace::Never).unwrap();
    out
}

#[test]
fn a_publication_opens_read_only_with_its_date_and_shows_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&publication(dir.path()));

    harness.get_by_label("Alleen lezen — stand van 1 februari 2026");
    // Published from the demo data, it says so too; not the banner of a read-only store.
    harness.get_by_label("Voorbeelddata — geen officiële cijfers");
    harness.get_by_label("Deze publicatie is gemaakt van voorbeelddata, voor demonstratie.");
    assert!(harness.query_by_label_contains("Alleen-lezen:").is_none());
    assert!(
        harness
            .query_by_label_contains("lees echte cijfers in")
            .is_none()
    );
    // The strategic tiles with their values, as in the store it came from.
    harness.get_by_label("Strategisch overzicht");
    harness.get_by_label("Bijstandsuitkeringen");
    harness.get_by_label("7.267");
    harness.get_by_label("14.164");
    harness.get_by_label(
        "859, verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij · +17% t.o.v. 2024 K4",
    );

    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    harness.get_by_label("Gepubliceerd op 1 februari 2026");
    assert!(harness.query_by_label_contains(" door ").is_none());
    assert!(harness.query_by_label("Duiding schrijven").is_none());

    harness.get_by_label("Gegevens").click();
    harness.run();
    assert!(harness.query_by_label("Bestanden kiezen…").is_none());
    assert!(harness.query_by_label_contains("Inlezen").is_none());
    drop_file(&mut harness, "/dev/null");
    step_until(
        &mut harness,
        "dit is een publicatie voor bestuurders (alleen lezen, stand van 1 februari 2026)",
    );
}
