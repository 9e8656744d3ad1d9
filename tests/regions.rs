//! A store's region at work in the app: the gemeenten of each period make the region's sums, the
//! templates and the delivery round, and a herindeling is an event on the merged-into gemeente's
//! time axis. Zaanstreek-Waterland's Beemster (until 2021, then Purmerend) is the case throughout.

#[macro_use]
mod support;

use regio_in_beeld::app::{DashboardChoice, TemplateFor, TemplateFormat, Workspace};
use regio_in_beeld::domain::{Area, EventKind, EventScope, Period};
use support::backends::Backend;
use support::window::options;
use support::{TODAY, temp_store, today};

// A demo store opened as new (the last test) is SQLite's alone: a server store never gets them.
on_both_backends!(
    a_2021_region_sum_includes_beemster_and_a_2022_one_does_not,
    beemster_in_2022_is_refused_with_its_reason_and_row,
    the_template_has_a_beemster_row_for_2021_k4_and_none_for_2022_k1,
    the_delivery_round_of_2022_k1_does_not_miss_beemster,
    an_init_store_shows_the_2022_boundary_change_on_purmerend_from_the_region,
);

const GEMEENTEN_2022: [&str; 7] = [
    "Edam-Volendam",
    "Landsmeer",
    "Oostzaan",
    "Purmerend",
    "Waterland",
    "Wormerland",
    "Zaanstad",
];

/// A store for Zaanstreek-Waterland's real figures, as `regio-in-beeld init` (or `server init`)
/// makes it.
fn init_store(backend: &Backend) -> Workspace {
    backend.workspace(TODAY)
}

/// Reads `csv` (long format) as if it were a delivered file; `Err` holds every problem as shown.
fn import(workspace: &mut Workspace, csv: &str) -> Result<(), Vec<String>> {
    let file = Ok(("levering.csv".to_string(), csv.as_bytes().to_vec()));
    let preview = workspace.preview_import(vec![file], "tester").unwrap();
    if !preview.is_valid() {
        return Err(preview.problems.iter().map(|p| p.to_string()).collect());
    }
    workspace.commit_import(&preview).unwrap();
    Ok(())
}

fn period(text: &str) -> Period {
    Period::parse(text).unwrap()
}

fn area(workspace: &Workspace, name: &str) -> Area {
    workspace.region().parse(name).unwrap()
}

/// zvh_aanmeldingen (a count, summed for the region) for 2021 K4 from the eight gemeenten of then,
/// Beemster 40 of them, and for 2022 K1 from the seven of now; no region value in either.
fn deliver_around_the_merger(workspace: &mut Workspace) {
    let mut csv = String::from("indicator;gebied;periode;waarde\n");
    for (n, name) in GEMEENTEN_2022.iter().enumerate() {
        csv.push_str(&format!(
            "zvh_aanmeldingen;{name};2021-K4;{}\n",
            10 * (n + 1)
        ));
        csv.push_str(&format!("zvh_aanmeldingen;{name};2022-K1;{}\n", n + 1));
    }
    csv.push_str("zvh_aanmeldingen;Beemster;2021-K4;40\n");
    import(workspace, &csv).expect("every value fits the gemeenten of its period");
}

fn a_2021_region_sum_includes_beemster_and_a_2022_one_does_not(backend: &Backend) {
    let mut workspace = init_store(backend);
    deliver_around_the_merger(&mut workspace);

    let dashboard = workspace
        .dashboard(DashboardChoice {
            period: Some(period("2022-K1")),
            ..DashboardChoice::default()
        })
        .unwrap();
    let figures = dashboard
        .indicators
        .iter()
        .find(|f| f.indicator.id == "zvh_aanmeldingen")
        .unwrap();
    // 10 + 20 + … + 70 = 280 from today's seven, and Beemster's 40.
    assert_eq!(figures.region.series.value(&period("2021-K4")), Some(320.0));
    // 1 + 2 + … + 7: Beemster is part of Purmerend now, not missing.
    assert_eq!(figures.region.series.value(&period("2022-K1")), Some(28.0));
    assert_eq!(figures.value(), Some(28.0));
    // Beemster keeps its own line for the years it existed.
    let beemster = figures.area(&area(&workspace, "Beemster")).unwrap();
    assert_eq!(beemster.series.value(&period("2021-K4")), Some(40.0));
    assert_eq!(beemster.series.value(&period("2022-K1")), None);
}

fn beemster_in_2022_is_refused_with_its_reason_and_row(backend: &Backend) {
    let mut workspace = init_store(backend);
    let refused = import(
        &mut workspace,
        "indicator;gebied;periode;waarde\n\
         zvh_aanmeldingen;Purmerend;2022-K1;12\n\
         zvh_aanmeldingen;Beemster;2022-K1;3\n",
    )
    .unwrap_err();
    assert_eq!(
        refused,
        [
            "levering.csv, rij 3, kolom gebied: Beemster is op 1 januari 2022 opgegaan in Purmerend, \
          dus niet in 2022 K1"
        ]
    );
    assert_eq!(workspace.store().observation_count().unwrap(), 0);
    // The same gemeente in the last quarter it existed is a value like any other.
    import(
        &mut workspace,
        "indicator;gebied;periode;waarde\nzvh_aanmeldingen;Beemster;2021-K4;3\n",
    )
    .unwrap();
}

fn the_template_has_a_beemster_row_for_2021_k4_and_none_for_2022_k1(backend: &Backend) {
    let workspace = init_store(backend);
    let rows = |quarter: &str| -> Vec<String> {
        let wanted = TemplateFor {
            period: period(quarter),
            supplier: None,
            format: TemplateFormat::Csv,
        };
        let template = workspace.template(&wanted).unwrap();
        String::from_utf8(template.bytes)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("zvh_aanmeldingen;"))
            .map(|l| l.split(';').nth(1).unwrap().to_string())
            .collect()
    };
    let mut expected_2021: Vec<&str> = vec!["Beemster"];
    expected_2021.extend(GEMEENTEN_2022);
    expected_2021.push("Zaanstreek-Waterland");
    assert_eq!(rows("2021-K4"), expected_2021);
    let mut expected_2022: Vec<&str> = GEMEENTEN_2022.to_vec();
    expected_2022.push("Zaanstreek-Waterland");
    assert_eq!(rows("2022-K1"), expected_2022);
}

fn the_delivery_round_of_2022_k1_does_not_miss_beemster(backend: &Backend) {
    let mut workspace = init_store(backend);
    deliver_around_the_merger(&mut workspace);
    let names = |areas: &[Area]| areas.iter().map(|a| a.name).collect::<Vec<_>>();
    let round = |quarter: &str| {
        workspace
            .completeness(&period(quarter), today())
            .unwrap()
            .into_iter()
            .find(|c| c.indicator.id == "zvh_aanmeldingen")
            .unwrap()
    };

    let now = round("2022-K1");
    assert!(now.is_complete(), "missing: {:?}", names(&now.missing));
    assert_eq!(names(&now.delivered), GEMEENTEN_2022);
    let before = round("2021-K4");
    assert!(
        before.is_complete(),
        "missing: {:?}",
        names(&before.missing)
    );
    assert!(names(&before.delivered).contains(&"Beemster"));
    // Another indicator nobody delivered: Beemster is owed for 2021 K4, not for 2022 K1.
    let missing = |quarter: &str| {
        let entry = workspace
            .completeness(&period(quarter), today())
            .unwrap()
            .into_iter()
            .find(|c| c.indicator.id == "zvh_casussen_afgesloten")
            .unwrap();
        names(&entry.missing)
    };
    assert!(missing("2021-K4").contains(&"Beemster"));
    assert_eq!(missing("2022-K1"), GEMEENTEN_2022);
}

/// The events on Purmerend's time axis that tell of a new gemeentegrens on 1 January 2022.
fn purmerend_boundary_changes(workspace: &Workspace) -> Vec<(String, Option<String>)> {
    let purmerend = area(workspace, "Purmerend");
    let indicator = workspace.indicator("zvh_aanmeldingen").unwrap().clone();
    let dashboard = workspace.dashboard(DashboardChoice::default()).unwrap();
    dashboard
        .events
        .iter()
        .filter(|e| e.draft.kind == EventKind::Indeling)
        .filter(|e| e.applies_to(&indicator, Some(&purmerend)))
        .inspect(|e| {
            assert_eq!(e.draft.date, "2022-01-01".parse().unwrap());
            assert_eq!(e.draft.scope, EventScope::Area(purmerend));
        })
        .map(|e| (e.draft.label.clone(), e.draft.description.clone()))
        .collect()
}

fn an_init_store_shows_the_2022_boundary_change_on_purmerend_from_the_region(backend: &Backend) {
    let workspace = init_store(backend);
    assert_eq!(workspace.store().observation_count().unwrap(), 0);
    assert_eq!(
        purmerend_boundary_changes(&workspace),
        [(
            "Purmerend + Beemster".to_string(),
            Some(
                "Beemster gaat op in Purmerend; cijfers van Purmerend vóór 2022 gelden voor de \
                 oude gemeentegrens."
                    .to_string()
            )
        )]
    );
    // Opening it again, as every later start does, adds nothing.
    drop(workspace);
    let again = Workspace::open(&backend.options(TODAY)).unwrap();
    assert_eq!(purmerend_boundary_changes(&again).len(), 1);
}

#[test]
fn a_demo_store_shows_the_boundary_change_once_not_twice() {
    let store = temp_store();
    let workspace = Workspace::open(&options(&store.path, TODAY)).unwrap();
    assert!(workspace.demo_loaded_on_open().is_some());
    assert_eq!(purmerend_boundary_changes(&workspace).len(), 1);
    drop(workspace);
    let again = Workspace::open(&options(&store.path, TODAY)).unwrap();
    assert_eq!(purmerend_boundary_changes(&again).len(), 1);
}
