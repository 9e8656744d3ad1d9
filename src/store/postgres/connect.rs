//! Opening a connection: the password from where libpq would take it, TLS as the sslmode asks,
//! and an answer within the timeout, whatever the other end does.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use ::postgres::config::Host;

use super::address::{DEFAULT_PORT, DEFAULT_TIMEOUT, ServerAddress};
use super::messages::{ConnectError, PasswordSource, Problem};
use super::passfile::{self, Lookup};
use super::tls::SslMode;
use crate::store::StoreError;

/// Attempts still waiting for a server that accepted the connection and then said nothing. Each
/// holds a thread until the server lets go; beyond this many no new one is started, so a window
/// retrying such an address cannot pile up threads.
const MAX_WAITING: usize = 4;
static WAITING: AtomicUsize = AtomicUsize::new(0);

impl ServerAddress {
    /// A connection, or a Dutch error naming the server and the user (never the password). Gives up
    /// after the timeout (`connect_timeout`, 10 s unless the address says) per host, also when
    /// the server accepts the connection but does not answer.
    pub fn connect(&self) -> Result<::postgres::Client, StoreError> {
        let mut config = self.config.clone();
        let password = self.password_into(&mut config);
        let mode = self.effective_sslmode();
        let tls = super::tls::TlsSettings {
            mode,
            ..self.tls.clone()
        }
        .connector()
        .map_err(StoreError::Refused)?;
        config.ssl_mode(mode.for_crate());
        let timeout = config
            .get_connect_timeout()
            .copied()
            .unwrap_or(DEFAULT_TIMEOUT);
        let deadline = timeout * u32::try_from(self.hosts().len().max(1)).unwrap_or(u32::MAX);
        let problem = match within(deadline, move || config.connect(tls)) {
            Ok(Ok(client)) => return Ok(client),
            Ok(Err(error)) => Problem::of(&error),
            Err(problem) => problem,
        };
        Err(StoreError::Connect(Box::new(ConnectError {
            server: self.host_label(),
            host: self.first_host().0,
            user: self.user().to_string(),
            database: self.database().to_string(),
            sslmode: self.tls.mode.name(),
            password,
            timeout,
            problem,
        })))
    }

    /// libpq uses no TLS over a Unix socket, whatever the sslmode: the socket does not leave the
    /// machine.
    fn effective_sslmode(&self) -> SslMode {
        let on_socket = self
            .hosts()
            .iter()
            .all(|(host, _)| !matches!(host, Host::Tcp(_)));
        if on_socket {
            SslMode::Disable
        } else {
            self.tls.mode
        }
    }

    /// The password from the address, else `PGPASSWORD`, else the password file; libpq's order.
    /// The file is read at each attempt, so a corrected file counts at the next one.
    fn password_into(&self, config: &mut ::postgres::Config) -> PasswordSource {
        if config.get_password().is_some_and(|p| !p.is_empty()) {
            return PasswordSource::Address;
        }
        if let Some(password) = &self.env_password {
            config.password(password);
            return PasswordSource::Environment;
        }
        let Some(path) = &self.passfile else {
            return PasswordSource::None { ignored_file: None };
        };
        let (host, port) = self.first_host();
        match passfile::lookup(path, &host, &port.to_string(), self.database(), self.user()) {
            Lookup::Found(password) => {
                config.password(password);
                PasswordSource::File(path.clone())
            }
            Lookup::Insecure => PasswordSource::None {
                ignored_file: Some(path.clone()),
            },
            Lookup::NotFound => PasswordSource::None { ignored_file: None },
        }
    }

    /// The host a password file line and a certificate name are matched against; a socket counts
    /// as `localhost`, as in libpq.
    fn first_host(&self) -> (String, u16) {
        match self.hosts().into_iter().next() {
            Some((Host::Tcp(name), port)) => (name, port),
            #[cfg(unix)]
            Some((Host::Unix(_), port)) => ("localhost".to_string(), port),
            None => ("localhost".to_string(), DEFAULT_PORT),
        }
    }
}

/// Runs `connect` on its own thread and waits at most `deadline`. The `postgres` crate's own timeout
/// covers only the TCP connect, not a server that takes the connection and never answers; on
/// timeout the thread is left to finish when the server lets go.
fn within<T: Send + 'static>(
    deadline: Duration,
    connect: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Problem> {
    if WAITING.fetch_add(1, Ordering::SeqCst) >= MAX_WAITING {
        WAITING.fetch_sub(1, Ordering::SeqCst);
        return Err(Problem::StillWaiting);
    }
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("postgres-verbinden".to_string())
        .spawn(move || {
            let result = connect();
            WAITING.fetch_sub(1, Ordering::SeqCst);
            // The caller may have stopped waiting; then the connection is simply dropped.
            let _ = sender.send(result);
        });
    if let Err(error) = spawned {
        WAITING.fetch_sub(1, Ordering::SeqCst);
        return Err(Problem::Other(format!("kon niet verbinden ({error})")));
    }
    match receiver.recv_timeout(deadline) {
        Ok(result) => Ok(result),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Problem::NoAnswer),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(Problem::Other("de verbindingspoging brak af".to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connect_that_does_not_return_in_time_is_no_answer() {
        let (release, wait) = mpsc::channel::<()>();
        let outcome = within(Duration::from_millis(1), move || wait.recv().is_ok());
        assert_eq!(outcome.err(), Some(Problem::NoAnswer));
        release.send(()).unwrap();
        assert_eq!(within(Duration::from_secs(60), || 7), Ok(7));
    }

    #[test]
    fn the_password_comes_from_the_address_then_pgpassword_then_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "regio-db:5432:regio:politie:uit-bestand\n").unwrap();
        #[cfg(unix)]
        set_mode(&file, 0o600);
        let text = format!(
            "host=regio-db dbname=regio user=politie passfile='{}'",
            file.display()
        );
        let attempt = |extra: &str, pgpassword: Option<&str>| {
            let pgpassword = pgpassword.map(str::to_string);
            let address = ServerAddress::parse_with(&format!("{text} {extra}"), move |name| {
                (name == "PGPASSWORD").then(|| pgpassword.clone()).flatten()
            })
            .unwrap();
            let mut config = address.config.clone();
            let source = address.password_into(&mut config);
            let password = config
                .get_password()
                .map(|p| String::from_utf8_lossy(p).into_owned());
            (source, password)
        };
        let found = |text: &str| Some(text.to_string());
        assert_eq!(
            attempt("password=uit-adres", Some("uit-omgeving")),
            (PasswordSource::Address, found("uit-adres"))
        );
        assert_eq!(
            attempt("", Some("uit-omgeving")),
            (PasswordSource::Environment, found("uit-omgeving"))
        );
        assert_eq!(
            attempt("", None),
            (PasswordSource::File(file.clone()), found("uit-bestand"))
        );
        assert_eq!(
            attempt("port=5433", None),
            (PasswordSource::None { ignored_file: None }, None),
            "no line for this port"
        );
        #[cfg(unix)]
        {
            set_mode(&file, 0o640);
            assert_eq!(
                attempt("", None),
                (
                    PasswordSource::None {
                        ignored_file: Some(file.clone())
                    },
                    None
                )
            );
        }
    }

    #[cfg(unix)]
    fn set_mode(path: &std::path::Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}
