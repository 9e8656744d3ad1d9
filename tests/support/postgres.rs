//! Stand-in for the throwaway-database helper (replaced at merge by the shared version, same API):
//! a fresh database on the server in `REGIO_TEST_PG` per call, dropped when done.

use std::sync::atomic::{AtomicU32, Ordering};

pub struct TestDatabase {
    admin: String,
    name: String,
    url: String,
}

impl TestDatabase {
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut client) = ::postgres::Client::connect(&self.admin, ::postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ));
        }
    }
}

pub fn test_database(test: &str) -> Option<TestDatabase> {
    let Ok(admin) = std::env::var("REGIO_TEST_PG") else {
        if std::env::var_os("CI").is_some() {
            panic!("REGIO_TEST_PG is niet gezet, maar CI wel: {test}");
        }
        println!("overgeslagen (geen PostgreSQL-server, zet REGIO_TEST_PG): {test}");
        return None;
    };
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "t{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        test.chars()
            .filter(char::is_ascii_alphanumeric)
            .take(20)
            .collect::<String>()
    )
    .to_lowercase();
    let mut client = ::postgres::Client::connect(&admin, ::postgres::NoTls).expect("test server");
    client
        .batch_execute(&format!("CREATE DATABASE \"{name}\""))
        .expect("create test database");
    let url = match admin.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("REGIO_TEST_PG is geen postgres://…/database"),
    };
    Some(TestDatabase { admin, name, url })
}
