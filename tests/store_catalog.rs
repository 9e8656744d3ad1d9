//! The catalog in the store: every definition a version with its batch, retiring is a version too,
//! and undoing a catalog batch makes the versions before it current again.

use regio_in_beeld::catalog::{Catalog, builtin_region, indicator_toml};
use regio_in_beeld::domain::{
    BatchId, BatchKind, BatchSource, Indicator, Observation, Period, Supplier, Value,
};
use regio_in_beeld::store::{DefinitionWrite, Store};

#[macro_use]
mod support;

use support::backends::Backend;

on_both_backends!(
    each_change_is_a_new_version_with_its_batch_and_an_unchanged_one_leaves_no_trace,
    retiring_keeps_the_values_and_undo_brings_the_indicator_back,
    undo_waits_for_later_catalog_batches_and_never_orphans_values,
    seeding_happens_once_as_batch_0,
    a_suppliers_contact_is_versioned_and_undone_like_a_definition,
);

fn catalog_batch(user: &str) -> BatchSource {
    BatchSource {
        kind: BatchKind::Catalog,
        file_name: None,
        sha256: None,
        user: user.to_string(),
    }
}

fn shipped(id: &str) -> Indicator {
    Catalog::builtin().unwrap().get(id).unwrap().clone()
}

fn write(store: &mut Store, indicator: &Indicator, retired: bool, user: &str) -> Option<BatchId> {
    let text = indicator_toml(indicator);
    let write = DefinitionWrite {
        indicator,
        text: &text,
        retired,
    };
    store
        .write_definitions(&catalog_batch(user), &[write])
        .unwrap()
        .batch
}

fn each_change_is_a_new_version_with_its_batch_and_an_unchanged_one_leaves_no_trace(
    backend: &Backend,
) {
    let mut store = backend.store();
    store.set_region(&builtin_region(), false).unwrap();
    assert!(!store.has_catalog().unwrap());
    let mut indicator = shipped("zvh_aanmeldingen");
    let first = write(&mut store, &indicator, false, "J. de Vries").unwrap();
    assert!(store.has_catalog().unwrap());
    assert_eq!(write(&mut store, &indicator, false, "J. de Vries"), None);

    indicator.name = "Aanmeldingen bij het ZVH".into();
    let second = write(&mut store, &indicator, false, "A. Bakker").unwrap();
    let history = store.definition_history("zvh_aanmeldingen").unwrap();
    let versions: Vec<(u32, BatchId, &str)> = history
        .iter()
        .map(|v| (v.version, v.batch, v.user.as_str()))
        .collect();
    assert_eq!(
        versions,
        [
            (1, first, backend.recorded_user("J. de Vries").as_str()),
            (2, second, backend.recorded_user("A. Bakker").as_str())
        ]
    );
    assert_eq!(history[1].text, indicator_toml(&indicator));
    let current = store.definitions().unwrap();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].version, 2);
    let batch = store.batch(second).unwrap().unwrap();
    assert_eq!((batch.source.kind, batch.rows), (BatchKind::Catalog, 1));
    assert!(
        !store.has_value_batches().unwrap(),
        "catalog batches write no values"
    );
}

fn retiring_keeps_the_values_and_undo_brings_the_indicator_back(backend: &Backend) {
    let mut store = backend.store();
    store.set_region(&builtin_region(), false).unwrap();
    let indicator = shipped("zvh_aanmeldingen");
    write(&mut store, &indicator, false, "t").unwrap();
    let value = Observation {
        indicator: indicator.id.clone(),
        area: builtin_region().parse("Zaanstad").unwrap(),
        period: Period::parse("2025-K4").unwrap(),
        value: Value::Number(14.0),
        provisional: false,
        remark: None,
    };
    let values = BatchSource {
        kind: BatchKind::Manual,
        ..catalog_batch("t")
    };
    store
        .write_batch(&values, std::slice::from_ref(&value))
        .unwrap();
    assert!(store.has_value_batches().unwrap());
    assert!(
        store
            .indicators_with_values()
            .unwrap()
            .contains("zvh_aanmeldingen")
    );

    let retired = write(&mut store, &indicator, true, "t").unwrap();
    assert!(store.definitions().unwrap()[0].retired);
    assert_eq!(
        store.observations(&Default::default()).unwrap(),
        std::slice::from_ref(&value)
    );
    let undone = store.undo_batch(retired).unwrap();
    assert_eq!((undone.restored, undone.removed), (1, 0));
    let current = &store.definitions().unwrap()[0];
    assert_eq!((current.version, current.retired), (1, false));
    assert!(
        store.definition_history("zvh_aanmeldingen").unwrap()[1]
            .undone_at
            .is_some()
    );
    assert_eq!(store.observations(&Default::default()).unwrap(), [value]);
}

fn undo_waits_for_later_catalog_batches_and_never_orphans_values(backend: &Backend) {
    let mut store = backend.store();
    store.set_region(&builtin_region(), false).unwrap();
    let mut indicator = shipped("zvh_aanmeldingen");
    let added = write(&mut store, &indicator, false, "t").unwrap();
    indicator.name = "Nieuwe naam".into();
    let renamed = write(&mut store, &indicator, false, "t").unwrap();
    let refused = store.undo_batch(added).unwrap_err().to_string();
    assert!(
        refused.contains(&format!(
            "definities uit batch {added} zijn later gewijzigd door batch {renamed}"
        )),
        "{refused}"
    );
    store.undo_batch(renamed).unwrap();

    let values = BatchSource {
        kind: BatchKind::Manual,
        ..catalog_batch("t")
    };
    let value = Observation {
        indicator: indicator.id.clone(),
        area: builtin_region().parse("Zaanstad").unwrap(),
        period: Period::parse("2025-K4").unwrap(),
        value: Value::Number(14.0),
        provisional: false,
        remark: None,
    };
    let delivered = store.write_batch(&values, &[value]).unwrap().batch.unwrap();
    let refused = store.undo_batch(added).unwrap_err().to_string();
    assert!(refused.contains("voegde zvh_aanmeldingen toe"), "{refused}");

    store.undo_batch(delivered).unwrap();
    let undone = store.undo_batch(added).unwrap();
    assert_eq!((undone.restored, undone.removed), (0, 1));
    assert!(store.definitions().unwrap().is_empty());
    assert!(store.has_catalog().unwrap(), "its history stays");
}

fn seeding_happens_once_as_batch_0(backend: &Backend) {
    let mut store = backend.store();
    store.set_region(&builtin_region(), false).unwrap();
    let indicator = shipped("inwoners");
    let text = indicator_toml(&indicator);
    let seed = [DefinitionWrite {
        indicator: &indicator,
        text: &text,
        retired: false,
    }];
    let first = store
        .seed_definitions(&catalog_batch("Regio in beeld"), &seed)
        .unwrap();
    assert_eq!((first.batch, first.added), (Some(BatchId(0)), 1));
    let again = store
        .seed_definitions(&catalog_batch("Regio in beeld"), &seed)
        .unwrap();
    assert_eq!(again.batch, None);
    let next = write(&mut store, &shipped("zvh_aanmeldingen"), false, "t");
    assert_eq!(next, Some(BatchId(1)), "the batches after it count from 1");
}

fn a_suppliers_contact_is_versioned_and_undone_like_a_definition(backend: &Backend) {
    let mut store = backend.store();
    store.set_region(&builtin_region(), false).unwrap();
    assert_eq!(store.suppliers().unwrap(), []);
    let ggz = |contact: Option<&str>, email: Option<&str>| {
        Supplier::with_contact("GGZ", contact, email).unwrap()
    };
    // No contact is how every supplier starts: writing it leaves no batch.
    assert_eq!(
        store
            .write_supplier(&catalog_batch("beheer"), &ggz(None, None))
            .unwrap(),
        None
    );
    let first = store
        .write_supplier(
            &catalog_batch("beheer"),
            &ggz(Some("Jan"), Some("jan@ggz.nl")),
        )
        .unwrap()
        .expect("a new contact is a batch");
    assert_eq!(
        store
            .write_supplier(
                &catalog_batch("beheer"),
                &ggz(Some("Jan"), Some("jan@ggz.nl"))
            )
            .unwrap(),
        None,
        "unchanged"
    );
    let second = store
        .write_supplier(&catalog_batch("beheer"), &ggz(Some("Els"), None))
        .unwrap()
        .unwrap();
    assert_eq!(store.suppliers().unwrap(), [ggz(Some("Els"), None)]);
    let refused = store.undo_batch(first).unwrap_err().to_string();
    assert!(
        refused.contains(&format!("later gewijzigd door batch {second}")),
        "{refused}"
    );
    let summary = store.undo_batch(second).unwrap();
    assert_eq!((summary.restored, summary.removed), (1, 0));
    assert_eq!(
        store.suppliers().unwrap(),
        [ggz(Some("Jan"), Some("jan@ggz.nl"))]
    );
    let summary = store.undo_batch(first).unwrap();
    assert_eq!((summary.restored, summary.removed), (0, 1));
    assert_eq!(store.suppliers().unwrap(), []);
}
