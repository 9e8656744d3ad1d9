//! A PostgreSQL server of the test's own, in a temporary folder, that the test may stop and start:
//! `initdb` and `pg_ctl` as the `postgres` user when the test runs as root (both refuse root).

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct OwnServer {
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnServer {
    /// A new server for `test`; `None` (and says so) where there is no `initdb` or no
    /// `REGIO_TEST_PG`, except in CI, which runs it always.
    pub fn start(test: &str) -> Option<OwnServer> {
        let in_ci = std::env::var_os("CI").is_some();
        let Some(bin) = postgres_bin() else {
            assert!(!in_ci, "CI runs {test}: initdb not found");
            println!("overgeslagen (geen initdb gevonden): {test}");
            return None;
        };
        if std::env::var_os("REGIO_TEST_PG").is_none() {
            assert!(
                !in_ci,
                "CI runs the PostgreSQL tests: set REGIO_TEST_PG ({test})"
            );
            println!("overgeslagen (geen PostgreSQL-server, zet REGIO_TEST_PG): {test}");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        if is_root() {
            let status = Command::new("chown")
                .arg("postgres")
                .arg(dir.path())
                .status();
            assert!(
                status.unwrap().success(),
                "chown postgres {}",
                dir.path().display()
            );
        }
        let data = dir.path().join("data");
        let initdb = as_postgres(&bin.join("initdb"))
            .args(["-A", "trust", "-U", "postgres", "-D"])
            .arg(&data)
            .output()
            .unwrap();
        assert!(
            initdb.status.success(),
            "{}",
            String::from_utf8_lossy(&initdb.stderr)
        );
        let server = OwnServer {
            dir,
            port: free_port(),
        };
        server.restart();
        Some(server)
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server as an administrator does (`pg_ctl stop -m fast`): sessions are ended.
    pub fn stop(&self) {
        self.pg_ctl(&["stop", "-m", "fast", "-w"]);
    }

    /// Starts the server and waits until it takes connections.
    pub fn restart(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log");
        let log = log.to_str().unwrap();
        self.pg_ctl(&["start", "-w", "-t", "60", "-o", &options, "-l", log]);
    }

    fn pg_ctl(&self, args: &[&str]) {
        let bin = postgres_bin().unwrap();
        let out = as_postgres(&bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pg_ctl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        if let Some(bin) = postgres_bin() {
            let _ = as_postgres(&bin.join("pg_ctl"))
                .arg("-D")
                .arg(self.dir.path().join("data"))
                .args(["stop", "-m", "immediate", "-w"])
                .output();
        }
    }
}

/// The folder with `initdb` and `pg_ctl`: on the PATH, or where Debian puts them.
fn postgres_bin() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let debian = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|version| version.path().join("bin"));
    std::env::split_paths(&path)
        .chain(debian)
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// A port no one listens on now, from the system.
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
