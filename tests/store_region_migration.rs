//! A store from before regions were stored (schema version 5, frozen in `fixtures/schema_v5.sql`)
//! opens with the newest code as Zaanstreek-Waterland's, now with Beemster until 2021, and keeps its
//! values, their history, notes and events.

mod support;

use rusqlite::Connection;
use support::{run, temp_store};

/// The frozen file of the last version without a region.
const BEFORE_REGIONS: &str = include_str!("fixtures/schema_v5.sql");

fn tables_and_indexes(path: &std::path::Path) -> Vec<(String, String)> {
    let conn = Connection::open(path).unwrap();
    let mut query = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
        .unwrap();
    query
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_store_from_before_regions_becomes_zaanstreek_waterland_with_beemster_and_keeps_its_data() {
    let store = temp_store();
    Connection::open(&store.path)
        .unwrap()
        .execute_batch(BEFORE_REGIONS)
        .unwrap();

    assert_eq!(
        support::export_all(&store.path),
        "indicator;gebied;periode;waarde;status;opmerking\n\
         zvh_aanmeldingen;Purmerend;2024 K3;;afgeschermd;minder dan 5\n\
         zvh_aanmeldingen;Zaanstad;2024 K3;14;definitief;\n\
         zvh_aanmeldingen;Zaanstreek-Waterland;2024 K3;31;voorlopig;\n\
         zvh_dossiers_in_behandeling;Zaanstad;2024-07;45;definitief;Raadsinformatiebrief\n",
        "the values keep their indicator, area and meaning; no demo data are added"
    );
    let conn = Connection::open(&store.path).unwrap();
    let region: (String, String, i64) = conn
        .query_row("SELECT code, name, chosen FROM region", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(region, ("RG_ZAWA".into(), "Zaanstreek-Waterland".into(), 0));
    let beemster: (Option<String>, Option<String>, String) = conn
        .query_row(
            "SELECT g.valid_until, g.merged_into, a.name FROM region_gemeenten g \
             JOIN areas a ON a.code = g.area_code WHERE g.area_code = 'GM0370'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        beemster,
        (
            Some("2021-12-31".into()),
            Some("GM0439".into()),
            "Beemster".into()
        )
    );
    let members: i64 = conn
        .query_row("SELECT count(*) FROM region_gemeenten", [], |r| r.get(0))
        .unwrap();
    assert_eq!(members, 8, "the seven gemeenten of today and Beemster");
    drop(conn);

    // Beemster is a gemeente of the store now, for the years it existed.
    let beemster_2021 = store.path.with_file_name("beemster.csv");
    std::fs::write(
        &beemster_2021,
        "indicator;gebied;periode;waarde\nzvh_aanmeldingen;Beemster;2021-K4;3\n",
    )
    .unwrap();
    let out = run(
        &store.path,
        &["import", "--dry-run", beemster_2021.to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);

    // The file's own Beemster event (from the demo data) is the one boundary change, not doubled.
    let events = run(&store.path, &["events", "list"]);
    assert_eq!(events.code, 0, "{}", events.stderr);
    let boundary: Vec<&str> = events
        .stdout
        .lines()
        .filter(|l| l.contains("\tindeling\t"))
        .collect();
    assert_eq!(
        boundary,
        ["3\t1 januari 2022\tindeling\tPurmerend\tBeemster gaat op in Purmerend"]
    );

    // The history still undoes: batch 2 had replaced Zaanstad's 12 with 14.
    assert_eq!(run(&store.path, &["undo", "2"]).code, 0);
    assert_eq!(
        support::exported(&store.path, "zvh_aanmeldingen", "Zaanstad", "2024 K3").as_deref(),
        Some("12;definitief;")
    );

    let fresh = temp_store();
    assert_eq!(run(&fresh.path, &["init"]).code, 0);
    assert_eq!(
        tables_and_indexes(&store.path),
        tables_and_indexes(&fresh.path),
        "the migrated schema equals a new store's"
    );
}
