//! `regio-in-beeld fetch` on a store of another region: CBS is asked for that region's gemeenten and
//! Nederland, against a local server that answers like CBS. No test touches the internet.

mod support;

use std::path::Path;

use mockito::{Matcher, Mock, Server, ServerGuard};
use support::{export_all, fixture, run, temp_store};

const TABLE: &str = "83648NED";

/// The table's gemeenten as CBS lists them: all of Noord-Holland in the real table; here a few of
/// Kennemerland (Haarlemmerliede en Spaarnwoude among them, a key CBS keeps for its old years) and
/// of Zaanstreek-Waterland.
const REGIONS: &str = r#"{"value":[
 {"Key":"NL01  ","Title":"Nederland","Description":null,"CategoryGroupID":null},
 {"Key":"GM0375","Title":"Beverwijk","Description":null,"CategoryGroupID":null},
 {"Key":"GM0392","Title":"Haarlem","Description":null,"CategoryGroupID":null},
 {"Key":"GM0393","Title":"Haarlemmerliede en Spaarnwoude","Description":null,"CategoryGroupID":null},
 {"Key":"GM0439","Title":"Purmerend","Description":null,"CategoryGroupID":null},
 {"Key":"GM0473","Title":"Zandvoort","Description":null,"CategoryGroupID":null},
 {"Key":"GM0479","Title":"Zaanstad","Description":null,"CategoryGroupID":null}
]}"#;

const ROWS: &str = r#"{"value":[
 {"ID":0,"SoortMisdrijf":"T001161","RegioS":"NL01  ","Perioden":"2023JJ00","TotaalGeregistreerdeMisdrijven_1":751800.0},
 {"ID":1,"SoortMisdrijf":"T001161","RegioS":"GM0375","Perioden":"2023JJ00","TotaalGeregistreerdeMisdrijven_1":2311.0},
 {"ID":2,"SoortMisdrijf":"T001161","RegioS":"GM0392","Perioden":"2023JJ00","TotaalGeregistreerdeMisdrijven_1":9120.0},
 {"ID":3,"SoortMisdrijf":"T001161","RegioS":"GM0473","Perioden":"2023JJ00","TotaalGeregistreerdeMisdrijven_1":1204.0}
]}"#;

fn serve_fixture(server: &mut ServerGuard, entity: &str) {
    let text = std::fs::read_to_string(fixture(&format!("cbs/{TABLE}_{entity}.json"))).unwrap();
    server
        .mock("GET", format!("/{TABLE}/{entity}").as_str())
        .match_query(Matcher::Any)
        .with_body(text)
        .create();
}

/// A CBS look-alike whose data set answers only the request that names exactly `filter`.
fn server_answering(filter: &str) -> (ServerGuard, Mock) {
    let mut server = Server::new();
    for entity in ["DataProperties", "Perioden", "SoortMisdrijf"] {
        serve_fixture(&mut server, entity);
    }
    server
        .mock("GET", format!("/{TABLE}/RegioS").as_str())
        .match_query(Matcher::Any)
        .with_body(REGIONS)
        .create();
    let data = server
        .mock("GET", format!("/{TABLE}/TypedDataSet").as_str())
        .match_query(Matcher::UrlEncoded("$filter".into(), filter.into()))
        .with_body(ROWS)
        .create();
    (server, data)
}

fn fetch(db: &Path, base: &str) -> support::Run {
    run(
        db,
        &[
            "fetch",
            "--indicator",
            "geregistreerde_misdrijven",
            "--base-url",
            base,
        ],
    )
}

#[test]
fn a_kennemerland_store_asks_cbs_for_its_gemeenten_and_nederland_not_for_zaanstad() {
    let store = temp_store();
    let kennemerland =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/regions/kennemerland.toml");
    let init = run(
        &store.path,
        &["init", "--region", kennemerland.to_str().unwrap()],
    );
    assert_eq!(init.code, 0, "{}", init.stderr);
    let (server, data) = server_answering(
        "(RegioS eq 'NL01  ' or RegioS eq 'GM0375' or RegioS eq 'GM0392' or RegioS eq 'GM0393' \
         or RegioS eq 'GM0473') and (SoortMisdrijf eq 'T001161')",
    );

    let out = fetch(&store.path, &server.url());
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    data.assert();
    assert!(
        out.stdout.contains(
            "CBS 83648NED (geregistreerde_misdrijven): 4 waarden opgehaald; batch 1: 4 toegevoegd"
        ),
        "{}",
        out.stdout
    );
    assert_eq!(
        export_all(&store.path),
        "indicator;gebied;periode;waarde;status;opmerking\n\
         geregistreerde_misdrijven;Beverwijk;2023;2311;definitief;\n\
         geregistreerde_misdrijven;Haarlem;2023;9120;definitief;\n\
         geregistreerde_misdrijven;Zandvoort;2023;1204;definitief;\n\
         geregistreerde_misdrijven;Nederland;2023;751800;definitief;\n"
    );
}
