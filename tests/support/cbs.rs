//! A local server that answers like the CBS Feed, from tests/fixtures/cbs/.

use mockito::{Matcher, Server, ServerGuard};

use super::fixture;

/// Serves every table in tests/fixtures/cbs/ the way the CBS Feed would.
pub fn all_tables_server() -> ServerGuard {
    let mut server = Server::new();
    let dir = fixture("cbs");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        let (table, entity) = stem.split_once('_').unwrap();
        let text = std::fs::read_to_string(dir.join(&name))
            .unwrap()
            .replace("{BASE}", &server.url());
        let (entity, query) = match entity {
            "TypedDataSet_page1" => ("TypedDataSet", Matcher::Regex("filter=".into())),
            "TypedDataSet_page2" => ("TypedDataSet", Matcher::Regex("skip=".into())),
            other => (other, Matcher::Any),
        };
        server
            .mock("GET", format!("/{table}/{entity}").as_str())
            .match_query(query)
            .with_body(text)
            .create();
    }
    server
}
