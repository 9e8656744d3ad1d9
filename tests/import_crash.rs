//! An import killed with SIGKILL in the middle of its commit leaves the store exactly as before, and
//! intact.

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

#[test]
fn an_import_killed_during_commit_leaves_the_store_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (indicators, csv) = synthetic::write_delivery(dir.path(), INDICATORS, MONTHS);

    for (round, kill_at_wal_bytes) in [64 * 1024, 1 << 20, 4 << 20].into_iter().enumerate() {
        let db = dir.path().join(format!("regio-{round}.sqlite"));
        let before = export(&db, &indicators);
        let mut child = regio_with_indicators(&db, &indicators)
            .arg("import")
            .arg(&csv)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        while wal_size(&db) < kill_at_wal_bytes {
            assert!(
                child.try_wait().unwrap().is_none(),
                "the import finished before it could be killed"
            );
            assert!(Instant::now() < deadline, "the commit never started");
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "killed, not finished");

        let conn = rusqlite::Connection::open(&db).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        drop(conn);
        assert_eq!(
            export(&db, &indicators),
            before,
            "round {round}: the store is as before the import"
        );
    }
}
