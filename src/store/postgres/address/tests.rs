use super::*;

fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
    }
}

fn parse(text: &str) -> ServerAddress {
    ServerAddress::parse_with(text, env(&[("USER", "os-gebruiker"), ("HOME", "/home/h")])).unwrap()
}

fn refusal(text: &str) -> String {
    ServerAddress::parse_with(text, env(&[("USER", "u")]))
        .err()
        .unwrap()
        .to_string()
}

#[test]
fn servers_are_urls_or_libpq_keywords_and_everything_else_is_a_file() {
    for server in [
        "postgres://regio-db/regio",
        "postgresql://politie@regio-db:5433/regio?sslmode=require",
        "host=regio-db dbname=regio",
        "dbname=regio",
        "dbnme=regio host=regio-db",
        "sslcert=x.pem host=regio-db",
    ] {
        assert!(ServerAddress::looks_like_server(server), "{server}");
    }
    for file in [
        "regio.sqlite",
        "/gedeeld/regio.sqlite",
        r"C:\data\regio=oud.sqlite",
        "mijn regio.sqlite",
        "a=b",
        "",
        "postgres.sqlite",
        "host",
    ] {
        assert!(!ServerAddress::looks_like_server(file), "{file}");
    }
}

#[test]
fn a_url_shows_server_user_and_database_but_never_the_password() {
    let address = parse("postgres://politie:ge%21heim@regio-db/regio");
    assert_eq!(address.user(), "politie");
    assert_eq!(address.database(), "regio");
    assert_eq!(address.host_label(), "regio-db");
    assert_eq!(address.to_string(), "postgres://politie@regio-db/regio");
    let debug = format!("{address:?}");
    assert!(!debug.contains("heim"), "{debug}");
    assert_eq!(address.config.get_password(), Some(&b"ge!heim"[..]));
}

#[test]
fn a_keyword_string_reads_back_from_its_display() {
    let address = parse(
        "host=127.0.0.1 port=5433 dbname='regio data' user=ggd password=geheim \
         sslmode=verify-full sslrootcert=/etc/regio/ca.pem",
    );
    assert_eq!(address.host_label(), "127.0.0.1:5433");
    assert_eq!(address.database(), "regio data");
    let shown = address.to_string();
    assert_eq!(
        shown,
        "postgres://ggd@127.0.0.1:5433/regio%20data?sslmode=verify-full&sslrootcert=%2Fetc%2Fregio%2Fca.pem"
    );
    let again = parse(&shown);
    assert_eq!(again.to_string(), shown);
    assert_eq!(again.tls.mode, SslMode::VerifyFull);
    assert_eq!(
        again.tls.root_cert,
        Some(PathBuf::from("/etc/regio/ca.pem"))
    );
    assert_eq!(
        again.config.get_password(),
        None,
        "the password is not in the display"
    );
}

#[test]
fn the_user_comes_from_the_address_then_pguser_then_the_computer() {
    assert_eq!(parse("host=h user=politie").user(), "politie");
    let from_pguser = ServerAddress::parse_with(
        "host=h",
        env(&[("PGUSER", "ggd"), ("USER", "os-gebruiker")]),
    )
    .unwrap();
    assert_eq!(from_pguser.user(), "ggd");
    let from_os = parse("host=h");
    assert_eq!(from_os.user(), "os-gebruiker");
    assert_eq!(
        from_os.database(),
        "os-gebruiker",
        "the server's default database"
    );
    assert_eq!(
        ServerAddress::parse_with("host=h", env(&[]))
            .err()
            .unwrap()
            .to_string(),
        "ongeldig serveradres: er is geen gebruiker: zet user= in het adres of PGUSER"
    );
}

#[test]
fn what_cannot_be_read_is_said_without_the_password() {
    assert_eq!(
        refusal("host=regio-db dbnme=regio"),
        "ongeldig serveradres: onbekende instelling dbnme"
    );
    assert_eq!(
        refusal("host=regio-db sslcert=client.pem"),
        "ongeldig serveradres: de instelling sslcert wordt niet ondersteund"
    );
    assert_eq!(
        refusal("postgres://regio-db/regio?sslmode=verify_full"),
        "ongeldig serveradres: sslmode=verify_full bestaat niet; kies disable, allow, prefer, \
         require, verify-ca of verify-full"
    );
    let port = refusal("host=regio-db password=Geheim123 port=abc");
    assert_eq!(port, "ongeldig serveradres: de waarde van port is ongeldig");
    assert_eq!(
        refusal("host=regio-db dbname='regio"),
        "ongeldig serveradres: de waarde van dbname mist het sluitende '"
    );
    let url = refusal("postgres://u:Geheim123@regio-db:abc/regio");
    assert!(url.starts_with("ongeldig serveradres: "), "{url}");
    assert!(!url.contains("Geheim123"), "{url}");
}

#[test]
fn another_database_keeps_server_and_login() {
    let address = parse("postgres://politie:geheim@regio-db:5433/regio?sslmode=require");
    let other = address.with_database("regio_test_7");
    assert_eq!(
        other.to_string(),
        "postgres://politie@regio-db:5433/regio_test_7?sslmode=require"
    );
    assert_eq!(other.config.get_password(), Some(&b"geheim"[..]));
    assert_eq!(address.database(), "regio");
}

#[test]
fn several_hosts_ipv6_and_sockets_are_labelled_as_given() {
    let several = parse("postgres://u@[::1]:5433,regio-db/regio");
    assert_eq!(several.host_label(), "[::1]:5433,regio-db");
    assert_eq!(
        several.to_string(),
        "postgres://u@[::1]:5433,regio-db/regio"
    );
    assert_eq!(parse("host=::1 user=u").host_label(), "::1");
    assert_eq!(
        parse("user=u").host_label(),
        "localhost",
        "libpq's default on Windows"
    );
    #[cfg(unix)]
    {
        let socket = parse("host=/var/run/postgresql dbname=regio user=u");
        assert_eq!(socket.host_label(), "/var/run/postgresql");
        let shown = socket.to_string();
        assert_eq!(shown, "postgres://u@%2Fvar%2Frun%2Fpostgresql/regio");
        assert_eq!(parse(&shown).host_label(), "/var/run/postgresql");
    }
}

#[test]
fn the_password_file_is_passfile_then_pgpassfile_then_home() {
    let given = ServerAddress::parse_with(
        "host=h user=u passfile=/etc/regio/pgpass",
        env(&[("PGPASSFILE", "/elders"), ("HOME", "/home/h")]),
    )
    .unwrap();
    assert_eq!(given.passfile, Some(PathBuf::from("/etc/regio/pgpass")));
    let from_env = ServerAddress::parse_with(
        "host=h user=u",
        env(&[("PGPASSFILE", "/elders"), ("HOME", "/home/h")]),
    )
    .unwrap();
    assert_eq!(from_env.passfile, Some(PathBuf::from("/elders")));
    #[cfg(not(windows))]
    {
        let home = parse("host=h");
        assert_eq!(home.passfile, Some(PathBuf::from("/home/h/.pgpass")));
        assert_eq!(
            home.tls.default_root_cert,
            Some(PathBuf::from("/home/h/.postgresql/root.crt"))
        );
    }
    assert_eq!(parse("host=h").tls.mode, SslMode::Prefer, "libpq's default");
}

#[test]
fn the_program_names_itself_to_the_server_unless_told_otherwise() {
    assert_eq!(
        parse("host=h").config.get_application_name(),
        Some("regio-in-beeld")
    );
    assert_eq!(
        parse("host=h application_name=beheer")
            .config
            .get_application_name(),
        Some("beheer")
    );
    assert_eq!(
        parse("host=h").config.get_connect_timeout(),
        Some(&DEFAULT_TIMEOUT)
    );
    assert_eq!(
        parse("host=h connect_timeout=3")
            .config
            .get_connect_timeout(),
        Some(&Duration::from_secs(3))
    );
}
