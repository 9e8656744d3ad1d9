//! What the window's commands do beyond what they show: a view change reads nothing from the store,
//! the theme works even when no store opened, and removing a story or event asks first.

mod support;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use support::window::{click_in, group, open_window};

#[test]
fn theme_zoom_and_closing_a_bar_do_not_read_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    let opened = harness.state().session().reads();

    harness.get_by_label("Donker thema").click();
    harness.run();
    harness.get_by_label("Licht thema");
    assert_eq!(harness.ctx.theme(), eframe::egui::Theme::Dark);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(harness.ctx.zoom_factor() > 1.0);
    harness.get_by_label("Verhalen").click();
    harness.run();
    harness
        .get_by_label("Open video: Eindelijk één plan")
        .click();
    harness.run();
    harness.get_by_label("Niet openen").click();
    harness.run();
    assert!(harness.query_by_label("Openen in browser").is_none());

    assert_eq!(harness.state().session().reads(), opened);
}

#[test]
fn the_theme_changes_while_the_store_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.sqlite");
    std::fs::write(&path, "geen database").unwrap();
    let mut harness = open_window(&path);
    harness.get_by_label("De gegevens kunnen niet geopend worden");

    harness.get_by_label("Donker thema").click();
    harness.run();
    harness.get_by_label("Licht thema");
    assert_eq!(harness.ctx.theme(), eframe::egui::Theme::Dark);
}

#[test]
fn a_story_is_removed_only_after_the_user_says_yes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Verhalen").click();
    harness.run();
    let title = "Terug in de wijk na detentie";
    let card = format!("Verhaal: {title}");

    click_in(&mut harness, &card, "Verwijderen");
    harness.get_by_label(&format!("Verhaal '{title}' verwijderen?"));
    harness.get_by_label("Niet verwijderen").click();
    harness.run();
    assert!(harness.query_by_label("Ja, verwijderen").is_none());
    group(&harness, &card);

    click_in(&mut harness, &card, "Verwijderen");
    harness.get_by_label("Ja, verwijderen").click();
    harness.run();
    harness.get_by_label(&format!("Verhaal '{title}' is verwijderd."));
    assert!(harness.query_by_label(title).is_none());
}

#[test]
fn an_event_is_removed_from_the_time_axis_only_after_the_user_says_yes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    let row = "Gebeurtenis: Start regionaal veiligheidsteam";
    click_in(&mut harness, row, "Verwijderen");
    harness.get_by_label(
        "Gebeurtenis 'Start regionaal veiligheidsteam' verwijderen? Ze verdwijnt van de tijdas.",
    );
    harness.get_by_label("Ja, verwijderen").click();
    harness.run();
    harness.get_by_label("Gebeurtenis 'Start regionaal veiligheidsteam' is verwijderd.");
    assert!(
        harness
            .query_by_role_and_label(eframe::egui::accesskit::Role::Group, row)
            .is_none()
    );
}
