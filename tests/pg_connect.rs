//! Connecting to a real PostgreSQL server (see tests/support/postgres.rs): passwords from the
//! address, the environment and the password file, TLS with each sslmode, and the Dutch errors a
//! person sees. A few fake servers on 127.0.0.1 stand in for what a real one does not do.

mod support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::mpsc;

use postgres::Client;
use regio_in_beeld::store::ServerAddress;
use regio_in_beeld::store::StoreError;
use support::postgres::{TestDatabase, test_ca, test_database};

/// The environment of one test: a home folder of its own (no `~/.pgpass` or root.crt of the
/// machine's) and the variables given.
fn environment(home: &Path, vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let mut all: Vec<(String, String)> = vars
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    all.push(("HOME".to_string(), home.display().to_string()));
    move |name| {
        all.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

fn connect(text: &str, home: &Path, vars: &[(&str, &str)]) -> Result<Client, StoreError> {
    ServerAddress::parse_with(text, environment(home, vars))?.connect()
}

fn refusal(text: &str, home: &Path, vars: &[(&str, &str)]) -> StoreError {
    match connect(text, home, vars) {
        Ok(_) => panic!("verbonden, maar dat had geweigerd moeten worden: {text}"),
        Err(error) => error,
    }
}

/// Who the connection is, where, and whether it is encrypted.
fn session(client: &mut Client) -> (String, String, bool, String) {
    let row = client
        .query_one(
            "SELECT current_user::text, current_database()::text, \
             coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false), \
             current_setting('application_name')",
            &[],
        )
        .unwrap();
    (row.get(0), row.get(1), row.get(2), row.get(3))
}

/// The server as the messages name it.
fn label(db: &TestDatabase) -> String {
    if db.port() == 5432 {
        db.host().to_string()
    } else {
        format!("{}:{}", db.host(), db.port())
    }
}

#[test]
fn a_password_in_the_url_logs_in_as_that_user() {
    let Some(db) = test_database("a_password_in_the_url_logs_in_as_that_user") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let password = "Wacht woord:1@/?'";
    let role = db.create_login(password);
    let mut client = connect(&db.url_as(&role, Some(password)), home.path(), &[]).unwrap();
    let (user, database, _, application) = session(&mut client);
    assert_eq!(
        (user.as_str(), database.as_str()),
        (role.as_str(), db.name())
    );
    assert_eq!(application, "regio-in-beeld");
}

#[test]
fn the_environment_gives_user_and_password_when_the_address_does_not() {
    let Some(db) =
        test_database("the_environment_gives_user_and_password_when_the_address_does_not")
    else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let role = db.create_login("uit-de-omgeving");
    let address = format!("host={} port={} dbname={}", db.host(), db.port(), db.name());
    let vars = [("PGUSER", role.as_str()), ("PGPASSWORD", "uit-de-omgeving")];
    let mut client = connect(&address, home.path(), &vars).unwrap();
    assert_eq!(session(&mut client).0, role);
}

#[test]
fn a_password_file_is_used_and_one_others_may_read_is_not() {
    let Some(db) = test_database("a_password_file_is_used_and_one_others_may_read_is_not") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let password = r"pass:wo\rd";
    let role = db.create_login(password);
    let line = format!(
        "# regio\n{}:{}:{}:{role}:{}\n",
        db.host(),
        db.port(),
        db.name(),
        password.replace('\\', r"\\").replace(':', r"\:")
    );
    let pgpass = home.path().join(".pgpass");
    std::fs::write(&pgpass, &line).unwrap();
    set_mode(&pgpass, 0o600);
    let address = db.url_as(&role, None);
    let mut client = connect(&address, home.path(), &[]).unwrap();
    assert_eq!(session(&mut client).0, role, "~/.pgpass");

    let shared = home.path().join("gedeeld-pgpass");
    std::fs::write(&shared, &line).unwrap();
    set_mode(&shared, 0o644);
    let shared_text = shared.display().to_string();
    let error = refusal(&address, home.path(), &[("PGPASSFILE", &shared_text)]);
    assert_eq!(
        error.to_string(),
        format!(
            "inloggen als {role} op {} geweigerd: de server vraagt een wachtwoord en er is er geen \
             (in het adres, PGPASSWORD of het wachtwoordbestand ~/.pgpass); het wachtwoordbestand \
             {shared_text} is niet gebruikt omdat anderen het kunnen lezen (maak het alleen voor \
             uzelf leesbaar: chmod 600 {shared_text})",
            label(&db)
        )
    );
    assert!(!error.is_connection_lost());
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) {}

#[test]
fn a_wrong_password_is_refused_naming_the_user_and_not_the_password() {
    let Some(db) =
        test_database("a_wrong_password_is_refused_naming_the_user_and_not_the_password")
    else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let role = db.create_login("het-goede");
    for user in [role.as_str(), "bestaat_niet_bij_regio"] {
        let error = refusal(
            &db.url_as(user, Some("Fout-Wachtwoord-42")),
            home.path(),
            &[],
        );
        let said = error.to_string();
        assert_eq!(
            said,
            format!(
                "inloggen als {user} op {} geweigerd: het wachtwoord klopt niet of de gebruiker \
                 bestaat niet (wachtwoord uit het adres)",
                label(&db)
            )
        );
        assert!(!format!("{error:?}").contains("Fout-Wachtwoord-42"));
        assert!(!error.is_connection_lost(), "a retry would not help");
    }
}

#[test]
fn a_database_that_is_not_there_is_named() {
    let Some(db) = test_database("a_database_that_is_not_there_is_named") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let address = ServerAddress::parse_with(db.url(), environment(home.path(), &[]))
        .unwrap()
        .with_database("regio_bestaat_niet");
    let error = address.connect().err().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "de database regio_bestaat_niet bestaat niet op de databaseserver {}; controleer de \
             naam in het adres",
            label(&db)
        )
    );
}

#[test]
fn a_libpq_keyword_string_connects_with_quoted_values() {
    let Some(db) = test_database("a_libpq_keyword_string_connects_with_quoted_values") else {
        return;
    };
    let Some(ca) = test_ca("a_libpq_keyword_string_connects_with_quoted_values") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let password = r"met spatie, 'quote' en \";
    let role = db.create_login(password);
    let address = format!(
        "host={} port={} dbname={} user={role} password='{}' sslmode=verify-full sslrootcert='{}'",
        db.host(),
        db.port(),
        db.name(),
        password.replace('\\', r"\\").replace('\'', r"\'"),
        ca.display()
    );
    let mut client = connect(&address, home.path(), &[]).unwrap();
    let (user, _, encrypted, _) = session(&mut client);
    assert_eq!(user, role);
    assert!(encrypted);
}

#[test]
fn sslmode_require_encrypts_and_disable_does_not() {
    let Some(db) = test_database("sslmode_require_encrypts_and_disable_does_not") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let role = db.create_login("tls");
    let url = db.url_as(&role, Some("tls"));
    for (mode, encrypted) in [("require", true), ("prefer", true), ("disable", false)] {
        let mut client = connect(&format!("{url}?sslmode={mode}"), home.path(), &[]).unwrap();
        assert_eq!(session(&mut client).2, encrypted, "sslmode={mode}");
    }
}

#[test]
fn verify_full_trusts_the_ca_from_sslrootcert_or_root_crt_in_home() {
    let Some(db) = test_database("verify_full_trusts_the_ca_from_sslrootcert_or_root_crt_in_home")
    else {
        return;
    };
    let Some(ca) = test_ca("verify_full_trusts_the_ca_from_sslrootcert_or_root_crt_in_home") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let role = db.create_login("geheim");
    let url = db.url_as(&role, Some("geheim"));
    let given = format!("{url}?sslmode=verify-full&sslrootcert={}", ca.display());
    let mut client = connect(&given, home.path(), &[]).unwrap();
    assert!(session(&mut client).2);

    std::fs::create_dir(home.path().join(".postgresql")).unwrap();
    std::fs::copy(&ca, home.path().join(".postgresql/root.crt")).unwrap();
    let mut client = connect(&format!("{url}?sslmode=verify-full"), home.path(), &[]).unwrap();
    assert!(session(&mut client).2, "~/.postgresql/root.crt");
}

#[test]
fn verify_full_checks_the_name_and_verify_ca_does_not() {
    let Some(db) = test_database("verify_full_checks_the_name_and_verify_ca_does_not") else {
        return;
    };
    let Some(ca) = test_ca("verify_full_checks_the_name_and_verify_ca_does_not") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let role = db.create_login("geheim");
    // The certificate is for localhost and 127.0.0.1; hostaddr reaches the same server by another name.
    let address = |mode: &str| {
        format!(
            "host=regio-db.invalid hostaddr={} port={} dbname={} user={role} password=geheim \
             sslmode={mode} sslrootcert='{}'",
            db.host(),
            db.port(),
            db.name(),
            ca.display()
        )
    };
    let error = refusal(&address("verify-full"), home.path(), &[]);
    assert_eq!(
        error.to_string(),
        "het certificaat van de databaseserver hoort niet bij de naam regio-db.invalid; gebruik in \
         het adres de servernaam die in het certificaat staat (sslmode=verify-full controleert die)"
    );
    assert!(!error.is_connection_lost());
    let mut client = connect(&address("verify-ca"), home.path(), &[]).unwrap();
    assert!(session(&mut client).2);
}

#[test]
fn verify_full_without_the_ca_does_not_trust_the_server() {
    let Some(db) = test_database("verify_full_without_the_ca_does_not_trust_the_server") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let role = db.create_login("geheim");
    let url = format!("{}?sslmode=verify-full", db.url_as(&role, Some("geheim")));
    let error = refusal(&url, home.path(), &[]);
    assert_eq!(
        error.to_string(),
        format!(
            "het certificaat van de databaseserver {} wordt niet vertrouwd: het is niet ondertekend \
             door een bekende certificaatautoriteit; geef het CA-certificaat van de server op met \
             sslrootcert=BESTAND",
            label(&db)
        )
    );
}

#[test]
fn errors_at_work_say_what_happened_and_whether_to_retry() {
    let Some(db) = test_database("errors_at_work_say_what_happened_and_whether_to_retry") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    db.superuser()
        .batch_execute("CREATE TABLE geheim (x int); CREATE TABLE telling (x int)")
        .unwrap();
    let role = db.create_login("lezer");
    let mut reader = connect(&db.url_as(&role, Some("lezer")), home.path(), &[]).unwrap();
    let denied = StoreError::from(reader.query("SELECT x FROM geheim", &[]).unwrap_err());
    assert_eq!(
        denied.to_string(),
        "geen rechten: uw account heeft geen rechten voor deze handeling op de tabel geheim; er is niets gewijzigd"
    );
    assert!(!denied.is_connection_lost());

    // Two serializable transactions that each read what the other writes: one must give way.
    let mut first = connect(db.url(), home.path(), &[]).unwrap();
    let mut second = connect(db.url(), home.path(), &[]).unwrap();
    let serializable = |client: &mut Client| {
        client
            .batch_execute("BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT count(*) FROM telling")
            .unwrap();
    };
    serializable(&mut first);
    serializable(&mut second);
    first
        .batch_execute("INSERT INTO telling VALUES (1)")
        .unwrap();
    second
        .batch_execute("INSERT INTO telling VALUES (2)")
        .unwrap();
    first.batch_execute("COMMIT").unwrap();
    let conflict = StoreError::from(second.batch_execute("COMMIT").unwrap_err());
    assert_eq!(
        conflict.to_string(),
        "een andere gebruiker wijzigde tegelijk dezelfde gegevens; er is niets opgeslagen, probeer \
         het opnieuw"
    );
    assert!(!conflict.is_connection_lost());

    let pid: i32 = reader
        .query_one("SELECT pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    db.superuser()
        .execute("SELECT pg_terminate_backend($1)", &[&pid])
        .unwrap();
    let lost = StoreError::from(reader.simple_query("SELECT 1").unwrap_err());
    assert!(lost.is_connection_lost(), "{lost}");
    assert!(lost.to_string().contains("nooit half"), "{lost}");
}

/// A port on 127.0.0.1 that nothing listens on (it was free a moment ago).
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn a_closed_port_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let port = closed_port();
    let error = refusal(
        &format!("postgres://regio@127.0.0.1:{port}/regio"),
        home.path(),
        &[],
    );
    assert_eq!(
        error.to_string(),
        format!(
            "de databaseserver 127.0.0.1:{port} is niet bereikbaar: de verbinding werd geweigerd; \
             draait de server en luistert hij op deze poort?"
        )
    );
    assert!(error.is_connection_lost(), "the window retries");
}

/// A server on 127.0.0.1 that takes one connection and hands it to the test, after `answer` (the
/// first bytes it reads, and what it writes back).
fn fake_server(answer: Option<&'static [u8]>) -> (u16, mpsc::Receiver<TcpStream>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        if let Some(reply) = answer {
            // The client's SSLRequest: length 8, code 80877103.
            let mut request = [0u8; 8];
            stream.read_exact(&mut request).unwrap();
            stream.write_all(reply).unwrap();
        }
        let _ = sender.send(stream);
    });
    (port, receiver)
}

#[test]
fn a_server_that_never_answers_is_given_up_after_connect_timeout() {
    let home = tempfile::tempdir().unwrap();
    let (port, held) = fake_server(None);
    let address = format!("host=127.0.0.1 port={port} user=regio connect_timeout=1");
    let error = refusal(&address, home.path(), &[]);
    assert_eq!(
        error.to_string(),
        format!(
            "de databaseserver 127.0.0.1:{port} is niet bereikbaar: er kwam binnen 1 seconde geen \
             antwoord; is dit wel een PostgreSQL-server?"
        )
    );
    assert!(error.is_connection_lost());
    // Closing it ends the attempt still waiting.
    drop(held.recv().unwrap());
}

#[test]
fn a_server_without_tls_is_refused_when_sslmode_requires_it() {
    let home = tempfile::tempdir().unwrap();
    for mode in ["require", "verify-full"] {
        let (port, held) = fake_server(Some(b"N"));
        let address = format!("postgres://regio@127.0.0.1:{port}/regio?sslmode={mode}");
        let error = refusal(&address, home.path(), &[]);
        assert_eq!(
            error.to_string(),
            format!(
                "de databaseserver 127.0.0.1:{port} biedt geen versleutelde verbinding (TLS), maar \
                 sslmode={mode} vraagt die; zet TLS aan op de server (ssl = on)"
            )
        );
        drop(held);
    }
}
