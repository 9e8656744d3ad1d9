//! Import of a 1,000,000-row long CSV against a floor measured in the same run: a bare prepared-statement
//! insert of the same rows into a plain SQLite table. Run with `cargo bench --bench import`.
//! Targets: at most 2× the floor and at most 3 s.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::time::{Duration, Instant};

use regio_in_beeld::app::{OpenOptions, Workspace, read_paths};
use rusqlite::{Connection, params};

const INDICATORS: usize = 125;
const MONTHS: usize = 1000;
const RUNS: usize = 3;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), INDICATORS, MONTHS);
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    let rows = csv_text.lines().count() - 1;
    println!(
        "import of {rows} rows ({} MB), best of {RUNS} runs",
        csv_text.len() >> 20
    );

    let floor = (0..RUNS)
        .map(|run| bare_insert(&csv_text, &dir.path().join(format!("floor-{run}.sqlite"))))
        .min()
        .unwrap();
    let import = (0..RUNS)
        .map(|run| {
            let options = OpenOptions {
                db: dir.path().join(format!("import-{run}.sqlite")),
                indicators: Some(indicators.clone()),
            };
            let mut workspace = Workspace::open(&options).unwrap();
            let start = Instant::now();
            let preview = workspace
                .preview_import(read_paths(&[&csv]), "bench")
                .unwrap();
            assert!(
                preview.is_valid(),
                "{:?}",
                &preview.problems[..preview.problems.len().min(3)]
            );
            let parsed = start.elapsed();
            let report = workspace.commit_import(&preview).unwrap();
            assert_eq!(report.files[0].1.added as usize, rows);
            let total = start.elapsed();
            println!(
                "  run {run}: read and check {:.2} s, write {:.2} s",
                parsed.as_secs_f64(),
                (total - parsed).as_secs_f64()
            );
            total
        })
        .min()
        .unwrap();

    let per_second = |d: Duration| rows as f64 / d.as_secs_f64();
    println!(
        "floor (bare prepared insert): {:.2} s, {:.0} rows/s",
        floor.as_secs_f64(),
        per_second(floor)
    );
    println!(
        "import (read, validate, preview, commit): {:.2} s, {:.0} rows/s",
        import.as_secs_f64(),
        per_second(import)
    );
    println!(
        "ratio import / floor: {:.2} (target ≤ 2.00); import ≤ 3 s: {}",
        import.as_secs_f64() / floor.as_secs_f64(),
        import.as_secs_f64() <= 3.0
    );
}

/// The same rows, already split, into a plain table with one prepared statement in one transaction.
fn bare_insert(csv_text: &str, path: &std::path::Path) -> Duration {
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
