//! The Indicatoren screen as a user works it: add an indicator, change one (a change the stored values
//! forbid is refused with the reason, and nothing is written), retire one.

mod support;

use eframe::egui::Key;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::Workspace;
use regio_in_beeld::ui::Shell;
use support::window::{click_below, click_in, group, open_window, options, type_into};

/// Opens the combo box `name` and picks `option` in it (the option, not a label of the same text in
/// the list behind it).
fn choose(harness: &mut Harness<'static, Shell>, name: &str, option: &str) {
    click_below(harness, name);
    harness.get_by_role_and_label(Role::Button, option).click();
    harness.run();
}

fn open_indicatoren(db: &std::path::Path) -> Harness<'static, Shell> {
    let mut harness = open_window(db);
    harness.get_by_label("Indicatoren").click();
    harness.run();
    harness
}

/// Chooses the indicator `name` in the list, so its definition and history show.
fn select(harness: &mut Harness<'static, Shell>, name: &str) {
    click_in(harness, &format!("Indicator: {name}"), name);
}

#[test]
fn an_indicator_added_in_the_window_is_checked_saved_and_known_to_the_next_process() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let mut harness = open_indicatoren(&db);
    harness.get_by_label("Nieuwe indicator").click();
    harness.run();

    // An empty form: each missing key is named at its field, nothing is saved.
    harness.get_by_label("Opslaan").click();
    harness.run();
    harness.get_by_label_contains("De indicator is niet opgeslagen:");
    assert!(harness.query_all_by_label("ontbreekt").count() >= 8);
    assert!(
        harness
            .query_all_by_label("moet een niet-lege tekst zijn")
            .count()
            >= 3
    );

    type_into(&mut harness, "Id van de indicator", "woninginbraken");
    type_into(&mut harness, "Naam van de indicator", "Woninginbraken");
    type_into(
        &mut harness,
        "Omschrijving van de indicator",
        "Door de politie geregistreerde woninginbraken.",
    );
    choose(&mut harness, "Domein van de indicator", "veiligheid");
    choose(&mut harness, "Thema van de indicator", "criminaliteit");
    choose(&mut harness, "Laag van de indicator", "strategisch");
    choose(&mut harness, "Eenheid van de indicator", "percentage");
    choose(&mut harness, "Frequentie van de indicator", "kwartaal");
    choose(&mut harness, "Soort van de indicator", "stroom");
    choose(
        &mut harness,
        "Polariteit van de indicator",
        "lager_is_beter",
    );
    choose(&mut harness, "Aggregatie van de indicator", "som");
    type_into(&mut harness, "Leverancier van de indicator", "Politie");
    choose(&mut harness, "Bron van de indicator", "cbs");
    type_into(&mut harness, "CBS-tabel van de indicator", "83648NED");
    type_into(
        &mut harness,
        "CBS-onderwerp van de indicator",
        "Woninginbraak_1",
    );
    type_into(
        &mut harness,
        "CBS-filters van de indicator",
        "SoortMisdrijf=T001161",
    );

    // The rules of `check`: a percentage cannot be summed, said at the aggregation.
    click_below(&mut harness, "Opslaan");
    harness.get_by_label(
        "percentages kunnen niet opgeteld worden; gebruik gewogen_gemiddelde of geen",
    );
    choose(&mut harness, "Eenheid van de indicator", "aantal");
    click_below(&mut harness, "Opslaan");
    harness.get_by_label_contains("Indicator 'Woninginbraken' is toegevoegd (batch");
    assert!(
        harness
            .query_by_label(
                "percentages kunnen niet opgeteld worden; gebruik gewogen_gemiddelde of geen"
            )
            .is_none()
    );
    group(&harness, "Indicator: Woninginbraken").get_by_label("actief");
    let definition = group(&harness, "Definitie: Woninginbraken");
    definition.get_by_label(
        "CBS StatLine, tabel 83648NED · onderwerp Woninginbraak_1 · filters SoortMisdrijf=T001161",
    );
    definition.get_by_label("woninginbraken · versie 1");

    // Another process reads the same catalog from the store.
    let workspace = Workspace::open(&options(&db, support::TODAY)).unwrap();
    let added = workspace.catalog().get("woninginbraken").unwrap();
    assert_eq!(added.name, "Woninginbraken");
    assert_eq!(added.supplier, "Politie");
}

#[test]
fn a_change_the_stored_values_forbid_is_refused_with_the_reason_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let mut harness = open_indicatoren(&db);
    let name = "Meldingen Veilig Thuis";
    select(&mut harness, name);
    click_in(&mut harness, &format!("Definitie: {name}"), "Bewerken");
    harness.get_by_label(&format!("Bewerken: {name}"));

    click_below(&mut harness, "Naam van de indicator");
    harness.key_press(Key::End);
    harness
        .get_by_label("Naam van de indicator")
        .type_text(" (nieuw)");
    harness.run();
    choose(&mut harness, "Eenheid van de indicator", "euro");
    choose(&mut harness, "Frequentie van de indicator", "jaar");
    click_below(&mut harness, "Opslaan");
    harness.get_by_label_contains("De indicator is niet opgeslagen: 2 problemen");
    let unit = group(&harness, "Eenheid van de indicator: problemen");
    unit.get_by_label_contains("de eenheid kan niet van aantal naar euro");
    let frequency = group(&harness, "Frequentie van de indicator: problemen");
    frequency.get_by_label_contains("de frequentie kan niet van kwartaal naar jaar");

    // Summing a percentage is refused by the rules of `check` before the values are asked.
    choose(&mut harness, "Eenheid van de indicator", "percentage");
    click_below(&mut harness, "Opslaan");
    harness.get_by_label_contains("De indicator is niet opgeslagen: 1 probleem");
    group(&harness, "Aggregatie van de indicator: problemen").get_by_label(
        "percentages kunnen niet opgeteld worden; gebruik gewogen_gemiddelde of geen",
    );

    // Nothing was written: the store still has the first version, under its old name.
    let detail = Workspace::open(&options(&db, support::TODAY))
        .unwrap()
        .definition_detail("veilig_thuis_meldingen")
        .unwrap();
    assert_eq!(detail.entry.version, 1);
    assert_eq!(detail.entry.indicator.name, name);

    // Only the name changed: that is allowed, and becomes version 2.
    choose(&mut harness, "Eenheid van de indicator", "aantal");
    choose(&mut harness, "Frequentie van de indicator", "kwartaal");
    click_below(&mut harness, "Opslaan");
    let renamed = format!("{name} (nieuw)");
    harness.get_by_label_contains(&format!("Indicator '{renamed}' is gewijzigd (batch"));
    group(&harness, &format!("Definitie: {renamed}"))
        .get_by_label("veilig_thuis_meldingen · versie 2");
}

#[test]
fn a_retired_indicator_shows_as_ingetrokken_and_leaves_the_layers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let mut harness = open_indicatoren(&db);
    let name = "Meldingen Veilig Thuis";
    let card = format!("Definitie: {name}");
    select(&mut harness, name);

    // Asked first: "Niet intrekken" changes nothing.
    click_in(&mut harness, &card, "Intrekken");
    let question = format!("Indicator '{name}' intrekken?");
    harness.get_by_label_contains(&question);
    harness.get_by_label("Niet intrekken").click();
    harness.run();
    assert!(harness.query_by_label_contains(&question).is_none());
    group(&harness, &format!("Indicator: {name}")).get_by_label("actief");

    click_in(&mut harness, &card, "Intrekken");
    harness.get_by_label("Ja, intrekken").click();
    harness.run();
    harness.get_by_label_contains(&format!("Indicator '{name}' is ingetrokken (batch"));
    group(&harness, &format!("Indicator: {name}")).get_by_label("ingetrokken");
    assert!(group(&harness, &card).query_by_label("Bewerken").is_none());

    harness.get_by_label("Strategisch").click();
    harness.run();
    harness.get_by_label("Strategisch overzicht");
    assert!(harness.query_by_label(name).is_none());
    harness.get_by_label("Tactisch").click();
    harness.run();
    assert!(harness.query_by_label(name).is_none());
}
