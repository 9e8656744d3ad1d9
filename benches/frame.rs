//! Frame time of the strategic and tactical layers with 40 indicators × 8 areas × 40 quarters: the
//! window is stepped by egui_kittest without rendering, as the issue asks, next to a floor measured in
//! the same run (a window with one label). Run with `cargo bench --bench frame`. Target: ≤ 2 ms.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::{OpenOptions, Workspace, read_paths};
use regio_in_beeld::ui::Shell;

const INDICATORS: usize = 40;
const QUARTERS: usize = 40;
const FRAMES: u32 = 300;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let indicators = dir.path().join("indicators");
    std::fs::create_dir(&indicators).unwrap();
    synthetic::write_dashboard_catalog(&indicators, INDICATORS);
    let csv = dir.path().join("kwartalen.csv");
    std::fs::write(&csv, synthetic::quarterly_csv(INDICATORS, QUARTERS)).unwrap();
    let options = OpenOptions {
        db: dir.path().join("regio.sqlite").into(),
        indicators: Some(indicators),
        today: None,
    };
    let mut workspace = Workspace::open(&options).unwrap();
    let preview = workspace
        .preview_import(read_paths(&[&csv]), "bench")
        .unwrap();
    let report = workspace.commit_import(&preview).unwrap();
    let rows: u64 = report.files.iter().map(|(_, s)| s.added).sum();
    drop(workspace);
    println!("{INDICATORS} indicators × 8 areas × {QUARTERS} quarters = {rows} values");

    let mut floor = Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 820.0))
        .build_ui(|ui| {
            ui.label("Regio in beeld");
        });
    let floor = per_frame(|| floor.step());
    println!("floor (a window with one label): {}", millis(floor));

    let opened = Workspace::open(&options);
    let shell_options = options.clone();
    let mut window = Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 820.0))
        .build_eframe(move |cc| Shell::new(cc, opened, shell_options, "http://127.0.0.1:9".into()));
    window.run();
    let strategic = per_frame(|| window.step());
    report_layer("strategisch", strategic, floor);

    window.get_by_label("Synthetisch 0").click();
    window.run();
    window.get_by_label("Cijfers per gemeente");
    let tactical = per_frame(|| window.step());
    report_layer("tactisch", tactical, floor);
}

/// The mean time of a frame over `FRAMES` frames, after a warm-up.
fn per_frame(mut step: impl FnMut()) -> Duration {
    for _ in 0..20 {
        step();
    }
    let start = Instant::now();
    for _ in 0..FRAMES {
        step();
    }
    start.elapsed() / FRAMES
}

fn report_layer(name: &str, frame: Duration, floor: Duration) {
    let verdict = if frame <= Duration::from_millis(2) {
        "within"
    } else {
        "OVER"
    };
    println!(
        "{name}: {} per frame, {:.1}× the floor, {verdict} the 2 ms target",
        millis(frame),
        frame.as_secs_f64() / floor.as_secs_f64()
    );
}

fn millis(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}
