//! Cold start: from starting the program to its first frame on screen (its own report of it), for Regio in beeld on the demo
//! store and for a bare eframe window (one label, same renderer and size), measured in the same run.
//! Target: at most 1,5× the bare window. Needs a display: run under Xvfb with
//! `DISPLAY=:99 cargo bench --bench startup`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use eframe::egui;

const RUNS: usize = 7;

fn main() {
    if std::env::args().any(|a| a == "--bare") {
        return bare_window();
    }
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        println!("skipped: no display (run under Xvfb: DISPLAY=:99 cargo bench --bench startup)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regio.sqlite");
    let app = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_regio-in-beeld"));
        command
            .arg("--db")
            .arg(&db)
            .arg("--first-frame")
            .env("XDG_DATA_HOME", dir.path());
        command
    };
    // The first start fills the demo store; measure the starts after it.
    assert!(app().output().unwrap().status.success());
    let this = std::env::args().next().unwrap();
    let bare = || {
        let mut command = Command::new(&this);
        command.arg("--bare");
        command
    };
    let floor = best_of(bare);
    let regio = best_of(app);
    let ratio = regio.as_secs_f64() / floor.as_secs_f64();
    println!(
        "bare eframe window: {} ms to its first frame (best of {RUNS})",
        floor.as_millis()
    );
    println!(
        "Regio in beeld on the demo store: {} ms, {ratio:.2}× the bare window ({} the 1,5× target)",
        regio.as_millis(),
        if ratio <= 1.5 { "within" } else { "OVER" }
    );
}

/// The shortest time from starting a program to the line it prints once its first frame is on screen
/// (what it does when closing afterwards, such as saving its settings, is not counted).
fn best_of(command: impl Fn() -> Command) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let mut child = command().stdout(Stdio::piped()).spawn().unwrap();
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            let first_frame = started.elapsed();
            assert!(child.wait().unwrap().success());
            assert!(!line.is_empty(), "no first frame");
            first_frame
        })
        .min()
        .unwrap()
}

/// The floor: an eframe window with one label, closed after its first frame.
fn bare_window() {
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 820.0]),
        persist_window: false,
        ..Default::default()
    };
    let mut frames = 0;
    eframe::run_ui_native("bare", options, move |ui, _frame| {
        ui.label("Regio in beeld");
        frames += 1;
        if frames == 2 {
            println!("first frame");
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    })
    .unwrap();
}
