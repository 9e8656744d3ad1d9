//! Runs the real binary, as scripts do, against a store in a temporary directory.

#![allow(dead_code)]

#[macro_use]
pub mod backends;
pub mod cbs;
pub mod markup;
pub mod postgres;
pub mod shared_store;
pub mod synthetic;
pub mod window;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The day every test lives on, whatever the date: a new store's demo data end with 2025 K4 (the
/// CSV as it is) and delivery is judged against it, so figures and "te laat" never change with the
/// date the tests run on.
pub const TODAY: &str = "2026-02-01";

pub fn today() -> chrono::NaiveDate {
    TODAY.parse().unwrap()
}

/// The binary on `db` with the indicator definitions in `indicators`, as the crash tests drive it.
pub fn regio_with_indicators(db: &Path, indicators: &Path) -> Command {
    let mut command = regio();
    command
        .arg("--db")
        .arg(db)
        .arg("--indicators")
        .arg(indicators);
    command
}

/// The binary as a script starts it: no store or definitions from the environment, on [`TODAY`].
pub fn regio() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regio-in-beeld"));
    command
        .env_remove("REGIO_DB")
        .env_remove("REGIO_INDICATORS")
        .env("REGIO_TODAY", TODAY);
    command
}

/// Runs `command` to its end and keeps what it said.
pub fn finish(command: &mut Command) -> Run {
    let output: Output = command.output().expect("binary runs");
    Run {
        code: output.status.code().expect("exited normally"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

pub fn run(db: &Path, args: &[&str]) -> Run {
    finish(regio().arg("--db").arg(db).args(args))
}

pub struct TempStore {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("regio.sqlite");
    TempStore { _dir: dir, path }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn import_fixture(name: &str) -> String {
    fixture(&format!("import/{name}")).display().to_string()
}

/// The store's whole content as `export --unshielded` prints it.
pub fn export_all(db: &Path) -> String {
    let out = run(db, &["export", "--unshielded"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

/// The export line of one indicator, area and period (`None` when absent).
pub fn exported(db: &Path, indicator: &str, area: &str, period: &str) -> Option<String> {
    let prefix = format!("{indicator};{area};{period};");
    export_all(db)
        .lines()
        .find(|l| l.starts_with(&prefix))
        .map(|l| l[prefix.len()..].to_string())
}

/// What a run under [`run_within`] may hold; a workbook that fuzzing found grew to 17.8 GB.
const MAX_RESIDENT_BYTES: u64 = 2 << 30;

/// Like [`run`], for inputs that could make the program hang, read without end or swell: a run that
/// takes longer than `limit` or holds more than 2 GB (as Linux reports it in `/proc`) is killed and
/// fails the test, instead of taking the machine down with it.
pub fn run_within(db: &Path, args: &[&str], limit: std::time::Duration) -> Run {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = regio()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            pipe.read_to_string(&mut text).map(|_| text)
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        let resident = resident_bytes(child.id());
        if started.elapsed() > limit || resident > MAX_RESIDENT_BYTES {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{args:?} stopped after {:?}, holding {} MB",
                started.elapsed(),
                resident >> 20
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Run {
        code: status.code().expect("exited normally"),
        stdout: stdout.join().unwrap().expect("UTF-8 stdout"),
        stderr: stderr.join().unwrap().expect("UTF-8 stderr"),
    }
}

/// The process's resident memory, from `/proc/<pid>/status`; 0 where there is no `/proc`.
fn resident_bytes(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kilobytes << 10)
        })
        .unwrap_or(0)
}
