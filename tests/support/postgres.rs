//! A fresh PostgreSQL database per test on the throwaway server named by `REGIO_TEST_PG` (a
//! superuser's URL). Minimal stand-in with the API of the shared test-database helper.

use std::sync::atomic::{AtomicU32, Ordering};

/// A database made for one test, dropped with it.
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

/// A new, uniquely named database, or `None` (said by name) when no server is given; in CI a
/// missing server fails the test instead.
pub fn test_database(test: &str) -> Option<TestDatabase> {
    let Ok(admin) = std::env::var("REGIO_TEST_PG") else {
        if std::env::var_os("CI").is_some() {
            panic!("CI zonder PostgreSQL-server (REGIO_TEST_PG): {test}");
        }
        eprintln!("overgeslagen (geen PostgreSQL-server, zet REGIO_TEST_PG): {test}");
        return None;
    };
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "regio_test_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("test server");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("test database");
    let (base, _) = admin.rsplit_once('/').expect("URL ends in /database");
    let url = format!("{base}/{name}");
    Some(TestDatabase { admin, name, url })
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP DATABASE {} WITH (FORCE)", self.name));
        }
    }
}
