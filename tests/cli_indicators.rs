//! `regio-in-beeld indicators`: the catalog kept in the store, as scripts drive it. What one process
//! adds, every later one knows; a definition survives export and import; retiring keeps the values.

#[macro_use]
mod support;

use std::path::Path;

use support::backends::Backend;
use support::{run, temp_store};

on_both_backends!(
    an_indicator_added_with_indicators_import_is_known_to_every_later_process,
    retiring_an_indicator_with_values_keeps_the_values_and_takes_it_off_the_templates,
    an_import_with_problems_in_several_files_lists_them_all_and_writes_nothing,
    a_session_with_its_own_definitions_does_not_change_the_stores_catalog,
    a_definition_survives_export_and_import_into_another_store,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

const WACHTTIJD: &str = r#"# Toegevoegd voor de proef met wachttijden.
id = "wachttijd_ggz"
name = "Wachttijd GGZ"
description = "Gemiddelde wachttijd tot de eerste afspraak bij de GGZ, in dagen."
domain = "zorg"
theme = "onbegrepen-gedrag"
layer = "tactisch"
unit = "aantal"
frequency = "kwartaal"
kind = "stand"
polarity = "lager_is_beter"
aggregation = "gewogen_gemiddelde"
per_1000 = false
supplier = "GGZ Noord-Holland-Noord"

[source]
type = "handmatig"
"#;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn an_indicator_added_with_indicators_import_is_known_to_every_later_process(backend: &Backend) {
    let store = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "wachttijd_ggz.toml", WACHTTIJD);

    let imported = store.run(&["indicators", "import", &file, "--user", "J. de Vries"]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert_eq!(
        imported.stdout,
        "Indicatordefinities opgeslagen als batch 2: 1 toegevoegd, 0 gewijzigd, 0 ongewijzigd.\n\
         Batch 2 ongedaan maken met: regio-in-beeld undo 2\n",
        "batch 0 is the shipped catalog, batch 1 the demo data"
    );

    let listed = store.run(&["indicators", "list"]);
    assert_eq!(listed.code, 0);
    assert!(
        listed.stdout.lines().any(|line| line
            == "wachttijd_ggz\tin gebruik\t1\tzorg\ttactisch\tGGZ Noord-Holland-Noord\thandmatig\tWachttijd GGZ"),
        "{}",
        listed.stdout
    );
    let shown = store.run(&["indicators", "show", "wachttijd_ggz"]);
    assert!(
        shown.stdout.contains(WACHTTIJD),
        "the text as imported: {}",
        shown.stdout
    );
    let by = format!("\n1\t2\t{}\t", store.recorded_user("J. de Vries"));
    assert!(shown.stdout.contains(&by), "{}", shown.stdout);

    // A later process accepts values for it and exports them.
    let values = write(
        dir.path(),
        "wachttijden.csv",
        "indicator;gebied;periode;waarde\nwachttijd_ggz;Zaanstad;2025-K4;31\nwachttijd_ggz;Purmerend;2025-K4;24\n",
    );
    let delivered = store.run(&["import", &values]);
    assert_eq!(delivered.code, 0, "{}", delivered.stderr);
    assert!(
        delivered.stdout.contains("opgeslagen als batch 3"),
        "{}",
        delivered.stdout
    );
    let exported = store.run(&["export", "--indicator", "wachttijd_ggz"]);
    assert!(
        exported
            .stdout
            .contains("wachttijd_ggz;Zaanstad;2025 K4;31;definitief;"),
        "{}",
        exported.stdout
    );
    let template = store.dir().join("sjabloon.csv");
    let written = store.run(&[
        "template",
        "--period",
        "2026-K1",
        "--out",
        template.to_str().unwrap(),
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(
        std::fs::read_to_string(&template)
            .unwrap()
            .contains("wachttijd_ggz;Zaanstad;2026 K1")
    );

    // Now that it has values its unit is fixed: the change is refused with the reason.
    let percentage = write(
        dir.path(),
        "wachttijd_ggz.toml",
        &WACHTTIJD.replace("unit = \"aantal\"", "unit = \"percentage\""),
    );
    let refused = store.run(&["indicators", "import", &percentage]);
    assert_eq!(refused.code, 1);
    assert_eq!(
        refused.stderr,
        format!(
            "{percentage}: sleutel 'unit': de eenheid kan niet van aantal naar percentage: de \
             opgeslagen waarden zijn in aantal, en zouden dan verkeerd gelezen worden; maak een \
             nieuwe indicator en zet de huidige buiten gebruik\n"
        )
    );
}

fn a_definition_survives_export_and_import_into_another_store(backend: &Backend) {
    let first = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "wachttijd_ggz.toml", WACHTTIJD);
    assert_eq!(first.run(&["indicators", "import", &file]).code, 0);

    let out = dir.path().join("set");
    let exported = first.run(&["indicators", "export", out.to_str().unwrap()]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    assert_eq!(
        exported.stdout,
        format!(
            "24 indicatordefinities geschreven naar {}.\n",
            out.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(out.join("wachttijd_ggz.toml")).unwrap(),
        WACHTTIJD
    );

    let second = backend.another();
    second.init_demo();
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["indicators", "import"];
    args.extend(files.iter().map(String::as_str));
    let imported = second.run(&args);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(
        imported.stdout.starts_with(
            "Indicatordefinities opgeslagen als batch 2: 1 toegevoegd, 0 gewijzigd, 23 ongewijzigd."
        ),
        "{}",
        imported.stdout
    );
    assert_eq!(
        second.run(&["indicators", "list"]).stdout,
        first.run(&["indicators", "list"]).stdout
    );

    // Exporting again replaces the earlier export, but never a file that is not a definition.
    assert_eq!(
        first
            .run(&["indicators", "export", out.to_str().unwrap()])
            .code,
        0
    );
    std::fs::write(out.join("inwoners.toml"), "aantekeningen").unwrap();
    let refused = first.run(&["indicators", "export", out.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stderr
            .contains("inwoners.toml bestaat al en is geen definitie van inwoners"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read_to_string(out.join("inwoners.toml")).unwrap(),
        "aantekeningen"
    );
}

fn retiring_an_indicator_with_values_keeps_the_values_and_takes_it_off_the_templates(
    backend: &Backend,
) {
    let store = demo_store(backend);
    let before = store
        .run(&["export", "--indicator", "zvh_aanmeldingen"])
        .stdout;
    assert!(
        before.lines().count() > 100,
        "the demo data hold its values"
    );

    let retired = store.run(&["indicators", "retire", "zvh_aanmeldingen"]);
    assert_eq!(retired.code, 0, "{}", retired.stderr);
    assert!(
        retired
            .stdout
            .starts_with("Indicator zvh_aanmeldingen staat buiten gebruik (batch 2)")
    );
    assert_eq!(
        store
            .run(&["export", "--indicator", "zvh_aanmeldingen"])
            .stdout,
        before,
        "every value stays"
    );
    let listed = store.run(&["indicators", "list"]).stdout;
    assert!(
        listed.contains("zvh_aanmeldingen\tbuiten gebruik\t2\t"),
        "{listed}"
    );
    let template = store.dir().join("sjabloon.csv");
    store.run(&[
        "template",
        "--period",
        "2026-K1",
        "--out",
        template.to_str().unwrap(),
    ]);
    assert!(
        !std::fs::read_to_string(&template)
            .unwrap()
            .contains("zvh_aanmeldingen;")
    );
    let status = store.run(&["status", "--period", "2025-K4"]).stdout;
    assert!(!status.contains("(zvh_aanmeldingen,"), "{status}");

    let again = store.run(&["indicators", "retire", "zvh_aanmeldingen"]);
    assert_eq!(again.code, 1);
    assert_eq!(
        again.stderr,
        "indicator 'zvh_aanmeldingen' is al buiten gebruik (sinds batch 2)\n"
    );

    // Undo brings it back.
    let undone = store.run(&["undo", "2"]);
    assert_eq!(
        undone.stdout,
        "Batch 2 is ongedaan gemaakt: 1 indicatordefinitie hersteld, 0 indicatordefinities verwijderd.\n"
    );
    assert!(
        store
            .run(&["indicators", "list"])
            .stdout
            .contains("zvh_aanmeldingen\tin gebruik\t1\t")
    );
}

fn an_import_with_problems_in_several_files_lists_them_all_and_writes_nothing(backend: &Backend) {
    let store = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "wachttijd_ggz.toml", WACHTTIJD);
    let bad = write(
        dir.path(),
        "kapot.toml",
        &WACHTTIJD
            .replace("id = \"wachttijd_ggz\"", "id = \"kapot\"")
            .replace("layer = \"tactisch\"", "layer = \"midden\""),
    );
    let summed = write(
        dir.path(),
        "zvh_aanmeldingen_binnen_twee_weken.toml",
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/indicators/zvh_aanmeldingen_binnen_twee_weken.toml"
        ))
        .unwrap()
        .replace("aggregation = \"geen\"", "aggregation = \"som\""),
    );
    let before = store.run(&["indicators", "list"]).stdout;
    let refused = store.run(&["indicators", "import", &good, &bad, &summed]);
    assert_eq!(refused.code, 1);
    let lines: Vec<&str> = refused.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", refused.stderr);
    assert!(lines[0].starts_with(&format!(
        "{bad}: sleutel 'layer': onbekende waarde 'midden'"
    )));
    assert!(lines[1].starts_with(&format!(
        "{summed}: sleutel 'aggregation': percentages kunnen niet opgeteld worden"
    )));
    assert_eq!(lines[2], "2 problemen gevonden; er is niets gewijzigd.");
    assert_eq!(store.run(&["indicators", "list"]).stdout, before);
}

fn a_session_with_its_own_definitions_does_not_change_the_stores_catalog(backend: &Backend) {
    let store = demo_store(backend);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "wachttijd_ggz.toml", WACHTTIJD);
    let own = dir.path().display().to_string();
    assert_eq!(store.run(&["batches"]).code, 0);
    let refused = store.run(&[
        "--indicators",
        &own,
        "indicators",
        "retire",
        "zvh_aanmeldingen",
    ]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains(
            "in plaats van de catalogus in de database; wijzig de catalogus zonder --indicators"
        ),
        "{}",
        refused.stderr
    );
    let listed = store.run(&["--indicators", &own, "indicators", "list"]);
    assert!(listed.stdout.contains("zvh_aanmeldingen\tin gebruik"));
    assert!(
        !listed.stdout.contains("wachttijd_ggz"),
        "the directory is not the store's catalog"
    );
}

/// A store written before it had a catalog, opened where it cannot be written: shown with the
/// built-in definitions, and the catalog is not changed.
#[cfg(unix)]
#[test]
fn a_read_only_store_without_a_catalog_is_read_with_the_built_in_definitions() {
    use std::os::unix::fs::PermissionsExt;
    let store = temp_store();
    drop(regio_in_beeld::store::Store::open(&store.path).unwrap());
    std::fs::set_permissions(&store.path, std::fs::Permissions::from_mode(0o400)).unwrap();

    let status = run(&store.path, &["status", "--period", "2025-K4"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(
        status.stdout.contains("(zvh_aanmeldingen, ZVH ZaWa)"),
        "{}",
        status.stdout
    );
    let refused = run(&store.path, &["indicators", "retire", "zvh_aanmeldingen"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains(
            "de database is alleen-lezen geopend; de indicatoren kunnen nu niet gewijzigd worden"
        ),
        "{}",
        refused.stderr
    );
    std::fs::set_permissions(&store.path, std::fs::Permissions::from_mode(0o600)).unwrap();
}
