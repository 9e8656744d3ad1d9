//! A shared store on the test server with one account of each role, each logging in with a password
//! as people do (scram-sha-256 from 127.0.0.1).

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::postgres::{TestDatabase, test_database};
use super::{Run, finish, regio};

pub const PASSWORD: &str = "Zaans-geheim-42";

pub struct SharedStore {
    pub database: TestDatabase,
    /// The database's name: account names are cluster-wide, so each test's carry it.
    pub name: String,
    pub files: tempfile::TempDir,
}

/// A store made with `server init`, or `None` (reported as skipped) without a test server.
pub fn shared_store(test: &str) -> Option<SharedStore> {
    let database = test_database(test)?;
    let name = database.url().rsplit('/').next().unwrap().to_string();
    let store = SharedStore {
        database,
        name,
        files: tempfile::tempdir().unwrap(),
    };
    let out = store.owner(&["server", "init"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    Some(store)
}

/// Roles are the cluster's, not the database's: the test's accounts and group roles (all named
/// `<database>_…`) go with it, so a server that runs many tests does not fill up with them.
impl Drop for SharedStore {
    fn drop(&mut self) {
        let Ok(mut owner) = postgres::Client::connect(self.owner_url(), postgres::NoTls) else {
            return;
        };
        let prefix = format!("{}\\_%", self.name);
        let Ok(rows) = owner.query(
            "SELECT rolname::TEXT FROM pg_roles WHERE rolname LIKE $1",
            &[&prefix],
        ) else {
            return;
        };
        let names: Vec<String> = rows
            .iter()
            .map(|row| format!("\"{}\"", row.get::<_, String>(0)))
            .collect();
        if !names.is_empty() {
            let names = names.join(", ");
            let _ = owner.batch_execute(&format!("DROP OWNED BY {names}; DROP ROLE {names}"));
        }
    }
}

impl SharedStore {
    pub fn owner_url(&self) -> &str {
        self.database.url()
    }

    /// The account's login name in this test: `politie` becomes `<database>_politie`.
    pub fn account(&self, short: &str) -> String {
        format!("{}_{short}", self.name)
    }

    /// The URL an account logs in with, its password in it.
    pub fn url_of(&self, short: &str) -> String {
        let config: postgres::Config = self.owner_url().parse().unwrap();
        let host = match &config.get_hosts()[0] {
            postgres::config::Host::Tcp(host) => host.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        format!(
            "postgres://{}:{PASSWORD}@{host}:{port}/{}",
            self.account(short),
            self.name
        )
    }

    /// The binary as the database owner.
    pub fn owner(&self, args: &[&str]) -> Run {
        finish(regio().arg("--db").arg(self.owner_url()).args(args))
    }

    /// The binary as account `short`.
    pub fn as_account(&self, short: &str, args: &[&str]) -> Run {
        finish(regio().arg("--db").arg(self.url_of(short)).args(args))
    }

    /// `server user add` as the owner, the password on stdin.
    pub fn add(&self, short: &str, role: &str, supplier: Option<&str>) -> Run {
        let name = self.account(short);
        let mut args = vec![
            "server",
            "user",
            "add",
            &name,
            "--role",
            role,
            "--password-stdin",
        ];
        if let Some(supplier) = supplier {
            args.extend(["--supplier", supplier]);
        }
        self.with_password(regio().arg("--db").arg(self.owner_url()).args(&args))
    }

    /// Runs `command` with the password on its stdin.
    pub fn with_password(&self, command: &mut std::process::Command) -> Run {
        use std::io::Write;
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        let output = child.wait_with_output().unwrap();
        Run {
            code: output.status.code().unwrap(),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }

    /// The usual accounts: politie and ggd (leveranciers), bestuur (lezer), beheer (beheerder).
    pub fn with_accounts(self) -> SharedStore {
        for (short, role, supplier) in [
            ("politie", "leverancier", Some("Politie")),
            ("ggd", "leverancier", Some("GGD Zaanstreek-Waterland")),
            ("bestuur", "lezer", None),
            ("beheer", "beheerder", None),
        ] {
            let out = self.add(short, role, supplier);
            assert_eq!(out.code, 0, "{}", out.stderr);
        }
        self
    }

    /// A CSV of `lines` (`indicator;gebied;periode;waarde`) in the test's folder.
    pub fn csv(&self, name: &str, lines: &[&str]) -> PathBuf {
        let path = self.files.path().join(name);
        let text = format!("indicator;gebied;periode;waarde\n{}\n", lines.join("\n"));
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Everything stored, as the owner's `export --unshielded` prints it.
    pub fn export(&self) -> String {
        super::export_all(Path::new(self.owner_url()))
    }

    /// A client of the `postgres` crate logged in as account `short`.
    pub fn client(&self, short: &str) -> postgres::Client {
        postgres::Client::connect(&self.url_of(short), postgres::NoTls).unwrap()
    }
}
