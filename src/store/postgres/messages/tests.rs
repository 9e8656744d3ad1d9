use super::*;

fn attempt(problem: Problem, password: PasswordSource) -> ConnectError {
    ConnectError {
        server: "regio-db:5433".to_string(),
        host: "regio-db".to_string(),
        user: "politie".to_string(),
        database: "regio".to_string(),
        sslmode: "verify-full",
        password,
        timeout: Duration::from_secs(10),
        problem,
    }
}

fn said(problem: Problem) -> String {
    attempt(problem, PasswordSource::None { ignored_file: None }).to_string()
}

/// The sentence on an open connection, where there is no attempt to name.
fn said_at_work(problem: Problem) -> String {
    struct AtWork(Problem);
    impl fmt::Display for AtWork {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.describe(None, f)
        }
    }
    AtWork(problem).to_string()
}

#[test]
fn a_refused_login_names_the_user_the_server_and_where_the_password_came_from() {
    assert_eq!(
        attempt(Problem::PasswordWrong, PasswordSource::Environment).to_string(),
        "inloggen als politie op regio-db:5433 geweigerd: het wachtwoord klopt niet of de \
         gebruiker bestaat niet (wachtwoord uit PGPASSWORD)"
    );
    assert_eq!(
        attempt(
            Problem::PasswordWrong,
            PasswordSource::File(PathBuf::from("/home/p/.pgpass"))
        )
        .to_string(),
        "inloggen als politie op regio-db:5433 geweigerd: het wachtwoord klopt niet of de \
         gebruiker bestaat niet (wachtwoord uit /home/p/.pgpass)"
    );
    assert_eq!(
        said(Problem::NotAllowedHere),
        "inloggen als politie op regio-db:5433 geweigerd: de server laat deze gebruiker niet toe \
         vanaf deze computer of zonder TLS (pg_hba.conf); vraag het de beheerder van de server"
    );
}

#[test]
fn a_missing_password_says_why_the_password_file_was_not_used() {
    assert_eq!(
        attempt(
            Problem::PasswordMissing,
            PasswordSource::None {
                ignored_file: Some(PathBuf::from("/home/p/.pgpass"))
            }
        )
        .to_string(),
        "inloggen als politie op regio-db:5433 geweigerd: de server vraagt een wachtwoord en er \
         is er geen (in het adres, PGPASSWORD of het wachtwoordbestand ~/.pgpass); het \
         wachtwoordbestand /home/p/.pgpass is niet gebruikt omdat anderen het kunnen lezen (maak \
         het alleen voor uzelf leesbaar: chmod 600 /home/p/.pgpass)"
    );
}

#[test]
fn an_unreachable_server_is_named_with_what_to_check() {
    assert_eq!(
        said(Problem::Unreachable(Reach::Refused)),
        "de databaseserver regio-db:5433 is niet bereikbaar: de verbinding werd geweigerd; draait \
         de server en luistert hij op deze poort?"
    );
    assert_eq!(
        said(Problem::Unreachable(Reach::TimedOut)),
        "de databaseserver regio-db:5433 is niet bereikbaar: geen antwoord binnen 10 seconden; \
         controleer de naam, de poort en de firewall"
    );
    assert_eq!(
        said(Problem::Unreachable(Reach::UnknownHost)),
        "de databaseserver regio-db:5433 is niet bereikbaar: deze servernaam is onbekend; \
         controleer het adres"
    );
    assert_eq!(
        said(Problem::NoAnswer),
        "de databaseserver regio-db:5433 is niet bereikbaar: er kwam binnen 10 seconden geen \
         antwoord; is dit wel een PostgreSQL-server?"
    );
}

#[test]
fn tls_problems_say_what_to_change() {
    assert_eq!(
        said(Problem::CertificateUntrusted),
        "het certificaat van de databaseserver regio-db:5433 wordt niet vertrouwd: het is niet \
         ondertekend door een bekende certificaatautoriteit; geef het CA-certificaat van de server \
         op met sslrootcert=BESTAND"
    );
    assert_eq!(
        said(Problem::CertificateWrongName),
        "het certificaat van de databaseserver hoort niet bij de naam regio-db; gebruik in het \
         adres de servernaam die in het certificaat staat (sslmode=verify-full controleert die)"
    );
    assert_eq!(
        said(Problem::TlsNotOffered),
        "de databaseserver regio-db:5433 biedt geen versleutelde verbinding (TLS), maar \
         sslmode=verify-full vraagt die; zet TLS aan op de server (ssl = on)"
    );
}

#[test]
fn errors_at_work_say_that_nothing_was_saved() {
    assert_eq!(
        said_at_work(Problem::ConnectionLost),
        "de verbinding met de databaseserver is verbroken (de server is gestopt of niet meer \
         bereikbaar); een wijziging die nog niet klaar was, is in haar geheel niet opgeslagen, nooit \
         half: kijk met `regio-in-beeld batches` wat er staat en probeer het opnieuw als de server \
         weer bereikbaar is"
    );
    assert_eq!(
        said_at_work(Problem::Conflict),
        "een andere gebruiker wijzigde tegelijk dezelfde gegevens; er is niets opgeslagen, probeer \
         het opnieuw"
    );
    assert_eq!(
        said_at_work(Problem::ServerEnded),
        "de databaseserver heeft de verbinding beëindigd (de server wordt afgesloten of een \
         beheerder brak de verbinding af); er is niets opgeslagen, probeer het zo opnieuw"
    );
    assert_eq!(
        said(Problem::ServerUnavailable),
        "de databaseserver regio-db:5433 start op of wordt afgesloten en neemt nu geen \
         verbindingen aan; probeer het zo opnieuw"
    );
    assert_eq!(
        said_at_work(Problem::NoPermission(
            "permission denied for table batches".into()
        )),
        "geen rechten: uw account heeft geen rechten voor deze handeling op de tabel batches; er is \
         niets gewijzigd"
    );
    assert_eq!(
        said(Problem::NoPermission(
            "permission denied for table batches".into()
        )),
        "geen rechten: uw account heeft geen rechten voor deze handeling op de tabel batches; er is \
         niets gewijzigd"
    );
    assert_eq!(
        said(Problem::NoDatabase),
        "de database regio bestaat niet op de databaseserver regio-db:5433; controleer de naam in \
         het adres"
    );
}

#[test]
fn server_codes_are_sorted_by_what_a_person_can_do() {
    let of = |code: &str, message: &str| Problem::of_server(&SqlState::from_code(code), message);
    assert_eq!(
        of("28P01", "password authentication failed"),
        Problem::PasswordWrong
    );
    assert_eq!(
        of("28000", "no pg_hba.conf entry for host \"10.0.0.7\""),
        Problem::NotAllowedHere
    );
    assert_eq!(
        of("28000", "role \"ggd\" does not exist"),
        Problem::NoSuchRole
    );
    assert_eq!(
        of("3D000", "database \"regio\" does not exist"),
        Problem::NoDatabase
    );
    assert_eq!(
        of("42501", "permission denied"),
        Problem::NoPermission("permission denied".into())
    );
    for conflict in ["40001", "40P01"] {
        assert_eq!(of(conflict, "x"), Problem::Conflict);
    }
    for ended in ["57P01", "57P02"] {
        assert_eq!(of(ended, "x"), Problem::ServerEnded);
    }
    assert_eq!(of("57P03", "x"), Problem::ServerUnavailable);
    assert_eq!(of("53300", "too many"), Problem::TooManyConnections);
    assert_eq!(of("08006", "x"), Problem::ConnectionLost);
    assert_eq!(
        of("23505", "duplicate key"),
        Problem::Server {
            code: "23505".into(),
            message: "duplicate key".into()
        }
    );
}

#[test]
fn only_reach_and_lost_connections_are_worth_retrying() {
    for retry in [
        Problem::Unreachable(Reach::Refused),
        Problem::NoAnswer,
        Problem::StillWaiting,
        Problem::ConnectionLost,
        Problem::ServerEnded,
        Problem::ServerUnavailable,
        Problem::TooManyConnections,
    ] {
        assert!(retry.is_connection_lost(), "{retry:?}");
    }
    for no in [
        Problem::PasswordWrong,
        Problem::CertificateUntrusted,
        Problem::NoPermission(String::new()),
        Problem::Conflict,
        Problem::NoDatabase,
    ] {
        assert!(!no.is_connection_lost(), "{no:?}");
    }
}
