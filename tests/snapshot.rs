//! `regio-in-beeld publish --out F.rib`: a publication for bestuurders. What it holds (the dashboard
//! as shown, shielded; definitive notes; no names, files, history or small counts), that it reads
//! like any store, and that every change of it is refused with "alleen lezen" while the file stays
//! byte for byte as it was, with no journal beside it.

#[macro_use]
mod support;

use std::path::{Path, PathBuf};

use regio_in_beeld::app::{DashboardChoice, OpenOptions, Workspace};
use regio_in_beeld::store::StoreLocation;
use support::backends::Backend;
use support::{finish, regio};

on_both_backends!(
    a_publication_reads_as_the_dashboard_shows_it,
    the_file_holds_no_names_no_history_and_no_small_counts,
);

/// Who delivered the extra file, and its name: neither may be in a publication.
const SECRET_USER: &str = "invoerder.vertrouwelijk";
const SECRET_FILE: &str = "levering-ggd-vertrouwelijk.csv";
const CONCEPT: &str = "Conceptduiding: nog niet voor het BO bedoeld";
const DEFINITIVE: &str = "Definitieve duiding: de meldingen dalen in Zaanstad";

/// The demo store with a delivered file holding a small count, a concept and a definitive note,
/// published to `regio.rib` in the backend's folder.
fn published(backend: &Backend) -> PathBuf {
    backend.init_demo();
    let delivery = backend.dir().join(SECRET_FILE);
    std::fs::write(
        &delivery,
        "indicator;gebied;periode;waarde;status;opmerking\n\
         zvh_aanmeldingen;Oostzaan;2026 K1;3;definitief;drie personen\n\
         zvh_aanmeldingen;Zaanstad;2026 K1;40;definitief;\n\
         zvh_aanmeldingen;Edam-Volendam;2026 K1;10;definitief;\n\
         zvh_aanmeldingen;Landsmeer;2026 K1;8;definitief;\n\
         zvh_aanmeldingen;Purmerend;2026 K1;20;definitief;\n\
         zvh_aanmeldingen;Waterland;2026 K1;9;definitief;\n\
         zvh_aanmeldingen;Wormerland;2026 K1;12;definitief;\n",
    )
    .unwrap();
    let imported = backend.run(&["import", delivery.to_str().unwrap(), "--user", SECRET_USER]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let notes = backend.dir().join("notes.json");
    std::fs::write(
        &notes,
        format!(
            r#"[{{"indicator": "veilig_thuis_meldingen", "bo_datum": "2026-02-12",
                 "auteur": "Analist", "status": "concept", "tekst": "{CONCEPT}"}},
               {{"indicator": "veilig_thuis_meldingen", "bo_datum": "2026-02-12",
                 "auteur": "Analist", "status": "definitief", "tekst": "{DEFINITIVE}"}}]"#
        ),
    )
    .unwrap();
    let added = backend.run(&["notes", "import", notes.to_str().unwrap()]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    let out = backend.dir().join("regio.rib");
    let publish = backend.run(&["publish", "--out", out.to_str().unwrap()]);
    assert_eq!(publish.code, 0, "{}", publish.stderr);
    assert!(
        publish.stdout.starts_with(&format!(
            "Publicatie geschreven naar {} (stand van 1 februari 2026, ",
            out.display()
        )),
        "{}",
        publish.stdout
    );
    assert!(publish.stdout.trim_end().ends_with(" waarden)"));
    out
}

fn on(file: &Path, args: &[&str]) -> support::Run {
    finish(regio().arg("--db").arg(file).args(args))
}

/// Key (`indicator;gebied;periode`) to the rest of the line, of an export.
fn rows(csv: &str) -> std::collections::BTreeMap<String, String> {
    csv.lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.splitn(4, ';').collect();
            (fields[..3].join(";"), fields[3].to_string())
        })
        .collect()
}

fn a_publication_reads_as_the_dashboard_shows_it(backend: &Backend) {
    let file = published(backend);
    let source = backend.run(&["export"]);
    let shown = on(&file, &["export"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown
            .stderr
            .contains("Alleen lezen — stand van 1 februari 2026"),
        "{}",
        shown.stderr
    );
    let (source, shown) = (rows(&source.stdout), rows(&shown.stdout));
    for (key, rest) in &source {
        let published = shown.get(key).unwrap_or_else(|| panic!("{key} missing"));
        if rest.contains(";afgeschermd;") {
            // Shielded as on screen, whether the supplier or the threshold shielded it, and
            // without the remark that may tell the number.
            assert_eq!(published, "<5;afgeschermd;", "{key}");
        } else {
            assert_eq!(published, rest, "{key}");
        }
    }
    // The small count delivered in the file: shielded, its remark gone.
    assert_eq!(
        shown["zvh_aanmeldingen;Oostzaan;2026 K1"],
        "<5;afgeschermd;"
    );
    // What is added are the region's values as the dashboard derives them from its gemeenten.
    for key in shown.keys().filter(|k| !source.contains_key(*k)) {
        assert!(key.contains(";Zaanstreek-Waterland;"), "{key}");
    }
    assert!(
        shown.len() > source.len(),
        "the derived region values are kept"
    );

    for args in [
        &["signals"][..],
        &["status", "--period", "2025-K4"],
        &["batches"],
        &["events", "list"],
    ] {
        let out = on(&file, args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    // The signals of the store it came from, no more and no fewer, although the publication lacks
    // the small counts they were measured on: it shows them as its source measured them.
    let published_signals = on(&file, &["signals"]);
    let source_signals = backend.run(&["signals"]);
    assert!(source_signals.stdout.contains("verwacht 713–847"));
    assert_eq!(published_signals.stdout, source_signals.stdout);
    for period in ["2025-K4", "2021-K2", "2022-K2"] {
        let args = ["signals", "--period", period];
        assert_eq!(
            on(&file, &args).stdout,
            backend.run(&args).stdout,
            "{period}"
        );
    }
    the_dashboard_shows_the_signals_of_its_source(backend, &file);
    let report = backend.dir().join("bo.html");
    let out = on(
        &file,
        &[
            "report",
            "--bo",
            "12-2-2026",
            "--out",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains(DEFINITIVE));
    assert!(!html.contains(CONCEPT));
    let notes = on(&file, &["notes", "export"]);
    assert!(notes.stdout.contains(DEFINITIVE), "{}", notes.stdout);
    assert!(!notes.stdout.contains(CONCEPT));
}

/// What the window shows as signals, of the Signalen list and of every tile and area, with the
/// tile's period, value and change, and every area's change: at every quarter, on the counts and
/// per 1.000 inwoners.
fn the_dashboard_shows_the_signals_of_its_source(backend: &Backend, file: &Path) {
    let open = |db: StoreLocation| {
        Workspace::open(&OpenOptions {
            db,
            indicators: None,
            today: Some(support::today()),
        })
        .unwrap()
    };
    let source = open(backend.options(support::TODAY).db);
    let published = open(StoreLocation::File(file.to_path_buf()));
    let shown = |workspace: &Workspace, period, per_1000| {
        let dashboard = workspace
            .dashboard(DashboardChoice {
                period: Some(period),
                per_1000,
                today: None,
            })
            .unwrap();
        let list: Vec<String> = dashboard
            .signals
            .iter()
            .map(|row| format!("{} {}: {}", row.arrow(), row.headline(), row.detail()))
            .collect();
        let areas: Vec<String> = dashboard
            .indicators
            .iter()
            .flat_map(|figures| {
                let tile = format!(
                    "{} {:?}: {} {:?} {:?} {:?}",
                    figures.indicator.id,
                    figures.latest,
                    figures.value_text(),
                    figures.movement(),
                    figures.broken_at,
                    figures.national_text()
                );
                std::iter::once(tile).chain(
                    std::iter::once(&figures.region)
                        .chain(&figures.gemeenten)
                        .chain(&figures.nederland)
                        .map(move |area| {
                            format!(
                                "{} {}: {:?} {:?}",
                                figures.indicator.id,
                                area.area.name,
                                area.signal,
                                figures.movement_of(area)
                            )
                        }),
                )
            })
            .collect();
        (list, areas)
    };
    let periods = source
        .dashboard(DashboardChoice::default())
        .unwrap()
        .periods;
    let mut listed = 0;
    for period in periods {
        for per_1000 in [false, true] {
            let (list, areas) = shown(&source, period, per_1000);
            let (shown_list, shown_areas) = shown(&published, period, per_1000);
            assert_eq!(shown_list, list, "{period:?}, per 1.000: {per_1000}");
            let differing: Vec<_> = areas
                .iter()
                .zip(&shown_areas)
                .filter(|(a, b)| a != b)
                .collect();
            assert!(
                differing.is_empty(),
                "{period:?}, per 1.000: {per_1000}: {differing:#?}"
            );
            assert_eq!(shown_areas.len(), areas.len());
            listed += list.len();
        }
    }
    assert!(listed > 0);
}

fn the_file_holds_no_names_no_history_and_no_small_counts(backend: &Backend) {
    let file = published(backend);
    let bytes = std::fs::read(&file).unwrap();
    let holds = |text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    let recorded = backend.recorded_user(SECRET_USER);
    for secret in [
        SECRET_USER,
        recorded.as_str(),
        SECRET_FILE,
        CONCEPT,
        "drie personen",
        "observations.csv",
    ] {
        assert!(!holds(secret), "'{secret}' is in the publication");
    }
    assert!(holds(DEFINITIVE));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o444);
    }
    // Rollback journal (header bytes 18 and 19 are 1, not 2 for WAL) and marked as a publication.
    assert_eq!(&bytes[18..20], &[1, 1]);
    assert_eq!(&bytes[68..72], b"RIB1");

    let conn = rusqlite::Connection::open_with_flags(
        format!("file:{}?immutable=1", file.display()),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM observation_history"), 0);
    assert_eq!(count("SELECT count(*) FROM note_history"), 0);
    assert_eq!(count("SELECT count(*) FROM event_history"), 0);
    assert_eq!(
        count("SELECT count(*) FROM notes WHERE status = 'concept'"),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM batches WHERE file_name IS NOT NULL"),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM batches WHERE user <> 'publicatie'"),
        0
    );
    assert_eq!(count("SELECT count(*) FROM publication"), 1);
    // No count below its indicator's threshold, read from the table itself.
    let catalog = regio_in_beeld::catalog::Catalog::builtin().unwrap();
    let mut values = conn
        .prepare(
            "SELECT i.id, o.value FROM observations o \
             JOIN indicators i ON i.number = o.indicator_number WHERE o.value IS NOT NULL",
        )
        .unwrap();
    let values: Vec<(String, f64)> = values
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(values.len() > 1000, "{} values", values.len());
    let shielded = |(id, value): &(String, f64)| {
        catalog
            .get(id)
            .is_some_and(|i| matches!(i.shield(*value), regio_in_beeld::domain::Shown::Shielded(_)))
    };
    let small: Vec<_> = values.iter().filter(|v| shielded(v)).collect();
    assert!(small.is_empty(), "small counts in the file: {small:?}");
    let shielded_rows = count("SELECT count(*) FROM observations WHERE reason = 'afgeschermd'");
    assert!(shielded_rows > 0);
}

#[test]
fn the_same_publication_from_postgresql_as_from_a_file() {
    let Some(server) = Backend::postgres("snapshot::same_from_postgresql") else {
        return;
    };
    let file = Backend::sqlite("snapshot::same_from_postgresql");
    let (from_server, from_file) = (published(&server), published(&file));
    for args in [
        &["export"][..],
        &["notes", "export"],
        &["stories", "export"],
        &["events", "export"],
        &["signals"],
        &["indicators", "list"],
    ] {
        let (a, b) = (on(&from_server, args), on(&from_file, args));
        assert_eq!(a.code, 0, "{args:?}: {}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{args:?}");
    }
}

fn sha(file: &Path) -> String {
    regio_in_beeld::domain::sha256_hex(&std::fs::read(file).unwrap())
}

fn companions(file: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|end| PathBuf::from(format!("{}{end}", file.display())))
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn every_change_is_refused_with_alleen_lezen_and_the_file_stays_as_it_was() {
    let backend = Backend::sqlite("snapshot::every_change_refused");
    let file = published(&backend);
    let dir = backend.dir();
    let csv = dir.join(SECRET_FILE);
    let json = dir.join("notes.json");
    let (csv, json) = (csv.to_str().unwrap(), json.to_str().unwrap());
    let commands: Vec<Vec<&str>> = vec![
        vec!["import", csv],
        vec!["import", "--dry-run", csv],
        vec!["undo", "1"],
        vec!["demo"],
        vec!["init"],
        vec!["fetch", "--base-url", "http://127.0.0.1:9"],
        vec!["notes", "import", json],
        vec!["stories", "import", json],
        vec!["events", "import", json],
        vec![
            "events", "add", "--date", "1-1-2026", "--label", "x", "--kind", "beleid",
        ],
        vec!["events", "remove", "1"],
        vec!["indicators", "import", csv],
        vec!["indicators", "retire", "zvh_aanmeldingen"],
    ];
    let before = sha(&file);
    // Also once it is writable again, as a copy someone made would be.
    for mode in [0o444, 0o644] {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        for args in &commands {
            let out = on(&file, args);
            assert_eq!(out.code, 1, "{args:?}: {}", out.stdout);
            assert!(
                out.stderr.contains("alleen lezen"),
                "{args:?}: {}",
                out.stderr
            );
            assert_eq!(sha(&file), before, "{args:?} changed the file");
            assert!(
                companions(&file).is_empty(),
                "{args:?}: {:?}",
                companions(&file)
            );
        }
        let read = on(&file, &["export"]);
        assert_eq!(read.code, 0, "{}", read.stderr);
        assert!(companions(&file).is_empty());
    }
    // Publishing onto it is refused as for every output onto the store it reads.
    let onto = on(
        &file,
        &["publish", "--out", file.to_str().unwrap(), "--force"],
    );
    assert_eq!(onto.code, 1);
    assert!(onto.stderr.contains("de database zelf"), "{}", onto.stderr);
    assert_eq!(sha(&file), before);
}

#[test]
fn replacing_a_publication_takes_force_and_the_name_must_end_in_rib() {
    let backend = Backend::sqlite("snapshot::force");
    let file = published(&backend);
    let out = file.to_str().unwrap();
    let again = backend.run(&["publish", "--out", out]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("bestaat al"), "{}", again.stderr);
    let forced = backend.run(&["publish", "--out", out, "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let html = backend.dir().join("regio.html");
    let wrong = backend.run(&["publish", "--out", html.to_str().unwrap()]);
    assert_eq!(wrong.code, 1);
    assert!(wrong.stderr.contains("eindigt op .rib"), "{}", wrong.stderr);
    assert!(!html.exists());
    let db = backend.db();
    let onto_store = backend.run(&["publish", "--out", db.to_str().unwrap(), "--force"]);
    assert_eq!(onto_store.code, 1);
    let leftovers: Vec<_> = std::fs::read_dir(backend.dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_publication_of_another_schema_version_is_refused_untouched() {
    let backend = Backend::sqlite("snapshot::schema_version");
    let file = published(&backend);
    for (version, told) in [
        (6, "vraag om een nieuwe publicatie"),
        (99, "nieuwere versie van de app"),
    ] {
        let copy = backend.dir().join(format!("v{version}.rib"));
        std::fs::copy(&file, &copy).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let conn = rusqlite::Connection::open(&copy).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        drop(conn);
        let before = sha(&copy);
        let out = on(&copy, &["export"]);
        assert_eq!(out.code, 1, "{}", out.stdout);
        assert!(out.stderr.contains(told), "{version}: {}", out.stderr);
        assert_eq!(sha(&copy), before);
        assert!(companions(&copy).is_empty());
    }
}

#[test]
fn a_publication_without_the_expected_ranges_is_refused_untouched() {
    // Made before the signals carried their expected range: read as it is, its signals would lack
    // what the dashboard says of them.
    let backend = Backend::sqlite("snapshot::without_ranges");
    let file = published(&backend);
    let copy = backend.dir().join("oud.rib");
    std::fs::copy(&file, &copy).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let conn = rusqlite::Connection::open(&copy).unwrap();
    for column in ["expected_low", "expected_high", "run"] {
        conn.execute_batch(&format!(
            "ALTER TABLE measured_signals DROP COLUMN {column}"
        ))
        .unwrap();
    }
    drop(conn);
    let before = sha(&copy);
    let out = on(&copy, &["signals"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr.contains("vraag om een nieuwe publicatie"),
        "{}",
        out.stderr
    );
    assert_eq!(sha(&copy), before);
}

#[test]
fn a_missing_publication_is_told_and_no_store_is_made_under_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("regio-2026-K1.rib");
    let out = on(&missing, &["export"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("bestaat niet"), "{}", out.stderr);
    assert!(!missing.exists());
}
