//! `regio-in-beeld fetch` against a local server that answers like CBS (recorded-format responses in
//! tests/fixtures/cbs/). No test touches the internet.

mod support;

use std::io::Read;
use std::net::TcpListener;

use mockito::{Matcher, Mock, Server, ServerGuard};
use support::{export_all, exported, fixture, run, temp_store};

const TABLE: &str = "83648NED";

fn body(entity: &str, server: &ServerGuard) -> String {
    let text = std::fs::read_to_string(fixture(&format!("cbs/{TABLE}_{entity}.json"))).unwrap();
    text.replace("{BASE}", &server.url())
}

fn serve(server: &mut ServerGuard, entity: &str, file: &str) -> Mock {
    let text = body(file, server);
    server
        .mock("GET", format!("/{TABLE}/{entity}").as_str())
        .match_query(Matcher::Any)
        .with_header("content-type", "application/json")
        .with_body(text)
        .create()
}

/// Serves the table's metadata and dimensions; each test adds the data set as it needs.
fn metadata_server() -> ServerGuard {
    let mut server = Server::new();
    for entity in ["DataProperties", "RegioS", "Perioden", "SoortMisdrijf"] {
        serve(&mut server, entity, entity);
    }
    server
}

/// A CBS look-alike for 83648NED; the data set in two pages.
fn cbs_server() -> (ServerGuard, Vec<Mock>) {
    let mut server = Server::new();
    let mut mocks = vec![
        serve(&mut server, "DataProperties", "DataProperties"),
        serve(&mut server, "RegioS", "RegioS"),
        serve(&mut server, "Perioden", "Perioden"),
        serve(&mut server, "SoortMisdrijf", "SoortMisdrijf"),
    ];
    let page2 = body("TypedDataSet_page2", &server);
    mocks.push(
        server
            .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
            .match_query(Matcher::UrlEncoded("$skip".into(), "16".into()))
            .with_body(page2)
            .create(),
    );
    let page1 = body("TypedDataSet_page1", &server);
    mocks.push(
        server
            .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
            .match_query(Matcher::AllOf(vec![
                Matcher::UrlEncoded("$filter".into(), "(RegioS eq 'NL01  ' or RegioS eq 'GM0370' or RegioS eq 'GM0385' or RegioS eq 'GM0415' or RegioS eq 'GM0431' or RegioS eq 'GM0439' or RegioS eq 'GM0479' or RegioS eq 'GM0852' or RegioS eq 'GM0880') and (SoortMisdrijf eq 'T001161')".into()),
                Matcher::UrlEncoded("$select".into(), "RegioS,Perioden,TotaalGeregistreerdeMisdrijven_1".into()),
            ]))
            .with_body(page1)
            .create(),
    );
    (server, mocks)
}

fn fetch(db: &std::path::Path, base: &str, extra: &[&str]) -> support::Run {
    let mut args = vec![
        "fetch",
        "--indicator",
        "geregistreerde_misdrijven",
        "--base-url",
        base,
    ];
    args.extend_from_slice(extra);
    run(db, &args)
}

#[test]
fn a_fetch_follows_paging_and_stores_a_cbs_batch() {
    let (server, mocks) = cbs_server();
    let store = temp_store();
    let out = fetch(&store.path, &server.url(), &[]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    for mock in &mocks {
        mock.assert();
    }
    assert!(
        out.stdout
            .contains("[1/1] CBS 83648NED ophalen (geregistreerde_misdrijven)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("CBS 83648NED (geregistreerde_misdrijven): 32 waarden opgehaald; batch 2: 4 toegevoegd, 27 gewijzigd."), "{}", out.stdout);
    let get = |area: &str, period: &str| {
        exported(&store.path, "geregistreerde_misdrijven", area, period).unwrap()
    };
    assert_eq!(get("Zaanstad", "2021"), "7040;definitief;");
    assert_eq!(get("Nederland", "2023"), "751800;definitief;");
    assert_eq!(
        get("Purmerend", "2024"),
        "3813;voorlopig;",
        "CBS status Voorlopig"
    );
    assert_eq!(
        get("Oostzaan", "2023"),
        ";afgeschermd;",
        "a null cell is not available, never 0"
    );
    let batches = run(&store.path, &["batches"]).stdout;
    assert!(batches.contains("\tCBS open data\t31\t"), "{batches}");
    assert!(
        batches.contains("CBS 83648NED (geregistreerde_misdrijven)"),
        "{batches}"
    );
}

#[test]
fn an_unchanged_answer_changes_nothing_and_undo_restores_the_demo_values() {
    let (server, _mocks) = cbs_server();
    let store = temp_store();
    let before = export_all(&store.path);
    assert_eq!(fetch(&store.path, &server.url(), &[]).code, 0);
    let again = fetch(&store.path, &server.url(), &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("32 waarden opgehaald; niets gewijzigd."),
        "{}",
        again.stdout
    );
    assert_eq!(run(&store.path, &["undo", "2"]).code, 0);
    assert_eq!(export_all(&store.path), before);
}

fn assert_nothing_written(db: &std::path::Path, before: &str, out: &support::Run, expected: &str) {
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stderr.contains(expected), "{}", out.stderr);
    assert!(
        out.stderr.contains("er is niets gewijzigd"),
        "{}",
        out.stderr
    );
    assert_eq!(export_all(db), before);
}

#[test]
fn a_server_error_writes_nothing() {
    let (mut server, _mocks) = cbs_server();
    let url = server.url();
    server.reset();
    server.mock("GET", Matcher::Any).with_status(500).create();
    let store = temp_store();
    let before = export_all(&store.path);
    let out = fetch(&store.path, &url, &[]);
    assert_nothing_written(
        &store.path,
        &before,
        &out,
        "CBS antwoordde met HTTP-status 500",
    );
}

#[test]
fn a_truncated_answer_writes_nothing() {
    let mut server = metadata_server();
    let page1 = body("TypedDataSet_page1", &server);
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::Any)
        .with_body(&page1[..page1.len() / 2])
        .create();
    let store = temp_store();
    let before = export_all(&store.path);
    let out = fetch(&store.path, &server.url(), &[]);
    assert_nothing_written(
        &store.path,
        &before,
        &out,
        "het antwoord van CBS is onvolledig of onleesbaar",
    );
}

#[test]
fn a_deeply_nested_answer_is_refused_without_running_out_of_stack() {
    let mut server = metadata_server();
    let nested = format!(
        "{{\"value\": {}{}}}",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::Any)
        .with_body(nested)
        .create();
    let store = temp_store();
    let before = export_all(&store.path);
    let out = fetch(&store.path, &server.url(), &[]);
    assert_nothing_written(
        &store.path,
        &before,
        &out,
        "het antwoord van CBS is onvolledig of onleesbaar",
    );
}

#[test]
fn a_server_that_does_not_answer_times_out_and_writes_nothing() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let silent = std::thread::spawn(move || {
        // Accept and read, never answer, until the client gives up.
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buffer = [0u8; 1024];
            while matches!(stream.read(&mut buffer), Ok(n) if n > 0) {}
        }
    });
    let store = temp_store();
    let before = export_all(&store.path);
    let out = fetch(
        &store.path,
        &format!("http://{address}"),
        &["--timeout", "1"],
    );
    assert_nothing_written(&store.path, &before, &out, "CBS antwoordde niet op tijd");
    drop(silent);
}

#[test]
fn a_renumbered_measure_is_named_and_nothing_is_written() {
    let mut server = Server::new();
    for entity in ["RegioS", "Perioden", "SoortMisdrijf"] {
        serve(&mut server, entity, entity);
    }
    let properties = body("DataProperties", &server).replace(
        "TotaalGeregistreerdeMisdrijven_1",
        "TotaalGeregistreerdeMisdrijven_7",
    );
    server
        .mock("GET", format!("/{TABLE}/DataProperties").as_str())
        .match_query(Matcher::Any)
        .with_body(properties)
        .create();
    let store = temp_store();
    let before = export_all(&store.path);
    let out = fetch(&store.path, &server.url(), &[]);
    assert_nothing_written(
        &store.path,
        &before,
        &out,
        "CBS-tabel 83648NED: onderwerp 'TotaalGeregistreerdeMisdrijven_1' staat niet in DataProperties",
    );
    assert!(
        out.stderr.contains("TotaalGeregistreerdeMisdrijven_7"),
        "{}",
        out.stderr
    );
}

#[test]
fn rows_for_an_unknown_region_code_are_left_out_and_named() {
    let mut server = metadata_server();
    let page = body("TypedDataSet_page2", &server).replace("\"GM0479\"", "\"GM9999\"");
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::Any)
        .with_body(page)
        .create();
    let store = temp_store();
    let out = fetch(&store.path, &server.url(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("83648NED: onbekende regiocode 'GM9999' overgeslagen"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("12 waarden opgehaald"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_manual_indicator_cannot_be_fetched() {
    let store = temp_store();
    let out = run(
        &store.path,
        &[
            "fetch",
            "--indicator",
            "zvh_aanmeldingen",
            "--base-url",
            "http://127.0.0.1:9",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("wordt met de hand aangeleverd"),
        "{}",
        out.stderr
    );
}

#[test]
fn fetching_every_cbs_indicator_gives_the_expected_export() {
    let server = support::cbs::all_tables_server();
    let store = temp_store();
    assert_eq!(
        run(&store.path, &["undo", "1"]).code,
        0,
        "start without the demo values"
    );
    let out = run(&store.path, &["fetch", "--base-url", &server.url()]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("[5/5] CBS 85896NED ophalen (wmo_clienten)"),
        "{}",
        out.stdout
    );
    let exported = export_all(&store.path);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(fixture("cbs/expected-export.csv"), &exported).unwrap();
    }
    let expected = std::fs::read_to_string(fixture("cbs/expected-export.csv")).unwrap();
    assert_eq!(exported, expected);
}

#[test]
fn a_failure_on_the_second_page_writes_nothing_of_the_first() {
    let mut server = metadata_server();
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::UrlEncoded("$skip".into(), "16".into()))
        .with_status(503)
        .create();
    let page1 = body("TypedDataSet_page1", &server);
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::Regex("filter=".into()))
        .with_body(page1)
        .create();
    let store = temp_store();
    let before = export_all(&store.path);
    let out = fetch(&store.path, &server.url(), &[]);
    assert_nothing_written(
        &store.path,
        &before,
        &out,
        "CBS antwoordde met HTTP-status 503",
    );
}
