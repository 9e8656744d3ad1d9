//! `regio-in-beeld export` and `demo`: what scripts read from a fresh store with the demo data.

mod support;

use support::{fixture, run, temp_store};

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

#[test]
fn zvh_dossiers_of_1_february_2023_export_exactly_as_published() {
    let store = temp_store();
    let out = run(
        &store.path,
        &[
            "export",
            "--indicator",
            "zvh_dossiers_in_behandeling",
            "--unshielded",
        ],
    );
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

#[test]
fn small_counts_are_shielded_in_the_default_export() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["export", "--indicator", "zvh_dossiers_in_behandeling"],
    );
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

#[test]
fn export_uses_dutch_periods_and_numbers_in_a_stable_order() {
    let store = temp_store();
    let first = run(&store.path, &["export"]);
    let second = run(&store.path, &["export"]);
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

#[test]
fn json_export_carries_codes_and_numbers() {
    let store = temp_store();
    let out = run(
        &store.path,
        &[
            "export",
            "--indicator",
            "gemeentelijke_bijdrage_zvh",
            "--format",
            "json",
        ],
    );
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

#[test]
fn unknown_indicator_is_refused_with_exit_code_1() {
    let store = temp_store();
    let out = run(&store.path, &["export", "--indicator", "bestaat_niet"]);
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
        .query_row("SELECT kind, rows FROM batches", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
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
