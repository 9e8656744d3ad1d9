//! SIGKILL at random moments during an import, an undo and a CBS fetch: afterwards SQLite's integrity
//! check passes and the store holds exactly the state before or the state after, never a mix.
//! `CRASH_ITERATIONS=200 cargo test --test crash_random` is the long version; the seed is printed so a
//! failure can be repeated with `CRASH_SEED`.

#![cfg(unix)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{regio_with_indicators, synthetic};

const INDICATORS: usize = 40;
const MONTHS: usize = 300;

struct Setup {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    indicators: PathBuf,
    csv: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), INDICATORS, MONTHS);
    Setup {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        indicators,
        csv,
    }
}

fn regio(db: &Path, indicators: &Path, args: &[&str]) -> Command {
    let mut command = regio_with_indicators(db, indicators);
    command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn finish(db: &Path, indicators: &Path, args: &[&str]) {
    let status = regio(db, indicators, args).status().unwrap();
    assert!(status.success(), "{args:?}");
}

/// The values and the batch list: what "the state" of a store is.
fn state(db: &Path, indicators: &Path) -> String {
    let read = |args: &[&str]| {
        let output = regio(db, indicators, args)
            .stdout(Stdio::piped())
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let batches: Vec<String> = read(&["batches"])
        .lines()
        .map(|line| {
            // Without the times, which differ between two runs of the same work.
            let cells: Vec<&str> = line.split('\t').collect();
            format!("{} {} {} {}", cells[0], cells[1], cells[2], cells[5])
        })
        .collect();
    format!(
        "{}\n{}",
        read(&["export", "--unshielded"]),
        batches.join("\n")
    )
}

fn integrity(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(result, "ok");
}

/// A small deterministic generator: the seed is all a failure needs to be repeated.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

fn iterations() -> usize {
    std::env::var("CRASH_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3)
}

fn random() -> Random {
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("CRASH_SEED={seed}");
    Random(seed)
}

/// Runs `args` on copies of `start` and kills each at a random moment within `duration`; every
/// survivor must be `before` or `after`.
fn kill_at_random(
    setup: &Setup,
    start: &Path,
    args: &[&str],
    duration: Duration,
    before: &str,
    after: &str,
) {
    let mut random = random();
    let mut seen = (0, 0);
    for round in 0..iterations() {
        let db = setup.dir.join(format!("kill-{round}.sqlite"));
        std::fs::copy(start, &db).unwrap();
        let wait = Duration::from_micros(random.below(duration.as_micros() as u64 * 11 / 10));
        let mut child = regio(&db, &setup.indicators, args).spawn().unwrap();
        let started = Instant::now();
        while started.elapsed() < wait && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.kill();
        child.wait().unwrap();
        integrity(&db);
        let now = state(&db, &setup.indicators);
        if now == before {
            seen.0 += 1;
        } else if now == after {
            seen.1 += 1;
        } else {
            panic!("round {round}, killed after {wait:?}: the store is neither before nor after");
        }
        std::fs::remove_file(&db).unwrap();
    }
    eprintln!("{args:?}: {} × before, {} × after", seen.0, seen.1);
}

/// How long `args` takes on a copy of `start`, and the state it leaves.
fn timed(setup: &Setup, start: &Path, args: &[&str]) -> (Duration, String) {
    let db = setup.dir.join("timed.sqlite");
    std::fs::copy(start, &db).unwrap();
    let started = Instant::now();
    finish(&db, &setup.indicators, args);
    let duration = started.elapsed();
    let after = state(&db, &setup.indicators);
    std::fs::remove_file(&db).unwrap();
    (duration, after)
}

#[test]
fn an_import_or_an_undo_killed_at_any_moment_leaves_before_or_after() {
    let setup = setup();
    let empty = setup.dir.join("start.sqlite");
    let before_import = state(&empty, &setup.indicators);
    let csv = setup.csv.to_str().unwrap().to_string();
    let import = ["import", csv.as_str()];
    let (duration, after_import) = timed(&setup, &empty, &import);
    kill_at_random(
        &setup,
        &empty,
        &import,
        duration,
        &before_import,
        &after_import,
    );

    let imported = setup.dir.join("imported.sqlite");
    std::fs::copy(&empty, &imported).unwrap();
    finish(&imported, &setup.indicators, &import);
    let before_undo = state(&imported, &setup.indicators);
    let undo = ["undo", "1"];
    let (duration, after_undo) = timed(&setup, &imported, &undo);
    assert_ne!(before_undo, after_undo);
    kill_at_random(
        &setup,
        &imported,
        &undo,
        duration,
        &before_undo,
        &after_undo,
    );
}

#[test]
fn a_fetch_killed_at_any_moment_leaves_before_or_after() {
    let server = support::cbs::all_tables_server();
    let setup = setup();
    let store = setup.dir.join("start.sqlite");
    let builtin = |db: &Path, args: &[&str]| {
        let mut command = support::regio();
        command
            .arg("--db")
            .arg(db)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        command
    };
    let export = |db: &Path| {
        let output = builtin(db, &["export", "--unshielded"]).output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let before = export(&store);
    let fetch = ["fetch", "--base-url", &server.url()];
    let done = setup.dir.join("done.sqlite");
    std::fs::copy(&store, &done).unwrap();
    let started = Instant::now();
    assert!(builtin(&done, &fetch).status().unwrap().success());
    let duration = started.elapsed();
    let after = export(&done);
    assert_ne!(before, after);
    let mut random = random();
    for round in 0..iterations() {
        let db = setup.dir.join(format!("fetch-{round}.sqlite"));
        std::fs::copy(&store, &db).unwrap();
        let wait = Duration::from_micros(random.below(duration.as_micros() as u64 * 11 / 10));
        let mut child = builtin(&db, &fetch).spawn().unwrap();
        std::thread::sleep(wait);
        let _ = child.kill();
        child.wait().unwrap();
        integrity(&db);
        let now = export(&db);
        assert!(
            now == before || now == after,
            "round {round}, killed after {wait:?}"
        );
    }
}
