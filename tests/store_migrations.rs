//! A store written by any earlier schema version opens with the newest code, keeps its data with the
//! meaning it had and ends with the same schema as a new store; a store from a newer app is refused
//! and left as it was. Each `fixtures/schema_vN.sql` is frozen as version N shipped.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use regio_in_beeld::catalog::{Catalog, builtin_region};
use regio_in_beeld::domain::{
    BatchKind, BatchSource, EventKind, EventScope, NoteStatus, NoteVersion, Observation, Period,
    Reason, StoryKind, Value, WebUrl,
};
use regio_in_beeld::store::{ObservationFilter, Store};
use rusqlite::Connection;

fn make_file(path: &Path, frozen_schema: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(frozen_schema).unwrap();
}

fn make_v1_file(path: &Path) {
    make_file(path, include_str!("fixtures/schema_v1.sql"));
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
    // What opening it in the app does: a store from before regions is Zaanstreek-Waterland's.
    assert!(store.region().unwrap().is_none());
    store.set_region(&builtin_region(), false).unwrap();
    let observations = store.observations(&ObservationFilter::default()).unwrap();
    assert_eq!(observations.len(), 2);
    assert_eq!(
        observations[0].area,
        builtin_region().parse("Zaanstad").unwrap()
    );
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
        area: builtin_region().parse("Edam-Volendam").unwrap(),
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

    assert_schema_is_the_newest(&old);
}

/// The migrated file has exactly the tables and indexes of a new store, at the newest version.
fn assert_schema_is_the_newest(migrated: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.sqlite");
    drop(Store::open(&fresh).unwrap());
    assert_eq!(
        schema_of(migrated),
        schema_of(&fresh),
        "migrated schema equals a new store's"
    );
    let conn = Connection::open(migrated).unwrap();
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

/// A store made from a frozen schema file of an earlier version, opened (so migrated) by this code.
fn open_frozen(frozen_schema: &str) -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.sqlite");
    make_file(&path, frozen_schema);
    let mut store = Store::open(&path).expect("an older store opens");
    assert!(
        store.migration_backup().is_some(),
        "a store with data is copied before it is migrated"
    );
    // What opening it in the app does for a store from before regions.
    if store.region().unwrap().is_none() {
        store.set_region(&builtin_region(), false).unwrap();
    }
    (dir, path, store)
}

fn value(indicator: &str, area: &str, period: &str, value: Value) -> Observation {
    Observation {
        indicator: indicator.to_string(),
        area: builtin_region().parse(area).unwrap(),
        period: Period::parse(period).unwrap(),
        value,
        provisional: false,
        remark: None,
    }
}

/// The values of the frozen files from version 2 on, in the store's order (indicator, period, area).
fn values_before_migrating() -> Vec<Observation> {
    vec![
        Observation {
            remark: Some("minder dan 5".into()),
            ..value(
                "zvh_aanmeldingen",
                "Purmerend",
                "2024-K3",
                Value::Unavailable(Reason::ShieldedBySupplier),
            )
        },
        value(
            "zvh_aanmeldingen",
            "Zaanstad",
            "2024-K3",
            Value::Number(14.0),
        ),
        Observation {
            provisional: true,
            ..value(
                "zvh_aanmeldingen",
                "Zaanstreek-Waterland",
                "2024-K3",
                Value::Number(31.0),
            )
        },
        Observation {
            remark: Some("Raadsinformatiebrief".into()),
            ..value(
                "zvh_dossiers_in_behandeling",
                "Zaanstad",
                "2024-07",
                Value::Number(45.0),
            )
        },
    ]
}

/// Version 5 gave every indicator and area a number and rewrote every value's key with them: each
/// value still belongs to its own indicator, area and batch, keys registered afterwards (the whole
/// catalog, every area) do not collide with the old ones, and undo still finds the history.
fn assert_values_and_history_survive(store: &mut Store) {
    let all = ObservationFilter::default();
    assert_eq!(store.observations(&all).unwrap(), values_before_migrating());
    // The batches of values; a version-7 store also has the catalog's.
    let batches: Vec<_> = store
        .batches()
        .unwrap()
        .into_iter()
        .filter(|b| b.source.kind != BatchKind::Catalog)
        .collect();
    let files: Vec<Option<&str>> = batches
        .iter()
        .map(|b| b.source.file_name.as_deref())
        .collect();
    assert_eq!(
        files,
        [Some("zvh-2024-k3-correctie.csv"), Some("zvh-2024-k3.csv")]
    );
    assert_eq!(
        store.batches_per_indicator().unwrap(),
        [
            ("zvh_aanmeldingen".to_string(), batches[0].id, 1),
            ("zvh_aanmeldingen".to_string(), batches[1].id, 2),
            ("zvh_dossiers_in_behandeling".to_string(), batches[1].id, 1),
        ]
    );

    store
        .sync_indicators(Catalog::builtin().unwrap().indicators())
        .unwrap();
    let source = BatchSource {
        kind: BatchKind::Manual,
        file_name: Some("na-de-migratie.csv".into()),
        sha256: None,
        user: "test".into(),
    };
    let later = [
        value(
            "zvh_aanmeldingen",
            "Edam-Volendam",
            "2024-K3",
            Value::Number(4.0),
        ),
        value(
            "veilig_thuis_meldingen",
            "Zaanstad",
            "2024-H2",
            Value::Number(310.0),
        ),
    ];
    let written = store.write_batch(&source, &later).unwrap();
    assert_eq!(
        (written.added, written.changed, written.unchanged),
        (2, 0, 0)
    );
    let mut expected = values_before_migrating();
    expected.extend(later.iter().cloned());
    let mut stored = store.observations(&all).unwrap();
    let key = |o: &Observation| (o.indicator.clone(), o.period, o.area.key());
    stored.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(stored, expected);

    // The correction replaced 12 in Zaanstad; undoing it brings that value back.
    let undone = store.undo_batch(batches[0].id).unwrap();
    assert_eq!((undone.restored, undone.removed), (1, 0));
    let zaanstad = store
        .observations(&ObservationFilter {
            indicator: Some("zvh_aanmeldingen".into()),
        })
        .unwrap()
        .into_iter()
        .find(|o| o.area == builtin_region().parse("Zaanstad").unwrap())
        .unwrap();
    assert_eq!(zaanstad.value, Value::Number(12.0));
}

/// Notes, their earlier versions, stories and their links, as version 2 introduced them.
fn assert_notes_and_stories_survive(store: &Store) {
    let notes = store.notes().unwrap();
    assert_eq!(notes.len(), 2);
    let first = &notes[0];
    assert_eq!(
        (
            first.draft.indicator.as_str(),
            first.draft.area,
            first.draft.period,
            first.draft.bo_date,
            first.draft.author.as_str(),
            first.draft.text.as_str(),
            first.status,
            first.demo,
        ),
        (
            "zvh_aanmeldingen",
            Some(builtin_region().parse("Zaanstad").unwrap()),
            Some(Period::parse("2024-K3").unwrap()),
            NaiveDate::from_ymd_opt(2024, 11, 14).unwrap(),
            "J. de Vries",
            "Meer aanmeldingen sinds de nieuwe meldroute.",
            NoteStatus::Definitief,
            false,
        )
    );
    assert_eq!(
        store.note_history(first.id).unwrap(),
        [NoteVersion {
            author: "J. de Vries".into(),
            status: NoteStatus::Concept,
            text: "Meer aanmeldingen; oorzaak nog onbekend.".into(),
            written_at: "2024-10-12T09:00:00Z".into(),
        }]
    );
    let second = &notes[1];
    assert_eq!(
        (
            second.draft.indicator.as_str(),
            second.draft.area,
            second.draft.period,
            second.status,
            second.demo
        ),
        (
            "zvh_dossiers_in_behandeling",
            None,
            None,
            NoteStatus::Concept,
            true
        )
    );

    let stories = store.stories().unwrap();
    assert_eq!(stories.len(), 1);
    let story = &stories[0].draft;
    assert_eq!(
        (
            story.title.as_str(),
            story.kind,
            story.area,
            stories[0].demo
        ),
        (
            "Van melding naar hulp",
            StoryKind::Klantreis,
            Some(builtin_region().parse("Zaanstad").unwrap()),
            false
        )
    );
    assert_eq!(
        story.url,
        WebUrl::parse("https://example.org/klantreis").unwrap()
    );
    assert_eq!(story.themes, ["zorg-en-veiligheidshuis"]);
    assert_eq!(story.indicators, ["zvh_aanmeldingen"]);
}

/// Events and the history of removed ones, as version 3 introduced them.
fn assert_events_survive(store: &Store) {
    let events: Vec<_> = store
        .events()
        .unwrap()
        .into_iter()
        .map(|e| {
            (
                e.draft.date.to_string(),
                e.draft.label,
                e.draft.kind,
                e.draft.scope,
                e.demo,
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            (
                "2022-01-01".into(),
                "Beemster gaat op in Purmerend".into(),
                EventKind::Indeling,
                EventScope::Area(builtin_region().parse("Purmerend").unwrap()),
                true
            ),
            (
                "2023-03-06".into(),
                "Start regionaal veiligheidsteam".into(),
                EventKind::Beleid,
                EventScope::All,
                false
            ),
            (
                "2024-07-01".into(),
                "Nieuwe registratie ZVH".into(),
                EventKind::Breuk,
                EventScope::Indicator("zvh_aanmeldingen".into()),
                false
            ),
        ]
    );
    assert_eq!(store.event_history_len().unwrap(), 1);
}

#[test]
fn version_2_file_keeps_values_history_notes_and_stories() {
    let (_dir, path, mut store) = open_frozen(include_str!("fixtures/schema_v2.sql"));
    assert_notes_and_stories_survive(&store);
    assert_values_and_history_survive(&mut store);
    assert!(store.events().unwrap().is_empty());
    drop(store);
    assert_schema_is_the_newest(&path);
}

#[test]
fn version_3_file_also_keeps_its_events() {
    let (_dir, path, mut store) = open_frozen(include_str!("fixtures/schema_v3.sql"));
    assert_events_survive(&store);
    assert_notes_and_stories_survive(&store);
    assert_values_and_history_survive(&mut store);
    drop(store);
    assert_schema_is_the_newest(&path);
}

#[test]
fn version_4_file_with_rebuilt_observations_keeps_everything() {
    let (_dir, path, mut store) = open_frozen(include_str!("fixtures/schema_v4.sql"));
    assert_events_survive(&store);
    assert_notes_and_stories_survive(&store);
    assert_values_and_history_survive(&mut store);
    drop(store);
    assert_schema_is_the_newest(&path);
}

#[test]
fn version_5_file_keeps_everything_through_the_rebuilt_batches_table() {
    let (_dir, path, mut store) = open_frozen(include_str!("fixtures/schema_v5.sql"));
    assert_events_survive(&store);
    assert_notes_and_stories_survive(&store);
    assert_values_and_history_survive(&mut store);
    assert!(!store.has_catalog().unwrap());
    drop(store);
    assert_schema_is_the_newest(&path);
}

/// A version-6 store has its region already: it keeps it, Beemster's days included, and its values.
#[test]
fn version_6_file_keeps_its_region_through_the_catalog_migration() {
    let (_dir, path, mut store) = open_frozen(include_str!("fixtures/schema_v6.sql"));
    let stored = store
        .region()
        .unwrap()
        .expect("a version-6 store has its region");
    assert!(!stored.chosen);
    assert_eq!(stored.region, builtin_region());
    assert_events_survive(&store);
    assert_notes_and_stories_survive(&store);
    assert_values_and_history_survive(&mut store);
    drop(store);
    assert_schema_is_the_newest(&path);
}

/// A version-7 store keeps its catalog, and its suppliers start without contacts.
#[test]
fn version_7_file_keeps_its_catalog_through_the_supplier_migration() {
    let (_dir, path, mut store) = open_frozen(include_str!("fixtures/schema_v7.sql"));
    let definitions = store.definitions().unwrap();
    assert_eq!(definitions.len(), 1);
    assert_eq!(definitions[0].id, "zvh_aanmeldingen");
    assert_eq!(definitions[0].batch.0, 0);
    assert_eq!(store.suppliers().unwrap(), []);
    assert_events_survive(&store);
    assert_notes_and_stories_survive(&store);
    assert_values_and_history_survive(&mut store);
    drop(store);
    assert_schema_is_the_newest(&path);
}

/// A store from before version 6 has no catalog of its own: the app gives it the shipped one, as
/// batch 0, and no demo data, since it holds figures.
#[test]
fn an_older_store_opened_by_the_app_gets_the_shipped_catalog_and_keeps_its_batches() {
    let (_dir, path, store) = open_frozen(include_str!("fixtures/schema_v5.sql"));
    drop(store);
    let workspace = regio_in_beeld::app::Workspace::open(&regio_in_beeld::app::OpenOptions {
        db: path.clone().into(),
        indicators: None,
        today: Some(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
    })
    .unwrap();
    assert!(workspace.demo_loaded_on_open().is_none());
    let batches: Vec<(i64, BatchKind, Option<String>)> = workspace
        .batches()
        .unwrap()
        .into_iter()
        .map(|b| (b.id.0, b.source.kind, b.source.file_name))
        .collect();
    assert_eq!(
        batches,
        [
            (
                2,
                BatchKind::Manual,
                Some("zvh-2024-k3-correctie.csv".into())
            ),
            (1, BatchKind::Manual, Some("zvh-2024-k3.csv".into())),
            (0, BatchKind::Catalog, Some("ingebouwde definities".into())),
        ]
    );
    assert_eq!(workspace.catalog().all(), Catalog::builtin().unwrap().all());
    let entries = workspace.catalog_entries().unwrap();
    let with_values: Vec<&str> = entries
        .iter()
        .filter(|e| e.has_values)
        .map(|e| e.indicator.id.as_str())
        .collect();
    assert_eq!(
        with_values,
        ["zvh_aanmeldingen", "zvh_dossiers_in_behandeling"]
    );
}
