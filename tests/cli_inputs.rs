//! What the program reads is bounded: only regular files, never more than the limit whatever the
//! file claims, never a wait for a pipe; and a file with the same mistake on every row gets a short
//! answer, not a line per row.

mod support;

use std::path::Path;
use std::time::Duration;

use support::{export_all, run_within, temp_store};

const LIMIT: Duration = Duration::from_secs(30);

/// Refused at once with `reason`, naming the file; nothing changes.
fn refused_quickly(db: &Path, args: &[&str], file: &Path, reason: &str) {
    let before = export_all(db);
    let mut all = args.to_vec();
    let name = file.display().to_string();
    all.push(&name);
    let out = run_within(db, &all, LIMIT);
    assert_eq!(out.code, 1, "{args:?} {name}: {}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{name}: {reason}")),
        "{args:?} {name}: {}",
        out.stderr
    );
    assert_eq!(export_all(db), before, "nothing changed");
}

const NOT_REGULAR: &str = "dit is geen gewoon bestand (maar een apparaat, pijp of socket)";

#[cfg(unix)]
#[test]
fn devices_links_to_devices_and_pipes_are_refused_without_reading() {
    let store = temp_store();
    let dir = store.path.parent().unwrap();
    let link = dir.join("cijfers.xlsx");
    std::os::unix::fs::symlink("/dev/urandom", &link).unwrap();
    let fifo = dir.join("levering.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());

    for file in [Path::new("/dev/zero"), &link, &fifo] {
        refused_quickly(&store.path, &["import"], file, NOT_REGULAR);
        for kind in ["notes", "stories", "events"] {
            refused_quickly(&store.path, &[kind, "import"], file, NOT_REGULAR);
        }
    }
    refused_quickly(
        &store.path,
        &["import"],
        dir,
        "dit is een map, geen bestand",
    );
}

#[cfg(unix)]
#[test]
fn standard_input_as_a_file_is_a_pipe_and_refused() {
    use std::process::Stdio;
    let store = temp_store();
    export_all(&store.path);
    // A writer that never writes: reading would wait for ever.
    let mut child = support::regio()
        .arg("--db")
        .arg(&store.path)
        .args(["import", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + LIMIT;
    while child.try_wait().unwrap().is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "import waited on the pipe"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(NOT_REGULAR), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_pipe_among_the_indicator_definitions_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let definitions = dir.path().join("indicatoren");
    std::fs::create_dir(&definitions).unwrap();
    let fifo = definitions.join("pijp.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let folder = definitions.display().to_string();
    let out = run_within(
        &dir.path().join("regio.sqlite"),
        &["--indicators", &folder, "check"],
        LIMIT,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("{}: {NOT_REGULAR}", fifo.display())),
        "{}",
        out.stderr
    );
}

#[test]
fn one_mistake_on_every_row_is_told_in_a_few_lines() {
    let store = temp_store();
    let before = export_all(&store.path);
    let file = store.path.with_file_name("groot.csv");
    let mut csv = String::from("indicator;gebied;periode;waarde\n");
    for _ in 0..100_000 {
        csv.push_str("x;Zaanstad;2026 K1;1\n");
    }
    std::fs::write(&file, csv).unwrap();
    let name = file.display().to_string();

    let out = run_within(&store.path, &["import", &name], Duration::from_secs(300));
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 12, "{}", out.stderr);
    assert_eq!(
        lines[0],
        format!(
            "{name}, rij 2, kolom indicator: onbekende indicator 'x'; zie regio-in-beeld check voor de lijst"
        )
    );
    assert_eq!(
        lines[10],
        format!(
            "{name}, kolom indicator: … en nog 99.990 keer: onbekende indicator 'x'; zie \
             regio-in-beeld check voor de lijst (rijen 12–100.001)"
        )
    );
    assert_eq!(
        lines[11],
        "100.000 problemen gevonden; er is niets gewijzigd."
    );
    assert_eq!(export_all(&store.path), before);
}
