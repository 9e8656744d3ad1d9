//! Import of a 1,000,000-row long CSV against a floor measured in the same run: a bare prepared-statement
//! insert of the same rows into a plain SQLite table; then the peak memory of one import as a process
//! of its own. Run with `cargo bench --bench import`.
//! Targets: at most 2× the floor, at most 3 s and at most 200 MB.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

#[path = "support/floor.rs"]
mod floor;
#[path = "support/memory.rs"]
mod memory;

use std::path::Path;
use std::time::{Duration, Instant};

use regio_in_beeld::app::{OpenOptions, Workspace, read_paths};
use rusqlite::{Connection, params};

const INDICATORS: usize = 125;
const MONTHS: usize = 1000;
const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--import") {
        let (db, indicators, csv) = (&args[at + 1], &args[at + 2], &args[at + 3]);
        let rows = args[at + 4].parse().unwrap();
        return import_alone(db.as_ref(), indicators.as_ref(), csv.as_ref(), rows);
    }
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), INDICATORS, MONTHS);
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    let rows = csv_text.lines().count() - 1;
    println!(
        "import of {rows} rows ({} MB), best of {RUNS} runs",
        csv_text.len() >> 20
    );

    // Floor and import take turns, so a busy moment of the machine slows both alike.
    let (floors, imports): (Vec<Duration>, Vec<Duration>) = (0..RUNS)
        .map(|run| {
            let floor = bare_insert(&csv_text, &dir.path().join(format!("floor-{run}.sqlite")));
            let db = dir.path().join(format!("import-{run}.sqlite"));
            let (checked, import) = import(&db, &indicators, &csv, rows);
            println!(
                "  run {run}: floor {:.2} s; import {:.2} s (read and check {:.2} s, write {:.2} s)",
                floor.as_secs_f64(),
                import.as_secs_f64(),
                checked.as_secs_f64(),
                (import - checked).as_secs_f64()
            );
            (floor, import)
        })
        .unzip();
    let floor = floors.into_iter().min().unwrap();
    let import = imports.into_iter().min().unwrap();

    floor::print_import_against_floor(
        "bare prepared insert",
        floor,
        import,
        rows,
        &format!("; import ≤ 3 s: {}", import.as_secs_f64() <= 3.0),
    );
    drop(csv_text);

    // One import in a process of its own, so its peak memory is the import's alone, as a user's
    // `regio-in-beeld import` is: not the floor's rows, nor what earlier runs left behind.
    let status = std::process::Command::new(&args[0])
        .arg("--import")
        .arg(dir.path().join("alone.sqlite"))
        .arg(&indicators)
        .arg(&csv)
        .arg(rows.to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// Opens a new store, imports the delivery into it and reports the process's time and peak memory.
fn import_alone(db: &Path, indicators: &Path, csv: &Path, rows: usize) {
    let started = Instant::now();
    let (checked, import) = import(db, indicators, csv, rows);
    let peak = memory::memory_mb("VmHWM:");
    let verdict = if peak <= 200.0 { "within" } else { "OVER" };
    println!(
        "import alone: {:.2} s (read and check {:.2} s, write {:.2} s), process {:.2} s; \
         peak memory {peak:.0} MB, {verdict} the 200 MB target",
        import.as_secs_f64(),
        checked.as_secs_f64(),
        (import - checked).as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

/// Reads, checks and writes the delivery into a new store, as `regio-in-beeld import` does; returns
/// when the check was done and when all was.
fn import(db: &Path, indicators: &Path, csv: &Path, rows: usize) -> (Duration, Duration) {
    let options = OpenOptions {
        db: db.into(),
        indicators: Some(indicators.to_path_buf()),
        today: None,
    };
    let mut workspace = Workspace::open(&options).unwrap();
    let start = Instant::now();
    let preview = workspace
        .preview_import(read_paths(&[csv]), "bench")
        .unwrap();
    assert!(
        preview.is_valid(),
        "{:?}",
        &preview.problems[..preview.problems.len().min(3)]
    );
    let checked = start.elapsed();
    let report = workspace.commit_import(&preview).unwrap();
    assert_eq!(report.files[0].1.added as usize, rows);
    (checked, start.elapsed())
}

/// The same rows, already split, into a plain table with one prepared statement in one transaction.
fn bare_insert(csv_text: &str, path: &Path) -> Duration {
    let rows: Vec<Vec<&str>> = csv_text
        .lines()
        .skip(1)
        .map(|l| l.split(';').collect())
        .collect();
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    conn.execute_batch("CREATE TABLE plain (indicator TEXT, area TEXT, period TEXT, value REAL)")
        .unwrap();
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare("INSERT INTO plain VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        for row in &rows {
            let value: f64 = row[3].parse().unwrap();
            insert
                .execute(params![row[0], row[1], row[2], value])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}
