//! `regio-in-beeld import`: what ambtenaren really send, every problem named, nothing written on error.

mod support;

use support::{export_all, exported, import_fixture, run, temp_store};

#[test]
fn an_excel_nl_csv_with_title_bom_crlf_quotes_and_empty_rows_is_read() {
    let store = temp_store();
    let out = run(
        &store.path,
        &[
            "import",
            &import_fixture("excel-nl.csv"),
            "--user",
            "Politie ZaWa",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("5 waarden (lang formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("opgeslagen als batch 2"),
        "{}",
        out.stdout
    );
    let get = |area: &str| exported(&store.path, "huiselijk_geweld_incidenten", area, "2026 K1");
    assert_eq!(
        get("Zaanstad").unwrap(),
        "190;definitief;\"inclusief \"\"ernstige\"\" incidenten; telling 2 april\""
    );
    assert_eq!(get("Purmerend").unwrap(), "81;voorlopig;");
    assert_eq!(get("Edam-Volendam").unwrap(), "1034;definitief;");
    assert_eq!(
        get("Landsmeer").unwrap(),
        ";afgeschermd;door leverancier afgeschermd"
    );
    assert_eq!(get("Oostzaan").unwrap(), ";niet geleverd;");
    let batches = run(&store.path, &["batches"]).stdout;
    assert!(batches.contains("\thandmatige import\t5\t"), "{batches}");
    assert!(
        batches.contains("\tPolitie ZaWa\texcel-nl.csv\tactief"),
        "{batches}"
    );
}

#[test]
fn separators_encodings_and_units_are_recognised() {
    let store = temp_store();
    for file in ["comma.csv", "tabs.csv", "windows-1252.csv"] {
        let out = run(&store.path, &["import", &import_fixture(file)]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
    }
    let get = |indicator: &str, area: &str, period: &str| {
        exported(&store.path, indicator, area, period).unwrap()
    };
    assert_eq!(
        get(
            "zvh_aanmeldingen_binnen_twee_weken",
            "Zaanstreek-Waterland",
            "2026 K1"
        ),
        "84,5;definitief;"
    );
    assert_eq!(
        get("gemeentelijke_bijdrage_zvh", "Zaanstad", "2026"),
        "143100;definitief;"
    );
    assert_eq!(
        get("gemeentelijke_bijdrage_zvh", "Purmerend", "2026"),
        "83300;definitief;"
    );
    assert_eq!(
        get("zvh_aanmeldingen", "Zaanstad", "2026 K1"),
        "31;definitief;"
    );
    assert_eq!(
        get("zvh_aanmeldingen", "Wormerland", "2026 K1"),
        ";afgeschermd;"
    );
    assert_eq!(
        get("zvh_aanmeldingen", "Waterland", "2026 K1"),
        ";niet geleverd;"
    );
    assert_eq!(
        get("wmo_clienten", "Zaanstad", "2026 H1"),
        "10890;definitief;Cliënten met één of meer voorzieningen"
    );
}

#[test]
fn every_error_is_listed_with_file_row_and_column_and_nothing_is_written() {
    let store = temp_store();
    let before = export_all(&store.path);
    let file = import_fixture("fouten.csv");
    let out = run(&store.path, &["import", &file]);
    assert_eq!(out.code, 1);
    let expected = [
        format!("{file}, rij 2, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?"),
        format!(
            "{file}, rij 3, kolom periode: 2026 past niet bij zvh_aanmeldingen: verwacht een kwartaal (zoals 2024 K3)"
        ),
        format!(
            "{file}, rij 4, kolom waarde: 112,5 is geen percentage; verwacht een waarde van 0 tot en met 100"
        ),
        format!(
            "{file}, rij 5, kolom waarde: '12%' is een percentage, maar zvh_aanmeldingen wordt geleverd als aantal"
        ),
        format!(
            "{file}, rij 6, kolom indicator: onbekende indicator 'onbekend'; zie regio-in-beeld check voor de lijst"
        ),
        format!(
            "{file}, rij 6, kolom waarde: 'veel' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5"
        ),
        format!(
            "{file}, rij 8, kolom waarde: zvh_aanmeldingen voor Purmerend in 2026 K1 staat al eerder in het bestand (rij 7)"
        ),
        "7 problemen gevonden; er is niets gewijzigd.".to_string(),
    ];
    assert_eq!(out.stderr.lines().collect::<Vec<_>>(), expected);
    assert_eq!(export_all(&store.path), before);
    assert_eq!(
        run(&store.path, &["batches"]).stdout.lines().count(),
        2,
        "only the demo batch"
    );
}

#[test]
fn a_file_with_personal_data_is_refused() {
    let store = temp_store();
    let before = export_all(&store.path);
    let out = run(
        &store.path,
        &["import", &import_fixture("persoonsgegevens.csv")],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("rij 1, kolom BSN: kolom 'BSN' bevat persoonsgegevens"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("kolom 'Naam' bevat persoonsgegevens"));
    assert_eq!(export_all(&store.path), before);
}

#[test]
fn the_wide_layout_is_read_from_csv_with_the_indicator_above_the_table() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["import", &import_fixture("breed-zvh_aanmeldingen.csv")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("15 waarden (breed formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 lege waarde overgeslagen (rij 6)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("rij 11, kolom 2025 K4: regiowaarde 67 voor zvh_aanmeldingen in 2025 K4 wijkt af van de som van de gemeenten (66)"), "{}", out.stdout);
    let get = |area: &str, period: &str| exported(&store.path, "zvh_aanmeldingen", area, period);
    assert_eq!(get("Zaanstad", "2026 K1").unwrap(), "33;definitief;");
    assert_eq!(get("Landsmeer", "2026 K1").unwrap(), ";afgeschermd;");
    assert_eq!(
        get("Oostzaan", "2026 K1"),
        None,
        "an empty cell is no delivery"
    );
}

#[test]
fn xlsx_sheets_give_numbers_dates_and_cached_formula_values() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["import", &import_fixture("zvh-kwartaal.xlsx")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("werkblad 'Dossiers': 4 waarden (lang formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("werkblad 'zvh_aanmeldingen': 16 waarden (breed formaat)")
    );
    assert!(
        out.stdout
            .contains("werkblad 'Toelichting': werkblad overgeslagen")
    );
    assert!(
        out.stdout
            .contains("werkblad 'zvh_aanmeldingen', rij 7, kolom B (2025 K4): vervangt 23 door 17"),
        "{}",
        out.stdout
    );
    let dossiers = |area: &str| {
        exported(
            &store.path,
            "zvh_dossiers_in_behandeling",
            area,
            "2026-01-01",
        )
        .unwrap()
    };
    assert_eq!(dossiers("Zaanstad"), "51;definitief;");
    assert_eq!(dossiers("Zaanstreek-Waterland"), "95;definitief;");
    assert_eq!(
        exported(
            &store.path,
            "zvh_aanmeldingen",
            "Zaanstreek-Waterland",
            "2026 K1"
        )
        .unwrap(),
        "73;definitief;"
    );
}

#[test]
fn ods_sheets_are_read() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["import", &import_fixture("veilig-thuis.ods")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        exported(
            &store.path,
            "veilig_thuis_meldingen",
            "Purmerend",
            "2026 K1"
        )
        .unwrap(),
        "84;definitief;"
    );
    assert_eq!(
        exported(
            &store.path,
            "zvh_dossiers_in_behandeling",
            "Waterland",
            "2026-01-01"
        )
        .unwrap(),
        "7;definitief;"
    );
}

#[test]
fn dry_run_shows_the_changes_and_writes_nothing() {
    let store = temp_store();
    let before = export_all(&store.path);
    let out = run(
        &store.path,
        &["import", "--dry-run", &import_fixture("zvh-kwartaal.xlsx")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Samenvatting: 12 toegevoegd, 7 gewijzigd, 1 ongewijzigd"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Proefrun: er is niets opgeslagen."));
    assert_eq!(export_all(&store.path), before);
}

#[test]
fn importing_the_same_file_again_changes_nothing_and_says_so() {
    let store = temp_store();
    let file = import_fixture("tabs.csv");
    assert_eq!(run(&store.path, &["import", &file]).code, 0);
    let again = run(&store.path, &["import", &file]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("Dit bestand is eerder ingelezen in batch 2"),
        "{}",
        again.stdout
    );
    assert!(
        again
            .stdout
            .contains("Er is niets gewijzigd: alle waarden staan al zo in de database.")
    );
    assert_eq!(run(&store.path, &["batches"]).stdout.lines().count(), 3);
}

#[test]
fn export_then_import_changes_nothing() {
    let store = temp_store();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alles.csv");
    std::fs::write(&file, export_all(&store.path)).unwrap();
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Samenvatting: 0 toegevoegd, 0 gewijzigd, 3068 ongewijzigd"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Er is niets gewijzigd"));
}

#[test]
fn undo_restores_the_export_byte_for_byte() {
    let store = temp_store();
    let before = export_all(&store.path);
    let out = run(
        &store.path,
        &[
            "import",
            &import_fixture("zvh-kwartaal.xlsx"),
            &import_fixture("excel-nl.csv"),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ne!(export_all(&store.path), before);

    let refused = run(&store.path, &["undo", "99"]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("batch 99 bestaat niet"));

    let undo = run(&store.path, &["undo", "3"]);
    assert_eq!(undo.code, 0, "{}", undo.stderr);
    assert_eq!(
        undo.stdout.trim(),
        "Batch 3 is ongedaan gemaakt: 0 waarden hersteld, 5 waarden verwijderd."
    );
    let undo = run(&store.path, &["undo", "2"]);
    assert_eq!(
        undo.stdout.trim(),
        "Batch 2 is ongedaan gemaakt: 7 waarden hersteld, 12 waarden verwijderd."
    );
    assert_eq!(export_all(&store.path), before);
    let batches = run(&store.path, &["batches"]).stdout;
    assert!(
        batches.lines().nth(1).unwrap().contains("ongedaan gemaakt"),
        "{batches}"
    );
}

#[test]
fn templates_hold_every_gemeente_for_the_period() {
    let store = temp_store();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("k1.csv");
    let out = run(
        &store.path,
        &[
            "template",
            "--period",
            "2026-K1",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Sjabloon voor 2026 K1 met 14 indicatoren"),
        "{}",
        out.stdout
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}indicator;gebied;periode;waarde;status;opmerking\r\n"));
    assert_eq!(text.lines().count(), 1 + 14 * 8);
    assert!(text.contains("zvh_aanmeldingen;Oostzaan;2026 K1;;;\r\n"));

    // Filled in by the ambtenaar and imported.
    let filled = text.replace(
        "zvh_aanmeldingen;Oostzaan;2026 K1;;;",
        "zvh_aanmeldingen;Oostzaan;2026 K1;4;;",
    );
    std::fs::write(&csv, filled).unwrap();
    let out = run(&store.path, &["import", csv.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Samenvatting: 1 toegevoegd"),
        "{}",
        out.stdout
    );

    let xlsx = dir.path().join("k1.xlsx");
    assert_eq!(
        run(
            &store.path,
            &[
                "template",
                "--period",
                "2026 K1",
                "--out",
                xlsx.to_str().unwrap()
            ]
        )
        .code,
        0
    );
    let out = run(
        &store.path,
        &["import", "--dry-run", xlsx.to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("werkblad 'zvh_aanmeldingen_binnen_twee_we': 0 waarden (breed formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Er is niets ingelezen"),
        "{}",
        out.stdout
    );

    let bad = run(
        &store.path,
        &["template", "--period", "2026-K1", "--out", "k1.pdf"],
    );
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("eindigt op .csv of .xlsx"));
}

#[test]
fn status_lists_who_delivered_and_who_is_missing() {
    let store = temp_store();
    assert_eq!(
        run(&store.path, &["import", &import_fixture("tabs.csv")]).code,
        0
    );
    let out = run(&store.path, &["status", "--period", "2026-K1"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("Aanmeldingen ZVH (zvh_aanmeldingen"))
        .unwrap();
    // Due six weeks after 31 March 2026; lateness counts from there to today.
    let due = chrono::NaiveDate::from_ymd_opt(2026, 5, 12).unwrap();
    let late = (chrono::Local::now().date_naive() - due).num_days();
    let lateness = if late > 0 {
        format!(
            ", {late} {} te laat",
            if late == 1 { "dag" } else { "dagen" }
        )
    } else {
        String::new()
    };
    assert!(
        line.starts_with(&format!(
            "Aanmeldingen ZVH (zvh_aanmeldingen, ZVH ZaWa): 2 van 7 gemeenten geleverd, regio ontbreekt; \
             ontbreekt: Edam-Volendam, Landsmeer, Oostzaan, Purmerend; gemeld als niet geleverd: Waterland; \
             uiterlijk 12 mei 2026{lateness}; laatst geleverd "
        )),
        "{line}"
    );
    assert!(line.contains(" door "), "who delivered: {line}");
    let late_count = if late > 0 { 15 } else { 0 };
    assert!(
        out.stdout.ends_with(&format!(
            "0 van 15 indicatoren compleet, {late_count} te laat.\n"
        )),
        "{}",
        out.stdout
    );
    // A region-only figure asks nothing of the gemeenten.
    let demo_round = run(&store.path, &["status", "--period", "2025-K4"]).stdout;
    assert!(
        demo_round.contains(
            "Aanmeldingen ZVH binnen twee weken opgepakt (zvh_aanmeldingen_binnen_twee_weken, \
             ZVH ZaWa): alleen regiocijfer, regio geleverd; uiterlijk 11 februari 2026; laatst geleverd"
        ),
        "{demo_round}"
    );
    let dossiers = run(&store.path, &["status", "--period", "2023-K1"]).stdout;
    assert!(
        dossiers.contains(
            "Dossiers in behandeling bij het ZVH (zvh_dossiers_in_behandeling, ZVH ZaWa): 7 van 7"
        ),
        "{dossiers}"
    );
}

#[test]
fn a_closed_output_pipe_does_not_stop_the_import() {
    let store = temp_store();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regio-in-beeld"))
        .arg("--db")
        .arg(&store.path)
        .args(["import", &import_fixture("excel-nl.csv")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(status.success(), "like `regio-in-beeld import … | head -1`");
    assert_eq!(
        exported(
            &store.path,
            "huiselijk_geweld_incidenten",
            "Zaanstad",
            "2026 K1"
        )
        .map(|v| v[..3].to_string()),
        Some("190".into())
    );
}

#[test]
fn a_remark_or_status_that_looks_like_a_number_is_kept_as_written() {
    let store = temp_store();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("opmerking.csv");
    std::fs::write(
        &file,
        "indicator;gebied;periode;waarde;opmerking\nzvh_aanmeldingen;Zaanstad;2026 K1;12;2024\n",
    )
    .unwrap();
    assert_eq!(
        run(&store.path, &["import", file.to_str().unwrap()]).code,
        0
    );
    assert_eq!(
        exported(&store.path, "zvh_aanmeldingen", "Zaanstad", "2026 K1").unwrap(),
        "12;definitief;2024"
    );
}

#[test]
fn a_provisional_value_carries_its_star_until_a_final_delivery_replaces_it() {
    let store = temp_store();
    let dir = store.path.parent().unwrap();
    let write = |name: &str, status: &str| {
        let file = dir.join(name);
        std::fs::write(
            &file,
            format!(
                "indicator;gebied;periode;waarde;status\nveilig_thuis_meldingen;Zaanstad;2026 K1;180;{status}\n"
            ),
        )
        .unwrap();
        file
    };
    let provisional = write("voorlopig.csv", "voorlopig");
    assert_eq!(
        run(&store.path, &["import", provisional.to_str().unwrap()]).code,
        0
    );
    let cell = |store: &std::path::Path| {
        run(store, &["export", "--indicator", "veilig_thuis_meldingen"])
            .stdout
            .lines()
            .find(|l| l.starts_with("veilig_thuis_meldingen;Zaanstad;2026 K1;"))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        cell(&store.path),
        "veilig_thuis_meldingen;Zaanstad;2026 K1;180;voorlopig;"
    );
    let final_file = write("definitief.csv", "definitief");
    let out = run(&store.path, &["import", final_file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("1 gewijzigd"), "{}", out.stdout);
    assert_eq!(
        cell(&store.path),
        "veilig_thuis_meldingen;Zaanstad;2026 K1;180;definitief;"
    );
}

#[test]
fn a_value_far_from_the_previous_period_is_a_warning_that_does_not_block() {
    let store = temp_store();
    let file = store.path.with_file_name("sprong.csv");
    // In 2025 K4 (demo data): Landsmeer 2 → 6 is too small a change to say anything, Purmerend
    // 23 → 20 is ordinary, Zaanstad 29 → 90 is 210% up.
    std::fs::write(
        &file,
        "indicator;gebied;periode;waarde\n\
         zvh_aanmeldingen;Landsmeer;2026 K1;6\n\
         zvh_aanmeldingen;Purmerend;2026 K1;20\n\
         zvh_aanmeldingen;Zaanstad;2026 K1;90\n",
    )
    .unwrap();
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warnings: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("klopt dit?"))
        .collect();
    assert_eq!(
        warnings,
        [format!(
            "  {}, rij 4, kolom waarde: 90 is 210% hoger dan 29 in 2025 K4; klopt dit?",
            file.display()
        )],
        "{}",
        out.stdout
    );
    assert_eq!(
        exported(&store.path, "zvh_aanmeldingen", "Zaanstad", "2026 K1").unwrap(),
        "90;definitief;"
    );
}

#[test]
fn files_imported_together_are_checked_as_one_delivery() {
    let store = temp_store();
    let write = |name: &str, rows: &str| {
        let path = store.path.with_file_name(name);
        std::fs::write(&path, format!("indicator;gebied;periode;waarde\n{rows}")).unwrap();
        path.display().to_string()
    };
    let first = write("januari.csv", "zvh_aanmeldingen;Zaanstad;2026 K1;30\n");
    let second = write("april.csv", "zvh_aanmeldingen;Zaanstad;2026 K2;95\n");
    let out = run(&store.path, &["import", &first, &second]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(&format!(
            "{second}, rij 2, kolom waarde: 95 is 217% hoger dan 30 in 2026 K1; klopt dit?"
        )),
        "the second file's value is compared with the first file's: {}",
        out.stdout
    );

    let again = write(
        "januari-herzien.csv",
        "zvh_aanmeldingen;Zaanstad;2026 K3;31\n",
    );
    let twice = write(
        "januari-dubbel.csv",
        "zvh_aanmeldingen;Zaanstad;2026 K3;32\n",
    );
    let before = export_all(&store.path);
    let out = run(&store.path, &["import", &again, &twice]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!(
            "{twice}, rij 2, kolom waarde: zvh_aanmeldingen voor Zaanstad in 2026 K3 staat ook in {again}"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(export_all(&store.path), before);
}

/// Large files are read on every core, in parts: what the user sees must not show the seams.
#[test]
fn a_large_file_is_checked_in_parts_with_rows_numbered_as_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    // 8 indicators × 8 areas × 1,000 months: 64,000 rows, about 2 MB.
    let (indicators, csv) = support::synthetic::write_delivery(dir.path(), 8, 1000);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert_eq!(lines.len(), 64_001);
    lines[2] = lines[2].replace("Landsmeer", "Landsmeerr");
    lines[62_999] = format!("{};veel", lines[62_999].rsplit_once(';').unwrap().0);
    lines.push(lines[1].replace(";0", ";7"));
    std::fs::write(&csv, lines.join("\r\n")).unwrap();
    let db = dir.path().join("regio.sqlite");

    let out = support::regio_with_indicators(&db, &indicators)
        .args(["import", csv.to_str().unwrap()])
        .output()
        .unwrap();
    let file = csv.display();
    let expected = [
        format!(
            "{file}, rij 3, kolom gebied: onbekend gebied 'Landsmeerr'; bedoelt u 'Landsmeer'?"
        ),
        format!(
            "{file}, rij 63000, kolom waarde: 'veel' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5"
        ),
        format!(
            "{file}, rij 64002, kolom waarde: synthetisch_000 voor Edam-Volendam in januari 1990 staat al eerder in het bestand (rij 2)"
        ),
        "3 problemen gevonden; er is niets gewijzigd.".to_string(),
    ];
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .lines()
            .collect::<Vec<_>>(),
        expected
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn rows_are_numbered_as_in_the_file_whatever_the_line_ends() {
    let store = temp_store();
    for (name, end) in [
        ("windows.csv", "\r\n"),
        ("mac.csv", "\r"),
        ("unix.csv", "\n"),
    ] {
        let file = store.path.with_file_name(name);
        let lines = [
            "indicator;gebied;periode;waarde",
            "zvh_aanmeldingen;Zaanstad;2026 K1;5",
            "zvh_aanmeldingen;Zaandstad;2026 K1;5",
        ];
        std::fs::write(&file, lines.join(end) + end).unwrap();
        let out = run(&store.path, &["import", file.to_str().unwrap()]);
        assert_eq!(
            out.stderr.lines().next(),
            Some(
                format!(
                    "{}, rij 3, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?",
                    file.display()
                )
                .as_str()
            ),
            "{name}"
        );
    }
}

/// The same text as UTF-16 with the given byte order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

/// Excel's "Opslaan als Unicode-tekst" writes UTF-16LE with a BOM, tab-separated, CRLF; it must read
/// exactly as the same text in UTF-8, and so must UTF-16BE.
#[test]
fn excel_unicode_text_reads_as_its_utf8_equivalent() {
    let fixture = std::fs::read(import_fixture("unicode-tekst.txt")).unwrap();
    let units: Vec<u16> = fixture[2..]
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    let mut exports = Vec::new();
    for (name, bytes) in [
        ("unicode-tekst.txt", fixture.clone()),
        ("utf-8.txt", text.clone().into_bytes()),
        ("utf-16be.txt", utf16(&text, true)),
    ] {
        let store = temp_store();
        let file = store.path.with_file_name(name);
        std::fs::write(&file, bytes).unwrap();
        let out = run(&store.path, &["import", file.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(
            out.stdout.contains("4 waarden (lang formaat)"),
            "{name}: {}",
            out.stdout
        );
        let get = |area: &str| exported(&store.path, "wmo_clienten", area, "2026 H1").unwrap();
        assert_eq!(
            get("Zaanstad"),
            "10890;definitief;Cliënten met één of meer voorzieningen"
        );
        assert_eq!(
            get("Purmerend"),
            "4321;definitief;\"telling \"\"na correctie\"\" – 3 juli\""
        );
        assert_eq!(get("Edam-Volendam"), "1034;definitief;Zoë’s team ✓ 😀");
        assert_eq!(get("Landsmeer"), ";afgeschermd;");
        exports.push(export_all(&store.path));
    }
    assert_eq!(exports[0], exports[1]);
    assert_eq!(exports[0], exports[2]);
}

#[test]
fn a_utf16_file_names_rows_and_columns_as_in_the_file() {
    let store = temp_store();
    let lines = [
        "Aanlevering ZVH 😀\t\t\t",
        "indicator\tgebied\tperiode\twaarde",
        "zvh_aanmeldingen\tZaanstad\t2026 K1\t5",
        "zvh_aanmeldingen\tZaandstad\t2026 K1\t5",
        "zvh_aanmeldingen\tOostzaan\t2026 K1\tveel",
    ];
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let file = store.path.with_file_name(name);
        std::fs::write(&file, utf16(&(lines.join("\r\n") + "\r\n"), big_endian)).unwrap();
        let before = export_all(&store.path);
        let out = run(&store.path, &["import", file.to_str().unwrap()]);
        assert_eq!(out.code, 1, "{name}");
        let file = file.display();
        assert_eq!(
            out.stderr.lines().collect::<Vec<_>>(),
            [
                format!(
                    "{file}, rij 4, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?"
                ),
                format!(
                    "{file}, rij 5, kolom waarde: 'veel' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5"
                ),
                "2 problemen gevonden; er is niets gewijzigd.".to_string(),
            ],
            "{name}"
        );
        assert_eq!(export_all(&store.path), before);
    }
}

/// Cut off mid-character, or with half a surrogate pair: refused, naming file and line, not read
/// with a replacement character.
#[test]
fn damaged_utf16_is_refused_naming_the_file() {
    let store = temp_store();
    let text = "indicator\tgebied\tperiode\twaarde\r\nzvh_aanmeldingen\tZaanstad\t2026 K1\t5\r\n";
    let file = store.path.with_file_name("afgebroken.txt");
    let mut cut = utf16(text, false);
    cut.pop();
    std::fs::write(&file, cut).unwrap();
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "{}: het bestand is Unicode-tekst (UTF-16), maar houdt op midden in een teken",
            file.display()
        )),
        "{}",
        out.stderr
    );
    let file = store.path.with_file_name("half-teken.txt");
    let mut bytes = utf16(text, false);
    bytes.extend([0x3D, 0xD8]);
    bytes.extend(&utf16("\r\n", false)[2..]);
    std::fs::write(&file, bytes).unwrap();
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "{}: regel 3 is geen geldige Unicode-tekst (UTF-16)",
            file.display()
        )),
        "{}",
        out.stderr
    );
}
