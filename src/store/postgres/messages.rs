//! What went wrong with the server, in Dutch, for the people who can do something about it: the
//! user (wrong password, try again) or the region's IT (certificate, pg_hba.conf). An error is first
//! sorted into a [`Problem`], so every sentence can be tested without a server.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use ::postgres::error::SqlState;

/// The kinds of failure a person can tell apart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Problem {
    /// The host or port did not take the connection.
    Unreachable(Reach),
    /// Connected, but no answer within the time allowed.
    NoAnswer,
    /// Earlier attempts to this kind of address still wait for an answer; no new one is started.
    StillWaiting,
    PasswordWrong,
    /// No password was sent while the server asks for one.
    PasswordMissing,
    NoSuchRole,
    /// The server's pg_hba.conf has no rule letting this user in from here.
    NotAllowedHere,
    LoginRefused(String),
    CertificateUntrusted,
    CertificateExpired,
    CertificateWrongName,
    /// The server offers no TLS while the sslmode asks for it.
    TlsNotOffered,
    Tls(String),
    NoPermission(String),
    ConnectionLost,
    /// A serialization failure or deadlock: another user changed the same rows at the same time.
    Conflict,
    NoDatabase,
    /// The server ended the session: shut down, or an administrator ended it (57P01, 57P02).
    ServerEnded,
    /// Starting up or shutting down, not taking connections (57P03).
    ServerUnavailable,
    TooManyConnections,
    Server {
        code: String,
        message: String,
    },
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reach {
    Refused,
    TimedOut,
    UnknownHost,
    Other(String),
}

/// Where the password of a connection attempt came from, for the login error.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PasswordSource {
    Address,
    Environment,
    File(PathBuf),
    /// None sent; a password file that was not used because others may read it.
    None {
        ignored_file: Option<PathBuf>,
    },
}

/// A failed connection attempt: to which server, as whom, and what went wrong.
#[derive(Debug)]
pub struct ConnectError {
    /// As [`super::ServerAddress::host_label`] says it.
    pub(crate) server: String,
    /// The name the certificate is checked against.
    pub(crate) host: String,
    pub(crate) user: String,
    pub(crate) database: String,
    pub(crate) sslmode: &'static str,
    pub(crate) password: PasswordSource,
    /// How long the attempt waited for each host.
    pub(crate) timeout: Duration,
    pub(crate) problem: Problem,
}

impl ConnectError {
    /// The server could not be reached or stopped answering; trying again later may work.
    pub fn is_connection_lost(&self) -> bool {
        self.problem.is_connection_lost()
    }
}

impl Problem {
    pub(crate) fn of(error: &::postgres::Error) -> Problem {
        if let Some(db) = error.as_db_error() {
            return Problem::of_server(db.code(), db.message());
        }
        if error.is_closed() {
            return Problem::ConnectionLost;
        }
        if let Some(tls) = rustls_error(error) {
            return match tls {
                rustls::Error::InvalidCertificate(certificate) => match certificate {
                    rustls::CertificateError::NotValidForName
                    | rustls::CertificateError::NotValidForNameContext { .. } => {
                        Problem::CertificateWrongName
                    }
                    rustls::CertificateError::Expired
                    | rustls::CertificateError::ExpiredContext { .. }
                    | rustls::CertificateError::NotValidYet
                    | rustls::CertificateError::NotValidYetContext { .. } => {
                        Problem::CertificateExpired
                    }
                    rustls::CertificateError::UnknownIssuer
                    | rustls::CertificateError::BadSignature
                    | rustls::CertificateError::Revoked => Problem::CertificateUntrusted,
                    other => Problem::Tls(format!("{other:?}")),
                },
                other => Problem::Tls(other.to_string()),
            };
        }
        let source = std::error::Error::source(error).map(ToString::to_string);
        // The crate's kinds are private; its fixed messages are the only way to tell them apart.
        match (error.to_string().as_str(), source.as_deref()) {
            ("error performing TLS handshake", Some(s)) if s.contains("does not support TLS") => {
                Problem::TlsNotOffered
            }
            ("error performing TLS handshake", detail) => {
                Problem::Tls(detail.unwrap_or_default().to_string())
            }
            ("error connecting to server", _) => Problem::Unreachable(reach(error)),
            (_, Some("password missing")) => Problem::PasswordMissing,
            ("authentication error", detail) => {
                Problem::LoginRefused(detail.unwrap_or_default().to_string())
            }
            ("error communicating with the server" | "timeout waiting for server", _) => {
                Problem::ConnectionLost
            }
            (text, Some(detail)) => Problem::Other(format!("{text}: {detail}")),
            (text, None) => Problem::Other(text.to_string()),
        }
    }

    fn of_server(code: &SqlState, message: &str) -> Problem {
        match code {
            c if *c == SqlState::INVALID_PASSWORD => Problem::PasswordWrong,
            c if *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
                if message.contains("pg_hba.conf") {
                    Problem::NotAllowedHere
                } else if message.contains("does not exist") {
                    Problem::NoSuchRole
                } else {
                    Problem::LoginRefused(message.to_string())
                }
            }
            c if *c == SqlState::INVALID_CATALOG_NAME => Problem::NoDatabase,
            c if *c == SqlState::INSUFFICIENT_PRIVILEGE => {
                Problem::NoPermission(message.to_string())
            }
            c if *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED =>
            {
                Problem::Conflict
            }
            c if *c == SqlState::ADMIN_SHUTDOWN || *c == SqlState::CRASH_SHUTDOWN => {
                Problem::ServerEnded
            }
            c if *c == SqlState::CANNOT_CONNECT_NOW => Problem::ServerUnavailable,
            c if *c == SqlState::TOO_MANY_CONNECTIONS => Problem::TooManyConnections,
            c if c.code().starts_with("08") || *c == SqlState::IDLE_SESSION_TIMEOUT => {
                Problem::ConnectionLost
            }
            c => Problem::Server {
                code: c.code().to_string(),
                message: message.to_string(),
            },
        }
    }

    /// Trying again later may work: the server was out of reach, or went away.
    pub(crate) fn is_connection_lost(&self) -> bool {
        matches!(
            self,
            Problem::Unreachable(_)
                | Problem::NoAnswer
                | Problem::StillWaiting
                | Problem::ConnectionLost
                | Problem::ServerEnded
                | Problem::ServerUnavailable
                | Problem::TooManyConnections
        )
    }

    /// The sentence, for a connection attempt (`Some`) or for work on an open connection.
    pub(crate) fn describe(
        &self,
        attempt: Option<&ConnectError>,
        f: &mut fmt::Formatter<'_>,
    ) -> fmt::Result {
        let server = attempt.map_or_else(String::new, |a| format!(" {}", a.server));
        let waited = attempt.map_or_else(
            || "de wachttijd".to_string(),
            |a| match a.timeout.as_secs() {
                1 => "1 seconde".to_string(),
                n => format!("{n} seconden"),
            },
        );
        match self {
            Problem::Unreachable(reach) => {
                write!(f, "de databaseserver{server} is niet bereikbaar: ")?;
                match reach {
                    Reach::Refused => f.write_str(
                        "de verbinding werd geweigerd; draait de server en luistert hij op deze poort?",
                    ),
                    Reach::TimedOut => write!(
                        f,
                        "geen antwoord binnen {waited}; controleer de naam, de poort en de firewall"
                    ),
                    Reach::UnknownHost => f.write_str("deze servernaam is onbekend; controleer het adres"),
                    Reach::Other(detail) => write!(f, "{detail}"),
                }
            }
            Problem::NoAnswer => write!(
                f,
                "de databaseserver{server} is niet bereikbaar: er kwam binnen {waited} geen \
                 antwoord; is dit wel een PostgreSQL-server?"
            ),
            Problem::StillWaiting => write!(
                f,
                "de databaseserver{server} is niet bereikbaar: eerdere pogingen wachten nog op \
                 antwoord; probeer het later opnieuw"
            ),
            Problem::PasswordWrong
            | Problem::PasswordMissing
            | Problem::NoSuchRole
            | Problem::NotAllowedHere
            | Problem::LoginRefused(_) => self.describe_login(attempt, f),
            Problem::CertificateUntrusted => write!(
                f,
                "het certificaat van de databaseserver{server} wordt niet vertrouwd: het is niet \
                 ondertekend door een bekende certificaatautoriteit; geef het CA-certificaat van de \
                 server op met sslrootcert=BESTAND"
            ),
            Problem::CertificateExpired => write!(
                f,
                "het certificaat van de databaseserver{server} is verlopen of nog niet geldig \
                 (controleer ook de klok van deze computer)"
            ),
            Problem::CertificateWrongName => write!(
                f,
                "het certificaat van de databaseserver hoort niet bij de naam{}; gebruik in \
                 het adres de servernaam die in het certificaat staat (sslmode=verify-full \
                 controleert die)",
                attempt.map_or_else(String::new, |a| format!(" {}", a.host))
            ),
            Problem::TlsNotOffered => write!(
                f,
                "de databaseserver{server} biedt geen versleutelde verbinding (TLS), maar \
                 sslmode={} vraagt die; zet TLS aan op de server (ssl = on)",
                attempt.map_or("require", |a| a.sslmode)
            ),
            Problem::Tls(detail) => write!(
                f,
                "de versleutelde verbinding (TLS) met de databaseserver{server} kwam niet tot \
                 stand ({detail})"
            ),
            Problem::NoPermission(message) => write!(f, "geen rechten: {}", refusal(message)),
            // Not "niets opgeslagen": a connection lost during COMMIT may have saved it all.
            Problem::ConnectionLost => f.write_str(
                "de verbinding met de databaseserver is verbroken (de server is gestopt of niet \
                 meer bereikbaar); een wijziging die nog niet klaar was, is in haar geheel niet \
                 opgeslagen, nooit half: kijk met `regio-in-beeld batches` wat er staat en probeer \
                 het opnieuw als de server weer bereikbaar is",
            ),
            Problem::Conflict => f.write_str(
                "een andere gebruiker wijzigde tegelijk dezelfde gegevens; er is niets opgeslagen, \
                 probeer het opnieuw",
            ),
            Problem::NoDatabase => match attempt {
                Some(a) => write!(
                    f,
                    "de database {} bestaat niet op de databaseserver {}; controleer de naam in het adres",
                    a.database, a.server
                ),
                None => f.write_str("de database bestaat niet (meer) op de databaseserver"),
            },
            // An administrator's pg_terminate_backend and a shutdown send the same code.
            Problem::ServerEnded => f.write_str(
                "de databaseserver heeft de verbinding beëindigd (de server wordt afgesloten of een \
                 beheerder brak de verbinding af); er is niets opgeslagen, probeer het zo opnieuw",
            ),
            Problem::ServerUnavailable => write!(
                f,
                "de databaseserver{server} start op of wordt afgesloten en neemt nu geen \
                 verbindingen aan; probeer het zo opnieuw"
            ),
            Problem::TooManyConnections => write!(
                f,
                "de databaseserver{server} heeft geen verbindingen meer vrij (max_connections); \
                 probeer het later opnieuw"
            ),
            Problem::Server { code, message } => {
                write!(f, "de databaseserver meldt: {message} (SQLSTATE {code})")
            }
            Problem::Other(detail) => write!(f, "databaseserver{server}: {detail}"),
        }
    }

    fn describe_login(
        &self,
        attempt: Option<&ConnectError>,
        f: &mut fmt::Formatter<'_>,
    ) -> fmt::Result {
        match attempt {
            Some(a) => write!(f, "inloggen als {} op {} geweigerd: ", a.user, a.server)?,
            None => f.write_str("inloggen geweigerd: ")?,
        }
        match self {
            Problem::PasswordWrong => {
                f.write_str("het wachtwoord klopt niet of de gebruiker bestaat niet")?;
                match attempt.map(|a| &a.password) {
                    Some(PasswordSource::Address) => f.write_str(" (wachtwoord uit het adres)"),
                    Some(PasswordSource::Environment) => {
                        f.write_str(" (wachtwoord uit PGPASSWORD)")
                    }
                    Some(PasswordSource::File(path)) => {
                        write!(f, " (wachtwoord uit {})", path.display())
                    }
                    _ => Ok(()),
                }
            }
            Problem::PasswordMissing => {
                f.write_str(
                    "de server vraagt een wachtwoord en er is er geen (in het adres, PGPASSWORD of \
                     het wachtwoordbestand ~/.pgpass)",
                )?;
                if let Some(PasswordSource::None {
                    ignored_file: Some(path),
                }) = attempt.map(|a| &a.password)
                {
                    write!(
                        f,
                        "; het wachtwoordbestand {0} is niet gebruikt omdat anderen het kunnen \
                         lezen (maak het alleen voor uzelf leesbaar: chmod 600 {0})",
                        path.display()
                    )?;
                }
                Ok(())
            }
            Problem::NoSuchRole => f.write_str("deze gebruiker bestaat niet op de server"),
            Problem::NotAllowedHere => f.write_str(
                "de server laat deze gebruiker niet toe vanaf deze computer of zonder TLS \
                 (pg_hba.conf); vraag het de beheerder van de server",
            ),
            Problem::LoginRefused(detail) => write!(f, "{detail}"),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem.describe(Some(self), f)
    }
}

impl std::error::Error for ConnectError {}

/// The rustls error under a failed handshake: tokio-rustls wraps it in an `io::Error`, whose
/// `source` skips it, so each `io::Error` on the chain is opened.
fn rustls_error(error: &::postgres::Error) -> Option<&rustls::Error> {
    let mut next = std::error::Error::source(error);
    while let Some(current) = next {
        if let Some(tls) = current.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        if let Some(inner) = current
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        {
            return Some(inner);
        }
        next = current.source();
    }
    None
}

fn reach(error: &::postgres::Error) -> Reach {
    let Some(io) =
        std::error::Error::source(error).and_then(|s| s.downcast_ref::<std::io::Error>())
    else {
        return Reach::Other(error.to_string());
    };
    match io.kind() {
        std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::NotFound => Reach::Refused,
        std::io::ErrorKind::TimedOut => Reach::TimedOut,
        // tokio says so in its message only ("failed to lookup address information").
        _ if io.to_string().contains("lookup address") => Reach::UnknownHost,
        std::io::ErrorKind::HostUnreachable | std::io::ErrorKind::NetworkUnreachable => {
            Reach::Other("het netwerk of de computer is niet te bereiken".to_string())
        }
        _ => Reach::Other(io.to_string()),
    }
}

/// The server's refusal in Dutch: its own messages (`permission denied for table batches`, a
/// row-level security policy) come in the server's language, the store's functions speak Dutch.
fn refusal(message: &str) -> String {
    let table = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('"').to_string())
    };
    if let Some(table) = table("permission denied for table ") {
        return format!(
            "uw account heeft geen rechten voor deze handeling op de tabel {table}; er is niets \
             gewijzigd"
        );
    }
    if message.starts_with("permission denied for database ") {
        return "uw account heeft geen toegang tot deze database; vraag de beheerder om een account \
                (regio-in-beeld server user add)"
            .to_string();
    }
    if let Some(table) = table("new row violates row-level security policy for table ") {
        return format!(
            "uw account mag deze rijen in de tabel {table} niet schrijven (alleen die van de \
             indicatoren van uw eigen leverancier); er is niets opgeslagen"
        );
    }
    if message.starts_with("permission denied") {
        return format!("de server weigert dit voor uw account ({message}); er is niets gewijzigd");
    }
    message.to_string()
}

#[cfg(test)]
mod tests;
