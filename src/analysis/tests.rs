//! Hand-computed series for every rule.

use super::*;
use crate::catalog::Catalog;
use crate::domain::{Area, Indicator, Observation, Period, Reason, Value};

fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

fn indicator(id: &str) -> Indicator {
    catalog().get(id).unwrap().clone()
}

fn observation(indicator: &str, area: &str, period: &str, value: Value) -> Observation {
    Observation {
        indicator: indicator.to_string(),
        area: crate::catalog::zawa().parse(area).unwrap(),
        period: Period::parse(period).unwrap(),
        value,
        provisional: false,
        remark: None,
    }
}

fn p(text: &str) -> Period {
    Period::parse(text).unwrap()
}

/// Inwoners 2024: 10.000, 20.000, … 70.000 for the gemeenten in display order.
fn population() -> Population {
    let rows: Vec<Observation> = crate::catalog::zawa()
        .current_gemeenten()
        .map(|g| g.name)
        .enumerate()
        .map(|(i, g)| {
            observation(
                POPULATION_INDICATOR,
                g,
                "2024",
                Value::Number(10_000.0 * (i + 1) as f64),
            )
        })
        .collect();
    Population::from_observations(&rows, crate::catalog::zawa())
}

fn all_gemeenten(indicator: &str, period: &str, values: [f64; 7]) -> Vec<Observation> {
    crate::catalog::zawa()
        .current_gemeenten()
        .map(|g| g.name)
        .zip(values)
        .map(|(g, v)| observation(indicator, g, period, Value::Number(v)))
        .collect()
}

#[test]
fn region_is_the_sum_of_all_seven_gemeenten_and_absent_when_one_is_missing() {
    let ind = indicator("zvh_aanmeldingen");
    let mut rows = all_gemeenten(
        "zvh_aanmeldingen",
        "2024 K1",
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    );
    rows.extend(
        all_gemeenten(
            "zvh_aanmeldingen",
            "2024 K2",
            [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        )
        .into_iter()
        .skip(1),
    );
    let region = region_series(&ind, &rows, &population(), crate::catalog::zawa());
    assert_eq!(region.value(&p("2024 K1")), Some(28.0));
    assert!(region.points[&p("2024 K1")].derived);
    assert_eq!(
        region.value(&p("2024 K2")),
        None,
        "Edam-Volendam missing: no partial sum"
    );
}

#[test]
fn a_delivered_region_value_wins_over_the_sum() {
    let ind = indicator("zvh_dossiers_in_behandeling");
    let mut rows = all_gemeenten(
        "zvh_dossiers_in_behandeling",
        "2023-02-01",
        [3.0, 2.0, 2.0, 27.0, 6.0, 2.0, 45.0],
    );
    rows.push(observation(
        "zvh_dossiers_in_behandeling",
        "Zaanstreek-Waterland",
        "2023-02-01",
        Value::Number(96.0),
    ));
    let region = region_series(&ind, &rows, &population(), crate::catalog::zawa());
    assert_eq!(region.value(&p("2023-02-01")), Some(96.0));
    assert!(!region.points[&p("2023-02-01")].derived);
}

#[test]
fn rates_are_averaged_with_population_weights() {
    let ind = indicator("jeugdbescherming_jongeren");
    let rows = all_gemeenten(
        "jeugdbescherming_jongeren",
        "2024",
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0],
    );
    let region = region_series(&ind, &rows, &population(), crate::catalog::zawa());
    // (1 × 10k + … + 1 × 60k + 2 × 70k) / 280k = (210k + 140k) / 280k = 1,25
    assert_eq!(region.value(&p("2024")), Some(1.25));
}

#[test]
fn no_region_is_derived_where_the_rule_forbids_it() {
    let ind = indicator("zvh_aanmeldingen_binnen_twee_weken");
    let rows = all_gemeenten("zvh_aanmeldingen_binnen_twee_weken", "2024 K1", [80.0; 7]);
    assert_eq!(
        region_series(&ind, &rows, &population(), crate::catalog::zawa()).value(&p("2024 K1")),
        None
    );
}

#[test]
fn per_1000_inwoners_and_shielding_of_rates_from_small_counts() {
    let ind = indicator("zvh_aanmeldingen");
    let rows = vec![
        observation(
            "zvh_aanmeldingen",
            "Zaanstad",
            "2024 K1",
            Value::Number(35.0),
        ),
        observation(
            "zvh_aanmeldingen",
            "Edam-Volendam",
            "2024 K1",
            Value::Number(3.0),
        ),
        observation(
            "zvh_aanmeldingen",
            "Landsmeer",
            "2024 K1",
            Value::Unavailable(Reason::ShieldedBySupplier),
        ),
    ];
    let population = population();
    let rate = |area: &str| {
        let area = crate::catalog::zawa().parse(area).unwrap();
        per_1000(&ind, &area_series(&rows, &[area])[0], &area, &population).points[&p("2024 K1")]
    };
    assert_eq!(
        rate("Zaanstad").value,
        Some(0.5),
        "35 per 70.000 = 0,5 per 1.000"
    );
    assert_eq!(
        (rate("Edam-Volendam").value, rate("Edam-Volendam").shielded),
        (None, true),
        "3 < 5"
    );
    assert_eq!(
        (rate("Landsmeer").value, rate("Landsmeer").shielded),
        (None, true),
        "<5 from the supplier"
    );
}

#[test]
fn year_on_year_change_is_absent_across_a_missing_period() {
    let series = Series {
        points: [("2023 K1", 10.0), ("2024 K1", 15.0), ("2024 K2", 12.0)]
            .iter()
            .map(|(period, v)| {
                (
                    p(period),
                    Point {
                        value: Some(*v),
                        derived: false,
                        provisional: false,
                        shielded: false,
                    },
                )
            })
            .collect(),
    };
    let change = change_vs_year_before(&series, &p("2024 K1")).unwrap();
    assert_eq!(
        (change.from, change.absolute(), change.relative()),
        (p("2023 K1"), 5.0, Some(0.5))
    );
    assert_eq!(
        change_vs_year_before(&series, &p("2024 K2")),
        None,
        "2023 K2 is missing"
    );
    assert_eq!(
        change_vs_previous(&series, &p("2024 K2")).unwrap().before,
        15.0
    );
    assert_eq!(
        change_vs_previous(&series, &p("2024 K1")),
        None,
        "2023 K4 is missing"
    );
    assert_eq!(moving_average(&series, &p("2024 K2"), 2), Some(13.5));
    assert_eq!(moving_average(&series, &p("2024 K2"), 3), None);
}

fn valued(points: &[(&str, Option<f64>)]) -> Series {
    Series {
        points: points
            .iter()
            .map(|(period, value)| {
                let point = Point {
                    value: *value,
                    derived: false,
                    provisional: false,
                    shielded: false,
                };
                (p(period), point)
            })
            .collect(),
    }
}

#[test]
fn a_value_is_known_once_its_period_has_ended_by_the_end_of_the_chosen_one() {
    let yearly = valued(&[("2024", Some(1.0)), ("2025", Some(2.0))]);
    assert_eq!(yearly.known_at(&p("2025 K3")), Some(p("2024")));
    assert_eq!(yearly.known_at(&p("2025 K4")), Some(p("2025")));
    assert_eq!(yearly.newest(), Some(p("2025")));
    // A month counts within its quarter, up to the quarter's last month.
    let monthly = valued(&[
        ("2023-01", Some(1.0)),
        ("2023-03", Some(3.0)),
        ("2023-04", Some(4.0)),
    ]);
    assert_eq!(monthly.known_at(&p("2023 K1")), Some(p("2023-03")));
    // A peildatum inside the quarter counts; an absent value is skipped, never taken as zero.
    let stock = valued(&[("2025-07-01", Some(9.0)), ("2025-09-01", None)]);
    assert_eq!(stock.known_at(&p("2025 K3")), Some(p("2025-07-01")));
    assert_eq!(stock.known_at(&p("2025 K2")), None);
}

#[test]
fn the_moving_average_spans_a_window_and_leaves_gaps_open() {
    let series = valued(&[
        ("2024 K1", Some(10.0)),
        ("2024 K2", Some(20.0)),
        ("2024 K3", Some(30.0)),
        ("2024 K4", None),
        ("2025 K1", Some(50.0)),
        ("2025 K2", Some(70.0)),
    ]);
    let averages = moving_averages(&series, 2);
    let values: Vec<Option<f64>> = averages.points.iter().map(|(_, p)| p.value).collect();
    assert_eq!(
        values,
        [None, Some(15.0), Some(25.0), None, None, Some(60.0)]
    );
    assert!(averages.points.iter().all(|(_, p)| p.derived));
}

fn quarterly(values: &[f64]) -> Series {
    let mut period = p("2021 K1");
    let mut points = Vec::new();
    for value in values {
        points.push((
            period,
            Point {
                value: Some(*value),
                derived: false,
                provisional: false,
                shielded: false,
            },
        ));
        period = Period::Quarter(
            period.year() + i32::from(matches!(period, Period::Quarter(_, 4))),
            match period {
                Period::Quarter(_, q) => q % 4 + 1,
                _ => unreachable!(),
            },
        );
    }
    Series {
        points: points.into_iter().collect(),
    }
}

#[test]
fn a_seasonal_pattern_is_stable_and_a_break_from_it_is_a_signal() {
    // Every summer (K3) 40 more; a small trend of +1 a year with some noise.
    let pattern = [100.0, 110.0, 150.0, 105.0];
    let noise = [
        0.0, 1.0, -1.0, 0.5, -0.5, 1.0, 0.0, -1.0, 0.5, 0.0, -0.5, 1.0, 0.0, -1.0, 0.5, 0.0, 0.0,
        0.5, -0.5, 0.0,
    ];
    let mut values: Vec<f64> = (0..20)
        .map(|i| pattern[i % 4] + (i / 4) as f64 + noise[i])
        .collect();
    let calm = quarterly(&values);
    let last = p("2025 K4");
    let e33 = indicator("verward_gedrag_meldingen_e33");
    assert_eq!(
        signal(&e33, &calm, &last).kind,
        SignalKind::Stabiel,
        "the summer peak is no signal"
    );
    assert_eq!(signal(&e33, &calm, &p("2025 K3")).kind, SignalKind::Stabiel);

    // Half as much again as the season brings: counts of about 110 vary by ten by chance alone, so
    // a jump has to be larger than the old rule (on seasonal differences) asked.
    *values.last_mut().unwrap() += 55.0;
    let jump = quarterly(&values);
    let found = signal(&e33, &jump, &last);
    assert_eq!(
        found.kind,
        SignalKind::Verslechtering,
        "more E33 reports is worse"
    );
    assert!(found.rising && found.strength > 2.0, "{found:?}");
    let signals = indicator("mensenhandel_signalen");
    assert_eq!(
        signal(&signals, &jump, &last).kind,
        SignalKind::Verbetering,
        "more signals is better"
    );
    let neutral = indicator("zvh_aanmeldingen");
    assert_eq!(signal(&neutral, &jump, &last).kind, SignalKind::Opvallend);
}

#[test]
fn too_little_history_gives_no_signal() {
    let ind = indicator("verward_gedrag_meldingen_e33");
    let short = quarterly(&[
        100.0, 110.0, 150.0, 105.0, 101.0, 111.0, 151.0, 106.0, 102.0, 300.0,
    ]);
    let found = signal(&ind, &short, &p("2023 K2"));
    assert_eq!(found.kind, SignalKind::TeWeinigData, "{found:?}");
    assert_eq!(
        signal(&ind, &Series::default(), &p("2023 K2")).kind,
        SignalKind::TeWeinigData
    );
}

mod breaks {
    use chrono::NaiveDate;

    use super::*;
    use crate::analysis::{averages_within, change_within, previous_within, signal_within};

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn no_change_is_compared_across_a_break() {
        let series = quarterly(&[10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0]);
        let at = p("2022 K4");
        assert_eq!(
            change_within(&series, &at, &[]).unwrap().unwrap().before,
            13.0
        );
        // A break in 2022 K2 lies between 2021 K4 and 2022 K4.
        assert_eq!(
            change_within(&series, &at, &[date("2022-04-01")]),
            Err(date("2022-04-01"))
        );
        // One before the compared period, or after the current one, does not matter.
        assert!(change_within(&series, &at, &[date("2021-06-01")]).is_ok());
        assert!(change_within(&series, &at, &[date("2023-02-01")]).is_ok());
    }

    #[test]
    fn a_signal_learns_only_from_the_history_after_the_latest_break() {
        // Quiet for years, then a jump that is a signal on the whole history.
        let mut values = vec![100.0; 16];
        values.extend([101.0, 100.0, 99.0, 180.0]);
        let series = quarterly(&values);
        let ind = indicator("verward_gedrag_meldingen_e33");
        let at = p("2025 K4");
        assert_eq!(
            signal_within(&ind, &series, &at, &[]).kind,
            SignalKind::Verslechtering
        );
        // After a break in 2025 there is too little comparable history to call it.
        let broken = signal_within(&ind, &series, &at, &[date("2025-01-01")]);
        assert_eq!(broken.kind, SignalKind::TeWeinigData);
    }

    #[test]
    fn the_change_against_the_previous_period_stops_at_a_break() {
        let series = quarterly(&[10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0]);
        let at = p("2022 K4");
        let change = previous_within(&series, &at, &[]).unwrap().unwrap();
        assert_eq!(
            (change.from, change.before, change.after),
            (p("2022 K3"), 16.0, 17.0)
        );
        assert_eq!(
            previous_within(&series, &at, &[date("2022-08-15")]),
            Err(date("2022-08-15"))
        );
        // A break before the previous period does not matter here, though it does a year back.
        assert!(previous_within(&series, &at, &[date("2022-04-01")]).is_ok());
    }

    #[test]
    fn a_moving_average_does_not_span_a_break() {
        let series = quarterly(&[10.0, 20.0, 30.0, 40.0, 50.0, 60.0]);
        // Counted differently from 1 April 2021, the start of 2021 K2.
        let averages = averages_within(&series, 2, &[date("2021-04-01")]);
        let values: Vec<Option<f64>> = averages.points.iter().map(|(_, p)| p.value).collect();
        assert_eq!(
            values,
            [None, None, Some(25.0), Some(35.0), Some(45.0), Some(55.0)]
        );
    }
}

#[test]
fn one_pass_gives_each_area_its_own_series_in_the_order_asked() {
    let mut rows = all_gemeenten(
        "zvh_aanmeldingen",
        "2024 K1",
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    );
    rows.extend(all_gemeenten("zvh_aanmeldingen", "2023 K4", [8.0; 7]));
    let region = crate::catalog::zawa();
    let zaanstad = region.parse("Zaanstad").unwrap();
    let edam = region.parse("Edam-Volendam").unwrap();
    let split = area_series(&rows, &[zaanstad, Area::nederland(), edam]);
    assert_eq!(split.len(), 3);
    assert_eq!(split[0].value(&p("2024 K1")), Some(7.0));
    assert_eq!(split[0].value(&p("2023 K4")), Some(8.0));
    assert_eq!(
        split[0].points.keys().copied().collect::<Vec<_>>(),
        [p("2023 K4"), p("2024 K1")],
        "in period order, whatever the order of the values"
    );
    assert!(
        split[1].points.is_empty(),
        "nothing delivered for Nederland"
    );
    assert_eq!(split[2].value(&p("2024 K1")), Some(1.0));
}
