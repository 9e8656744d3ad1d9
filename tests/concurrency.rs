//! Several programs on one store at once: imports from four processes while a fifth reads. No
//! "database is locked" reaches anyone; every import lands as its own batch.

mod support;

use std::process::Stdio;

use support::{fixture, run, temp_store};

#[test]
fn imports_from_several_processes_at_once_all_land() {
    let store = temp_store();
    assert_eq!(run(&store.path, &["status", "--period", "2025-K4"]).code, 0);
    let files = ["tabs.csv", "excel-nl.csv", "comma.csv", "windows-1252.csv"];
    let children: Vec<_> = files
        .iter()
        .map(|name| {
            support::regio()
                .arg("--db")
                .arg(&store.path)
                .arg("import")
                .arg(fixture(&format!("import/{name}")))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for _ in 0..5 {
        let read = run(&store.path, &["export"]);
        assert_eq!(read.code, 0, "{}", read.stderr);
    }
    for (child, name) in children.into_iter().zip(files) {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{name}: {stderr}");
        assert!(!stderr.contains("locked"), "{name}: {stderr}");
    }
    let batches = run(&store.path, &["batches"]).stdout;
    for name in files {
        assert!(batches.contains(name), "{name} is a batch:\n{batches}");
    }
}
