//! TLS to the server with libpq's `sslmode` semantics, through rustls:
//!
//! - `disable`: no TLS. `allow` and `prefer`: TLS when the server offers it (the `postgres` crate
//!   has no "plain first", so `allow` behaves as `prefer`). `require`: TLS or no connection.
//! - The certificate: not checked for `allow`, `prefer` and `require`, unless a root certificate is
//!   there (`sslrootcert`, or `~/.postgresql/root.crt`): then, as in libpq, its chain is checked as
//!   for `verify-ca`. `verify-ca`: the chain must lead to a trusted root. `verify-full`: that, and
//!   the server's name must be in the certificate.
//! - Trusted roots: the `sslrootcert` file (PEM), else `~/.postgresql/root.crt`, else the system's.
//!
//! The ring provider is given to each configuration rather than installed for the process, so this
//! does not depend on who installed it first (the CBS client installs it for reqwest).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

/// A root certificate file larger than this is not read (a CA bundle is some hundreds of KB).
const MAX_ROOT_FILE_BYTES: u64 = 4 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SslMode {
    Disable,
    Allow,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    pub(super) const NAMES: [(&'static str, SslMode); 6] = [
        ("disable", SslMode::Disable),
        ("allow", SslMode::Allow),
        ("prefer", SslMode::Prefer),
        ("require", SslMode::Require),
        ("verify-ca", SslMode::VerifyCa),
        ("verify-full", SslMode::VerifyFull),
    ];

    pub(super) fn parse(text: &str) -> Option<SslMode> {
        SslMode::NAMES
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, mode)| *mode)
    }

    pub(super) fn name(self) -> &'static str {
        SslMode::NAMES
            .iter()
            .find(|(_, mode)| *mode == self)
            .map_or("prefer", |(name, _)| name)
    }

    /// What the `postgres` crate is asked for; the certificate checks are in the verifier.
    pub(super) fn for_crate(self) -> ::postgres::config::SslMode {
        match self {
            SslMode::Disable => ::postgres::config::SslMode::Disable,
            SslMode::Allow | SslMode::Prefer => ::postgres::config::SslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                ::postgres::config::SslMode::Require
            }
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct TlsSettings {
    pub(super) mode: SslMode,
    /// `sslrootcert`, as given.
    pub(super) root_cert: Option<PathBuf>,
    /// `~/.postgresql/root.crt`, used when it exists and no `sslrootcert` is given.
    pub(super) default_root_cert: Option<PathBuf>,
}

impl TlsSettings {
    /// The connector for one attempt, or why there is none (a Dutch sentence: a root certificate
    /// file that cannot be read or holds no certificate).
    pub(super) fn connector(&self) -> Result<MakeRustlsConnect, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let roots = self.roots()?;
        let verifier: Arc<dyn ServerCertVerifier> = match (self.mode, roots) {
            (SslMode::VerifyFull, roots) => {
                webpki(roots.map_or_else(system_roots, Ok)?, &provider)?
            }
            (SslMode::VerifyCa, roots) => Arc::new(ChainOnly(webpki(
                roots.map_or_else(system_roots, Ok)?,
                &provider,
            )?)),
            (_, Some(roots)) => Arc::new(ChainOnly(webpki(roots, &provider)?)),
            (_, None) => Arc::new(AnyCertificate(provider.signature_verification_algorithms)),
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS is op deze computer niet in te stellen ({e})"))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(MakeRustlsConnect::new(config))
    }

    /// The roots from a file, if there is one to use.
    fn roots(&self) -> Result<Option<RootCertStore>, String> {
        if self.mode == SslMode::Disable {
            return Ok(None);
        }
        match (&self.root_cert, &self.default_root_cert) {
            (Some(path), _) => read_roots(path, "sslrootcert").map(Some),
            (None, Some(path)) if path.exists() => {
                read_roots(path, "het standaardbestand").map(Some)
            }
            (None, _) => Ok(None),
        }
    }
}

fn read_roots(path: &Path, named_as: &str) -> Result<RootCertStore, String> {
    let unreadable =
        |why: &str| format!("het CA-certificaat {} ({named_as}) {why}", path.display());
    let meta =
        std::fs::metadata(path).map_err(|_| unreadable("bestaat niet of is niet leesbaar"))?;
    if !meta.is_file() || meta.len() > MAX_ROOT_FILE_BYTES {
        return Err(unreadable("is geen certificaatbestand (PEM)"));
    }
    let bytes = std::fs::read(path).map_err(|_| unreadable("is niet leesbaar"))?;
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        let cert = cert.map_err(|_| unreadable("is geen geldig PEM-bestand"))?;
        roots
            .add(cert)
            .map_err(|_| unreadable("bevat een certificaat dat niet te lezen is"))?;
    }
    if roots.is_empty() {
        return Err(unreadable("bevat geen certificaat (PEM)"));
    }
    Ok(roots)
}

fn system_roots() -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    if roots.is_empty() {
        return Err(
            "deze computer heeft geen vertrouwde basiscertificaten; geef het CA-certificaat van de \
             server op met sslrootcert=BESTAND"
                .to_string(),
        );
    }
    Ok(roots)
}

fn webpki(
    roots: RootCertStore,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>, String> {
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| format!("de vertrouwde certificaten zijn niet te gebruiken ({e})"))
}

/// `verify-ca`: the chain is checked, the name is not. WebPKI checks the chain before the name, so a
/// name error means the chain was good.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` and `require` without a root certificate: encrypted, the server not authenticated
/// (libpq's meaning). The handshake's signatures are still checked, so the key is the certificate's.
#[derive(Debug)]
struct AnyCertificate(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(mode: SslMode, root_cert: Option<PathBuf>) -> TlsSettings {
        TlsSettings {
            mode,
            root_cert,
            default_root_cert: None,
        }
    }

    #[test]
    fn every_libpq_sslmode_is_known_by_name() {
        for (name, mode) in SslMode::NAMES {
            assert_eq!(SslMode::parse(name), Some(mode));
            assert_eq!(mode.name(), name);
        }
        assert_eq!(SslMode::parse("verify_full"), None);
    }

    #[test]
    fn unusable_root_certificate_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("ca.pem");
        let error = settings(SslMode::VerifyFull, Some(missing.clone()))
            .connector()
            .err()
            .unwrap();
        assert_eq!(
            error,
            format!(
                "het CA-certificaat {} (sslrootcert) bestaat niet of is niet leesbaar",
                missing.display()
            )
        );
        std::fs::write(&missing, "geen certificaat\n").unwrap();
        let error = settings(SslMode::Require, Some(missing.clone()))
            .connector()
            .err()
            .unwrap();
        assert!(error.ends_with("bevat geen certificaat (PEM)"), "{error}");
        let error = settings(SslMode::Require, Some(dir.path().to_path_buf()))
            .connector()
            .err()
            .unwrap();
        assert!(
            error.ends_with("is geen certificaatbestand (PEM)"),
            "{error}"
        );
    }

    #[test]
    fn without_tls_no_root_file_is_read() {
        let missing = PathBuf::from("/bestaat/niet/ca.pem");
        assert!(
            settings(SslMode::Disable, Some(missing))
                .connector()
                .is_ok()
        );
        let absent_default = TlsSettings {
            mode: SslMode::Require,
            root_cert: None,
            default_root_cert: Some(PathBuf::from("/bestaat/niet/root.crt")),
        };
        assert!(
            absent_default.connector().is_ok(),
            "an absent root.crt is no error"
        );
    }
}
