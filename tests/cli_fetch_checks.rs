//! The fetch checks a definition against the CBS table's own metadata before it asks for figures, and
//! refuses an answer that is not one row per region and period. Every refusal names table, dimension
//! and the choices, and writes nothing. Against a local server shaped like the CBS Feed.

mod support;

use std::path::{Path, PathBuf};

use support::cbs::server_with_faults;
use support::{Run, finish, regio_with_indicators, temp_store};

/// The shipped definitions in a temporary folder, with one file's text changed.
fn definitions_with(file: &str, from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("indicators");
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        if path.file_name().unwrap() == file {
            assert!(text.contains(from), "{file} holds {from}");
            text = text.replace(from, to);
        }
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("indicators")
}

fn regio(db: &Path, indicators: &Path, args: &[&str]) -> Run {
    finish(regio_with_indicators(db, indicators).args(args))
}

/// Fetches every CBS indicator and asserts the refusal: exit 1, the message, nothing written.
fn assert_refused(indicators: &Path, base: &str, expected: &[&str]) {
    let store = temp_store();
    let before = regio(&store.path, indicators, &["export", "--unshielded"]).stdout;
    let out = regio(&store.path, indicators, &["fetch", "--base-url", base]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    for text in expected {
        assert!(out.stderr.contains(text), "{text}\n{}", out.stderr);
    }
    assert!(
        out.stderr.contains("er is niets gewijzigd"),
        "{}",
        out.stderr
    );
    let after = regio(&store.path, indicators, &["export", "--unshielded"]).stdout;
    assert_eq!(after, before, "nothing written");
    let batches = regio(&store.path, indicators, &["batches"]).stdout;
    assert!(!batches.contains("CBS open data"), "{batches}");
}

#[test]
fn an_unfiltered_dimension_is_refused_before_any_figure_is_asked_with_its_categories() {
    let (server, data_sets) = server_with_faults(&[]);
    let (_dir, indicators) = definitions_with(
        "bijstandsuitkeringen.toml",
        "filters = { UitkeringenInRelatieMetDeAOW = \"T001022\" }\n",
        "",
    );
    assert_refused(
        &indicators,
        &server.url(),
        &[
            "CBS-tabel 82015NED: dimensie UitkeringenInRelatieMetDeAOW (Uitkeringen in relatie met de AOW) heeft geen filter",
            "T001022 Totaal (totaal); A049247 Tot de AOW-leeftijd; A049248 Vanaf de AOW-leeftijd",
        ],
    );
    for (table, mock) in &data_sets {
        assert!(!mock.matched(), "no figures of {table} asked for");
    }
}

#[test]
fn a_filter_on_a_category_the_dimension_lacks_lists_the_categories() {
    let (server, _) = server_with_faults(&[]);
    let (_dir, indicators) = definitions_with("wmo_clienten.toml", "\"T009002\"", "\"T001038\"");
    assert_refused(
        &indicators,
        &server.url(),
        &[
            "CBS-tabel 85896NED: categorie 'T001038' bestaat niet in dimensie KenmerkenVanPersonen (Kenmerken van personen)",
            "T009002 Totaal personen (totaal)",
        ],
    );
}

#[test]
fn a_filter_on_a_dimension_the_table_lacks_is_refused() {
    let (server, _) = server_with_faults(&[]);
    let (_dir, indicators) = definitions_with(
        "jeugdbescherming_jongeren.toml",
        "measure = \"JongerenMetJeugdbescherming_3\"",
        "measure = \"JongerenMetJeugdbescherming_3\"\nfilters = { Geslacht = \"T001038\" }",
    );
    assert_refused(
        &indicators,
        &server.url(),
        &[
            "CBS-tabel 85098NED: de definitie filtert op dimensie Geslacht, maar die heeft de tabel niet; dimensies: alleen RegioS en Perioden",
        ],
    );
}

#[test]
fn a_measure_in_another_unit_is_refused_with_the_topics_and_their_units() {
    let (server, data_sets) =
        server_with_faults(&[("82015NED_DataProperties", "82015NED_DataProperties_percent")]);
    assert_refused(
        &shipped(),
        &server.url(),
        &[
            "CBS-tabel 82015NED: onderwerp AantalBijstandsuitkeringen_1 (Aantal bijstandsuitkeringen) heeft eenheid '%', maar de indicator telt in aantal",
            "Alleenstaande_2 (Alleenstaande, aantal)",
        ],
    );
    for (table, mock) in &data_sets {
        assert!(!mock.matched(), "no figures of {table} asked for");
    }
}

#[test]
fn two_rows_for_one_gemeente_and_period_are_refused_never_last_wins() {
    let (server, _) =
        server_with_faults(&[("82015NED_TypedDataSet", "82015NED_TypedDataSet_unfiltered")]);
    assert_refused(
        &shipped(),
        &server.url(),
        &[
            "CBS-tabel 82015NED: CBS gaf meer dan een rij voor GM0385 in 2025MM01; een dimensie is niet gefilterd",
            "regio-in-beeld cbs describe 82015NED",
        ],
    );
}

#[test]
fn a_percentage_indicator_keeps_years_of_a_table_that_mixes_half_years_and_leaves_small_gemeenten_empty()
 {
    let (server, _) = server_with_faults(&[]);
    let store = temp_store();
    let out = regio(
        &store.path,
        &shipped(),
        &[
            "fetch",
            "--indicator",
            "jeugdbescherming_jongeren",
            "--base-url",
            &server.url(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("CBS 85098NED (jeugdbescherming_jongeren): 24 waarden opgehaald"),
        "three years of eight areas, no half years: {}",
        out.stdout
    );
    let get = |area: &str, period: &str| {
        support::exported(&store.path, "jeugdbescherming_jongeren", area, period).unwrap()
    };
    assert_eq!(get("Zaanstad", "2023"), "1,8;definitief;");
    assert_eq!(
        get("Landsmeer", "2022"),
        ";afgeschermd;",
        "CBS's empty cell"
    );
}
