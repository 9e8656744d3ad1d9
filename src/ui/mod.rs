//! The window: eframe and egui live here and nowhere else.

mod chart_image;
mod dialogs;
mod events;
mod icon;
mod plot;
mod screens;
mod shell;
mod spoken;
mod theme;
mod widgets;

use std::process::ExitCode;
use std::time::Instant;

use crate::app::{OpenOptions, Workspace};
use crate::ingest::DEFAULT_BASE_URL;

pub use shell::Shell;

/// Opens the dashboard window on the store named in `options`. Open data comes from CBS, or from the
/// address in `REGIO_CBS_URL`. With `first_frame` it closes after the first frame is shown.
pub fn run(options: &OpenOptions, first_frame: bool) -> ExitCode {
    let started = Instant::now();
    if let Some(missing) = no_display() {
        eprintln!("{missing}");
        return ExitCode::FAILURE;
    }
    let opened = Workspace::open(options);
    // The region is the store's; a store that cannot be read says why in the window itself.
    let title = opened.as_ref().map_or_else(
        |_| "Regio in beeld".to_string(),
        |w| format!("Regio in beeld — Zorg & Veiligheid {}", w.region().name()),
    );
    let options = options.clone();
    let cbs = std::env::var("REGIO_CBS_URL").unwrap_or_else(|_| DEFAULT_BASE_URL.to_string());
    // The app id is the .desktop file's name (assets/linux/), so Wayland and X11 docks match the
    // running window to its launcher and icon.
    let mut viewport = eframe::egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id("regio-in-beeld")
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([720.0, 480.0]);
    if let Some(icon) = icon::app_icon() {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "regio-in-beeld",
        native,
        Box::new(move |cc| {
            // `--today` / REGIO_TODAY, in the options, also decides what the window counts as late.
            let shell = Shell::new(cc, opened, options, cbs);
            Ok(if first_frame {
                Box::new(OneFrame {
                    shell,
                    frames: 0,
                    started,
                })
            } else {
                Box::new(shell)
            })
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "Het venster kan niet geopend worden ({}). De opdrachten werken ook zonder \
                 venster: zie regio-in-beeld --help.",
                without_source_paths(&error.to_string())
            );
            ExitCode::FAILURE
        }
    }
}

/// On X11 and Wayland systems a window needs one of the two; without, say so plainly rather than
/// with the windowing library's error.
fn no_display() -> Option<&'static str> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let set = |key| std::env::var_os(key).is_some_and(|v| !v.is_empty());
    (unix_desktop && !set("DISPLAY") && !set("WAYLAND_DISPLAY")).then_some(
        "Het venster kan niet geopend worden: er is geen grafische omgeving (DISPLAY en \
         WAYLAND_DISPLAY zijn niet gezet). Start het programma op een bureaublad, of gebruik de \
         opdrachten, die ook zonder venster werken: zie regio-in-beeld --help.",
    )
}

/// The windowing library's error without the source file it came from (`… at /home/…/x11/mod.rs:12`).
fn without_source_paths(error: &str) -> String {
    error
        .split_whitespace()
        .filter(|word| !word.contains(".rs:") && !word.contains("/.cargo/"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The window for one frame: drawn, shown, then closed, with the time it took on stdout.
struct OneFrame {
    shell: Shell,
    frames: u32,
    started: Instant,
}

impl eframe::App for OneFrame {
    fn ui(&mut self, ui: &mut eframe::egui::Ui, frame: &mut eframe::Frame) {
        self.shell.ui(ui, frame);
        self.frames += 1;
        // The second pass starts once the first is on screen.
        if self.frames == 2 {
            println!("eerste beeld na {} ms", self.started.elapsed().as_millis());
            ui.ctx()
                .send_viewport_cmd(eframe::egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }
}
