//! The dashboard on a national store: 342 gemeenten (the Nederland region file) × 200 quarterly
//! indicators (20 strategic) × 40 quarters = 2.736.000 observations, the region derived from its
//! gemeenten as for a real delivery. A process of its own opens the store (with the integrity check),
//! builds every series of the strategic layer (target ≤ 50 ms) and the whole dashboard (target ≤ 1 s),
//! and reports its peak memory (target ≤ 200 MB); each beside a floor measured in the same run: SQLite
//! on its own doing the quick check, and scanning the same rows. Run with
//! `cargo bench --bench national`; building the store takes minutes.

#[path = "support/memory.rs"]
mod memory;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::path::Path;
use std::time::Instant;

use regio_in_beeld::app::{DashboardChoice, OpenOptions, Workspace, load_region, read_paths};
use regio_in_beeld::domain::{Indicator, Layer};
use rusqlite::{Connection, OpenFlags};

const INDICATORS: usize = 200;
const STRATEGIC: usize = 20;
const QUARTERS: usize = 40;
/// Indicators per import, so the import's own memory stays that of a large delivery.
const PER_IMPORT: usize = 20;
const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--read") {
        let options = OpenOptions {
            db: std::path::PathBuf::from(args[at + 1].clone()).into(),
            indicators: Some(args[at + 2].clone().into()),
            today: None,
        };
        return read(&options);
    }
    let dir = tempfile::tempdir().unwrap();
    let indicators = dir.path().join("indicators");
    std::fs::create_dir(&indicators).unwrap();
    // The first 2 × STRATEGIC are the dashboard's (half strategic), the rest tactical.
    synthetic::write_dashboard_catalog(&indicators, 2 * STRATEGIC);
    synthetic::write_catalog_from(&indicators, 2 * STRATEGIC, INDICATORS, "kwartaal");
    let db = dir.path().join("nationaal.sqlite");
    let options = OpenOptions {
        db: db.clone().into(),
        indicators: Some(indicators),
        today: None,
    };
    let region_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/regions/nederland.toml");
    let started = Instant::now();
    let mut workspace =
        Workspace::init(&options, Some(load_region(&region_file).unwrap())).unwrap();
    let gemeenten: Vec<&str> = workspace.region().gemeenten().map(|a| a.code).collect();
    for first in (0..INDICATORS).step_by(PER_IMPORT) {
        let csv = dir.path().join(format!("deel-{first}.csv"));
        let text = synthetic::quarterly_csv_for(first..first + PER_IMPORT, QUARTERS, &gemeenten);
        std::fs::write(&csv, text).unwrap();
        let preview = workspace
            .preview_import(read_paths(&[&csv]), "bench")
            .unwrap();
        assert!(preview.is_valid(), "{:?}", &preview.problems[..1]);
        workspace.commit_import(&preview).unwrap();
        std::fs::remove_file(&csv).unwrap();
    }
    let count = workspace.store().observation_count().unwrap();
    println!(
        "store of {count} observations ({} gemeenten × {INDICATORS} indicators × {QUARTERS} quarters) \
         built in {:.0} s, {} MB",
        gemeenten.len(),
        started.elapsed().as_secs_f64(),
        std::fs::metadata(&db).unwrap().len() >> 20
    );
    drop(workspace);
    // The window's side in a process of its own, so its peak memory is its own, not the import's.
    let status = std::process::Command::new(&args[0])
        .arg("--read")
        .arg(&db)
        .arg(options.indicators.as_ref().unwrap())
        .status()
        .unwrap();
    assert!(status.success());
}

fn read(options: &OpenOptions) {
    let db = options.db.file().expect("a store in a file").to_path_buf();
    let check_floor = best_of(|| bare_quick_check(&db));
    let started = Instant::now();
    let workspace = Workspace::open(options).unwrap();
    let open = millis(started);
    println!(
        "open (catalog, migrations check, quick check): {open:.0} ms, {:.1}× the floor \
         (PRAGMA quick_check alone: {check_floor:.0} ms)",
        open / check_floor
    );

    let strategic: Vec<Indicator> = workspace
        .catalog()
        .indicators()
        .iter()
        .filter(|i| i.layer == Layer::Strategisch)
        .cloned()
        .collect();
    let ids: Vec<&str> = strategic.iter().map(|i| i.id.as_str()).collect();
    let (scan_floor, scanned) = best_scan(&db, &ids);
    let mut points = 0;
    let series = best_of(|| {
        points = strategic_series(&workspace, &strategic);
    });
    println!(
        "every series of the strategic layer ({} indicators, region and {} gemeenten, {points} points): \
         {series:.1} ms, {:.1}× the floor (scanning its {scanned} rows: {scan_floor:.1} ms), {} the \
         50 ms target",
        strategic.len(),
        workspace.region().gemeenten().count(),
        series / scan_floor,
        verdict(series <= 50.0)
    );

    let every: Vec<&str> = workspace
        .catalog()
        .indicators()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    let (all_floor, all_rows) = best_scan(&db, &every);
    let mut shown = 0;
    let dashboard = best_of(|| {
        shown = workspace
            .dashboard(DashboardChoice::default())
            .unwrap()
            .indicators
            .len();
    });
    println!(
        "whole dashboard ({shown} indicators, every layer): {dashboard:.0} ms, {:.1}× the floor \
         (scanning its {all_rows} rows: {all_floor:.0} ms), {} the 1 s target",
        dashboard / all_floor,
        verdict(dashboard <= 1000.0)
    );
    let peak = memory::memory_mb("VmHWM:");
    println!(
        "peak memory of opening, the series and the dashboard: {peak:.0} MB, {} the 200 MB target",
        verdict(peak <= 200.0)
    );
}

/// What the strategic layer shows of each of its indicators, read as the dashboard reads it: the
/// series of the region (derived from the gemeenten) and of every gemeente. Returns how many points
/// they hold.
fn strategic_series(workspace: &Workspace, strategic: &[Indicator]) -> usize {
    let (_, series) = workspace.delivered(strategic).unwrap();
    series
        .iter()
        .map(|d| {
            d.region.points.len()
                + d.gemeenten
                    .iter()
                    .map(|(_, s)| s.points.len())
                    .sum::<usize>()
        })
        .sum()
}

/// SQLite alone: the quick check the store's opening does, on a connection of its own.
fn bare_quick_check(db: &Path) {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let result: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(result, "ok");
}

/// SQLite alone scanning the current values of `indicators`, every column the store reads, keeping
/// nothing; the best of [`RUNS`] in milliseconds, and how many rows.
fn best_scan(db: &Path, indicators: &[&str]) -> (f64, usize) {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut query = conn
        .prepare(
            "SELECT o.area_number, o.period, o.value, o.reason, o.provisional, o.remark \
             FROM observations o JOIN indicators i ON o.indicator_number = i.number WHERE i.id = ?1",
        )
        .unwrap();
    let mut rows = 0;
    let best = best_of(|| {
        rows = 0;
        let mut sum = 0.0;
        for id in indicators {
            let mut found = query.query([id]).unwrap();
            while let Some(row) = found.next().unwrap() {
                let _area: i64 = row.get(0).unwrap();
                let period = row.get_ref(1).unwrap().as_str().unwrap();
                let value: Option<f64> = row.get(2).unwrap();
                let _reason = row.get_ref(3).unwrap();
                let _provisional: bool = row.get(4).unwrap();
                let _remark = row.get_ref(5).unwrap();
                sum += value.unwrap_or(0.0) + period.len() as f64;
                rows += 1;
            }
        }
        std::hint::black_box(sum);
    });
    (best, rows)
}

/// The shortest of [`RUNS`] runs of `run`, in milliseconds: a busy moment of the machine slows one
/// run, not the figure.
fn best_of(mut run: impl FnMut()) -> f64 {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            millis(started)
        })
        .fold(f64::MAX, f64::min)
}

fn verdict(within: bool) -> &'static str {
    if within { "within" } else { "OVER" }
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}
