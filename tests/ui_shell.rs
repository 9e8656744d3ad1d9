//! The window as a user first sees it: opened on a fresh store with the demo data.

mod support;

use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::{Workspace, read_paths};
use support::window::{
    click_below, drop_file, open_new_window_on, open_window, open_window_on, open_window_with_cbs,
    pick_period, step_until,
};

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
    harness.get_by_label(
        "859, verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij · +17% t.o.v. 2024 K4",
    );
    // Tiles: thousands with a dot, the change in percent beside its arrow.
    harness.get_by_label("Bijstandsuitkeringen");
    harness.get_by_label("7.267");
    harness.get_by_label("t.o.v. december 2024");
    harness.get_by_label("14.164");
    harness.get_by_label("Dossiers in behandeling bij het ZVH");
    harness.get_by_label("t.o.v. 1 oktober 2024");
    // The chip shows "13,4%" beside an arrow and says its direction in words.
    harness.get_by_label("13,4 procent hoger dan 2024 K4");
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
    let options = support::window::options(&db, support::TODAY);
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

#[test]
fn a_dropped_file_is_checked_first_and_saved_only_when_valid() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));

    drop_file(&mut harness, "fouten.csv");
    step_until(&mut harness, "problemen gevonden");
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
    step_until(
        &mut harness,
        "5 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 1 waarschuwing.",
    );
    harness.get_by_label("Opslaan").click();
    step_until(&mut harness, "opgeslagen als batch");
    harness.get_by_label("excel-nl.csv: opgeslagen als batch 2 (5 toegevoegd, 0 gewijzigd)");
    click_below(&mut harness, "Batch 2 ongedaan maken");
    harness.get_by_label("Batch 2 is ongedaan gemaakt: 0 waarden hersteld, 5 waarden verwijderd.");
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
    step_until(
        &mut harness,
        "CBS 85896NED (wmo_clienten): 24 waarden opgehaald; batch",
    );
    harness.get_by_label_contains(
        "CBS 83648NED (geregistreerde_misdrijven): 32 waarden opgehaald; batch 3",
    );
    harness.get_by_label("Batch 6 ongedaan maken");
    harness.get_by_label("Open data ophalen bij CBS");
}

#[test]
fn an_earlier_quarter_shows_the_figures_known_then() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    pick_period(&mut harness, "2024 K2");
    harness.get_by_label(
        "Zaanstreek-Waterland · 2024 K2, vergeleken met hetzelfde kwartaal vorig jaar (2023 K2)",
    );
    // Every quarterly tile compares with the same quarter a year before the chosen one.
    assert!(harness.query_all_by_label("t.o.v. 2023 K2").count() >= 5);
    assert!(harness.query_by_label("t.o.v. 2024 K4").is_none());
}

#[test]
fn after_undoing_the_demo_data_the_window_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Gegevens").click();
    harness.run();
    click_below(&mut harness, "Batch 1 ongedaan maken");
    harness.get_by_label("Strategisch").click();
    harness.run();
    harness.get_by_label("Nog geen cijfers in deze database");
    harness.get_by_label("Ga naar Gegevens om een bestand in te lezen of open data op te halen,");
    assert!(
        harness
            .query_by_label("Voorbeelddata — geen officiële cijfers")
            .is_none()
    );
}

#[test]
fn ctrl_plus_and_minus_zoom_the_whole_window() {
    use eframe::egui::{Key, Modifiers};
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(harness.ctx.zoom_factor() > 1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!(harness.ctx.zoom_factor() < 1.0);
    harness.get_by_label("Strategisch overzicht");
}

#[test]
fn the_window_picks_up_what_another_program_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let mut harness = open_window(&db);
    harness.get_by_label("Strategisch overzicht");

    // Meanwhile, on another connection (as the command line would): the demo data is undone.
    let mut other = Workspace::open(&support::window::options(&db, support::TODAY)).unwrap();
    other.undo(regio_in_beeld::domain::BatchId(1)).unwrap();

    harness.step();
    harness.run();
    harness.get_by_label("Nog geen cijfers in deze database");
}

#[test]
fn per_1000_shows_nederland_beside_open_data() {
    let server = support::cbs::all_tables_server();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window_with_cbs(&dir.path().join("regio.sqlite"), &server.url());
    harness.get_by_label("Gegevens").click();
    harness.run();
    harness.get_by_label("Open data ophalen bij CBS").click();
    harness.step();
    step_until(
        &mut harness,
        "CBS 85896NED (wmo_clienten): 24 waarden opgehaald",
    );
    harness.get_by_label("Strategisch").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("NL: ").is_none(),
        "only per 1.000"
    );
    harness.get_by_label("Per 1.000 inwoners").click();
    harness.run();
    // Bijstand, december 2025: 393.767 over 18.329.600 inwoners.
    harness.get_by_label("NL: 21,5 per 1.000");
}

#[test]
fn a_tile_whose_figures_are_overdue_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // A store made early in 2026, whose demo figures end with 2025 K4, looked at in June: 2026 K1
    // was due six weeks after 31 March.
    let harness = open_window_on(&dir.path().join("regio.sqlite"), "2026-06-01");
    let flagged = harness
        .query_all_by_label("2026 K1 ontbreekt — 20 dagen te laat")
        .count();
    assert!(flagged >= 5, "{flagged} tiles flagged");
    // A month earlier the quarter was not late yet, and the tiles say how old their figure is; the
    // monthly bijstand, due 30 days after January, was.
    let dir = tempfile::tempdir().unwrap();
    let harness = open_window_on(&dir.path().join("regio.sqlite"), "2026-05-01");
    assert!(
        harness
            .query_by_label_contains("2026 K1 ontbreekt")
            .is_none()
    );
    harness.get_by_label("januari 2026 ontbreekt — 60 dagen te laat");
    assert!(
        harness
            .query_all_by_label("laatste cijfer 4 maanden oud")
            .count()
            >= 5
    );
}

#[cfg(unix)]
#[test]
fn a_store_made_in_december_2026_shows_2026_k3_and_flags_only_the_late_supplier() {
    let dir = tempfile::tempdir().unwrap();
    let harness = open_new_window_on(&dir.path().join("regio.sqlite"), "2026-12-02");
    harness.get_by_label("Voorbeelddata — geen officiële cijfers");
    harness.get_by_label(
        "Zaanstreek-Waterland · 2026 K3, vergeleken met hetzelfde kwartaal vorig jaar (2025 K3)",
    );
    harness.get_by_label("Meldingen overlast verward persoon (E33): verslechtering in 2026 K3");
    // The demo's bijstand is a month behind: October was due on 30 November.
    harness.get_by_label("oktober 2026 ontbreekt — 2 dagen te laat");
    let flagged = harness.query_all_by_label_contains("ontbreekt").count();
    assert_eq!(flagged, 1, "only the late supplier is flagged");
}

#[test]
fn a_read_only_store_is_shown_with_a_bar_that_says_so_and_a_dropped_device_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    drop(open_window(&db));
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o400)).unwrap();

    let mut harness = open_window(&db);
    harness.get_by_label(
        "Alleen-lezen: het databasebestand of de map is niet schrijfbaar. Bekijken en exporteren \
         kan; inlezen, ongedaan maken en schrijven niet.",
    );
    harness.get_by_label("Gegevens").click();
    harness.run();
    drop_file(&mut harness, "/dev/zero");
    step_until(&mut harness, "1 probleem gevonden");
    harness.get_by_label(
        "zero: dit is geen gewoon bestand (maar een apparaat, pijp of socket); bewaar de gegevens \
         eerst als bestand",
    );
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
}
