//! The window: eframe and egui live here and nowhere else.

mod chart_image;
mod data;
mod dialogs;
mod duiding;
mod gemeenten;
mod plot;
mod shell;
mod strategic;
mod tactical;
mod theme;
mod verhalen;
mod widgets;

use std::process::ExitCode;

use crate::app::{OpenOptions, Workspace};
use crate::ingest::DEFAULT_BASE_URL;

pub use shell::Shell;

/// Opens the dashboard window on the store named in `options`. Open data comes from CBS, or from the
/// address in `REGIO_CBS_URL`.
pub fn run(options: &OpenOptions) -> ExitCode {
    let opened = Workspace::open(options);
    let options = options.clone();
    let cbs = std::env::var("REGIO_CBS_URL").unwrap_or_else(|_| DEFAULT_BASE_URL.to_string());
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
        Box::new(move |cc| Ok(Box::new(Shell::new(cc, opened, options, cbs)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Het venster kan niet geopend worden: {error}");
            ExitCode::FAILURE
        }
    }
}
