//! `regio-in-beeld init [--region FILE]`: a store for another region, which then takes that region's
//! gemeenten and refuses every other one, with file, row and column.

mod support;

use std::path::{Path, PathBuf};

use support::{export_all, run, temp_store};

fn region_file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/regions")
        .join(name)
        .display()
        .to_string()
}

fn init_kennemerland(db: &Path) {
    let out = run(db, &["init", "--region", &region_file("kennemerland.toml")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "{} is een database voor Kennemerland (RG_KENN): 9 gemeenten.\n  \
             Haarlemmerliede en Spaarnwoude tot en met 31 december 2018, daarna Haarlemmermeer\n",
            db.display()
        )
    );
}

/// A delivered file in the store's folder.
fn write(db: &Path, name: &str, text: &str) -> String {
    let path: PathBuf = db.with_file_name(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_kennemerland_store_imports_its_gemeenten() {
    let store = temp_store();
    init_kennemerland(&store.path);
    let file = write(
        &store.path,
        "kennemerland.csv",
        "indicator;gebied;periode;waarde\n\
         zvh_aanmeldingen;Haarlem;2025-K3;120\n\
         zvh_aanmeldingen;GM0473;2025-K3;14\n\
         zvh_aanmeldingen;Kennemerland;2025-K3;300\n",
    );
    let out = run(&store.path, &["import", &file]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        export_all(&store.path),
        "indicator;gebied;periode;waarde;status;opmerking\n\
         zvh_aanmeldingen;Haarlem;2025 K3;120;definitief;\n\
         zvh_aanmeldingen;Zandvoort;2025 K3;14;definitief;\n\
         zvh_aanmeldingen;Kennemerland;2025 K3;300;definitief;\n"
    );
}

#[test]
fn a_kennemerland_store_refuses_zaanstad_with_file_row_and_column_and_writes_nothing() {
    let store = temp_store();
    init_kennemerland(&store.path);
    let file = write(
        &store.path,
        "gemengd.csv",
        "indicator;gebied;periode;waarde\n\
         zvh_aanmeldingen;Haarlem;2025-K3;120\n\
         zvh_aanmeldingen;Zaanstad;2025-K3;14\n",
    );
    let out = run(&store.path, &["import", &file]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!(
            "{file}, rij 3, kolom gebied: onbekend gebied 'Zaanstad'; verwacht een gemeente van \
             Kennemerland, de regio of een CBS-code zoals GM0473\n"
        )
    );
    assert_eq!(
        export_all(&store.path),
        "indicator;gebied;periode;waarde;status;opmerking\n"
    );
    let batches = run(&store.path, &["batches"]).stdout;
    assert_eq!(batches.lines().count(), 1, "only the header: {batches}");
}

#[test]
fn init_is_refused_on_a_store_that_holds_figures() {
    let store = temp_store();
    // Any command on a new store without init fills it with the demo data.
    assert_eq!(run(&store.path, &["batches"]).code, 0);
    let before = export_all(&store.path);
    let out = run(
        &store.path,
        &["init", "--region", &region_file("kennemerland.toml")],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with(&format!("{} bevat al ", store.path.display())),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("waarnemingen; een regio kiest u alleen voor een nieuwe database"),
        "{}",
        out.stderr
    );
    assert_eq!(export_all(&store.path), before);
    // Still Zaanstreek-Waterland's: Zaanstad is a gemeente, Haarlem is not.
    let file = write(
        &store.path,
        "haarlem.csv",
        "indicator;gebied;periode;waarde\nzvh_aanmeldingen;Haarlem;2025-K3;1\n",
    );
    let out = run(&store.path, &["import", "--dry-run", &file]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("verwacht een gemeente van Zaanstreek-Waterland"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_region_file_gives_every_error_with_file_and_key_and_makes_no_store() {
    let store = temp_store();
    let file = write(
        &store.path,
        "regio.toml",
        r#"code = "KENNEMERLAND"

[[gemeente]]
code = "GM12"
name = "Haarlem"

[[gemeente]]
code = "GM0394"
name = "Haarlemmermeer"
valid_from = "1 januari 2019"

[[gemeente]]
code = "GM0393"
name = "Haarlemmerliede en Spaarnwoude"
merged_into = "GM0394"

[[gemeente]]
code = "GM0375"
name = "Beverwijk"
valid_until = "2020-12-31"
merged_into = "GM9999"

[[gemeente]]
code = "GM0375"
name = "Velsen"

[[gemeente]]
code = "GM0453"
name = "beverwijk"
"#,
    );
    let out = run(&store.path, &["init", "--region", &file]);
    assert_eq!(out.code, 1);
    let errors: Vec<&str> = out.stderr.lines().collect();
    let expected = [
        format!("{file}: sleutel 'name': ontbreekt"),
        format!(
            "{file}: sleutel 'code': 'KENNEMERLAND' is geen regiocode zoals RG_ZAWA (RG_ en \
             hoofdletters of cijfers)"
        ),
        format!("{file}: sleutel 'gemeente[1].code': 'GM12' is geen CBS-gemeentecode zoals GM0439"),
        format!(
            "{file}: sleutel 'gemeente[2].valid_from': '1 januari 2019' is geen datum zoals 2021-12-31"
        ),
        format!(
            "{file}: sleutel 'gemeente[3].merged_into': zonder valid_until: wanneer ging de gemeente op?"
        ),
        format!("{file}: sleutel 'gemeente[5].code': 'GM0375' staat ook al bij gemeente[4].code"),
        format!(
            "{file}: sleutel 'gemeente[6].name': 'beverwijk' staat ook al bij gemeente[4].name"
        ),
        format!(
            "{file}: sleutel 'gemeente[4].merged_into': 'GM9999' is geen gemeente van dit bestand"
        ),
    ];
    for line in &expected {
        assert!(
            errors.contains(&line.as_str()),
            "{line}\nnot in:\n{}",
            out.stderr
        );
    }
    assert_eq!(
        errors.last().unwrap(),
        &format!(
            "{} problemen gevonden; er is niets gewijzigd.",
            expected.len()
        )
    );
    assert_eq!(errors.len(), expected.len() + 1, "{}", out.stderr);
    assert!(!store.path.exists(), "no store is made for a bad region");
}

#[test]
fn init_without_a_region_makes_a_zaanstreek_waterland_store_without_demo_data() {
    let store = temp_store();
    let out = run(&store.path, &["init"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "{} is een database voor Zaanstreek-Waterland (RG_ZAWA): 7 gemeenten.\n  \
             Beemster tot en met 31 december 2021, daarna Purmerend\n",
            store.path.display()
        )
    );
    // Later commands find a store for real figures: no demo data appear.
    assert_eq!(
        export_all(&store.path),
        "indicator;gebied;periode;waarde;status;opmerking\n"
    );
    let batches = run(&store.path, &["batches"]).stdout;
    assert_eq!(batches.lines().count(), 1, "only the header: {batches}");
    let file = write(
        &store.path,
        "zaanstad.csv",
        "indicator;gebied;periode;waarde\nzvh_aanmeldingen;Zaanstad;2025-K3;12\n",
    );
    assert_eq!(run(&store.path, &["import", &file]).code, 0);
}

#[test]
fn demo_data_are_refused_on_a_kennemerland_store() {
    let store = temp_store();
    init_kennemerland(&store.path);
    let out = run(&store.path, &["demo"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "de voorbeelddata gaan over Zaanstreek-Waterland; deze database is voor Kennemerland\n"
    );
    assert_eq!(
        export_all(&store.path),
        "indicator;gebied;periode;waarde;status;opmerking\n"
    );
}

#[test]
fn the_bo_pakket_of_a_kennemerland_store_names_kennemerland() {
    let store = temp_store();
    init_kennemerland(&store.path);
    let file = write(
        &store.path,
        "aanmeldingen.csv",
        "indicator;gebied;periode;waarde\n\
         zvh_aanmeldingen;Haarlem;2025-K4;120\n\
         zvh_aanmeldingen;Kennemerland;2025-K4;300\n",
    );
    assert_eq!(run(&store.path, &["import", &file]).code, 0);
    let out = store.path.with_file_name("bo.html");
    let written = run(
        &store.path,
        &[
            "report",
            "--bo",
            "12-2-2026",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("<p class=\"kicker\">Kennemerland</p>"),
        "the cover names the region"
    );
    assert!(
        html.contains("<span class=\"period\">Kennemerland · 2025 K4</span>"),
        "the page of Aanmeldingen ZVH names the region"
    );
    assert!(!html.contains("Zaanstreek-Waterland ·"));
    assert!(!html.contains("Allen voor Een · "));
}
