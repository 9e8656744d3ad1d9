//! An import killed with SIGKILL in the middle of its commit leaves the store intact and exactly as
//! before (or, should the kill land after the commit, exactly as after): never a mix.

#![cfg(unix)]

mod support;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use support::{regio_with_indicators, synthetic};

const INDICATORS: usize = 60;
const MONTHS: usize = 400;

fn export(db: &Path, indicators: &Path) -> String {
    let output = regio_with_indicators(db, indicators)
        .args(["export", "--unshielded"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn wal_size(db: &Path) -> u64 {
    let wal = db.with_file_name(format!("{}-wal", db.file_name().unwrap().to_string_lossy()));
    std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}

/// Starts the import of `csv` into `db`.
fn start_import(db: &Path, indicators: &Path, csv: &Path) -> std::process::Child {
    regio_with_indicators(db, indicators)
        .arg("import")
        .arg(csv)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Runs the whole import once, watching how far its write-ahead log grows before the commit ends
/// (closing the store empties it again); returns that size and the store's contents afterwards.
fn complete_run(dir: &Path, indicators: &Path, csv: &Path) -> (u64, String) {
    let db = dir.join("regio-complete.sqlite");
    export(&db, indicators);
    let mut child = start_import(&db, indicators, csv);
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut largest = 0;
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the import never finished");
        largest = largest.max(wal_size(&db));
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(child.wait().unwrap().success());
    (largest, export(&db, indicators))
}

#[test]
fn an_import_killed_during_commit_leaves_the_store_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), INDICATORS, MONTHS);
    let (complete_wal, after) = complete_run(dir.path(), &indicators, &csv);
    assert!(
        complete_wal > 1 << 20,
        "the commit writes {complete_wal} bytes"
    );

    // Points well inside the commit: a tenth, four tenths and seven tenths of what it writes. A kill
    // that still lands after the commit on a busy machine leaves the complete import, which is as
    // correct as before; a mix of the two never is.
    for (round, tenths) in [1, 4, 7].into_iter().enumerate() {
        let kill_at_wal_bytes = complete_wal * tenths / 10;
        let db = dir.path().join(format!("regio-{round}.sqlite"));
        let before = export(&db, &indicators);
        assert_ne!(before, after);
        let mut child = start_import(&db, &indicators, &csv);
        let deadline = Instant::now() + Duration::from_secs(300);
        while wal_size(&db) < kill_at_wal_bytes && child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "the commit never started");
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.kill();
        child.wait().unwrap();

        let conn = rusqlite::Connection::open(&db).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        drop(conn);
        let state = export(&db, &indicators);
        assert!(
            state == before || state == after,
            "round {round}: the store is as before or as after the import, never a mix"
        );
        if round == 0 {
            assert_eq!(
                state, before,
                "killed a tenth of the way into its commit, the import left nothing"
            );
        }
    }
}
