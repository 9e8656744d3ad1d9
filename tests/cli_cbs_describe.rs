//! `regio-in-beeld cbs describe TABLE`: what a CBS table publishes, so whoever adds a CBS indicator
//! copies keys instead of guessing them. Against a local server shaped like the CBS Feed.

mod support;

use support::{finish, regio};

/// Describing a table needs no database: none is given.
fn describe(table: &str, base: &str) -> support::Run {
    finish(regio().args(["cbs", "describe", table, "--base-url", base]))
}

#[test]
fn describe_prints_title_periods_dimensions_with_categories_and_topics_with_units() {
    let server = support::cbs::all_tables_server();
    let out = describe("85896NED", &server.url());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected = "\
CBS-tabel 85896NED: Wmo-cliënten; type maatwerkvoorziening, persoonskenmerken, regio
Perioden: halfjaar, jaar (2024HJ01 tot en met 2025HJ01)
Regio's (RegioS): 10 in de tabel; Zaanstreek-Waterland en Nederland: 'NL01  ' Nederland, 'GM0370' Beemster, 'GM0385' Edam-Volendam, 'GM0415' Landsmeer, 'GM0431' Oostzaan, 'GM0439' Purmerend, 'GM0479' Zaanstad, 'GM0852' Waterland, 'GM0880' Wormerland
Dimensies (elk heeft een filter nodig):
  Geslacht (Geslacht)
    T001038 Totaal mannen en vrouwen (totaal)
    3000 Mannen
  KenmerkenVanPersonen (Kenmerken van personen)
    T009002 Totaal personen (totaal)
    10000 Leeftijd: 0 tot 18 jaar
  TypeMaatwerkvoorziening (Type maatwerkvoorziening)
    T001024 Totaal Wmo-maatwerkvoorzieningen (totaal)
    A050000 Hulp bij het huishouden
Onderwerpen:
  WmoClienten_1 (Wmo-cliënten) [aantal]
  WmoClientenPer1000Inwoners_2 (Wmo-cliënten per 1000 inwoners) [per 1 000 inwoners]
";
    assert_eq!(out.stdout, expected);
}

#[test]
fn a_table_without_other_dimensions_says_so() {
    let server = support::cbs::all_tables_server();
    let out = describe("85098NED", &server.url());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("CBS-tabel 85098NED: Indicatoren jeugdzorg in natura; gemeenten\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Perioden: jaar, halfjaar (2022JJ00 tot en met 2024JJ00)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Dimensies: geen naast RegioS en Perioden"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  JongerenMetJeugdbescherming_3 (Jongeren met jeugdbescherming) [%]"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_unknown_table_is_named_with_the_server_answer() {
    let server = support::cbs::all_tables_server();
    let out = describe("99999NED", &server.url());
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("CBS antwoordde met HTTP-status 501")
            && out.stderr.contains("/99999NED/TableInfos"),
        "{}",
        out.stderr
    );
}

#[test]
fn something_that_is_no_table_number_is_refused_without_asking_cbs() {
    let out = describe("../83648NED", "http://127.0.0.1:9");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("'../83648NED' is geen CBS-tabelnummer zoals 83648NED"),
        "{}",
        out.stderr
    );
}
