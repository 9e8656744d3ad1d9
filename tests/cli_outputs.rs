//! No file the program writes destroys another: not the store or its companions, not a file that is
//! already there (without `--force`), not under an extension of another format. What it writes from
//! the store, and its backups, are for the owner only.

mod support;

use std::path::Path;

use support::{export_all, run, temp_store};

const REPORT: [&str; 3] = ["report", "--bo", "2026-02-12"];

fn report_to(db: &Path, out: &Path, extra: &[&str]) -> support::Run {
    let out = out.display().to_string();
    let mut args = REPORT.to_vec();
    args.extend(["--out", out.as_str()]);
    args.extend(extra);
    run(db, &args)
}

const REPORT_EXTENSIONS: &str = "het BO-pakket wordt een PDF (.pdf) of HTML (.html of .htm); kies een bestandsnaam die daarop eindigt";

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_store_and_its_companions_are_never_an_output() {
    let store = temp_store();
    let before = export_all(&store.path);
    let dir = store.path.parent().unwrap();
    let backup = dir.join("regio.sqlite.v4-20260101-120000.backup");
    std::fs::write(&backup, "reservekopie").unwrap();
    std::fs::create_dir(dir.join("sub")).unwrap();
    for target in [
        store.path.clone(),
        dir.join("regio.sqlite-wal"),
        dir.join("regio.sqlite-shm"),
        backup.clone(),
        dir.join("sub/../regio.sqlite"),
    ] {
        for extra in [&[][..], &["--force"]] {
            let refused = report_to(&store.path, &target, extra);
            assert_eq!(refused.code, 1, "{}", target.display());
            // The report's format is read off the extension before the store is opened, so a
            // store's name (never .pdf or .html) is refused for its extension first.
            assert!(
                refused
                    .stderr
                    .contains("is (een bestand van) de database zelf; kies een andere naam")
                    || refused.stderr.contains(REPORT_EXTENSIONS),
                "{}",
                refused.stderr
            );
        }
    }
    let template = run(
        &store.path,
        &[
            "template",
            "--period",
            "2026-K1",
            "--out",
            &store.path.display().to_string(),
            "--force",
        ],
    );
    assert_eq!(template.code, 1);
    assert_eq!(std::fs::read(&backup).unwrap(), b"reservekopie");
    assert_eq!(export_all(&store.path), before, "the store is untouched");
}

#[cfg(unix)]
#[test]
fn a_link_to_the_store_is_the_store() {
    let store = temp_store();
    let before = export_all(&store.path);
    let link = store.path.with_file_name("bo.html");
    std::os::unix::fs::symlink(&store.path, &link).unwrap();
    let refused = report_to(&store.path, &link, &["--force"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("de database zelf"),
        "{}",
        refused.stderr
    );
    assert_eq!(export_all(&store.path), before);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let store = temp_store();
    let out = store.path.with_file_name("bo-pakket.html");
    std::fs::write(&out, "het ingevulde bestand van gisteren").unwrap();
    let refused = report_to(&store.path, &out, &[]);
    assert_eq!(refused.code, 1);
    assert_eq!(
        refused.stderr.trim(),
        format!(
            "{} bestaat al; kies een andere naam, of gebruik --force om het te vervangen",
            out.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "het ingevulde bestand van gisteren"
    );

    let forced = report_to(&store.path, &out, &["--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let names: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "no temporary file is left: {names:?}");
    #[cfg(unix)]
    assert_eq!(mode(&out), 0o600, "the BO-pakket holds the store's figures");

    let template = store.path.with_file_name("levering.xlsx");
    std::fs::write(&template, "ingevuld").unwrap();
    let args = ["template", "--period", "2026-K1", "--out"];
    let path = template.display().to_string();
    let refused = run(&store.path, &[&args[..], &[path.as_str()]].concat());
    assert_eq!(refused.code, 1);
    assert_eq!(std::fs::read_to_string(&template).unwrap(), "ingevuld");
    let forced = run(
        &store.path,
        &[&args[..], &[path.as_str(), "--force"]].concat(),
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(std::fs::read(&template).unwrap().starts_with(b"PK"));
}

#[test]
fn the_extension_must_say_the_format() {
    let store = temp_store();
    for name in ["bo.txt", "bo.xlsx", "bo"] {
        let out = store.path.with_file_name(name);
        let refused = report_to(&store.path, &out, &["--force"]);
        assert_eq!(refused.code, 1, "{name}");
        assert!(
            refused.stderr.contains(REPORT_EXTENSIONS),
            "{name}: {}",
            refused.stderr
        );
        assert!(!out.exists(), "{name} is not written");
    }
    let out = store.path.with_file_name("sjabloon.txt");
    let path = out.display().to_string();
    let refused = run(
        &store.path,
        &["template", "--period", "2026-K1", "--out", &path],
    );
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("eindigt op .csv of .xlsx"),
        "{}",
        refused.stderr
    );
    assert!(!out.exists());
}

#[test]
fn a_folder_is_no_output_even_with_force() {
    let store = temp_store();
    let folder = store.path.with_file_name("map.html");
    std::fs::create_dir(&folder).unwrap();
    let refused = report_to(&store.path, &folder, &["--force"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("is geen gewoon bestand"),
        "{}",
        refused.stderr
    );
    assert!(folder.is_dir());
}

#[cfg(unix)]
#[test]
fn the_backup_before_a_migration_is_owner_only_like_the_store() {
    let store = temp_store();
    let conn = rusqlite::Connection::open(&store.path).unwrap();
    conn.execute_batch(include_str!("fixtures/schema_v1.sql"))
        .unwrap();
    drop(conn);
    std::fs::set_permissions(
        &store.path,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();

    let opened = run(&store.path, &["batches"]);
    assert_eq!(opened.code, 0, "{}", opened.stderr);
    let backups: Vec<_> = std::fs::read_dir(store.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".backup"))
        .collect();
    assert_eq!(backups.len(), 1, "one backup before migrating");
    assert!(
        opened.stderr.contains(&backups[0].display().to_string()),
        "{}",
        opened.stderr
    );
    assert_eq!(mode(&backups[0]), 0o600);
    assert_eq!(mode(&store.path), 0o600);
}
