use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::continuation::{LATE, on_record};
use super::{CSV_DAY, observations};
use crate::app::DashboardChoice;
use crate::catalog::Catalog;
use crate::domain::{Aggregation, Area, Frequency, Layer, Observation, Period, StockOrFlow, Unit};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn period(text: &str) -> Period {
    Period::parse(text).unwrap()
}

fn demo_on(today: NaiveDate) -> Vec<Observation> {
    observations(&Catalog::builtin().unwrap(), today).expect("demo data validates")
}

/// What a day adds to the CSV.
fn added_on(today: NaiveDate) -> Vec<Observation> {
    demo_on(today)
        .into_iter()
        .filter(|o| o.period.year() > 2025)
        .collect()
}

fn number(observations: &[Observation], id: &str, area: &Area, at: &Period) -> Option<f64> {
    observations
        .iter()
        .find(|o| o.indicator == id && o.area == *area && o.period == *at)
        .and_then(|o| o.value.number())
}

#[test]
fn demo_data_covers_every_indicator_for_the_region() {
    let catalog = Catalog::builtin().unwrap();
    let observations = demo_on(CSV_DAY);
    for indicator in catalog.indicators() {
        let region_values = observations
            .iter()
            .filter(|o| o.indicator == indicator.id && o.area == crate::catalog::zawa().area())
            .count();
        assert!(
            region_values >= 2,
            "{} has {region_values} region values",
            indicator.id
        );
    }
    let strategic = catalog
        .indicators()
        .iter()
        .filter(|i| i.layer == Layer::Strategisch)
        .count();
    assert!(strategic >= 8);
}

#[test]
fn early_in_2026_the_demo_is_the_csv_exactly() {
    let rows = super::CSV.iter().filter(|b| **b == b'\n').count() - 1;
    assert_eq!(demo_on(CSV_DAY).len(), rows);
    assert!(added_on(CSV_DAY).is_empty());
    let catalog = Catalog::builtin().unwrap();
    let bijstand = catalog.get("bijstandsuitkeringen").unwrap();
    // January is over on 1 February, but its figures are still being counted.
    assert!(!on_record(bijstand, &period("2026-01"), CSV_DAY));
    assert!(on_record(bijstand, &period("2026-01"), day("2026-02-02")));
    // A count at a peildatum comes in by its due date, six weeks later.
    let dossiers = catalog.get("zvh_dossiers_in_behandeling").unwrap();
    assert!(!on_record(dossiers, &period("1-1-2026"), day("2026-02-12")));
    assert!(on_record(dossiers, &period("1-1-2026"), day("2026-02-13")));
}

#[test]
fn on_2_december_2026_the_invented_series_run_to_the_last_period_that_is_over() {
    let added = added_on(day("2026-12-02"));
    let newest = |id: &str| {
        added
            .iter()
            .filter(|o| o.indicator == id && o.area == crate::catalog::zawa().area())
            .map(|o| o.period)
            .max()
    };
    assert_eq!(newest("veilig_thuis_meldingen"), Some(period("2026 K3")));
    assert_eq!(
        newest("zvh_aanmeldingen_binnen_twee_weken"),
        Some(period("2026 K3"))
    );
    assert_eq!(
        newest("zvh_dossiers_in_behandeling"),
        Some(period("1-10-2026"))
    );
    // A year is not over yet: the yearly figures end with the CSV's 2025.
    assert_eq!(newest("geregistreerde_misdrijven"), None);
    assert_eq!(newest("inwoners"), None);
    // The late suppliers: October's bijstand (due 30 November) and the first half year of the Wmo
    // (due 28 September) are missing, the months and half years before them are not.
    assert_eq!(newest("bijstandsuitkeringen"), Some(period("2026-09")));
    assert_eq!(newest("wmo_clienten"), None);
    let months = added
        .iter()
        .filter(|o| {
            o.indicator == "bijstandsuitkeringen" && o.area == crate::catalog::zawa().area()
        })
        .count();
    assert_eq!(months, 9);
    // Every gemeente has what the region has.
    let meldingen = added
        .iter()
        .filter(|o| o.indicator == "veilig_thuis_meldingen")
        .count();
    assert_eq!(meldingen, 3 * 8);
    // The real published figures keep their dates: nothing is added before 2026.
    assert!(added.iter().all(|o| o.remark.is_none()));
}

#[test]
fn the_same_day_gives_the_same_values() {
    let today = day("2026-12-02");
    assert_eq!(demo_on(today), demo_on(today));
    let next_year = day("2027-05-20");
    assert_eq!(added_on(next_year), added_on(next_year));
    // Another area or period gets other noise: the gemeenten do not move in lockstep.
    let added = added_on(today);
    let at = period("2026 K2");
    let zaanstad = crate::catalog::zawa().parse("Zaanstad").unwrap();
    let purmerend = crate::catalog::zawa().parse("Purmerend").unwrap();
    let ratio = |area: &Area| {
        number(&added, "huiselijk_geweld_incidenten", area, &at).unwrap()
            / number(
                &demo_on(CSV_DAY),
                "huiselijk_geweld_incidenten",
                area,
                &period("2025 K2"),
            )
            .unwrap()
    };
    assert_ne!(ratio(&zaanstad), ratio(&purmerend));
}

#[test]
fn the_dashboard_of_2_december_2026_opens_on_2026_k3_with_only_the_late_suppliers_overdue() {
    let workspace = crate::app::demo::workspace_on(day("2026-12-02"));
    let dashboard = workspace.dashboard(DashboardChoice::default()).unwrap();
    assert_eq!(dashboard.period, period("2026 K3"));
    assert_eq!(dashboard.periods.first(), Some(&period("2026 K3")));
    for figures in &dashboard.indicators {
        let id = figures.indicator.id.as_str();
        if figures.indicator.layer == Layer::Strategisch
            && figures.indicator.frequency == Frequency::Kwartaal
        {
            assert_eq!(figures.latest, Some(period("2026 K3")), "{id}");
        }
        match id {
            "bijstandsuitkeringen" => {
                assert_eq!(figures.overdue, Some((period("2026-10"), 2)));
                assert_eq!(figures.latest, Some(period("2026-09")));
            }
            "wmo_clienten" => assert_eq!(figures.overdue, Some((period("2026-H1"), 65))),
            _ => assert_eq!(figures.overdue, None, "{id}"),
        }
    }
    assert_eq!(LATE.len(), 2);
}

/// Every value the demo adds from the CSV's end until `today`, per indicator and area in time order.
fn series_until(today: NaiveDate) -> BTreeMap<(String, u32), Vec<(Period, f64)>> {
    let mut series: BTreeMap<(String, u32), Vec<(Period, f64)>> = BTreeMap::new();
    for o in demo_on(today) {
        let value = o.value.number();
        if let Some(value) = value {
            series
                .entry((o.indicator, o.area.key()))
                .or_default()
                .push((o.period, value));
        }
    }
    for points in series.values_mut() {
        points.sort_by_key(|(p, _)| *p);
    }
    series
}

#[test]
fn values_carry_on_plausibly_for_years_per_unit_kind_and_aggregation() {
    let today = day("2029-08-15");
    let catalog = Catalog::builtin().unwrap();
    let added = added_on(today);
    let series = series_until(today);
    assert!(added.len() > 1000, "{} values added", added.len());
    for o in &added {
        let indicator = catalog.get(&o.indicator).unwrap();
        assert!(indicator.frequency.fits(&o.period), "{o:?}");
        let value = o.value.number().unwrap();
        assert!(value >= 0.0, "{o:?}");
        match indicator.unit {
            Unit::Aantal | Unit::Euro => assert_eq!(value.fract(), 0.0, "{o:?}"),
            Unit::Percentage => {
                let tenths = value * 10.0;
                assert!(
                    value <= 100.0 && (tenths - tenths.round()).abs() < 1e-9,
                    "{o:?}"
                )
            }
            Unit::Per1000 => {}
        }
    }
    for indicator in catalog.indicators() {
        let region =
            |at: &Period| number(&added, &indicator.id, &crate::catalog::zawa().area(), at);
        let gemeenten = |at: &Period| -> Vec<f64> {
            crate::catalog::zawa()
                .current_gemeenten()
                .filter_map(|g| number(&added, &indicator.id, &g, at))
                .collect()
        };
        let periods: Vec<Period> = added
            .iter()
            .filter(|o| o.indicator == indicator.id && o.area == crate::catalog::zawa().area())
            .map(|o| o.period)
            .collect();
        for at in &periods {
            let parts = gemeenten(at);
            let total = region(at).unwrap();
            match indicator.aggregation {
                Aggregation::WeightedMean => {
                    let lowest = parts.iter().copied().fold(f64::MAX, f64::min);
                    let highest = parts.iter().copied().fold(f64::MIN, f64::max);
                    assert!(
                        (lowest..=highest).contains(&total),
                        "{} {at:?}",
                        indicator.id
                    );
                }
                // The ZVH counts dossiers no gemeente is named for, as the CSV does.
                Aggregation::Sum if indicator.id == "zvh_dossiers_in_behandeling" => {
                    let parts: f64 = parts.iter().sum();
                    assert!(total > parts && total < parts * 1.2, "{at:?}");
                }
                // The bemoeizorg figures per gemeente are a rounded share of the region's.
                Aggregation::Sum if indicator.id == "specialistische_bemoeizorg_personen" => {
                    let parts: f64 = parts.iter().sum();
                    assert!((total - parts).abs() <= 3.0, "{at:?}");
                }
                Aggregation::Sum => {
                    assert_eq!(total, parts.iter().sum::<f64>(), "{} {at:?}", indicator.id)
                }
                Aggregation::None => assert!(parts.is_empty()),
            }
        }
        for area in crate::catalog::zawa()
            .current_gemeenten()
            .chain([crate::catalog::zawa().area()])
        {
            let Some(points) = series.get(&(indicator.id.clone(), area.key())) else {
                continue;
            };
            let from = points.partition_point(|(p, _)| p.year() <= 2025);
            for window in points[from.saturating_sub(1)..].windows(2) {
                let ((_, before), (at, value)) = (window[0], window[1]);
                let context = format!("{} {} {at:?}: {before} → {value}", indicator.id, area.name);
                match indicator.stock_or_flow {
                    // A stock moves gradually from one count to the next.
                    StockOrFlow::Stand => {
                        assert!((value - before).abs() <= 0.05 * before + 2.0, "{context}")
                    }
                    // A flow stays near the same season a year earlier.
                    StockOrFlow::Stroom => {
                        let Some(last_year) = at
                            .year_before()
                            .and_then(|p| points.iter().find(|(q, _)| *q == p).map(|(_, v)| *v))
                        else {
                            continue;
                        };
                        if last_year >= 20.0 {
                            let ratio = value / last_year;
                            assert!((0.4..=2.5).contains(&ratio), "{context} ({last_year})");
                        }
                    }
                }
            }
        }
    }
    // The inhabitants grow slowly, and the region stays the sum of its gemeenten.
    let inwoners = |year: i32| {
        number(
            &added,
            "inwoners",
            &crate::catalog::zawa().area(),
            &Period::Year(year),
        )
    };
    let growth = inwoners(2028).unwrap() / inwoners(2027).unwrap();
    assert!((0.99..1.02).contains(&growth), "{growth}");
}

#[test]
fn a_flow_keeps_its_season() {
    // Huiselijk geweld is higher in the middle of the year than at its ends, in the CSV as after it.
    let added = added_on(day("2029-08-15"));
    let quarters = |quarters: [u8; 2]| -> f64 {
        (2026..=2028)
            .flat_map(|year| quarters.map(|q| Period::Quarter(year, q)))
            .map(|at| {
                number(
                    &added,
                    "huiselijk_geweld_incidenten",
                    &crate::catalog::zawa().area(),
                    &at,
                )
                .unwrap()
            })
            .sum()
    };
    let (middle, ends) = (quarters([2, 3]), quarters([1, 4]));
    assert!(middle > 1.05 * ends, "K2 + K3 {middle}, K1 + K4 {ends}");
}
