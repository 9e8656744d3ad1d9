//! The window's own part: one file dialog at a time.

use std::sync::mpsc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::Shell;
use crate::app::{OpenOptions, Workspace};
use crate::ui::dialogs::Dialog;

#[test]
fn asking_for_a_dialog_while_one_is_open_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let options = OpenOptions {
        db: dir.path().join("regio.sqlite").into(),
        indicators: None,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
    };
    let opened = Workspace::open(&options);
    let mut harness = Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 820.0))
        .build_eframe(move |cc| Shell::new(cc, opened, options, String::new()));
    harness.get_by_label("Gegevens").click();
    harness.run();
    // A dialog the user has not closed yet: it answers once `close` is dropped.
    let (close, closed) = mpsc::channel::<()>();
    let ctx = harness.ctx.clone();
    harness.state_mut().dialog = Some(Dialog::open(&ctx, move || {
        let _ = closed.recv();
        None
    }));

    for button in ["Bestanden kiezen…", "Sjabloon CSV…"] {
        harness.get_by_label(button).click();
        harness.run();
        harness.get_by_label(
            "Er staat al een venster open om een bestand te kiezen of op te slaan; sluit dat \
             eerst.",
        );
    }
    drop(close);
}
