use std::cell::RefCell;
use std::io::Read;
use std::sync::Once;
use std::time::Duration;

use super::error::FetchError;
use super::odata::{Row, parse_page};
use crate::domain::sha256_hex;

/// The CBS Feed service: no 10,000-cell cap, pages with `odata.nextLink`.
pub const DEFAULT_BASE_URL: &str = "https://opendata.cbs.nl/ODataFeed/odata";

/// One answer larger than this is refused, to keep memory bounded.
const MAX_RESPONSE_BYTES: u64 = 256 << 20;
/// Pages followed at most, against a server that keeps sending `odata.nextLink`.
const MAX_PAGES: usize = 1000;

pub struct CbsClient {
    base_url: String,
    http: reqwest::blocking::Client,
    /// Every body received, for the fingerprint of the whole fetch.
    bodies: RefCell<Vec<u8>>,
}

impl CbsClient {
    /// A client for `base_url` (the Feed service, or a test server) with a timeout per request. A
    /// proxy from the environment (`HTTPS_PROXY`) is used.
    pub fn new(base_url: &str, timeout: Duration) -> Result<CbsClient, FetchError> {
        static PROVIDER: Once = Once::new();
        PROVIDER.call_once(|| {
            let _ = rustls::crypto::ring::default_provider().install_default();
        });
        let mut builder = reqwest::blocking::Client::builder();
        if is_loopback(base_url) {
            // A server on this machine (a test double) is never reached through a proxy.
            builder = builder.no_proxy();
        }
        let http = builder
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("regio-in-beeld/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| FetchError::Network {
                url: base_url.to_string(),
                message: e.to_string(),
            })?;
        Ok(CbsClient {
            base_url: base_url.trim_end_matches('/').to_string(),
            http,
            bodies: RefCell::new(Vec::new()),
        })
    }

    pub(super) fn url(&self, table: &str, entity: &str) -> String {
        format!("{}/{table}/{entity}", self.base_url)
    }

    pub(super) fn start_fingerprint(&self) {
        self.bodies.borrow_mut().clear();
    }

    pub(super) fn fingerprint(&self) -> String {
        sha256_hex(&self.bodies.borrow())
    }

    /// All rows of an entity set, following `odata.nextLink` to the last page.
    pub(super) fn get_all(
        &self,
        url: &str,
        query: &[(&str, String)],
    ) -> Result<Vec<Row>, FetchError> {
        let mut rows = Vec::new();
        let mut page = parse_page(url, &self.get(url, query)?)?;
        for _ in 0..MAX_PAGES {
            rows.append(&mut page.rows);
            let Some(next) = page.next.take() else {
                return Ok(rows);
            };
            page = parse_page(&next, &self.get(&next, &[])?)?;
        }
        Err(FetchError::Malformed {
            url: url.to_string(),
            message: format!("meer dan {MAX_PAGES} pagina's"),
        })
    }

    fn get(&self, url: &str, query: &[(&str, String)]) -> Result<Vec<u8>, FetchError> {
        let mut request = self.http.get(url);
        if query.is_empty() && !url.contains('?') {
            request = request.query(&[("$format", "json")]);
        } else if !query.is_empty() {
            request = request.query(query);
        }
        let response = request.send().map_err(|e| transport_error(url, &e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Http {
                url: url.to_string(),
                status: status.as_u16(),
            });
        }
        let mut body = Vec::new();
        response
            .take(MAX_RESPONSE_BYTES + 1)
            .read_to_end(&mut body)
            .map_err(|e| {
                match e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                {
                    Some(inner) => transport_error(url, inner),
                    None => FetchError::Malformed {
                        url: url.to_string(),
                        message: format!("antwoord afgebroken ({e})"),
                    },
                }
            })?;
        if body.len() as u64 > MAX_RESPONSE_BYTES {
            return Err(FetchError::Malformed {
                url: url.to_string(),
                message: format!("antwoord groter dan {} MB", MAX_RESPONSE_BYTES >> 20),
            });
        }
        self.bodies.borrow_mut().extend_from_slice(&body);
        Ok(body)
    }
}

fn is_loopback(url: &str) -> bool {
    let host = url.split("://").nth(1).unwrap_or(url);
    ["127.", "localhost", "[::1]"]
        .iter()
        .any(|prefix| host.starts_with(prefix))
}

fn transport_error(url: &str, error: &reqwest::Error) -> FetchError {
    if error.is_timeout() {
        FetchError::Timeout {
            url: url.to_string(),
        }
    } else {
        FetchError::Network {
            url: url.to_string(),
            message: error.to_string(),
        }
    }
}
