//! A fresh database on a throwaway PostgreSQL server for one test (stand-in until the shared helper
//! is merged; same API): `REGIO_TEST_PG` is the server's superuser URL.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

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
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// A new, uniquely named database for `test`; `None` (and says so) without a server, except in CI.
pub fn test_database(test: &str) -> Option<TestDatabase> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let Ok(admin) = std::env::var("REGIO_TEST_PG") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs the PostgreSQL tests: set REGIO_TEST_PG ({test})"
        );
        println!("overgeslagen (geen PostgreSQL-server, zet REGIO_TEST_PG): {test}");
        return None;
    };
    let name = format!(
        "regio_test_{}_{}_{}",
        test.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(30)
            .collect::<String>(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
    .to_lowercase();
    let mut client = ::postgres::Client::connect(&admin, ::postgres::NoTls).expect("test server");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("test database");
    let (base, _) = admin
        .rsplit_once('/')
        .expect("REGIO_TEST_PG ends in /database");
    let url = format!("{base}/{name}");
    Some(TestDatabase { admin, name, url })
}
