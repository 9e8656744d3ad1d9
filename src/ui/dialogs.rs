//! The system's file dialogs, on their own thread so the window keeps drawing while one is open.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui;

use crate::app::{TemplateFor, TemplateFormat};

/// The system has no file dialog to show (no desktop portal and no zenity); with the command line
/// that does the same, where there is one.
pub(super) struct NoDialog(pub Option<String>);

/// What the user chose in a dialog.
pub(super) enum Chosen {
    /// Files to check and import.
    Import(Vec<PathBuf>),
    /// Where to write the template for a period.
    Template(TemplateFor, PathBuf),
    /// Where to write the BO-pakket of a BO.
    Report(NaiveDate, PathBuf),
    /// Where to write a picture of a plot.
    Png(PathBuf, Vec<u8>),
}

/// A dialog that is open, or has just closed.
pub(super) struct Dialog {
    receiver: mpsc::Receiver<Option<Chosen>>,
    opened_at: Instant,
    /// The command line that does what the dialog was for, to offer when it cannot open.
    instead: Option<String>,
}

/// A dialog that "closed" sooner than a person can cancel it never opened (no portal, no zenity).
const TOO_QUICK: Duration = Duration::from_millis(400);

impl Dialog {
    pub fn pick_import(ctx: &egui::Context) -> Dialog {
        Dialog::open(ctx, || {
            rfd::FileDialog::new()
                .set_title("Bestanden kiezen om in te lezen")
                .add_filter("CSV, Excel, ODS", &["csv", "txt", "xlsx", "xls", "ods"])
                .pick_files()
                .map(Chosen::Import)
        })
    }

    pub fn save_template(ctx: &egui::Context, wanted: TemplateFor) -> Dialog {
        let (extension, filter) = match wanted.format {
            TemplateFormat::Csv => ("csv", "CSV"),
            TemplateFormat::Xlsx => ("xlsx", "Excel"),
        };
        let instead = wanted.command_line();
        let mut dialog = Dialog::open(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Sjabloon opslaan")
                .set_file_name(wanted.file_name())
                .add_filter(filter, &[extension])
                .save_file()
                .map(|path| Chosen::Template(wanted, path))
        });
        dialog.instead = Some(instead);
        dialog
    }

    pub fn save_report(ctx: &egui::Context, bo: NaiveDate) -> Dialog {
        Dialog::open(ctx, move || {
            rfd::FileDialog::new()
                .set_title("BO-pakket opslaan")
                .set_file_name(format!("bo-pakket-{bo}.pdf"))
                .add_filter("PDF (PDF/A)", &["pdf"])
                .add_filter("HTML", &["html", "htm"])
                .save_file()
                .map(|path| Chosen::Report(bo, path))
        })
    }

    pub fn save_png(ctx: &egui::Context, name: String, bytes: Vec<u8>) -> Dialog {
        Dialog::open(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Grafiek bewaren als PNG")
                .set_file_name(name)
                .add_filter("PNG", &["png"])
                .save_file()
                .map(|path| Chosen::Png(path, bytes))
        })
    }

    pub(super) fn open(
        ctx: &egui::Context,
        run: impl FnOnce() -> Option<Chosen> + Send + 'static,
    ) -> Dialog {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may have closed meanwhile; then nobody is waiting for the answer.
            let _ = sender.send(run());
            ctx.request_repaint();
        });
        Dialog {
            receiver,
            opened_at: Instant::now(),
            instead: None,
        }
    }

    /// `Some` once the dialog closed: what was chosen, `Ok(None)` when it was cancelled, or `Err` when
    /// the system could not show one.
    pub fn poll(&self) -> Option<Result<Option<Chosen>, NoDialog>> {
        let chosen = match self.receiver.try_recv() {
            Ok(chosen) => chosen,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        if chosen.is_none() && self.opened_at.elapsed() < TOO_QUICK {
            return Some(Err(NoDialog(self.instead.clone())));
        }
        Some(Ok(chosen))
    }
}
