//! The store's file and its companions on disk: which files belong to it (so nothing the program
//! writes lands on them), the lock that lets one process at a time create or migrate it, and whether
//! it may be written at all.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;

/// How long a process waits for another one to finish creating or migrating the store.
const SETUP_WAIT: Duration = Duration::from_secs(120);

/// Whether `candidate` is the store at `store` or one of its companions: the `-wal`, `-shm` and
/// `-journal` files, the lock, the copy being created, and the backups made before migrations
/// (`regio.sqlite.v4-20260101-120000.backup`). Links are followed, so a second name for the store
/// counts too.
pub fn is_own_file(store: &Path, candidate: &Path) -> bool {
    let (Some(store), Some(candidate)) = (resolved(store), resolved(candidate)) else {
        return false;
    };
    if same_file(&store, &candidate) {
        return true;
    }
    let (Some(store_name), Some(name)) = (store.file_name(), candidate.file_name()) else {
        return false;
    };
    let (store_name, name) = (store_name.to_string_lossy(), name.to_string_lossy());
    store.parent() == candidate.parent()
        && name
            .strip_prefix(store_name.as_ref())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('-') || rest.starts_with('.'))
}

/// The path with its folder's links resolved, and the file's own when it exists.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(path.file_name()?))
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
}

/// A new file only the owner may read: the store, its backups and what the program writes from it
/// hold figures that are not for every user of the machine.
pub fn create_owner_only(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A companion file of the store: `regio.sqlite` + `suffix`.
pub(super) fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Held while one process creates, migrates or first fills the store; the others wait for it and
/// then find the store ready. An exclusive lock on `regio.sqlite.lock`, which the system releases
/// when the process ends, however it ends.
pub struct SetupLock {
    _file: Option<std::fs::File>,
}

impl SetupLock {
    /// No lock needed: a store in memory has no other users.
    pub(super) fn none() -> SetupLock {
        SetupLock { _file: None }
    }

    pub(super) fn acquire(store: &Path) -> Result<SetupLock, StoreError> {
        let path = companion(store, ".lock");
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).map_err(|e| StoreError::io(&path, e))?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(SetupLock { _file: Some(file) }),
                Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < SETUP_WAIT => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::Refused(format!(
                        "{}: een ander programma is de database al {} seconden aan het aanmaken of \
                         bijwerken; probeer het later opnieuw",
                        store.display(),
                        SETUP_WAIT.as_secs()
                    )));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::io(&path, e)),
            }
        }
    }
}

/// Whether the store is to be opened read-only: the file or its folder has no write permission. The
/// permission bits decide, not whether writing would succeed, so a store someone made read-only stays
/// unchanged even for the administrator.
pub(super) fn is_read_only(path: &Path) -> bool {
    let read_only = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    read_only(path) || read_only(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_its_companions_and_its_links_are_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("regio.sqlite");
        std::fs::write(&store, "x").unwrap();
        for own in [
            "regio.sqlite",
            "regio.sqlite-wal",
            "regio.sqlite-shm",
            "regio.sqlite.lock",
            "regio.sqlite.v4-20260101-120000.backup",
        ] {
            assert!(is_own_file(&store, &dir.path().join(own)), "{own}");
        }
        for other in ["regio.sqlite2", "bo.html", "regio.html"] {
            assert!(!is_own_file(&store, &dir.path().join(other)), "{other}");
        }
        let nested = dir.path().join("sub");
        std::fs::create_dir(&nested).unwrap();
        let roundabout = nested.join("..").join("regio.sqlite-wal");
        assert!(is_own_file(&store, &roundabout));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.html");
            std::os::unix::fs::symlink(&store, &link).unwrap();
            assert!(is_own_file(&store, &link));
            let hard = dir.path().join("hard.html");
            std::fs::hard_link(&store, &hard).unwrap();
            assert!(is_own_file(&store, &hard));
        }
    }

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("regio.sqlite");
        let first = SetupLock::acquire(&store).unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        let path = store.clone();
        let waiting = std::thread::spawn(move || {
            let second = SetupLock::acquire(&path);
            sender.send(()).unwrap();
            second.map(drop)
        });
        assert!(
            receiver.recv_timeout(Duration::from_millis(300)).is_err(),
            "the second lock is taken only after the first is released"
        );
        drop(first);
        waiting.join().unwrap().unwrap();
    }
}
