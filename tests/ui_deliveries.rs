//! Steering a delivery round in the window: a row per supplier on Gegevens with its contact, its
//! template and, when late, a reminder to copy or open in the mail program; after an import is saved,
//! its receipt to copy.

#[macro_use]
mod support;

use eframe::egui::OutputCommand;
use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::{Workspace, read_paths};
use support::window::{click_below, drop_file, open_window, open_window_on, step_until};

/// The text the last frame put on the clipboard.
fn copied(harness: &egui_kittest::Harness<'static, regio_in_beeld::ui::Shell>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn a_late_supplier_gets_a_template_and_a_reminder_from_the_gegevens_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let mut workspace = Workspace::open(&support::window::options(&db, support::TODAY)).unwrap();
    workspace
        .set_supplier_contact("GGZ", Some("Jan Jansen"), Some("jan@ggz.nl"), "beheer")
        .unwrap();
    // One value of 2026 K1 is in: that round is the one the screen shows.
    let started = dir.path().join("ggz-k1.csv");
    std::fs::write(
        &started,
        "indicator;gebied;periode;waarde\nggz_crisisbeoordelingen;Oostzaan;2026 K1;4\n",
    )
    .unwrap();
    let preview = workspace
        .preview_import(read_paths(&[&started]), "jan")
        .unwrap();
    workspace.commit_import(&preview).unwrap();
    drop(workspace);

    let mut harness = open_window_on(&db, "2026-06-01");
    harness.get_by_label("Gegevens").click();
    harness.run();
    harness.get_by_label("LEVERANCIERS 2026 K1");
    harness.get_by_label("Jan Jansen <jan@ggz.nl>");
    assert!(
        harness
            .query_all_by_label("1 van 1 onvolledig, 20 dagen te laat")
            .count()
            >= 1
    );

    click_below(&mut harness, "Herinnering opstellen voor GGZ");
    harness.get_by_label("HERINNERING VOOR GGZ");
    harness.get_by_label("Aan: Jan Jansen <jan@ggz.nl>");
    harness.get_by_label(
        "Onderwerp: Herinnering: cijfers 2026 K1 voor het dashboard Zorg & Veiligheid (GGZ)",
    );
    harness
        .get_by_label("Kopiëren naar klembord")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Kopiëren naar klembord").click();
    harness.step();
    let text = copied(&harness).expect("the reminder is on the clipboard");
    assert!(
        text.starts_with("Aan: Jan Jansen <jan@ggz.nl>\nOnderwerp: Herinnering"),
        "{text}"
    );
    assert!(
        text.contains("- Crisisbeoordelingen GGZ: Edam-Volendam, Landsmeer, Purmerend, Waterland, Wormerland, Zaanstad (uiterlijk 12 mei 2026, 20 dagen te laat)"),
        "{text}"
    );
    harness.run();
    harness.get_by_label("Herinnering voor GGZ gekopieerd naar het klembord");

    harness.get_by_label("Openen in e-mailprogramma").click();
    harness.step();
    let opened = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::OpenUrl(url) => Some(url.url.clone()),
            _ => None,
        });
    let opened = opened.expect("the mail program is asked to open the message");
    assert!(
        opened.starts_with("mailto:jan@ggz.nl?subject=Herinnering%3A%20cijfers%202026%20K1"),
        "{opened}"
    );
    harness.run();
    harness.get_by_label("Sluiten").click();
    harness.run();
    assert!(harness.query_by_label("HERINNERING VOOR GGZ").is_none());

    // Without a file dialog (as here), the window says which command writes the same template.
    click_below(&mut harness, "Sjabloon voor GGZ");
    step_until(&mut harness, "Op de opdrachtregel");
    harness.get_by_label_contains(
        "regio-in-beeld template --supplier \"GGZ\" --period 2026-K1 --out sjabloon-ggz-2026-K1.xlsx",
    );
}

#[test]
fn a_complete_round_offers_templates_but_no_reminders() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Gegevens").click();
    harness.run();
    harness.get_by_label("LEVERANCIERS 2025 K4");
    harness.get_by_label("Sjabloon voor ZVH ZaWa");
    assert!(
        harness
            .query_by_label_contains("Herinnering opstellen")
            .is_none()
    );
    assert!(harness.query_all_by_label("compleet").count() >= 9);
}

#[test]
fn after_saving_an_import_its_receipt_can_be_copied() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Gegevens").click();
    harness.run();
    drop_file(&mut harness, "excel-nl.csv");
    step_until(&mut harness, "5 toegevoegd, 0 gewijzigd");
    harness.get_by_label("Opslaan").click();
    step_until(&mut harness, "opgeslagen als batch");
    harness
        .get_by_label("Ontvangstbevestiging kopiëren")
        .click();
    harness.step();
    let text = copied(&harness).expect("the receipt is on the clipboard");
    assert!(
        text.starts_with("Ontvangstbevestiging Regio in beeld Zaanstreek-Waterland\n\nBestand: excel-nl.csv (batch 2)\n"),
        "{text}"
    );
    assert!(text.contains("\nPer indicator:\n- "), "{text}");
    assert!(
        text.contains(" toegevoegd, 0 gewijzigd, 0 ongewijzigd\n"),
        "{text}"
    );
    harness.run();
    harness.get_by_label("Ontvangstbevestiging gekopieerd naar het klembord");
    harness.get_by_label("Sluiten").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Ontvangstbevestiging kopiëren")
            .is_none()
    );
}
