//! `regio-in-beeld import`: what ambtenaren really send, every problem named, nothing written on error.

#[macro_use]
mod support;

use support::backends::Backend;
use support::import_fixture;

on_both_backends!(
    every_error_is_listed_with_file_row_and_column_and_nothing_is_written,
    a_file_with_personal_data_is_refused,
    dry_run_shows_the_changes_and_writes_nothing,
    importing_the_same_file_again_changes_nothing_and_says_so,
    export_then_import_changes_nothing,
    undo_restores_the_export_byte_for_byte,
    templates_hold_every_gemeente_for_the_period,
    status_lists_who_delivered_and_who_is_missing,
    a_closed_output_pipe_does_not_stop_the_import,
    a_remark_or_status_that_looks_like_a_number_is_kept_as_written,
    a_provisional_value_carries_its_star_until_a_final_delivery_replaces_it,
    a_value_far_from_the_previous_period_is_a_warning_that_does_not_block,
    files_imported_together_are_checked_as_one_delivery,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

fn every_error_is_listed_with_file_row_and_column_and_nothing_is_written(backend: &Backend) {
    let store = demo_store(backend);
    let before = store.export_all();
    let file = import_fixture("fouten.csv");
    let out = store.run(&["import", &file]);
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
    assert_eq!(store.export_all(), before);
    assert_eq!(
        store.run(&["batches"]).stdout.lines().count(),
        2,
        "only the demo batch"
    );
}

fn a_file_with_personal_data_is_refused(backend: &Backend) {
    let store = demo_store(backend);
    let before = store.export_all();
    let out = store.run(&["import", &import_fixture("persoonsgegevens.csv")]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("rij 1, kolom BSN: kolom 'BSN' bevat persoonsgegevens"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("kolom 'Naam' bevat persoonsgegevens"));
    assert_eq!(store.export_all(), before);
}

fn dry_run_shows_the_changes_and_writes_nothing(backend: &Backend) {
    let store = demo_store(backend);
    let before = store.export_all();
    let out = store.run(&["import", "--dry-run", &import_fixture("zvh-kwartaal.xlsx")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Samenvatting: 12 toegevoegd, 7 gewijzigd, 1 ongewijzigd"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Proefrun: er is niets opgeslagen."));
    assert_eq!(store.export_all(), before);
}

fn importing_the_same_file_again_changes_nothing_and_says_so(backend: &Backend) {
    let store = demo_store(backend);
    let file = import_fixture("tabs.csv");
    assert_eq!(store.run(&["import", &file]).code, 0);
    let again = store.run(&["import", &file]);
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
    assert_eq!(store.run(&["batches"]).stdout.lines().count(), 3);
}

fn export_then_import_changes_nothing(backend: &Backend) {
    let store = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alles.csv");
    std::fs::write(&file, store.export_all()).unwrap();
    let out = store.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Samenvatting: 0 toegevoegd, 0 gewijzigd, 3068 ongewijzigd"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Er is niets gewijzigd"));
}

fn undo_restores_the_export_byte_for_byte(backend: &Backend) {
    let store = demo_store(backend);
    let before = store.export_all();
    let out = store.run(&[
        "import",
        &import_fixture("zvh-kwartaal.xlsx"),
        &import_fixture("excel-nl.csv"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ne!(store.export_all(), before);

    let refused = store.run(&["undo", "99"]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("batch 99 bestaat niet"));

    let undo = store.run(&["undo", "3"]);
    assert_eq!(undo.code, 0, "{}", undo.stderr);
    assert_eq!(
        undo.stdout.trim(),
        "Batch 3 is ongedaan gemaakt: 0 waarden hersteld, 5 waarden verwijderd."
    );
    let undo = store.run(&["undo", "2"]);
    assert_eq!(
        undo.stdout.trim(),
        "Batch 2 is ongedaan gemaakt: 7 waarden hersteld, 12 waarden verwijderd."
    );
    assert_eq!(store.export_all(), before);
    let batches = store.run(&["batches"]).stdout;
    assert!(
        batches.lines().nth(1).unwrap().contains("ongedaan gemaakt"),
        "{batches}"
    );
}

fn templates_hold_every_gemeente_for_the_period(backend: &Backend) {
    let store = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("k1.csv");
    let out = store.run(&[
        "template",
        "--period",
        "2026-K1",
        "--out",
        csv.to_str().unwrap(),
    ]);
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
    let out = store.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Samenvatting: 1 toegevoegd"),
        "{}",
        out.stdout
    );

    let xlsx = dir.path().join("k1.xlsx");
    assert_eq!(
        store
            .run(&[
                "template",
                "--period",
                "2026 K1",
                "--out",
                xlsx.to_str().unwrap()
            ])
            .code,
        0
    );
    let out = store.run(&["import", "--dry-run", xlsx.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("werkblad 'Aanmeldingen ZVH binnen twee we': 0 waarden (breed formaat)"),
        "{}",
        out.stdout
    );
    // The value imported above is filled in: sent back as it is, it changes nothing.
    assert!(
        out.stdout
            .contains("Samenvatting: 0 toegevoegd, 0 gewijzigd, 1 ongewijzigd"),
        "{}",
        out.stdout
    );

    let bad = store.run(&["template", "--period", "2026-K1", "--out", "k1.pdf"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("eindigt op .csv of .xlsx"));
}

fn status_lists_who_delivered_and_who_is_missing(backend: &Backend) {
    let store = demo_store(backend);
    assert_eq!(store.run(&["import", &import_fixture("tabs.csv")]).code, 0);
    // Due six weeks after 31 March 2026; on 1 June it is 20 days late.
    let out = support::finish(
        support::regio()
            .env("REGIO_TODAY", "2026-06-01")
            .arg("--db")
            .arg(store.db())
            .args(["status", "--period", "2026-K1"]),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("Aanmeldingen ZVH (zvh_aanmeldingen"))
        .unwrap();
    assert!(
        line.starts_with(
            "Aanmeldingen ZVH (zvh_aanmeldingen, ZVH ZaWa): 2 van 7 gemeenten geleverd, regio ontbreekt; \
             ontbreekt: Edam-Volendam, Landsmeer, Oostzaan, Purmerend; gemeld als niet geleverd: Waterland; \
             uiterlijk 12 mei 2026, 20 dagen te laat; laatst geleverd "
        ),
        "{line}"
    );
    assert!(line.contains(" door "), "who delivered: {line}");
    assert!(
        out.stdout
            .ends_with("0 van 15 indicatoren compleet, 15 te laat.\n"),
        "{}",
        out.stdout
    );
    // On the day the tests live on, 2026 K1 is not over yet, so nothing is late.
    let early = store.run(&["status", "--period", "2026-K1"]);
    assert!(
        early
            .stdout
            .ends_with("0 van 15 indicatoren compleet, 0 te laat.\n"),
        "{}",
        early.stdout
    );
    // A region-only figure asks nothing of the gemeenten.
    let demo_round = store.run(&["status", "--period", "2025-K4"]).stdout;
    assert!(
        demo_round.contains(
            "Aanmeldingen ZVH binnen twee weken opgepakt (zvh_aanmeldingen_binnen_twee_weken, \
             ZVH ZaWa): alleen regiocijfer, regio geleverd; uiterlijk 11 februari 2026; laatst geleverd"
        ),
        "{demo_round}"
    );
    let dossiers = store.run(&["status", "--period", "2023-K1"]).stdout;
    assert!(
        dossiers.contains(
            "Dossiers in behandeling bij het ZVH (zvh_dossiers_in_behandeling, ZVH ZaWa): 7 van 7"
        ),
        "{dossiers}"
    );
}

fn a_closed_output_pipe_does_not_stop_the_import(backend: &Backend) {
    let store = demo_store(backend);
    let mut child = support::regio()
        .arg("--db")
        .arg(store.db())
        .args(["import", &import_fixture("excel-nl.csv")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(status.success(), "like `regio-in-beeld import … | head -1`");
    assert_eq!(
        store
            .exported("huiselijk_geweld_incidenten", "Zaanstad", "2026 K1")
            .map(|v| v[..3].to_string()),
        Some("190".into())
    );
}

fn a_remark_or_status_that_looks_like_a_number_is_kept_as_written(backend: &Backend) {
    let store = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("opmerking.csv");
    std::fs::write(
        &file,
        "indicator;gebied;periode;waarde;opmerking\nzvh_aanmeldingen;Zaanstad;2026 K1;12;2024\n",
    )
    .unwrap();
    assert_eq!(store.run(&["import", file.to_str().unwrap()]).code, 0);
    assert_eq!(
        store
            .exported("zvh_aanmeldingen", "Zaanstad", "2026 K1")
            .unwrap(),
        "12;definitief;2024"
    );
}

fn a_provisional_value_carries_its_star_until_a_final_delivery_replaces_it(backend: &Backend) {
    let store = demo_store(backend);
    let dir = store.dir();
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
        store.run(&["import", provisional.to_str().unwrap()]).code,
        0
    );
    let cell = || {
        store
            .run(&["export", "--indicator", "veilig_thuis_meldingen"])
            .stdout
            .lines()
            .find(|l| l.starts_with("veilig_thuis_meldingen;Zaanstad;2026 K1;"))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        cell(),
        "veilig_thuis_meldingen;Zaanstad;2026 K1;180;voorlopig;"
    );
    let final_file = write("definitief.csv", "definitief");
    let out = store.run(&["import", final_file.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("1 gewijzigd"), "{}", out.stdout);
    assert_eq!(
        cell(),
        "veilig_thuis_meldingen;Zaanstad;2026 K1;180;definitief;"
    );
}

fn a_value_far_from_the_previous_period_is_a_warning_that_does_not_block(backend: &Backend) {
    let store = demo_store(backend);
    let file = store.dir().join("sprong.csv");
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
    let out = store.run(&["import", file.to_str().unwrap()]);
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
        store
            .exported("zvh_aanmeldingen", "Zaanstad", "2026 K1")
            .unwrap(),
        "90;definitief;"
    );
}

fn files_imported_together_are_checked_as_one_delivery(backend: &Backend) {
    let store = demo_store(backend);
    let write = |name: &str, rows: &str| {
        let path = store.dir().join(name);
        std::fs::write(&path, format!("indicator;gebied;periode;waarde\n{rows}")).unwrap();
        path.display().to_string()
    };
    let first = write("januari.csv", "zvh_aanmeldingen;Zaanstad;2026 K1;30\n");
    let second = write("april.csv", "zvh_aanmeldingen;Zaanstad;2026 K2;95\n");
    let out = store.run(&["import", &first, &second]);
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
    let before = store.export_all();
    let out = store.run(&["import", &again, &twice]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!(
            "{twice}, rij 2, kolom waarde: zvh_aanmeldingen voor Zaanstad in 2026 K3 staat ook in {again}"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(store.export_all(), before);
}
