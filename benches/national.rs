//! The strategic layer on a national-scale store: 2.7 million observations (8.400 quarterly indicators
//! × 8 areas × 40 quarters — the model holds the seven gemeenten and the region, so the scale comes
//! from indicators instead of 342 gemeenten). Measures opening the store, the query of every series
//! the strategic layer shows (target ≤ 50 ms), building the whole dashboard, and peak memory (target
//! ≤ 200 MB). Run with `cargo bench --bench national`.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::time::Instant;

use regio_in_beeld::app::{DashboardChoice, OpenOptions, Workspace, read_paths};
use regio_in_beeld::domain::Layer;
use regio_in_beeld::store::ObservationFilter;

const INDICATORS: usize = 8_400;
const QUARTERS: usize = 40;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--read") {
        let options = OpenOptions {
            db: args[at + 1].clone().into(),
            indicators: Some(args[at + 2].clone().into()),
            today: None,
        };
        return read(&options);
    }
    let dir = tempfile::tempdir().unwrap();
    let indicators = dir.path().join("indicators");
    std::fs::create_dir(&indicators).unwrap();
    // 20 strategic indicators, the rest tactical: a realistic strategic layer on a huge store.
    synthetic::write_dashboard_catalog(&indicators, 40);
    synthetic::write_catalog_from(&indicators, 40, INDICATORS, "kwartaal");
    let options = OpenOptions {
        db: dir.path().join("nationaal.sqlite"),
        indicators: Some(indicators),
        today: None,
    };
    let started = Instant::now();
    let mut workspace = Workspace::open(&options).unwrap();
    for part in 0..4 {
        let csv = dir.path().join(format!("deel-{part}.csv"));
        let range = part * INDICATORS / 4..(part + 1) * INDICATORS / 4;
        std::fs::write(&csv, synthetic::quarterly_csv_range(range, QUARTERS)).unwrap();
        let preview = workspace
            .preview_import(read_paths(&[&csv]), "bench")
            .unwrap();
        workspace.commit_import(&preview).unwrap();
    }
    let count = workspace.store().observation_count().unwrap();
    println!(
        "store of {count} observations built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    drop(workspace);
    // The window's side in a process of its own, so its peak memory is its own, not the import's.
    let status = std::process::Command::new(&args[0])
        .arg("--read")
        .arg(&options.db)
        .arg(options.indicators.as_ref().unwrap())
        .status()
        .unwrap();
    assert!(status.success());
}

fn read(options: &OpenOptions) {
    let started = Instant::now();
    let workspace = Workspace::open(options).unwrap();
    println!(
        "open (catalog, migrations check, quick check): {:.0} ms, {:.0} MB resident",
        millis(started),
        memory_mb("VmRSS:")
    );

    let strategic: Vec<String> = workspace
        .catalog()
        .indicators()
        .iter()
        .filter(|i| i.layer == Layer::Strategisch)
        .map(|i| i.id.clone())
        .collect();
    let mut best = f64::MAX;
    let mut rows = 0;
    for _ in 0..5 {
        let started = Instant::now();
        rows = 0;
        for id in &strategic {
            let filter = ObservationFilter {
                indicator: Some(id.clone()),
            };
            rows += workspace.store().observations(&filter).unwrap().len();
        }
        best = best.min(millis(started));
    }
    let verdict = if best <= 50.0 { "within" } else { "OVER" };
    println!(
        "every series of the strategic layer ({} indicators, {rows} values): {best:.1} ms, {verdict} the 50 ms target",
        strategic.len()
    );

    let started = Instant::now();
    let dashboard = workspace.dashboard(DashboardChoice::default()).unwrap();
    println!(
        "whole dashboard ({} indicators, every layer): {:.0} ms",
        dashboard.indicators.len(),
        millis(started)
    );
    let peak = memory_mb("VmHWM:");
    let verdict = if peak <= 200.0 { "within" } else { "OVER" };
    println!("peak memory of opening and the dashboard: {peak:.0} MB, {verdict} the 200 MB target");
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// Resident memory now (`VmRSS:`) or at its peak (`VmHWM:`), from Linux's `/proc/self/status`.
fn memory_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
