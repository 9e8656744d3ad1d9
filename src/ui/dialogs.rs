//! The system's file dialogs, on their own thread so the window keeps drawing while one is open.

use std::path::PathBuf;
use std::sync::mpsc;

use eframe::egui;

use crate::app::TemplateFormat;
use crate::domain::Period;

/// What the user chose in a dialog.
pub(super) enum Chosen {
    /// Files to check and import.
    Import(Vec<PathBuf>),
    /// Where to write the template for a period.
    Template(Period, PathBuf, TemplateFormat),
}

/// A dialog that is open, or has just closed.
pub(super) struct Dialog {
    receiver: mpsc::Receiver<Option<Chosen>>,
}

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

    pub fn save_template(ctx: &egui::Context, period: Period, format: TemplateFormat) -> Dialog {
        let (extension, filter) = match format {
            TemplateFormat::Csv => ("csv", "CSV"),
            TemplateFormat::Xlsx => ("xlsx", "Excel"),
        };
        Dialog::open(ctx, move || {
            rfd::FileDialog::new()
                .set_title("Sjabloon opslaan")
                .set_file_name(format!("sjabloon-{}.{extension}", period.canonical()))
                .add_filter(filter, &[extension])
                .save_file()
                .map(|path| Chosen::Template(period, path, format))
        })
    }

    fn open(ctx: &egui::Context, run: impl FnOnce() -> Option<Chosen> + Send + 'static) -> Dialog {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may have closed meanwhile; then nobody is waiting for the answer.
            let _ = sender.send(run());
            ctx.request_repaint();
        });
        Dialog { receiver }
    }

    /// `Some` once the dialog closed: what was chosen, or `None` when it was cancelled.
    pub fn poll(&self) -> Option<Option<Chosen>> {
        match self.receiver.try_recv() {
            Ok(chosen) => Some(chosen),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }
}
