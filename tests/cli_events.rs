//! `events list|add|remove|export|import`, and a series break as the dashboard and signals see it.

mod support;

use support::{run, temp_store};

#[test]
fn events_are_listed_added_removed_and_moved_as_json() {
    let store = temp_store();
    let list = run(&store.path, &["events", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        list.stdout,
        "id\tdatum\tsoort\tgeldt voor\tlabel\n\
         1\t1 januari 2022\tindeling\tPurmerend\tPurmerend + Beemster\n\
         2\t6 maart 2023\tbeleid\talles\tStart regionaal veiligheidsteam\n\
         3\t8 mei 2023\tbeleid\talles\tStart proeftuin Kind- en Gezinsbescherming\n"
    );
    let added = run(
        &store.path,
        &[
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
        ],
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    assert_eq!(
        added.stdout,
        "Gebeurtenis 4 toegevoegd: Nieuwe registratie (1 juli 2024)\n"
    );
    let refused = run(
        &store.path,
        &[
            "events",
            "add",
            "--date",
            "30-2-2024",
            "--label",
            "x",
            "--kind",
            "feest",
        ],
    );
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

    let exported = run(&store.path, &["events", "export"]).stdout;
    assert!(exported.contains("\"soort\": \"breuk\""));
    assert_eq!(run(&store.path, &["events", "remove", "4"]).code, 0);
    assert!(
        !run(&store.path, &["events", "list"])
            .stdout
            .contains("Nieuwe registratie")
    );

    let file = store.path.with_file_name("gebeurtenissen.json");
    std::fs::write(&file, &exported).unwrap();
    let imported = run(&store.path, &["events", "import", file.to_str().unwrap()]);
    assert_eq!(
        imported.stdout,
        format!("{}: 1 gebeurtenissen toegevoegd\n", file.display())
    );
    let again = run(&store.path, &["events", "import", file.to_str().unwrap()]);
    assert!(again.stdout.ends_with(": 0 gebeurtenissen toegevoegd\n"));
}

#[test]
fn a_series_break_stops_the_comparison_and_the_signal() {
    let store = temp_store();
    let signals = run(&store.path, &["signals"]).stdout;
    assert!(
        signals.contains("Meldingen overlast verward persoon (E33)"),
        "{signals}"
    );
    let added = run(
        &store.path,
        &[
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
        ],
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let signals = run(&store.path, &["signals"]).stdout;
    assert!(
        !signals.contains("Meldingen overlast verward persoon (E33)"),
        "{signals}"
    );
}
