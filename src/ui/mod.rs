//! The window: eframe and egui live here and nowhere else.

mod data;
mod overview;
mod shell;
mod theme;
mod widgets;

use std::process::ExitCode;

use crate::app::{OpenOptions, Workspace};

pub use shell::Shell;

/// Opens the dashboard window on the store named in `options`.
pub fn run(options: &OpenOptions) -> ExitCode {
    let opened = Workspace::open(options);
    let db_path = options.db.clone();
    let native = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Regio in beeld — Zorg & Veiligheid Zaanstreek-Waterland")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "regio-in-beeld",
        native,
        Box::new(move |cc| Ok(Box::new(Shell::new(&cc.egui_ctx, opened, db_path)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Het venster kan niet geopend worden: {error}");
            ExitCode::FAILURE
        }
    }
}
