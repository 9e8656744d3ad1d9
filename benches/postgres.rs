//! The shared store on PostgreSQL under load. (a) A 1,000,000-row import through the store's API
//! beside a floor measured in the same run: a bare binary `COPY` of the same rows, already split and
//! numbered, into the same `observations` table of a fresh store (its key, foreign keys and trigger),
//! in one transaction. (b) Eight suppliers importing at once, each 125,000 rows of its own
//! indicators: total throughput and the slowest import.
//! Needs `REGIO_BENCH_PG`, a superuser URL of a server it may create databases on; run with
//! `REGIO_BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres cargo bench --bench postgres`.
//! Target: the import at most 2× the floor.

#[path = "support/floor.rs"]
mod floor;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls};
use regio_in_beeld::app::{OpenOptions, Workspace, read_paths};
use regio_in_beeld::store::StoreLocation;

/// (a): 125 monthly indicators × 1000 months × 8 areas.
const INDICATORS: usize = 125;
const MONTHS: usize = 1000;
const RUNS: usize = 3;

/// (b): each supplier 25 indicators × 625 months × 8 areas = 125,000 rows.
const SUPPLIERS: usize = 8;
const PER_SUPPLIER: usize = 25;
const SUPPLIER_MONTHS: usize = 625;
const CONCURRENT_RUNS: usize = 2;

fn main() {
    let Ok(admin) = std::env::var("REGIO_BENCH_PG") else {
        println!("overgeslagen: zet REGIO_BENCH_PG op de URL van een PostgreSQL-superuser");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let indicators = dir.path().join("indicators");
    std::fs::create_dir(&indicators).unwrap();
    synthetic::write_catalog(&indicators, SUPPLIERS * PER_SUPPLIER);
    let mut server = Server::new(&admin);

    let csv = dir.path().join("groot.csv");
    let csv_text = synthetic::long_csv(INDICATORS, MONTHS);
    std::fs::write(&csv, &csv_text).unwrap();
    let rows = csv_text.lines().count() - 1;
    println!(
        "import of {rows} rows ({} MB) into PostgreSQL, best of {RUNS} runs",
        csv_text.len() >> 20
    );
    let (floors, imports): (Vec<Duration>, Vec<Duration>) = (0..RUNS)
        .map(|run| {
            let floor = bare_copy(&mut server, &indicators, &csv_text);
            let (checked, import) = import(&mut server, &indicators, &csv, rows);
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
    drop(csv_text);
    let floor = floors.into_iter().min().unwrap();
    let import = imports.into_iter().min().unwrap();
    floor::print_import_against_floor(
        "bare binary COPY into observations",
        floor,
        import,
        rows,
        "",
    );

    let deliveries: Vec<_> = (0..SUPPLIERS)
        .map(|s| {
            let path = dir.path().join(format!("leverancier-{s}.csv"));
            let range = s * PER_SUPPLIER..(s + 1) * PER_SUPPLIER;
            std::fs::write(&path, synthetic::monthly_csv_range(range, SUPPLIER_MONTHS)).unwrap();
            path
        })
        .collect();
    let each = PER_SUPPLIER * SUPPLIER_MONTHS * 8;
    println!("{SUPPLIERS} suppliers importing at once, {each} rows each, {CONCURRENT_RUNS} runs");
    for run in 0..CONCURRENT_RUNS {
        let (all, slowest, fastest) = concurrent(&mut server, &indicators, &deliveries, each);
        println!(
            "  run {run}: all {:.2} s, {:.0} rows/s in total; slowest import {:.2} s, fastest {:.2} s",
            all.as_secs_f64(),
            (SUPPLIERS * each) as f64 / all.as_secs_f64(),
            slowest.as_secs_f64(),
            fastest.as_secs_f64()
        );
    }
}

/// The benchmark's server: fresh databases, dropped when done.
struct Server {
    admin: Client,
    base: String,
    made: Vec<String>,
}

impl Server {
    fn new(admin: &str) -> Server {
        let (base, _) = admin
            .rsplit_once('/')
            .expect("REGIO_BENCH_PG ends in /database");
        Server {
            admin: Client::connect(admin, NoTls).expect("REGIO_BENCH_PG answers"),
            base: base.to_string(),
            made: Vec::new(),
        }
    }

    /// A new store: database made, schema and region set up, the definitions in `indicators`
    /// registered. Returns how to open it.
    fn new_store(&mut self, indicators: &Path) -> (String, OpenOptions) {
        let name = format!("regio_bench_{}_{}", std::process::id(), self.made.len());
        self.admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        self.made.push(name.clone());
        let url = format!("{}/{name}", self.base);
        let options = OpenOptions {
            db: StoreLocation::parse(std::ffi::OsStr::new(&url)).unwrap(),
            indicators: Some(indicators.to_path_buf()),
            today: None,
        };
        Workspace::init_server(&options, None).unwrap();
        (url, options)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        for name in &self.made {
            let _ = self
                .admin
                .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// Reads, checks and writes the delivery into a new store, as `regio-in-beeld import` does; returns
/// when the check was done and when all was.
fn import(server: &mut Server, indicators: &Path, csv: &Path, rows: usize) -> (Duration, Duration) {
    let (_, options) = server.new_store(indicators);
    let mut workspace = Workspace::open(&options).unwrap();
    let start = Instant::now();
    let preview = workspace
        .preview_import(read_paths(&[csv]), "bench")
        .unwrap();
    assert!(preview.is_valid(), "{:?}", &preview.problems[..1]);
    let checked = start.elapsed();
    let report = workspace.commit_import(&preview).unwrap();
    assert_eq!(report.files[0].1.added as usize, rows);
    (checked, start.elapsed())
}

/// The same rows, split and numbered beforehand, in one binary COPY into a fresh store's
/// `observations`, with one batch row, in one transaction.
fn bare_copy(server: &mut Server, indicators: &Path, csv_text: &str) -> Duration {
    let (url, _) = server.new_store(indicators);
    let mut client = Client::connect(&url, NoTls).unwrap();
    let numbers = |sql: &str| -> HashMap<String, i64> {
        let mut client = Client::connect(&url, NoTls).unwrap();
        let rows = client.query(sql, &[]).unwrap();
        rows.iter().map(|r| (r.get(0), r.get(1))).collect()
    };
    let indicator_numbers = numbers("SELECT id, number FROM indicators");
    let area_numbers = numbers("SELECT name, number FROM areas");
    let rows: Vec<(i64, i64, &str, f64)> = csv_text
        .lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            let value = fields[3].parse().unwrap();
            (
                indicator_numbers[fields[0]],
                area_numbers[fields[1]],
                fields[2],
                value,
            )
        })
        .collect();
    let types = [Type::INT8, Type::INT8, Type::TEXT, Type::FLOAT8, Type::INT8];
    let start = Instant::now();
    let mut tx = client.transaction().unwrap();
    let batch: i64 = tx
        .query_one(
            "INSERT INTO batches (kind, file_name, \"user\", started_at) \
             VALUES ('manual', 'vloer', 'bench', '2026-01-01T00:00:00Z') RETURNING id",
            &[],
        )
        .unwrap()
        .get(0);
    let sink = tx
        .copy_in(
            "COPY observations (indicator_number, area_number, period, value, batch_id) \
             FROM STDIN (FORMAT binary)",
        )
        .unwrap();
    let mut writer = BinaryCopyInWriter::new(sink, &types);
    for (indicator, area, period, value) in &rows {
        let row: [&(dyn ToSql + Sync); 5] = [indicator, area, period, value, &batch];
        writer.write(&row).unwrap();
    }
    writer.finish().unwrap();
    tx.commit().unwrap();
    start.elapsed()
}

/// All suppliers' imports started together into one new store, each its own process's worth: its
/// own connection, reading and checking. Returns the time until the last ended, the slowest and
/// the fastest import.
fn concurrent(
    server: &mut Server,
    indicators: &Path,
    deliveries: &[std::path::PathBuf],
    each: usize,
) -> (Duration, Duration, Duration) {
    let (_, options) = server.new_store(indicators);
    let start = Arc::new(Barrier::new(deliveries.len() + 1));
    let imports: Vec<_> = deliveries
        .iter()
        .map(|csv| {
            let (options, csv, start) = (options.clone(), csv.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                let mut workspace = Workspace::open(&options).unwrap();
                start.wait();
                let began = Instant::now();
                let preview = workspace
                    .preview_import(read_paths(&[&csv]), "bench")
                    .unwrap();
                let report = workspace.commit_import(&preview).unwrap();
                assert_eq!(report.files[0].1.added as usize, each);
                began.elapsed()
            })
        })
        .collect();
    start.wait();
    let began = Instant::now();
    let times: Vec<Duration> = imports.into_iter().map(|i| i.join().unwrap()).collect();
    let all = began.elapsed();
    (
        all,
        *times.iter().max().unwrap(),
        *times.iter().min().unwrap(),
    )
}
