use super::*;
use crate::app::demo::CSV_DAY;
use crate::catalog::Catalog;
use crate::domain::{BatchKind, BatchSource, Frequency, Unit};
use crate::store::Store;

/// A new store as a user gets it: the shipped catalog (batch 0) and the demo data (batch 1).
fn workspace() -> Workspace {
    let store = Store::open_in_memory().unwrap();
    Workspace::from_store(store, Some(CSV_DAY)).unwrap()
}

const NEW: &str = r#"# Toegevoegd voor de proef met wachttijden.
id = "wachttijd_ggz"
name = "Wachttijd GGZ"
description = "Gemiddelde wachttijd tot de eerste afspraak bij de GGZ, in dagen."
domain = "zorg"
theme = "onbegrepen-gedrag"
layer = "tactisch"
unit = "aantal"
frequency = "kwartaal"
kind = "stand"
polarity = "lager_is_beter"
aggregation = "gewogen_gemiddelde"
per_1000 = false
supplier = "GGZ Noord-Holland-Noord"

[source]
type = "handmatig"
"#;

fn messages(error: AppError) -> Vec<String> {
    error.lines()
}

#[test]
fn a_new_store_gets_the_shipped_catalog_as_batch_0_and_the_demo_data_as_batch_1() {
    let workspace = workspace();
    let builtin = Catalog::builtin().unwrap();
    assert_eq!(workspace.catalog().all(), builtin.all());
    let batches = workspace.batches().unwrap();
    let kinds: Vec<(i64, BatchKind)> = batches.iter().map(|b| (b.id.0, b.source.kind)).collect();
    assert_eq!(kinds, [(1, BatchKind::Demo), (0, BatchKind::Catalog)]);
    assert_eq!(batches[1].rows, builtin.all().len() as u64);
    assert!(workspace.demo_loaded_on_open().is_some());
    assert_eq!(workspace.value_batches().unwrap().len(), 1);
    let entries = workspace.catalog_entries().unwrap();
    assert_eq!(entries.len(), builtin.all().len());
    assert!(entries.iter().all(|e| e.version == 1 && !e.retired));
    assert!(entries.iter().any(|e| e.has_values));
}

#[test]
fn an_added_definition_is_in_the_catalog_with_its_author_and_text() {
    let mut workspace = workspace();
    let summary = workspace
        .save_definition(&DefinitionInput::Text(NEW.into()), "J. de Vries")
        .unwrap();
    assert_eq!((summary.added, summary.changed), (1, 0));
    assert!(
        workspace
            .catalog()
            .indicators()
            .iter()
            .any(|i| i.id == "wachttijd_ggz")
    );
    let detail = workspace.definition_detail("wachttijd_ggz").unwrap();
    assert_eq!(detail.text, NEW, "kept byte for byte, comment included");
    assert_eq!(detail.entry.changed_by, "J. de Vries");
    assert!(!detail.entry.has_values);
    assert_eq!(detail.history.len(), 1);
    assert_eq!(detail.history[0].batch, summary.batch.unwrap());

    // The same again changes nothing and leaves no batch.
    let again = workspace
        .save_definition(&DefinitionInput::Text(NEW.into()), "J. de Vries")
        .unwrap();
    assert_eq!((again.batch, again.unchanged), (None, 1));

    // Without values, the unit may still change.
    let mut edited = workspace.catalog().get("wachttijd_ggz").unwrap().clone();
    edited.unit = Unit::Percentage;
    let changed = workspace
        .save_definition(&DefinitionInput::Indicator(edited.clone()), "A. Bakker")
        .unwrap();
    assert_eq!(changed.changed, 1);
    assert_eq!(workspace.catalog().get("wachttijd_ggz"), Some(&edited));
    assert_eq!(
        workspace
            .definition_detail("wachttijd_ggz")
            .unwrap()
            .history
            .len(),
        2
    );
}

#[test]
fn changes_that_would_make_stored_values_wrong_are_refused_with_the_reason() {
    let mut workspace = workspace();
    let batches = workspace.batches().unwrap().len();
    let mut edited = workspace.catalog().get("zvh_aanmeldingen").unwrap().clone();
    edited.unit = Unit::Percentage;
    edited.frequency = Frequency::Jaar;
    edited.aggregation = crate::domain::Aggregation::WeightedMean;
    let input = DefinitionInput::Indicator(edited);
    let refused = messages(workspace.validate_definition(&input).unwrap_err());
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(
        refused[0].starts_with(
            "zvh_aanmeldingen.toml: sleutel 'unit': de eenheid kan niet van aantal naar percentage"
        ),
        "{refused:?}"
    );
    assert!(
        refused[1].contains("sleutel 'frequency': de frequentie kan niet van kwartaal naar jaar")
    );
    assert!(workspace.save_definition(&input, "t").is_err());

    // Summing percentages is refused as `check` refuses it, naming the key.
    let mut summed = workspace
        .catalog()
        .get("zvh_aanmeldingen_binnen_twee_weken")
        .unwrap()
        .clone();
    summed.aggregation = crate::domain::Aggregation::Sum;
    let refused = messages(
        workspace
            .save_definition(&DefinitionInput::Indicator(summed), "t")
            .unwrap_err(),
    );
    assert!(
        refused[0].contains("sleutel 'aggregation': percentages kunnen niet opgeteld worden"),
        "{refused:?}"
    );
    assert_eq!(
        workspace.batches().unwrap().len(),
        batches,
        "nothing written"
    );

    // What the values allow is saved.
    let mut renamed = workspace.catalog().get("zvh_aanmeldingen").unwrap().clone();
    renamed.name = "Aanmeldingen bij het ZVH".into();
    assert_eq!(
        workspace
            .save_definition(&DefinitionInput::Indicator(renamed), "t")
            .unwrap()
            .changed,
        1
    );
}

#[test]
fn a_retired_indicator_keeps_its_values_and_leaves_the_dashboard() {
    let mut workspace = workspace();
    let filter = crate::store::ObservationFilter {
        indicator: Some("zvh_aanmeldingen".into()),
    };
    let values = workspace.store().observations(&filter).unwrap();
    assert!(!values.is_empty());
    let batch = workspace.retire_indicator("zvh_aanmeldingen", "t").unwrap();
    assert_eq!(workspace.store().observations(&filter).unwrap(), values);
    assert!(workspace.catalog().is_retired("zvh_aanmeldingen"));
    let dashboard = workspace.dashboard(Default::default()).unwrap();
    assert!(
        !dashboard
            .indicators
            .iter()
            .any(|f| f.indicator.id == "zvh_aanmeldingen")
    );
    let entry = workspace
        .definition_detail("zvh_aanmeldingen")
        .unwrap()
        .entry;
    assert!(entry.retired && entry.has_values);
    let again = messages(
        workspace
            .retire_indicator("zvh_aanmeldingen", "t")
            .unwrap_err(),
    );
    assert_eq!(
        again,
        [format!(
            "indicator 'zvh_aanmeldingen' is al buiten gebruik (sinds batch {batch})"
        )]
    );

    // Undoing the retirement brings it back.
    let undone = workspace.undo(batch).unwrap();
    assert_eq!(
        undone.to_string(),
        format!(
            "Batch {batch} is ongedaan gemaakt: 1 indicatordefinitie hersteld, 0 indicatordefinities verwijderd."
        )
    );
    assert!(!workspace.catalog().is_retired("zvh_aanmeldingen"));
}

#[test]
fn undo_restores_the_earlier_definition_unless_values_forbid_it() {
    let mut workspace = workspace();
    let added = workspace
        .save_definition(&DefinitionInput::Text(NEW.into()), "t")
        .unwrap()
        .batch
        .unwrap();
    let mut edited = workspace.catalog().get("wachttijd_ggz").unwrap().clone();
    edited.frequency = Frequency::Maand;
    let changed = workspace
        .save_definition(&DefinitionInput::Indicator(edited), "t")
        .unwrap()
        .batch
        .unwrap();

    // The earlier batch waits for the later one.
    let refused = messages(workspace.undo(added).unwrap_err());
    assert!(
        refused[0].contains(&format!("later gewijzigd door batch {changed}")),
        "{refused:?}"
    );

    // Monthly values arrive; going back to quarterly would misread them.
    let value = crate::domain::Observation {
        indicator: "wachttijd_ggz".into(),
        area: crate::catalog::zawa().parse("Zaanstad").unwrap(),
        period: crate::domain::Period::parse("2025-11").unwrap(),
        value: crate::domain::Value::Number(31.0),
        provisional: false,
        remark: None,
    };
    let source = BatchSource {
        kind: BatchKind::Manual,
        file_name: None,
        sha256: None,
        user: "t".into(),
    };
    let values = workspace
        .store_mut()
        .unwrap()
        .write_batch(&source, std::slice::from_ref(&value))
        .unwrap()
        .batch
        .unwrap();
    let refused = messages(workspace.undo(changed).unwrap_err());
    assert!(
        refused[0].starts_with(&format!(
            "wachttijd_ggz.toml: sleutel 'frequency': batch {changed} ongedaan maken kan niet: de \
             frequentie kan niet van maand naar kwartaal"
        )),
        "{refused:?}"
    );
    assert_eq!(
        workspace.catalog().get("wachttijd_ggz").unwrap().frequency,
        Frequency::Maand
    );

    // Without the values both undo, in order, and the indicator leaves the catalog.
    workspace.undo(values).unwrap();
    workspace.undo(changed).unwrap();
    assert_eq!(
        workspace.catalog().get("wachttijd_ggz").unwrap().frequency,
        Frequency::Kwartaal
    );
    let undone = workspace.undo(added).unwrap();
    assert_eq!((undone.summary.restored, undone.summary.removed), (0, 1));
    assert!(workspace.catalog().get("wachttijd_ggz").is_none());
    let history = workspace
        .store()
        .definition_history("wachttijd_ggz")
        .unwrap();
    assert_eq!(history.len(), 2, "undone versions stay as history");
    assert!(history.iter().all(|v| v.undone_at.is_some()));
}

#[test]
fn an_indicator_added_by_a_batch_cannot_be_undone_away_once_it_has_values() {
    let mut workspace = workspace();
    let added = workspace
        .save_definition(&DefinitionInput::Text(NEW.into()), "t")
        .unwrap()
        .batch
        .unwrap();
    let value = crate::domain::Observation {
        indicator: "wachttijd_ggz".into(),
        area: crate::catalog::zawa().parse("Zaanstad").unwrap(),
        period: crate::domain::Period::parse("2025-K4").unwrap(),
        value: crate::domain::Value::Number(31.0),
        provisional: false,
        remark: None,
    };
    let source = BatchSource {
        kind: BatchKind::Manual,
        file_name: None,
        sha256: None,
        user: "t".into(),
    };
    workspace
        .store_mut()
        .unwrap()
        .write_batch(&source, &[value])
        .unwrap();
    let refused = messages(workspace.undo(added).unwrap_err());
    assert!(
        refused[0].contains("voegde wachttijd_ggz toe, waarvoor nu waarden zijn opgeslagen"),
        "{refused:?}"
    );
    assert!(workspace.catalog().get("wachttijd_ggz").is_some());
}

#[test]
fn import_checks_every_file_first_and_writes_nothing_on_any_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("wachttijd_ggz.toml");
    std::fs::write(&good, NEW).unwrap();
    let mut changed = workspace()
        .catalog()
        .get("zvh_aanmeldingen")
        .unwrap()
        .clone();
    changed.unit = Unit::Euro;
    let bad_unit = dir.path().join("zvh_aanmeldingen.toml");
    std::fs::write(&bad_unit, indicator_toml(&changed)).unwrap();
    let misnamed = dir.path().join("iets_anders.toml");
    std::fs::write(&misnamed, NEW.replace("supplier = ", "leverancier = ")).unwrap();

    let mut workspace = workspace();
    let before = workspace.batches().unwrap();
    let errors = messages(
        workspace
            .import_definitions(&[&good, &bad_unit, &misnamed], "t")
            .unwrap_err(),
    );
    let misnamed = misnamed.display().to_string();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{misnamed}: sleutel 'id'"))),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{misnamed}: sleutel 'supplier': ontbreekt")))
    );
    assert!(errors.iter().any(|e| e.starts_with(&format!(
        "{misnamed}: sleutel 'leverancier': onbekende sleutel"
    ))));
    assert!(
        errors.iter().any(|e| e.starts_with(&format!(
            "{}: sleutel 'unit': de eenheid kan niet van aantal naar euro",
            bad_unit.display()
        ))),
        "{errors:?}"
    );
    assert_eq!(workspace.batches().unwrap(), before, "nothing written");
    assert!(workspace.catalog().get("wachttijd_ggz").is_none());

    let summary = workspace.import_definitions(&[&good], "t").unwrap();
    assert_eq!(summary.added, 1);
    let batch = workspace
        .store()
        .batch(summary.batch.unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(batch.source.file_name, Some(good.display().to_string()));
}

#[test]
fn an_export_imports_back_as_the_same_definitions_and_spares_other_files() {
    let mut workspace = workspace();
    workspace
        .save_definition(&DefinitionInput::Text(NEW.into()), "t")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("set");
    let exported = workspace.export_definitions(&out).unwrap();
    assert_eq!(exported.files.len(), workspace.catalog().all().len());
    assert_eq!(
        std::fs::read_to_string(out.join("wachttijd_ggz.toml")).unwrap(),
        NEW
    );
    assert_eq!(
        std::fs::read_to_string(out.join("zvh_aanmeldingen.toml")).unwrap(),
        include_str!("../../../indicators/zvh_aanmeldingen.toml")
    );
    let again = workspace.import_definitions(&exported.files, "t").unwrap();
    assert_eq!(
        (again.batch, again.unchanged),
        (None, exported.files.len() as u64)
    );

    // An earlier export is replaced; a file of someone else's is not, and nothing is written.
    assert!(workspace.export_definitions(&out).is_ok());
    std::fs::write(out.join("inwoners.toml"), "mijn aantekeningen").unwrap();
    let refused = messages(workspace.export_definitions(&out).unwrap_err());
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].contains("inwoners.toml bestaat al en is geen definitie van inwoners"));
    assert_eq!(
        std::fs::read_to_string(out.join("inwoners.toml")).unwrap(),
        "mijn aantekeningen"
    );
}

#[test]
fn a_catalog_given_for_the_process_is_not_written_to_the_store() {
    let store = Store::open_in_memory().unwrap();
    let mut workspace =
        Workspace::with_store(Catalog::builtin().unwrap(), store, Some(CSV_DAY)).unwrap();
    assert_eq!(
        workspace.catalog_given_by(),
        Some("de ingebouwde definities")
    );
    let refused = messages(
        workspace
            .save_definition(&DefinitionInput::Text(NEW.into()), "t")
            .unwrap_err(),
    );
    assert!(refused[0].starts_with("deze sessie gebruikt de ingebouwde definities (--indicators)"));
    assert!(!workspace.store().has_catalog().unwrap());
}
