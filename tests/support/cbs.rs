//! A local server that answers like the CBS Feed, from tests/fixtures/cbs/.

use mockito::{Matcher, Mock, Server, ServerGuard};

use super::fixture;

/// Serves every table in tests/fixtures/cbs/ the way the CBS Feed would.
pub fn all_tables_server() -> ServerGuard {
    server_with_faults(&[]).0
}

/// Like [`all_tables_server`], with some answers taken from tests/fixtures/cbs/faults/: each pair is
/// `(table_entity, fault file)`, e.g. `("82015NED_DataProperties", "82015NED_DataProperties_percent")`;
/// a `TypedDataSet` fault replaces both pages with one. Also returns the data set's mocks per table
/// (`(table, mock)`), so a test can assert that no figure was asked for.
pub fn server_with_faults(faults: &[(&str, &str)]) -> (ServerGuard, Vec<(String, Mock)>) {
    let mut server = Server::new();
    let mut data_sets = Vec::new();
    let dir = fixture("cbs");
    let read = |path: std::path::PathBuf, server: &ServerGuard| {
        std::fs::read_to_string(path)
            .unwrap()
            .replace("{BASE}", &server.url())
    };
    for (name, fault) in faults {
        let (table, entity) = name.split_once('_').unwrap();
        let text = read(dir.join(format!("faults/{fault}.json")), &server);
        let mock = server
            .mock("GET", format!("/{table}/{entity}").as_str())
            .match_query(Matcher::Any)
            .with_body(text)
            .create();
        if entity == "TypedDataSet" {
            data_sets.push((table.to_string(), mock));
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        let (table, entity) = stem.split_once('_').unwrap();
        let (entity, query) = match entity {
            "TypedDataSet_page1" => ("TypedDataSet", Matcher::Regex("filter=".into())),
            "TypedDataSet_page2" => ("TypedDataSet", Matcher::Regex("skip=".into())),
            other => (other, Matcher::Any),
        };
        if faults
            .iter()
            .any(|(faulty, _)| *faulty == format!("{table}_{entity}"))
        {
            continue;
        }
        let text = read(dir.join(&name), &server);
        let mock = server
            .mock("GET", format!("/{table}/{entity}").as_str())
            .match_query(query)
            .with_body(text)
            .create();
        if entity == "TypedDataSet" {
            data_sets.push((table.to_string(), mock));
        }
    }
    (server, data_sets)
}
