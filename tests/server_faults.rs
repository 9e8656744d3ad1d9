//! The shared store under load and faults, against a real PostgreSQL server: eight suppliers
//! importing at once, a client killed in the middle of its import, and the server stopped in the
//! middle of one. Each batch lands whole or not at all, and only once.

#![cfg(unix)]

mod support;

#[path = "support/own_server.rs"]
mod own_server;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use support::postgres::test_database;
use support::{Run, regio, synthetic};

/// Quarters per indicator in the concurrent deliveries, from 2016 K1 to 2025 K4.
const QUARTERS: usize = 40;

/// Indicators per supplier in the concurrent deliveries.
const PER_SUPPLIER: usize = 5;

const SUPPLIERS: usize = 8;

/// The big delivery that is interrupted: 94 monthly indicators × 400 months × 8 areas = 300,800 rows.
const BIG_INDICATORS: usize = 94;
const BIG_MONTHS: usize = 400;

fn client(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).expect("the test server answers")
}

fn regio_on(url: &str, indicators: &Path) -> std::process::Command {
    let mut command = regio();
    command
        .arg("--db")
        .arg(url)
        .arg("--indicators")
        .arg(indicators);
    command
}

fn server_init(url: &str) {
    let out = support::finish(regio().args(["--db", url, "server", "init"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
}

fn start_import(url: &str, indicators: &Path, csv: &Path) -> Child {
    regio_on(url, indicators)
        .arg("import")
        .arg(csv)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs")
}

fn outcome(child: Child) -> Run {
    let output = child.wait_with_output().unwrap();
    Run {
        code: output
            .status
            .code()
            .expect("exited normally, not by a signal"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// One supplier's delivery: its file and, per indicator, area name and period, the value it holds.
struct Delivery {
    csv: PathBuf,
    values: BTreeMap<(String, String, String), f64>,
}

/// Writes supplier `supplier`'s delivery of `indicators`, its values shifted by `shift` so two
/// deliveries of the same indicator differ.
fn delivery(
    dir: &Path,
    supplier: usize,
    indicators: std::ops::Range<usize>,
    shift: f64,
) -> Delivery {
    let text = synthetic::quarterly_csv_range(indicators, QUARTERS);
    let mut shifted = String::from("indicator;gebied;periode;waarde\n");
    let mut values = BTreeMap::new();
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split(';').collect();
        let value = fields[3].parse::<f64>().unwrap() + shift;
        shifted.push_str(&format!(
            "{};{};{};{value}\n",
            fields[0], fields[1], fields[2]
        ));
        let key = (fields[0].into(), fields[1].into(), fields[2].into());
        values.insert(key, value);
    }
    let csv = dir.join(format!("leverancier-{supplier}.csv"));
    std::fs::write(&csv, shifted).unwrap();
    Delivery { csv, values }
}

/// The import batches, by file name: (batch id, rows it says it wrote).
fn import_batches(db: &mut postgres::Client) -> BTreeMap<String, (i64, i64)> {
    db.query(
        "SELECT file_name, id, rows FROM batches WHERE kind = 'manual' AND finished_at IS NOT NULL",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| (r.get(0), (r.get(1), r.get(2))))
    .collect()
}

/// Every current value: (indicator, area name, period) → (value, batch).
fn current_values(db: &mut postgres::Client) -> BTreeMap<(String, String, String), (f64, i64)> {
    db.query(
        "SELECT i.id, a.name, o.period, o.value, o.batch_id FROM observations o \
         JOIN indicators i ON i.number = o.indicator_number \
         JOIN areas a ON a.number = o.area_number \
         WHERE i.id LIKE 'synthetisch_%'",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| ((r.get(0), r.get(1), r.get(2)), (r.get(3), r.get(4))))
    .collect()
}

/// Starts all suppliers' imports together and waits for each: all succeed.
fn import_together(url: &str, indicators: &Path, deliveries: &[Delivery]) {
    let children: Vec<Child> = deliveries
        .iter()
        .map(|d| start_import(url, indicators, &d.csv))
        .collect();
    for (supplier, child) in children.into_iter().enumerate() {
        let out = outcome(child);
        assert_eq!(out.code, 0, "supplier {supplier}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "supplier {supplier}: {}", out.stderr);
    }
}

fn file_name(delivery: &Delivery) -> String {
    delivery
        .csv
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn eight_suppliers_importing_at_once_each_land_once_and_whole() {
    let Some(database) = test_database("eight_suppliers_importing_at_once") else {
        return;
    };
    let url = database.url();
    let dir = tempfile::tempdir().unwrap();
    let indicators = dir.path().join("indicators");
    std::fs::create_dir(&indicators).unwrap();
    synthetic::write_catalog_from(&indicators, 0, SUPPLIERS * PER_SUPPLIER, "kwartaal");
    server_init(url);
    let deliveries: Vec<Delivery> = (0..SUPPLIERS)
        .map(|s| delivery(dir.path(), s, s * PER_SUPPLIER..(s + 1) * PER_SUPPLIER, 0.0))
        .collect();

    import_together(url, &indicators, &deliveries);

    let mut db = client(url);
    let batches = import_batches(&mut db);
    assert_eq!(
        batches.len(),
        SUPPLIERS,
        "one batch per supplier: {batches:?}"
    );
    let current = current_values(&mut db);
    let mut expected = BTreeMap::new();
    for delivery in &deliveries {
        let (batch, rows) = batches[&file_name(delivery)];
        assert_eq!(
            rows as usize,
            delivery.values.len(),
            "{}",
            file_name(delivery)
        );
        for (key, value) in &delivery.values {
            expected.insert(key.clone(), (*value, batch));
        }
    }
    assert_eq!(current.len(), expected.len(), "no value lost, none twice");
    assert!(
        current == expected,
        "each value is its file's, in its file's batch"
    );

    let listed = support::finish(regio_on(url, &indicators).arg("batches"));
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    for delivery in &deliveries {
        let name = file_name(delivery);
        let lines = listed.stdout.lines().filter(|l| l.contains(&name)).count();
        assert_eq!(lines, 1, "`batches` lists {name} once:\n{}", listed.stdout);
    }
}

#[test]
fn two_suppliers_delivering_the_same_indicator_at_once_take_turns() {
    let Some(database) = test_database("two_suppliers_same_indicator") else {
        return;
    };
    let url = database.url();
    let dir = tempfile::tempdir().unwrap();
    let indicators = dir.path().join("indicators");
    std::fs::create_dir(&indicators).unwrap();
    synthetic::write_catalog_from(&indicators, 0, SUPPLIERS * PER_SUPPLIER, "kwartaal");
    server_init(url);
    // Suppliers 0 and 1 both deliver indicators 0..5, with different values; the rest their own.
    let deliveries: Vec<Delivery> = (0..SUPPLIERS)
        .map(|s| {
            let first = s.saturating_sub(1) * PER_SUPPLIER;
            delivery(
                dir.path(),
                s,
                first..first + PER_SUPPLIER,
                s as f64 * 1000.0,
            )
        })
        .collect();

    import_together(url, &indicators, &deliveries);

    let mut db = client(url);
    let batches = import_batches(&mut db);
    assert_eq!(
        batches.len(),
        SUPPLIERS,
        "one batch per supplier: {batches:?}"
    );
    for delivery in &deliveries {
        let (_, rows) = batches[&file_name(delivery)];
        assert_eq!(
            rows as usize,
            delivery.values.len(),
            "{}",
            file_name(delivery)
        );
    }
    let current = current_values(&mut db);
    let (first, second) = (&deliveries[0], &deliveries[1]);
    let (batch_0, batch_1) = (batches[&file_name(first)].0, batches[&file_name(second)].0);
    let shared_batches: BTreeSet<i64> = first.values.keys().map(|k| current[k].1).collect();
    assert_eq!(
        shared_batches.len(),
        1,
        "the shared cells come from one batch, not a mix"
    );
    let (winner, loser) = if shared_batches.contains(&batch_1) {
        (second, first)
    } else {
        assert!(shared_batches.contains(&batch_0));
        (first, second)
    };
    for (key, value) in &winner.values {
        assert_eq!(
            current[key].0, *value,
            "{key:?} holds the later delivery's value"
        );
    }
    for delivery in &deliveries[2..] {
        let (batch, _) = batches[&file_name(delivery)];
        for (key, value) in &delivery.values {
            assert_eq!(current[key], (*value, batch), "{key:?}");
        }
    }

    // The later batch replaced the earlier one's values; undoing it brings them back exactly.
    let winner_batch = batches[&file_name(winner)].0;
    let undone =
        support::finish(regio_on(url, &indicators).args(["undo", &winner_batch.to_string()]));
    assert_eq!(undone.code, 0, "{}", undone.stderr);
    let current = current_values(&mut db);
    let loser_batch = batches[&file_name(loser)].0;
    for (key, value) in &loser.values {
        assert_eq!(
            current[key],
            (*value, loser_batch),
            "{key:?} as the earlier delivery left it"
        );
    }
}

/// The store's shape as the checks below judge it.
#[derive(Debug, PartialEq)]
struct Shape {
    observations: i64,
    import_batches: i64,
}

fn shape(db: &mut postgres::Client) -> Shape {
    let row = db
        .query_one(
            "SELECT (SELECT count(*) FROM observations), \
                    (SELECT count(*) FROM batches WHERE kind = 'manual')",
            &[],
        )
        .unwrap();
    Shape {
        observations: row.get(0),
        import_batches: row.get(1),
    }
}

/// No batch without its values, no value of an unfinished batch, every batch's values as many as
/// it says.
fn assert_consistent(db: &mut postgres::Client) {
    let unfinished: i64 = db
        .query_one(
            "SELECT count(*) FROM observations o JOIN batches b ON b.id = o.batch_id \
             WHERE b.finished_at IS NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(unfinished, 0, "values of a batch that never finished");
    let mismatched: Vec<(i64, i64, i64)> = db
        .query(
            "SELECT b.id, b.rows, count(o.batch_id) FROM batches b \
             LEFT JOIN observations o ON o.batch_id = b.id \
             WHERE b.kind = 'manual' GROUP BY b.id, b.rows HAVING count(o.batch_id) <> b.rows",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert!(
        mismatched.is_empty(),
        "batches without all their values: {mismatched:?}"
    );
}

/// Waits until a COPY into the store's database runs on the server, or the import has ended.
fn wait_for_copy(db: &mut postgres::Client, database: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while child.try_wait().unwrap().is_none() {
        let copying: i64 = db
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 \
                 AND state = 'active' AND query LIKE 'COPY observations%'",
                &[&database],
            )
            .unwrap()
            .get(0);
        if copying > 0 {
            return;
        }
        assert!(Instant::now() < deadline, "the import never began its COPY");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Waits until no other session works in `database`: the killed client's backend has rolled back.
fn wait_until_alone(db: &mut postgres::Client, database: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let others: i64 = db
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 \
                 AND pid <> pg_backend_pid()",
                &[&database],
            )
            .unwrap()
            .get(0);
        if others == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the killed client's session never ended"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn database_name(url: &str) -> String {
    url.parse::<postgres::Config>()
        .unwrap()
        .get_dbname()
        .unwrap()
        .to_string()
}

#[test]
fn a_client_killed_during_its_import_leaves_the_store_as_before_or_after() {
    let Some(database) = test_database("client_killed_during_import") else {
        return;
    };
    let url = database.url();
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), BIG_INDICATORS, BIG_MONTHS);
    server_init(url);
    let mut db = client(url);
    let before = shape(&mut db);
    let after = Shape {
        observations: before.observations + (BIG_INDICATORS * BIG_MONTHS * 8) as i64,
        import_batches: before.import_batches + 1,
    };

    let mut child = start_import(url, &indicators, &csv);
    wait_for_copy(&mut db, &database_name(url), &mut child);
    let _ = child.kill();
    child.wait().unwrap();
    wait_until_alone(&mut db, &database_name(url));

    let state = shape(&mut db);
    assert!(
        state == before || state == after,
        "neither before nor after: {state:?}"
    );
    assert_consistent(&mut db);
    // The store takes the same delivery whole afterwards.
    let again = outcome(start_import(url, &indicators, &csv));
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(shape(&mut db).observations, after.observations);
    assert_consistent(&mut db);
}

#[test]
fn the_server_stopped_during_an_import_is_said_in_dutch_and_leaves_nothing_half_written() {
    let Some(server) = own_server::OwnServer::start("server_stopped_during_import") else {
        return;
    };
    let url = server.url();
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), BIG_INDICATORS, BIG_MONTHS);
    server_init(&url);
    let before = shape(&mut client(&url));

    let mut child = start_import(&url, &indicators, &csv);
    wait_for_copy(&mut client(&url), "postgres", &mut child);
    server.stop();
    let out = outcome(child);
    server.restart();

    assert_ne!(out.code, 0, "{}", out.stdout);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("de verbinding met de databaseserver is verbroken"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("nooit half"), "{}", out.stderr);
    let mut db = client(&url);
    assert_eq!(shape(&mut db), before, "nothing of the import is there");
    assert_consistent(&mut db);
}
