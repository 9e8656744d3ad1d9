//! Batches keep provenance and history: a re-write changes nothing, a change keeps the old value, and
//! undo restores exactly the previous state.

use regio_in_beeld::catalog::{Catalog, builtin_region};
use regio_in_beeld::domain::{BatchId, BatchKind, BatchSource, Observation, Period, Reason, Value};
use regio_in_beeld::store::{ObservationFilter, Store};

#[macro_use]
mod support;

use support::backends::Backend;

on_both_backends!(
    writing_the_same_values_again_changes_nothing_and_leaves_no_batch,
    undo_restores_replaced_values_and_removes_added_ones,
    undo_is_refused_while_a_later_batch_built_on_it,
    several_files_are_written_in_one_transaction,
    many_values_in_any_order_are_written_and_read_back_exactly,
    of_two_values_for_one_cell_in_a_batch_the_later_counts,
    a_series_of_127_values_goes_in_statements_of_every_size_and_reads_back_exactly,
    every_kind_of_value_reads_back_as_written_and_undo_restores_it_exactly,
    thirty_thousand_values_go_in_at_once_and_read_back_exactly,
);

fn store(backend: &Backend) -> Store {
    let mut store = backend.store();
    store.set_region(&builtin_region(), false).unwrap();
    store
        .sync_indicators(Catalog::builtin().unwrap().indicators())
        .unwrap();
    store
}

fn source(file: &str) -> BatchSource {
    BatchSource {
        kind: BatchKind::Manual,
        file_name: Some(file.to_string()),
        sha256: Some(format!("sha-of-{file}")),
        user: "ambtenaar".to_string(),
    }
}

fn observation(area: &str, period: &str, value: Value) -> Observation {
    Observation {
        indicator: "zvh_aanmeldingen".to_string(),
        area: builtin_region().parse(area).unwrap(),
        period: Period::parse(period).unwrap(),
        value,
        provisional: false,
        remark: None,
    }
}

fn everything(store: &Store) -> Vec<Observation> {
    store.observations(&ObservationFilter::default()).unwrap()
}

fn writing_the_same_values_again_changes_nothing_and_leaves_no_batch(backend: &Backend) {
    let mut store = store(backend);
    let rows = [observation("Zaanstad", "2024 K3", Value::Number(12.0))];
    let first = store.write_batch(&source("k3.csv"), &rows).unwrap();
    assert_eq!((first.added, first.changed, first.unchanged), (1, 0, 0));
    let again = store.write_batch(&source("k3.csv"), &rows).unwrap();
    assert_eq!(
        (again.added, again.changed, again.unchanged, again.batch),
        (0, 0, 1, None)
    );
    assert_eq!(store.batches().unwrap().len(), 1);
    // The batch that was left out leaves no gap in the numbers (on PostgreSQL too).
    let next = [observation("Zaanstad", "2024 K4", Value::Number(13.0))];
    let next = store.write_batch(&source("k4.csv"), &next).unwrap().batch;
    assert_eq!(next, first.batch.map(|b| BatchId(b.0 + 1)));
}

fn undo_restores_replaced_values_and_removes_added_ones(backend: &Backend) {
    let mut store = store(backend);
    let original = [
        observation("Zaanstad", "2024 K3", Value::Number(12.0)),
        observation(
            "Purmerend",
            "2024 K3",
            Value::Unavailable(Reason::NotDelivered),
        ),
    ];
    store.write_batch(&source("k3.csv"), &original).unwrap();
    let before = everything(&store);

    let correction = [
        observation("Zaanstad", "2024 K3", Value::Number(14.0)),
        observation("Purmerend", "2024 K3", Value::Number(9.0)),
        observation("Landsmeer", "2024 K3", Value::Number(3.0)),
    ];
    let summary = store
        .write_batch(&source("k3-correctie.csv"), &correction)
        .unwrap();
    assert_eq!((summary.added, summary.changed), (1, 2));
    assert_eq!(everything(&store).len(), 3);

    let undo = store.undo_batch(summary.batch.unwrap()).unwrap();
    assert_eq!((undo.restored, undo.removed), (2, 1));
    assert_eq!(everything(&store), before);
    let batch = store.batch(summary.batch.unwrap()).unwrap().unwrap();
    assert!(batch.undone_at.is_some());
}

fn undo_is_refused_while_a_later_batch_built_on_it(backend: &Backend) {
    let mut store = store(backend);
    let first = store
        .write_batch(
            &source("a.csv"),
            &[observation("Zaanstad", "2024 K3", Value::Number(12.0))],
        )
        .unwrap()
        .batch
        .unwrap();
    let second = store
        .write_batch(
            &source("b.csv"),
            &[observation("Zaanstad", "2024 K3", Value::Number(13.0))],
        )
        .unwrap()
        .batch
        .unwrap();
    let refused = store.undo_batch(first).unwrap_err().to_string();
    assert!(
        refused.contains(&format!("later gewijzigd door batch {second}")),
        "{refused}"
    );

    store.undo_batch(second).unwrap();
    store.undo_batch(first).unwrap();
    assert!(everything(&store).is_empty());
    let again = store.undo_batch(first).unwrap_err().to_string();
    assert!(again.contains("is al ongedaan gemaakt"), "{again}");
    assert!(
        store
            .undo_batch(regio_in_beeld::domain::BatchId(99))
            .unwrap_err()
            .to_string()
            .contains("bestaat niet")
    );
}

fn several_files_are_written_in_one_transaction(backend: &Backend) {
    let mut store = store(backend);
    let a = [observation("Zaanstad", "2024 K3", Value::Number(12.0))];
    let bad = [Observation {
        indicator: "bestaat_niet".to_string(),
        ..observation("Zaanstad", "2024 K3", Value::Number(1.0))
    }];
    let error = store
        .write_batches(&[
            (source("a.csv"), a.iter().collect()),
            (source("bad.csv"), bad.iter().collect()),
        ])
        .unwrap_err();
    assert!(error.to_string().contains("'bestaat_niet'"), "{error}");
    assert!(
        everything(&store).is_empty(),
        "the first file is rolled back with the second"
    );
    assert!(store.batches().unwrap().is_empty());
}

fn many_values_in_any_order_are_written_and_read_back_exactly(backend: &Backend) {
    let mut store = store(backend);
    // Zaanstad for 50 years of quarters (200 values: statements of 64, 64, 64 and 8 rows), three
    // others for 5 quarters, 10 quarters and 1, delivered newest first and areas interleaved.
    let series = [
        ("Zaanstad", 200),
        ("Edam-Volendam", 5),
        ("Purmerend", 10),
        ("Landsmeer", 1),
    ];
    let mut delivered = Vec::new();
    for index in (0..200).rev() {
        let quarter = format!("{} K{}", 2000 + index / 4, index % 4 + 1);
        for (area, length) in series {
            if index < length {
                let value = Value::Number(f64::from(index as u32) + 0.5);
                delivered.push(observation(area, &quarter, value));
            }
        }
    }
    delivered[7].value = Value::Unavailable(Reason::ShieldedBySupplier);
    delivered[8].remark = Some("herzien".to_string());
    let summary = store.write_batch(&source("veel.csv"), &delivered).unwrap();
    assert_eq!((summary.added, summary.changed), (216, 0));
    let mut expected = delivered.clone();
    let mut stored = everything(&store);
    let key = |o: &Observation| (o.area.code, o.period);
    expected.sort_by_key(key);
    stored.sort_by_key(key);
    assert_eq!(stored, expected);
}

fn of_two_values_for_one_cell_in_a_batch_the_later_counts(backend: &Backend) {
    let mut store = store(backend);
    let twice = [
        observation("Zaanstad", "2024 K3", Value::Number(12.0)),
        observation("Zaanstad", "2024 K3", Value::Number(13.0)),
    ];
    store.write_batch(&source("twee.csv"), &twice).unwrap();
    assert_eq!(everything(&store)[0].value, Value::Number(13.0));
}

fn a_series_of_127_values_goes_in_statements_of_every_size_and_reads_back_exactly(
    backend: &Backend,
) {
    let mut store = store(backend);
    // 127 = 64 + 32 + 16 + 8 + 4 + 2 + 1: each fixed INSERT runs once, and every row's own columns
    // must land in its own row.
    let delivered: Vec<Observation> = (0..127u32)
        .map(|index| {
            let month = format!("{}-{:02}", 2000 + index / 12, index % 12 + 1);
            let value = match index % 5 {
                4 => Value::Unavailable(Reason::NotDelivered),
                _ => Value::Number(f64::from(index)),
            };
            Observation {
                provisional: index % 2 == 1,
                remark: (index % 3 == 0).then(|| format!("opmerking {index}")),
                ..observation("Oostzaan", &month, value)
            }
        })
        .collect();
    let summary = store.write_batch(&source("reeks.csv"), &delivered).unwrap();
    assert_eq!((summary.added, summary.changed), (127, 0));
    assert_eq!(everything(&store), delivered);
}

/// Every value the store can hold (numbers at the edges of f64, each reason), provisional or not,
/// with every kind of remark (none, empty, quotes and separators, a line break, a formula): one
/// per month.
fn every_kind_of_value() -> Vec<Observation> {
    let values = [
        Value::Number(0.0),
        Value::Number(-3.25),
        Value::Number(0.1 + 0.2),
        Value::Number(123_456_789.123_456_79),
        Value::Number(1e-300),
        Value::Number(f64::MAX),
        Value::Number(f64::MIN_POSITIVE),
        Value::Unavailable(Reason::NotDelivered),
        Value::Unavailable(Reason::ShieldedBySupplier),
        Value::Unavailable(Reason::NotApplicable),
    ];
    let remarks = [
        None,
        Some(""),
        Some("voorlopig; \"herzien\" door 't CBS — één"),
        Some("regel één\nregel twee"),
        Some("=1+1"),
    ];
    let mut all = Vec::new();
    for value in values {
        for provisional in [false, true] {
            for remark in remarks {
                let index = all.len();
                let month = format!("{}-{:02}", 2000 + index / 12, index % 12 + 1);
                all.push(Observation {
                    provisional,
                    remark: remark.map(str::to_string),
                    ..observation("Wormerland", &month, value)
                });
            }
        }
    }
    all
}

fn every_kind_of_value_reads_back_as_written_and_undo_restores_it_exactly(backend: &Backend) {
    let mut store = store(backend);
    let first = every_kind_of_value();
    let summary = store.write_batch(&source("alles.csv"), &first).unwrap();
    assert_eq!((summary.added, summary.changed), (100, 0));
    assert_eq!(everything(&store), first);

    // Each cell gets the next one's value, status and remark: every kind replaces every other.
    let mut second = first.clone();
    for (index, cell) in second.iter_mut().enumerate() {
        let next = &first[(index + 1) % first.len()];
        (cell.value, cell.provisional, cell.remark) =
            (next.value, next.provisional, next.remark.clone());
    }
    let summary = store.write_batch(&source("herzien.csv"), &second).unwrap();
    assert_eq!(
        (summary.added, summary.changed, summary.unchanged),
        (0, 100, 0)
    );
    assert_eq!(everything(&store), second);
    assert_eq!(
        store
            .write_batch(&source("herzien.csv"), &second)
            .unwrap()
            .unchanged,
        100,
        "read back equal, so written again nothing changes"
    );

    let undo = store.undo_batch(summary.batch.unwrap()).unwrap();
    assert_eq!((undo.restored, undo.removed), (100, 0));
    assert_eq!(everything(&store), first);
}

fn thirty_thousand_values_go_in_at_once_and_read_back_exactly(backend: &Backend) {
    let mut store = store(backend);
    let kinds = every_kind_of_value();
    // The ten areas the region knows (Beemster and Nederland too), each with 250 years of months.
    let areas: Vec<_> = builtin_region().areas().collect();
    let mut delivered = Vec::new();
    for year in 1900..2150 {
        for month in 1..=12 {
            for area in &areas {
                let kind = &kinds[delivered.len() % kinds.len()];
                delivered.push(Observation {
                    area: *area,
                    period: Period::parse(&format!("{year}-{month:02}")).unwrap(),
                    ..kind.clone()
                });
            }
        }
    }
    assert_eq!(delivered.len(), 30_000);
    let summary = store.write_batch(&source("groot.csv"), &delivered).unwrap();
    assert_eq!((summary.added, summary.changed), (30_000, 0));
    let mut stored = everything(&store);
    let key = |o: &Observation| (o.area.code, o.period);
    stored.sort_by_key(key);
    delivered.sort_by_key(key);
    assert_eq!(stored, delivered);
    let batch = store.batch(summary.batch.unwrap()).unwrap().unwrap();
    assert_eq!(batch.rows, 30_000);
}
