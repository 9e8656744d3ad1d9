use std::fmt;

/// Why a fetch failed. Nothing of a failed fetch is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with an error status.
    Http {
        url: String,
        status: u16,
    },
    Timeout {
        url: String,
    },
    Network {
        url: String,
        message: String,
    },
    /// The answer is not the OData JSON we expect (truncated, not JSON, no `value`).
    Malformed {
        url: String,
        message: String,
    },
    /// The indicator's table, measure or filter does not match what CBS publishes.
    Definition {
        table: String,
        message: String,
    },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Http { url, status } => {
                write!(f, "CBS antwoordde met HTTP-status {status} op {url}")
            }
            FetchError::Timeout { url } => write!(
                f,
                "CBS antwoordde niet op tijd ({url}); probeer het later opnieuw"
            ),
            FetchError::Network { url, message } => {
                write!(
                    f,
                    "CBS is niet bereikbaar ({url}): {message}; werkt de internetverbinding?"
                )
            }
            FetchError::Malformed { url, message } => {
                write!(
                    f,
                    "het antwoord van CBS is onvolledig of onleesbaar ({url}): {message}"
                )
            }
            FetchError::Definition { table, message } => write!(f, "CBS-tabel {table}: {message}"),
        }
    }
}

impl std::error::Error for FetchError {}
