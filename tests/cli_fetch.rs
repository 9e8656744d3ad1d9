//! `regio-in-beeld fetch` against a local server that answers like CBS (recorded-format responses in
//! tests/fixtures/cbs/). No test touches the internet.

#[macro_use]
mod support;

use std::io::Read;
use std::net::TcpListener;

use mockito::{Matcher, Mock, Server, ServerGuard};
use support::backends::Backend;
use support::fixture;

on_both_backends!(
    a_fetch_follows_paging_and_stores_a_cbs_batch,
    an_unchanged_answer_changes_nothing_and_undo_restores_the_demo_values,
    a_server_error_writes_nothing,
    a_truncated_answer_writes_nothing,
    a_deeply_nested_answer_is_refused_without_running_out_of_stack,
    a_server_that_does_not_answer_times_out_and_writes_nothing,
    a_renumbered_measure_is_named_and_nothing_is_written,
    rows_for_an_unknown_region_code_are_left_out_and_named,
    a_manual_indicator_cannot_be_fetched,
    fetching_every_cbs_indicator_gives_the_expected_export,
    a_failure_on_the_second_page_writes_nothing_of_the_first,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

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

fn fetch(store: &Backend, base: &str, extra: &[&str]) -> support::Run {
    let mut args = vec![
        "fetch",
        "--indicator",
        "geregistreerde_misdrijven",
        "--base-url",
        base,
    ];
    args.extend_from_slice(extra);
    store.run(&args)
}

fn a_fetch_follows_paging_and_stores_a_cbs_batch(backend: &Backend) {
    let (server, mocks) = cbs_server();
    let store = demo_store(backend);
    let out = fetch(store, &server.url(), &[]);
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
        store
            .exported("geregistreerde_misdrijven", area, period)
            .unwrap()
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
    let batches = store.run(&["batches"]).stdout;
    assert!(batches.contains("\tCBS open data\t31\t"), "{batches}");
    assert!(
        batches.contains("CBS 83648NED (geregistreerde_misdrijven)"),
        "{batches}"
    );
}

fn an_unchanged_answer_changes_nothing_and_undo_restores_the_demo_values(backend: &Backend) {
    let (server, _mocks) = cbs_server();
    let store = demo_store(backend);
    let before = store.export_all();
    assert_eq!(fetch(store, &server.url(), &[]).code, 0);
    let again = fetch(store, &server.url(), &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stdout
            .contains("32 waarden opgehaald; niets gewijzigd."),
        "{}",
        again.stdout
    );
    assert_eq!(store.run(&["undo", "2"]).code, 0);
    assert_eq!(store.export_all(), before);
}

fn assert_nothing_written(store: &Backend, before: &str, out: &support::Run, expected: &str) {
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stderr.contains(expected), "{}", out.stderr);
    assert!(
        out.stderr.contains("er is niets gewijzigd"),
        "{}",
        out.stderr
    );
    assert_eq!(store.export_all(), before);
}

fn a_server_error_writes_nothing(backend: &Backend) {
    let (mut server, _mocks) = cbs_server();
    let url = server.url();
    server.reset();
    server.mock("GET", Matcher::Any).with_status(500).create();
    let store = demo_store(backend);
    let before = store.export_all();
    let out = fetch(store, &url, &[]);
    assert_nothing_written(store, &before, &out, "CBS antwoordde met HTTP-status 500");
}

fn a_truncated_answer_writes_nothing(backend: &Backend) {
    let mut server = metadata_server();
    let page1 = body("TypedDataSet_page1", &server);
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::Any)
        .with_body(&page1[..page1.len() / 2])
        .create();
    let store = demo_store(backend);
    let before = store.export_all();
    let out = fetch(store, &server.url(), &[]);
    assert_nothing_written(
        store,
        &before,
        &out,
        "het antwoord van CBS is onvolledig of onleesbaar",
    );
}

fn a_deeply_nested_answer_is_refused_without_running_out_of_stack(backend: &Backend) {
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
    let store = demo_store(backend);
    let before = store.export_all();
    let out = fetch(store, &server.url(), &[]);
    assert_nothing_written(
        store,
        &before,
        &out,
        "het antwoord van CBS is onvolledig of onleesbaar",
    );
}

fn a_server_that_does_not_answer_times_out_and_writes_nothing(backend: &Backend) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let silent = std::thread::spawn(move || {
        // Accept and read, never answer, until the client gives up.
        if let Ok((mut stream, _)) = listener.accept() {
            let mut buffer = [0u8; 1024];
            while matches!(stream.read(&mut buffer), Ok(n) if n > 0) {}
        }
    });
    let store = demo_store(backend);
    let before = store.export_all();
    let out = fetch(store, &format!("http://{address}"), &["--timeout", "1"]);
    assert_nothing_written(store, &before, &out, "CBS antwoordde niet op tijd");
    drop(silent);
}

fn a_renumbered_measure_is_named_and_nothing_is_written(backend: &Backend) {
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
    let store = demo_store(backend);
    let before = store.export_all();
    let out = fetch(store, &server.url(), &[]);
    assert_nothing_written(
        store,
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

fn rows_for_an_unknown_region_code_are_left_out_and_named(backend: &Backend) {
    let mut server = metadata_server();
    let page = body("TypedDataSet_page2", &server).replace("\"GM0479\"", "\"GM9999\"");
    server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::Any)
        .with_body(page)
        .create();
    let store = demo_store(backend);
    let out = fetch(store, &server.url(), &[]);
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

fn a_manual_indicator_cannot_be_fetched(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&[
        "fetch",
        "--indicator",
        "zvh_aanmeldingen",
        "--base-url",
        "http://127.0.0.1:9",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("wordt met de hand aangeleverd"),
        "{}",
        out.stderr
    );
}

fn fetching_every_cbs_indicator_gives_the_expected_export(backend: &Backend) {
    let server = support::cbs::all_tables_server();
    let store = demo_store(backend);
    assert_eq!(
        store.run(&["undo", "1"]).code,
        0,
        "start without the demo values"
    );
    let out = store.run(&["fetch", "--base-url", &server.url()]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("[5/5] CBS 85896NED ophalen (wmo_clienten)"),
        "{}",
        out.stdout
    );
    let exported = store.export_all();
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(fixture("cbs/expected-export.csv"), &exported).unwrap();
    }
    let expected = std::fs::read_to_string(fixture("cbs/expected-export.csv")).unwrap();
    assert_eq!(exported, expected);
}

fn a_failure_on_the_second_page_writes_nothing_of_the_first(backend: &Backend) {
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
    let store = demo_store(backend);
    let before = store.export_all();
    let out = fetch(store, &server.url(), &[]);
    assert_nothing_written(store, &before, &out, "CBS antwoordde met HTTP-status 503");
}
