//! Duiding and verhalen in the window: writing and locking a note, writing one from the tactical
//! layer, opening a story link (only after seeing where it goes), copying a plot.

mod support;

use eframe::egui::OutputCommand;
use egui_kittest::kittest::Queryable;
use support::window::{
    click_below, click_in, group, open_rendered_window, open_window, step_until, type_into,
};

#[test]
fn a_note_is_written_for_the_bo_then_locked() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Duiding").click();
    harness.run();
    harness.get_by_label("Duiding voor het BO van 12 februari 2026");
    harness.get_by_label("3 duidingen voor dit BO".to_uppercase().as_str());

    harness.get_by_label("Indicator van de duiding").click();
    harness.run();
    click_below(&mut harness, "Incidenten huiselijk geweld");
    type_into(
        &mut harness,
        "Tekst van de duiding",
        "Minder incidenten dan verwacht in Wormerland.",
    );
    harness.get_by_label("Duiding opslaan").click();
    harness.run();
    harness.get_by_label("Duiding 4 opgeslagen voor het BO van 12 februari 2026.");
    harness.get_by_label("4 duidingen voor dit BO".to_uppercase().as_str());
    harness.get_by_label("Minder incidenten dan verwacht in Wormerland.");

    let card = "Duiding: Incidenten huiselijk geweld";
    click_in(&mut harness, card, "Definitief maken");
    harness.get_by_label("Duiding 4 is definitief en vergrendeld.");
    assert!(group(&harness, card).query_by_label("Bewerken").is_none());
    group(&harness, card).get_by_label("Heropenen");
    group(&harness, card).get_by_label_contains("Geschiedenis (1 eerdere versie)");
}

#[test]
fn the_tactical_layer_shows_the_notes_and_writes_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    harness.get_by_label_contains("De meldingen bij Veilig Thuis stijgen licht");
    harness.get_by_label("Gekoppelde verhalen".to_uppercase().as_str());
    harness.get_by_label("Open video: Eindelijk één plan");
    harness.get_by_label("Duiding schrijven").click();
    harness.run();
    harness.get_by_label("Nieuwe duiding");
    let picker = harness.get_by_label("Indicator van de duiding");
    assert_eq!(picker.value().as_deref(), Some("Meldingen Veilig Thuis"));
}

#[test]
fn a_story_link_opens_only_after_the_user_saw_where_it_goes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Verhalen").click();
    harness.run();
    harness
        .get_by_label("Open video: Eindelijk één plan")
        .click();
    harness.run();
    harness.get_by_label("'Eindelijk één plan' opent in uw browser op video.example.org");
    harness.get_by_label("Niet openen").click();
    harness.step();
    assert!(opened(&harness).is_empty());
    harness.run();
    assert!(harness.query_by_label("Openen in browser").is_none());

    harness
        .get_by_label("Open video: Eindelijk één plan")
        .click();
    harness.run();
    harness.get_by_label("Openen in browser").click();
    harness.step();
    assert_eq!(
        opened(&harness),
        ["https://video.example.org/allen-voor-een/eindelijk-een-plan"]
    );
}

/// The links the last frame asked the system to open.
fn opened(harness: &egui_kittest::Harness<'static, regio_in_beeld::ui::Shell>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_story_with_a_script_link_is_refused_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Verhalen").click();
    harness.run();
    type_into(&mut harness, "Titel van het verhaal", "Klik hier");
    type_into(&mut harness, "Link van het verhaal", "javascript:alert(1)");
    click_below(&mut harness, "Verhaal opslaan");
    harness.get_by_label(
        "ongeldige link 'javascript:alert(1)': alleen http- en https-links zijn toegestaan",
    );
    // The form keeps what was typed, to correct the link.
    let title = harness.get_by_label("Titel van het verhaal").value();
    assert_eq!(title.as_deref(), Some("Klik hier"));
}

#[test]
fn the_plot_is_copied_as_a_picture_of_the_plot_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_rendered_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    harness.get_by_label("Grafiek kopiëren").click();
    step_until(&mut harness, "Grafiek gekopieerd");
    let copied: Vec<[usize; 2]> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            OutputCommand::CopyImage(image) => Some(image.size),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1);
    let [width, height] = copied[0];
    assert!(
        (700..1000).contains(&width) && (300..500).contains(&height),
        "{width}×{height}"
    );
}

#[test]
fn a_story_is_changed_in_the_form_it_was_written_in() {
    use eframe::egui::{Key, Modifiers};
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Verhalen").click();
    harness.run();
    click_in(
        &mut harness,
        "Verhaal: Terug in de wijk na detentie",
        "Bewerken",
    );
    harness.get_by_label("Verhaal bewerken".to_uppercase().as_str());
    let title = harness.get_by_label("Titel van het verhaal").value();
    assert_eq!(title.as_deref(), Some("Terug in de wijk na detentie"));
    click_below(&mut harness, "Titel van het verhaal");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Titel van het verhaal")
        .type_text("Terug in Oostzaan");
    harness.run();
    click_below(&mut harness, "Verhaal opslaan");
    harness.get_by_label("Verhaal 3 'Terug in Oostzaan' is opgeslagen.");
    harness.get_by_label("Terug in Oostzaan");
    assert!(
        harness
            .query_by_label("Terug in de wijk na detentie")
            .is_none()
    );
}
