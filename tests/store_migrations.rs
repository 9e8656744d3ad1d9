//! A store written by schema version 1 opens with the newest code, keeps its data and ends with the
//! same schema as a new store; a store from a newer app is refused and left as it was.

use std::path::Path;

use regio_in_beeld::domain::{Area, BatchKind, BatchSource, Observation, Period, Reason, Value};
use regio_in_beeld::store::{ObservationFilter, Store};
use rusqlite::Connection;

fn make_v1_file(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(include_str!("fixtures/schema_v1.sql"))
        .unwrap();
}

fn schema_of(path: &Path) -> Vec<(String, String)> {
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
fn version_1_file_opens_with_the_newest_code_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.sqlite");
    make_v1_file(&old);

    let mut store = Store::open(&old).expect("a version-1 store opens");
    let observations = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(observations.len(), 2);
    assert_eq!(observations[0].area, Area::parse("Zaanstad").unwrap());
    assert_eq!(observations[0].period, Period::parse("2023-02-01").unwrap());
    assert_eq!(observations[0].value, Value::Number(45.0));
    assert_eq!(
        observations[0].remark.as_deref(),
        Some("Raadsinformatiebrief")
    );
    assert_eq!(
        observations[1].value,
        Value::Unavailable(Reason::NotDelivered)
    );
    let batches = store.batches().unwrap();
    assert_eq!(batches.len(), 2);
    assert_eq!(
        batches[0].source.file_name.as_deref(),
        Some("zvh-correctie.csv")
    );

    // The history came along: undoing the correction brings back the value it replaced.
    let undone = store.undo_batch(batches[0].id).unwrap();
    assert_eq!((undone.restored, undone.removed), (1, 0));
    let zaanstad = store
        .observations(&ObservationFilter::default())
        .unwrap()
        .remove(0);
    assert_eq!(zaanstad.value, Value::Number(44.0));
    // An area first registered after the migration gets a key of its own.
    let edam = Observation {
        area: Area::parse("Edam-Volendam").unwrap(),
        remark: None,
        ..zaanstad.clone()
    };
    let source = BatchSource {
        kind: BatchKind::Manual,
        file_name: Some("edam.csv".into()),
        sha256: None,
        user: "test".into(),
    };
    assert_eq!(
        store
            .write_batch(&source, std::slice::from_ref(&edam))
            .unwrap()
            .added,
        1
    );
    let after = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(after.len(), 3);
    assert!(after.contains(&edam) && after.contains(&zaanstad));
    drop(store);

    let fresh = dir.path().join("fresh.sqlite");
    drop(Store::open(&fresh).unwrap());
    assert_eq!(
        schema_of(&old),
        schema_of(&fresh),
        "migrated schema equals a new store's"
    );
    let conn = Connection::open(&old).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, Store::schema_version() as i64);
}

#[test]
fn a_store_from_a_newer_app_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    make_v1_file(&path);
    let future = Store::schema_version() as i64 + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    let fingerprint = || regio_in_beeld::domain::sha256_hex(&std::fs::read(&path).unwrap());
    let before = fingerprint();

    let error = Store::open(&path).err().expect("refused");
    assert!(
        error
            .to_string()
            .contains(&format!("schemaversie {future}")),
        "{error}"
    );
    assert!(error.to_string().contains("het bestand is niet gewijzigd"));
    assert_eq!(fingerprint(), before, "the file is byte for byte unchanged");
}
