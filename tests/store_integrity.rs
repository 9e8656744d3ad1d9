//! A damaged store is reported at start, with the backup to restore, and left as it is: the app never
//! silently starts empty.

mod support;

use std::io::{Seek, SeekFrom, Write};

use support::{run, temp_store};

/// Overwrites one page in the middle of the file, as a failing disk would.
fn damage(path: &std::path::Path) {
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    let length = file.metadata().unwrap().len();
    file.seek(SeekFrom::Start(length / 2 / 4096 * 4096))
        .unwrap();
    file.write_all(&[0x55; 4096]).unwrap();
}

#[test]
fn a_damaged_store_is_reported_with_its_backup_and_left_untouched() {
    let store = temp_store();
    assert_eq!(run(&store.path, &["export"]).code, 0);
    let backup = store
        .path
        .with_file_name("regio.sqlite.v1-20260101-120000.backup");
    std::fs::copy(&store.path, &backup).unwrap();
    damage(&store.path);
    let before = std::fs::read(&store.path).unwrap();

    let refused = run(&store.path, &["export"]);
    assert_eq!(refused.code, 1);
    assert!(refused.stdout.is_empty());
    assert!(
        refused.stderr.starts_with(&format!(
            "{}: de database is beschadigd (",
            store.path.display()
        )),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains(&format!(
            "zet een reservekopie terug, de nieuwste is {}",
            backup.display()
        )),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read(&store.path).unwrap(), before);

    // The backup itself opens: restoring it brings the figures back.
    std::fs::copy(&backup, &store.path).unwrap();
    assert_eq!(run(&store.path, &["export"]).code, 0);
}
