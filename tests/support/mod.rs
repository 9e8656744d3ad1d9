//! Runs the real binary, as scripts do, against a store in a temporary directory.

#![allow(dead_code)]

pub mod cbs;
pub mod synthetic;
pub mod window;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The binary on `db` with the indicator definitions in `indicators`, as the crash tests drive it.
pub fn regio_with_indicators(db: &Path, indicators: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regio-in-beeld"));
    command
        .arg("--db")
        .arg(db)
        .arg("--indicators")
        .arg(indicators)
        .env_remove("REGIO_DB");
    command
}

pub fn run(db: &Path, args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_regio-in-beeld"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("REGIO_DB")
        .env_remove("REGIO_INDICATORS")
        .output()
        .expect("binary runs");
    Run {
        code: output.status.code().expect("exited normally"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
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
