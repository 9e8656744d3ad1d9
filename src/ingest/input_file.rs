//! Reading a file a person named: only a regular file (after following links), and never more than
//! a limit, whatever its metadata says. `/dev/zero`, `/dev/urandom` behind a link named `.xlsx`, a
//! named pipe without a writer or a `/proc` file would otherwise be read until memory runs out, or
//! wait forever.

use std::io::Read;
use std::path::Path;

use super::problem::{Finding, ProblemKind};

/// The file's bytes, or why it is not read (in Dutch, without the file's name: the caller adds it).
pub fn read_input_file(path: &Path, limit: u64) -> Result<Vec<u8>, Finding> {
    let megabytes = limit >> 20;
    let meta = std::fs::metadata(path).map_err(|e| unreadable(&e))?;
    refuse_special(&meta)?;
    if meta.len() > limit {
        return Err(Finding::new(
            ProblemKind::TooLarge,
            format!(
                "het bestand is {} MB; de grens is {megabytes} MB",
                meta.len() >> 20
            ),
        ));
    }
    let file = open_without_waiting(path).map_err(|e| unreadable(&e))?;
    // The file may have been swapped for another kind since the look above.
    refuse_special(&file.metadata().map_err(|e| unreadable(&e))?)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > limit {
        return Err(Finding::new(
            ProblemKind::TooLarge,
            format!("het bestand is groter dan {megabytes} MB; de grens is {megabytes} MB"),
        ));
    }
    Ok(bytes)
}

fn refuse_special(meta: &std::fs::Metadata) -> Result<(), Finding> {
    if meta.is_dir() {
        return Err(Finding::new(
            ProblemKind::NotAFile,
            "dit is een map, geen bestand",
        ));
    }
    if !meta.is_file() {
        return Err(Finding::new(
            ProblemKind::NotAFile,
            "dit is geen gewoon bestand (maar een apparaat, pijp of socket); bewaar de gegevens \
             eerst als bestand",
        ));
    }
    Ok(())
}

/// Opening a named pipe waits for a writer; without blocking it returns at once (and the pipe is
/// then refused as no regular file). Reads from a regular file are not affected.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn unreadable(error: &std::io::Error) -> Finding {
    let message = match error.kind() {
        std::io::ErrorKind::NotFound => "bestand niet gevonden".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "het bestand kan niet gelezen worden: geen leesrechten".to_string()
        }
        _ => format!("het bestand kan niet gelezen worden: {error}"),
    };
    Finding::new(ProblemKind::Unreadable, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kwartaal.csv");
        std::fs::write(&path, "indicator;gebied").unwrap();
        assert_eq!(read_input_file(&path, 16).unwrap(), b"indicator;gebied");
        assert_eq!(
            read_input_file(&path, 15).unwrap_err().kind,
            ProblemKind::TooLarge
        );
    }

    #[test]
    fn folders_and_missing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_input_file(dir.path(), 1 << 20).unwrap_err().kind,
            ProblemKind::NotAFile
        );
        assert_eq!(
            read_input_file(&dir.path().join("weg.csv"), 1 << 20).unwrap_err(),
            Finding::new(ProblemKind::Unreadable, "bestand niet gevonden")
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_also_behind_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("cijfers.xlsx");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        for path in [Path::new("/dev/zero"), &link] {
            let refused = read_input_file(path, 1 << 20).unwrap_err();
            assert_eq!(refused.kind, ProblemKind::NotAFile, "{}", refused.message);
        }
    }
}
