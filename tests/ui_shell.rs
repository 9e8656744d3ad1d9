//! The window as a user first sees it: opened on a fresh store with the demo data.

mod support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::{OpenOptions, Workspace, read_paths};
use regio_in_beeld::ui::Shell;

fn open_window(db: &std::path::Path) -> Harness<'static, Shell> {
    open_window_with_cbs(db, "http://127.0.0.1:9")
}

fn open_window_with_cbs(db: &std::path::Path, cbs_base_url: &str) -> Harness<'static, Shell> {
    let options = OpenOptions {
        db: db.to_path_buf(),
        indicators: None,
    };
    let opened = Workspace::open(&options);
    let cbs_base_url = cbs_base_url.to_string();
    let mut harness = Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 820.0))
        // Scrolling to a widget animates over a few frames.
        .with_max_steps(16)
        .build_eframe(move |cc| Shell::new(cc, opened, options, cbs_base_url));
    harness.run();
    harness
}

#[test]
fn a_new_store_opens_on_the_strategic_layer_with_dutch_figures() {
    let dir = tempfile::tempdir().unwrap();
    let harness = open_window(&dir.path().join("regio.sqlite"));

    harness.get_by_label("Voorbeelddata — geen officiële cijfers");
    harness.get_by_label("Strategisch overzicht");
    // The latest complete quarter, compared with the same quarter a year earlier.
    harness.get_by_label(
        "Zaanstreek-Waterland · 2025 K4, vergeleken met hetzelfde kwartaal vorig jaar (2024 K4)",
    );
    harness.get_by_label("Meldingen overlast verward persoon (E33): verslechtering in 2025 K4");
    harness.get_by_label("859, +17% t.o.v. 2024 K4");
    // Tiles: thousands with a dot, the change in percent beside its arrow.
    harness.get_by_label("Bijstandsuitkeringen");
    harness.get_by_label("7.267");
    harness.get_by_label("t.o.v. december 2024");
    harness.get_by_label("14.164");
    harness.get_by_label("Dossiers in behandeling bij het ZVH");
    harness.get_by_label("t.o.v. 1 oktober 2024");
    harness.get_by_label("13,4%");
    // A small count changes in absolute numbers, not in a misleading percentage.
    harness.get_by_label("Ervaringsverhalen besproken");
    // Only strategic indicators have tiles.
    assert!(harness.query_by_label("Bijstand: uitgaven").is_none());
}

#[test]
fn a_tile_opens_the_tactical_layer_and_per_1000_shields_small_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));

    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    harness.get_by_label("Aantallen zoals geleverd, per kwartaal · 2021 K1 – 2025 K4 · neutraal");
    harness.get_by_label("Cijfers per gemeente");
    harness.get_by_label("Over deze indicator".to_uppercase().as_str());
    harness.get_by_label("Handmatige levering (CSV/Excel)");
    harness.get_by_label_contains("voorbeelddata");

    harness.get_by_label("Per 1.000 inwoners").click();
    harness.run();
    harness.get_by_label("Per 1.000 inwoners, per kwartaal · 2021 K1 – 2025 K4 · neutraal");
    // 373 meldingen over 348.144 inwoners: 1,07 per 1.000, with the count beside it.
    harness.get_by_label("1,07 (373)");
    // Zaanstad: 178 over 160.973 inwoners.
    harness.get_by_label("1,11 (178)");

    // Another indicator from the picker keeps the per-1.000 view.
    harness.get_by_label("Indicator").click();
    harness.run();
    harness.get_by_label("Incidenten huiselijk geweld").click();
    harness.run();
    harness.get_by_label_contains("Per 1.000 inwoners, per kwartaal");
    harness.get_by_label_contains("(401)");
}

#[test]
fn a_shielded_count_stays_shielded_per_1000() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Per 1.000 inwoners").click();
    harness.run();
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    pick_period(&mut harness, "2021 K4");
    // Oostzaan delivered <5 for 2021 K4: no rate, no count, only the shield.
    assert!(
        harness.query_all_by_label("<5").next().is_some(),
        "the shielded cell is shown as <5"
    );
}

fn pick_period(harness: &mut Harness<'static, Shell>, wanted: &str) {
    harness.get_by_label("Periode").click();
    harness.run();
    click_below(harness, wanted);
}

/// Scrolls to `label`, as a user would, and clicks it.
fn click_below(harness: &mut Harness<'static, Shell>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn the_gemeenten_layer_shows_one_gemeente_against_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));

    harness.get_by_label("Gemeenten").click();
    harness.run();
    harness.get_by_label("Zaanstad in de regio");
    harness.get_by_label("Purmerend").click();
    harness.run();
    harness.get_by_label("Purmerend in de regio");
    harness.get_by_label("Signalen voor Purmerend".to_uppercase().as_str());
    harness.get_by_label("regio 373");
}

#[test]
fn a_file_that_is_not_a_store_shows_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.sqlite");
    std::fs::write(&path, "geen database").unwrap();
    let harness = open_window(&path);

    harness.get_by_label("De gegevens kunnen niet geopend worden");
    harness.get_by_label("Er is niets gewijzigd. Kies een ander bestand met --db of REGIO_DB.");
    assert!(
        harness
            .query_by_label("Voorbeelddata — geen officiële cijfers")
            .is_none()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "geen database");
}

#[test]
fn the_gegevens_screen_shows_the_delivery_and_undoes_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let options = OpenOptions {
        db: db.clone(),
        indicators: None,
    };
    let mut workspace = Workspace::open(&options).unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/tabs.csv"
    );
    let preview = workspace
        .preview_import(read_paths(&[fixture]), "ambtenaar")
        .unwrap();
    workspace.commit_import(&preview).unwrap();
    drop(workspace);

    let mut harness = open_window(&db);
    harness.get_by_label("Gegevens").click();
    harness.run();
    harness.get_by_label("Levering 2026 K1".to_uppercase().as_str());
    harness.get_by_label("Edam-Volendam, Landsmeer, Oostzaan, Purmerend; niet geleverd: Waterland");
    harness.get_by_label("tabs.csv");
    click_below(&mut harness, "Batch 2 ongedaan maken");
    harness.get_by_label("Batch 2 is ongedaan gemaakt: 0 waarden hersteld, 3 waarden verwijderd.");
    assert!(harness.query_by_label("Batch 2 ongedaan maken").is_none());
    harness.get_by_label("Batch 1 ongedaan maken");

    harness.get_by_label("Strategisch").click();
    harness.run();
    harness.get_by_label("Dossiers in behandeling bij het ZVH");
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'static, Shell>, name: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.run();
}

#[test]
fn a_dropped_file_is_checked_first_and_saved_only_when_valid() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));

    drop_file(&mut harness, "fouten.csv");
    harness.get_by_label("7 problemen gevonden; er wordt niets opgeslagen. Verbeter het bestand en lees het opnieuw in.");
    harness.get_by_label(
        "fouten.csv, rij 2, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?",
    );
    assert!(harness.query_by_label("Opslaan").is_none());
    harness.get_by_label("Sluiten").click();
    harness.run();
    harness.get_by_label("Import geannuleerd; er is niets opgeslagen.");
    assert!(harness.query_by_label("Batch 2 ongedaan maken").is_none());

    drop_file(&mut harness, "excel-nl.csv");
    harness.get_by_label("5 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 1 waarschuwing.");
    harness.get_by_label("Opslaan").click();
    harness.run();
    harness.get_by_label("excel-nl.csv: opgeslagen als batch 2 (5 toegevoegd, 0 gewijzigd)");
    click_below(&mut harness, "Batch 2 ongedaan maken");
    harness.get_by_label("Batch 2 is ongedaan gemaakt: 0 waarden hersteld, 5 waarden verwijderd.");
}

/// Steps the window (as frames do) until `label` shows up, for work that runs on another thread.
fn step_until(harness: &mut Harness<'static, Shell>, label: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.query_by_label_contains(label).is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "'{label}' never appeared"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn open_data_is_fetched_in_the_background_and_shows_what_it_stored() {
    let server = support::cbs::all_tables_server();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window_with_cbs(&dir.path().join("regio.sqlite"), &server.url());
    harness.get_by_label("Gegevens").click();
    harness.run();
    harness.get_by_label("Open data ophalen bij CBS").click();
    harness.step();
    step_until(&mut harness, "CBS 85043NED: 24 waarden opgehaald, batch");
    harness.get_by_label_contains("CBS 83648NED: 32 waarden opgehaald, batch 3");
    harness.get_by_label("Batch 6 ongedaan maken");
    harness.get_by_label("Open data ophalen bij CBS");
}
