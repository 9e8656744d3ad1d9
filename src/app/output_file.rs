//! Every file the program writes (BO-pakket, template, chart picture) goes through here, so none of
//! them can destroy another: never onto the store or its companions, only with the extension of its
//! format, an existing file only when the user said so, and through a temporary file that is renamed
//! into place, so a crash never leaves half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{AppError, Workspace};
use crate::store::create_owner_only;

/// What a file the program writes is; its extensions decide which names are accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputFormat {
    /// How the message names it: "het BO-pakket (HTML)".
    pub what: &'static str,
    /// Lower case, without the dot; the first is the one to suggest.
    pub extensions: &'static [&'static str],
}

impl OutputFormat {
    pub const REPORT: OutputFormat = OutputFormat {
        what: "het BO-pakket (HTML)",
        extensions: &["html", "htm"],
    };
    pub const REPORT_PDF: OutputFormat = OutputFormat {
        what: "het BO-pakket (PDF)",
        extensions: &["pdf"],
    };
    pub const CSV: OutputFormat = OutputFormat {
        what: "een CSV-bestand",
        extensions: &["csv"],
    };
    pub const XLSX: OutputFormat = OutputFormat {
        what: "een Excel-werkboek",
        extensions: &["xlsx"],
    };
    pub const PUBLICATION: OutputFormat = OutputFormat {
        what: "een publicatie voor bestuurders",
        extensions: &["rib"],
    };
    pub const RECEIPT_TEXT: OutputFormat = OutputFormat {
        what: "een ontvangstbevestiging (tekst)",
        extensions: &["txt"],
    };
    pub const RECEIPT_HTML: OutputFormat = OutputFormat {
        what: "een ontvangstbevestiging (HTML)",
        extensions: &["html", "htm"],
    };
    pub const PNG: OutputFormat = OutputFormat {
        what: "een PNG-afbeelding",
        extensions: &["png"],
    };

    fn accepts(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.contains(&e.to_lowercase().as_str()))
    }
}

/// Whether an existing file at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// The command line without `--force`: an existing file is left alone, with a message.
    Never,
    /// `--force`, or the save dialog already asked the user.
    Allowed,
}

impl Workspace {
    /// Writes `bytes` to `path` as `format` (see the module's rules). The file is owner-only: it may
    /// hold the store's figures.
    pub fn write_output(
        &self,
        path: &Path,
        format: OutputFormat,
        bytes: &[u8],
        replace: Replace,
    ) -> Result<(), AppError> {
        check_output(path, format, replace, self.store().path())?;
        write_replacing(path, bytes).map_err(|e| {
            AppError::Refused(format!(
                "{} kan niet geschreven worden: {e}",
                path.display()
            ))
        })
    }
}

/// Every rule but the writing itself, so a refusal comes before any work is done.
pub(super) fn check_output(
    path: &Path,
    format: OutputFormat,
    replace: Replace,
    store: Option<&Path>,
) -> Result<(), AppError> {
    let name = path.display();
    if store.is_some_and(|store| crate::store::is_own_file(store, path)) {
        return Err(AppError::Refused(format!(
            "{name} is (een bestand van) de database zelf; kies een andere naam"
        )));
    }
    if !format.accepts(path) {
        let endings: Vec<String> = format.extensions.iter().map(|e| format!(".{e}")).collect();
        return Err(AppError::Refused(format!(
            "{name}: dit wordt {}; kies een bestandsnaam die eindigt op {}",
            format.what,
            endings.join(" of ")
        )));
    }
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(AppError::Refused(format!(
            "{name} is geen gewoon bestand (maar een map, apparaat of pijp); kies een andere naam"
        ))),
        Ok(_) if replace == Replace::Never => Err(AppError::Refused(format!(
            "{name} bestaat al; kies een andere naam, of gebruik --force om het te vervangen"
        ))),
        _ => Ok(()),
    }
}

/// Writes a temporary file beside `path` and renames it over `path` once it is complete and on disk.
pub(super) fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = temporary_beside(path)?;
    let written = (|| {
        let mut file = create_owner_only(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

pub(super) fn temporary_beside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "geen bestandsnaam")
    })?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    Ok(path.with_file_name(format!(
        ".{}.{}-{stamp}.tmp",
        name.to_string_lossy(),
        std::process::id()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(result: Result<(), AppError>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn the_extension_must_match_the_format() {
        let message = refusal(check_output(
            Path::new("bo.pdf"),
            OutputFormat::REPORT,
            Replace::Allowed,
            None,
        ));
        assert_eq!(
            message,
            "bo.pdf: dit wordt het BO-pakket (HTML); kies een bestandsnaam die eindigt op .html of .htm"
        );
        assert!(
            check_output(
                Path::new("BO.HTML"),
                OutputFormat::REPORT,
                Replace::Never,
                None
            )
            .is_ok()
        );
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_allowed_and_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("grafiek.png");
        std::fs::write(&path, "eerder").unwrap();
        let message = refusal(check_output(&path, OutputFormat::PNG, Replace::Never, None));
        assert!(
            message.ends_with(
                "bestaat al; kies een andere naam, of gebruik --force om het te vervangen"
            ),
            "{message}"
        );
        write_replacing(&path, b"nieuw").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"nieuw");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file stays behind");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_folder_is_never_a_target() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("map.html");
        std::fs::create_dir(&folder).unwrap();
        let message = refusal(check_output(
            &folder,
            OutputFormat::REPORT,
            Replace::Allowed,
            None,
        ));
        assert!(message.contains("is geen gewoon bestand"), "{message}");
    }
}
