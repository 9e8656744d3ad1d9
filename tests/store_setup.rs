//! Opening a store: several programs starting on one new store at once all get the same ready store;
//! a read-only store can still be viewed and exported; an empty file is no store; every store error
//! names the file.

mod support;

use std::process::Stdio;

use support::{export_all, import_fixture, run, temp_store};

#[test]
fn four_programs_starting_on_one_new_store_all_open_it() {
    let rounds: usize = std::env::var("SETUP_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8);
    for round in 0..rounds {
        let store = temp_store();
        let children: Vec<_> = (0..4)
            .map(|_| {
                support::regio()
                    .arg("--db")
                    .arg(&store.path)
                    .arg("batches")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "round {round}: {stderr}");
            assert!(stderr.is_empty(), "round {round}: {stderr}");
        }
        let batches = run(&store.path, &["batches"]).stdout;
        assert_eq!(
            batches
                .lines()
                .filter(|l| l.contains("voorbeelddata"))
                .count(),
            1,
            "round {round}: the demo data is loaded once:\n{batches}"
        );
        let leftovers: Vec<String> = std::fs::read_dir(store.path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("creating"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

#[cfg(unix)]
fn set_mode(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_store_is_viewed_and_exported_but_not_changed() {
    let store = temp_store();
    let before = export_all(&store.path);
    let name = store.path.display().to_string();
    let notice = format!("{name} is alleen-lezen geopend");
    let folder = store.path.parent().unwrap().to_path_buf();

    for (file_mode, folder_mode) in [(0o400, 0o700), (0o600, 0o500)] {
        set_mode(&store.path, file_mode);
        set_mode(&folder, folder_mode);
        let export = run(&store.path, &["export", "--unshielded"]);
        assert_eq!(export.code, 0, "{}", export.stderr);
        assert_eq!(export.stdout, before);
        assert!(export.stderr.contains(&notice), "{}", export.stderr);
        assert_eq!(run(&store.path, &["batches"]).code, 0);

        let import = run(&store.path, &["import", &import_fixture("excel-nl.csv")]);
        assert_eq!(import.code, 1);
        assert!(
            import.stderr.contains(&format!(
                "{name}: de database is alleen-lezen geopend (het bestand of de map is niet schrijfbaar)"
            )),
            "{}",
            import.stderr
        );
        assert!(!import.stderr.contains("readonly"), "{}", import.stderr);
        set_mode(&folder, 0o700);
        set_mode(&store.path, 0o600);
        assert_eq!(export_all(&store.path), before, "nothing was written");
    }
}

#[test]
fn an_empty_file_is_no_store() {
    let store = temp_store();
    std::fs::write(&store.path, "").unwrap();
    let out = run(&store.path, &["batches"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr.trim(),
        format!(
            "{}: het bestand is leeg (0 bytes) en dus geen database; verwijder het of kies een \
             ander bestand, dan wordt een nieuwe database aangemaakt",
            store.path.display()
        )
    );
    assert_eq!(std::fs::metadata(&store.path).unwrap().len(), 0);
}

#[test]
fn store_errors_name_the_file() {
    let store = temp_store();
    export_all(&store.path);
    let conn = rusqlite::Connection::open(&store.path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let too_new = run(&store.path, &["batches"]);
    assert_eq!(too_new.code, 1);
    assert!(
        too_new.stderr.starts_with(&format!(
            "{}: de database heeft schemaversie 99",
            store.path.display()
        )),
        "{}",
        too_new.stderr
    );

    let folder = store.path.with_file_name("map.sqlite");
    std::fs::create_dir(&folder).unwrap();
    let out = run(&folder, &["batches"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr.trim(),
        format!(
            "{}: dit is geen databasebestand (maar een map of apparaat)",
            folder.display()
        )
    );
}
