//! `events list|add|remove|export|import`, and a series break as the dashboard and signals see it.

#[macro_use]
mod support;

use support::backends::Backend;

on_both_backends!(
    events_are_listed_added_removed_and_moved_as_json,
    a_series_break_stops_the_comparison_and_the_signal,
    every_problem_of_every_event_is_named_with_file_and_record,
    an_event_label_with_a_control_character_is_refused,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

fn events_are_listed_added_removed_and_moved_as_json(backend: &Backend) {
    let store = demo_store(backend);
    let list = store.run(&["events", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        list.stdout,
        "id\tdatum\tsoort\tgeldt voor\tlabel\n\
         1\t1 januari 2022\tindeling\tPurmerend\tPurmerend + Beemster\n\
         2\t6 maart 2023\tbeleid\talles\tStart regionaal veiligheidsteam\n\
         3\t8 mei 2023\tbeleid\talles\tStart proeftuin Kind- en Gezinsbescherming\n"
    );
    let added = store.run(&[
        "events",
        "add",
        "--date",
        "1-7-2024",
        "--label",
        "Nieuwe registratie",
        "--kind",
        "breuk",
        "--indicator",
        "veilig_thuis_meldingen",
    ]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    assert_eq!(
        added.stdout,
        "Gebeurtenis 4 toegevoegd: Nieuwe registratie (1 juli 2024)\n"
    );
    let refused = store.run(&[
        "events",
        "add",
        "--date",
        "30-2-2024",
        "--label",
        "x",
        "--kind",
        "feest",
    ]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("onbekende datum '30-2-2024'"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("onbekende soort 'feest'"),
        "{}",
        refused.stderr
    );

    let exported = store.run(&["events", "export"]).stdout;
    assert!(exported.contains("\"soort\": \"breuk\""));
    assert_eq!(store.run(&["events", "remove", "4"]).code, 0);
    assert!(
        !store
            .run(&["events", "list"])
            .stdout
            .contains("Nieuwe registratie")
    );

    let file = store.dir().join("gebeurtenissen.json");
    std::fs::write(&file, &exported).unwrap();
    let imported = store.run(&["events", "import", file.to_str().unwrap()]);
    assert_eq!(
        imported.stdout,
        format!("{}: 1 gebeurtenissen toegevoegd\n", file.display())
    );
    let again = store.run(&["events", "import", file.to_str().unwrap()]);
    assert!(again.stdout.ends_with(": 0 gebeurtenissen toegevoegd\n"));
}

fn a_series_break_stops_the_comparison_and_the_signal(backend: &Backend) {
    let store = demo_store(backend);
    let signals = store.run(&["signals"]).stdout;
    assert!(
        signals.contains("Meldingen overlast verward persoon (E33)"),
        "{signals}"
    );
    let added = store.run(&[
        "events",
        "add",
        "--date",
        "1-4-2025",
        "--label",
        "Andere telling E33",
        "--kind",
        "breuk",
        "--indicator",
        "verward_gedrag_meldingen_e33",
    ]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    let signals = store.run(&["signals"]).stdout;
    assert!(
        !signals.contains("Meldingen overlast verward persoon (E33)"),
        "{signals}"
    );
}

fn every_problem_of_every_event_is_named_with_file_and_record(backend: &Backend) {
    let store = demo_store(backend);
    let before = store.run(&["events", "export"]).stdout;
    let file = store.dir().join("gebeurtenissen.json");
    let mut json = b"\xEF\xBB\xBF".to_vec();
    json.extend(
        r#"[
            {"datum": "2024-07-01", "label": "Goed", "soort": "beleid"},
            {"datum": "30-2-2024", "label": "Start\u0007", "soort": "feest",
             "indicator": "bestaat_niet", "omschrijving": "regel\u007f", "kleur": "rood"},
            {"datum": 2024, "label": "x", "soort": "beleid", "gebied": null}
        ]"#
        .as_bytes(),
    );
    std::fs::write(&file, json).unwrap();
    let refused = store.run(&["events", "import", file.to_str().unwrap()]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    let f = file.display();
    let expected = [
        format!(
            "{f}, gebeurtenis 2: onbekend veld 'kleur'; bekende velden: datum, label, soort, indicator, gebied, omschrijving"
        ),
        format!("{f}, gebeurtenis 2: onbekende datum '30-2-2024'"),
        format!("{f}, gebeurtenis 2: onbekende soort 'feest' (beleid, indeling of breuk)"),
        format!("{f}, gebeurtenis 2: tekst bevat een stuurteken (U+0007) in veld 'label'"),
        format!("{f}, gebeurtenis 2: tekst bevat een stuurteken (U+007F) in veld 'omschrijving'"),
        format!(
            "{f}, gebeurtenis 2: onbekende indicator 'bestaat_niet'; zie regio-in-beeld check voor de lijst"
        ),
        format!("{f}, gebeurtenis 3: veld 'datum' moet een tekst zijn, maar is een getal"),
        "er is niets ingelezen".to_string(),
    ];
    assert_eq!(refused.stderr, expected.join("\n") + "\n");
    assert_eq!(store.run(&["events", "export"]).stdout, before);

    // The same file without its mistakes, byte order mark and all, is read.
    let fixed = r#"[{"datum": "2024-07-01", "label": "Goed", "soort": "beleid", "gebied": null}]"#;
    std::fs::write(
        &file,
        [b"\xEF\xBB\xBF".as_slice(), fixed.as_bytes()].concat(),
    )
    .unwrap();
    let imported = store.run(&["events", "import", file.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(imported.stdout.ends_with(": 1 gebeurtenissen toegevoegd\n"));
}

fn an_event_label_with_a_control_character_is_refused(backend: &Backend) {
    let store = demo_store(backend);
    let refused = store.run(&[
        "events",
        "add",
        "--date",
        "1-7-2024",
        "--label",
        "Start\u{1b}[5m",
        "--kind",
        "beleid",
    ]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert_eq!(
        refused.stderr,
        "tekst bevat een stuurteken (U+001B) in veld 'label'\n"
    );
}
