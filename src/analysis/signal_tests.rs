//! The signal's model piece by piece: season, trend, overdispersion, persistence, small counts,
//! values that are no counts, and short history.

use super::*;
use crate::analysis::{Point, Series};
use crate::catalog::Catalog;
use crate::domain::{Indicator, Period};

fn indicator(id: &str) -> Indicator {
    Catalog::builtin().unwrap().get(id).unwrap().clone()
}

fn e33() -> Indicator {
    indicator("verward_gedrag_meldingen_e33")
}

/// Quarters from 2020 K1 on.
fn quarter(index: usize) -> Period {
    Period::Quarter(2020 + (index / 4) as i32, (index % 4) as u8 + 1)
}

fn quarterly(values: &[f64]) -> Series {
    Series {
        points: values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let point = Point {
                    value: Some(*v),
                    derived: false,
                    provisional: false,
                    shielded: false,
                };
                (quarter(i), point)
            })
            .collect(),
    }
}

/// A fixed wobble of about one Poisson standard deviation of `mean`, the same in every run.
fn wobble(i: usize, mean: f64) -> f64 {
    const STEPS: [f64; 8] = [0.3, -0.8, 1.1, -0.2, -1.2, 0.6, 0.1, -0.5];
    (mean + STEPS[i % 8] * mean.sqrt()).round()
}

#[test]
fn the_expected_range_follows_the_season() {
    // Every third quarter half as many again.
    let season = [100.0, 100.0, 150.0, 100.0];
    let values: Vec<f64> = (0..26).map(|i| wobble(i, season[i % 4])).collect();
    let series = quarterly(&values);
    let summer = signal(&e33(), &series, &quarter(26 - 4)).expected.unwrap();
    let spring = signal(&e33(), &series, &quarter(25)).expected.unwrap();
    assert!(summer.low > 125.0 && summer.high < 190.0, "{summer:?}");
    assert!(spring.low > 75.0 && spring.high < 125.0, "{spring:?}");
    // The summer peak itself is no signal.
    assert_eq!(
        signal(&e33(), &series, &quarter(22)).kind,
        SignalKind::Stabiel
    );
}

#[test]
fn a_real_trend_is_followed_and_its_continuation_is_no_signal() {
    // From 60 to about 150 over six years: the latest value lies far above the history's mean,
    // but on its trend.
    let values: Vec<f64> = (0..26)
        .map(|i| wobble(i, 60.0 * 1.04f64.powi(i as i32)))
        .collect();
    let series = quarterly(&values);
    let at = quarter(25);
    let found = signal(&e33(), &series, &at);
    assert_eq!(found.kind, SignalKind::Stabiel, "{found:?}");
    let expected = found.expected.unwrap();
    assert!(
        expected.low < values[25] && values[25] < expected.high,
        "{expected:?}"
    );
    assert!(
        expected.low > 110.0,
        "the range moved up with the trend: {expected:?}"
    );
}

#[test]
fn overdispersed_counts_get_a_wider_range() {
    let calm: Vec<f64> = (0..26).map(|i| wobble(i, 80.0)).collect();
    // The same mean, swinging three times as far.
    let wild: Vec<f64> = (0..26)
        .map(|i| 80.0 + 3.0 * (wobble(i, 80.0) - 80.0))
        .collect();
    let at = quarter(25);
    let calm_range = signal(&e33(), &quarterly(&calm), &at).expected.unwrap();
    let wild_range = signal(&e33(), &quarterly(&wild), &at).expected.unwrap();
    assert!(
        wild_range.high - wild_range.low > 1.5 * (calm_range.high - calm_range.low),
        "{calm_range:?} {wild_range:?}"
    );
    // 120 breaks from the calm series and lies within what the wild one does by itself.
    let mut calm_jump = calm.clone();
    calm_jump[25] = 120.0;
    let mut wild_jump = wild.clone();
    wild_jump[25] = 120.0;
    assert!(signal(&e33(), &quarterly(&calm_jump), &at).kind.is_signal());
    assert!(!signal(&e33(), &quarterly(&wild_jump), &at).kind.is_signal());
}

#[test]
fn two_periods_in_a_row_above_the_range_signal_where_one_does_not() {
    let mut values: Vec<f64> = (0..26).map(|i| wobble(i, 100.0)).collect();
    // Above the 95 % range (about 100 ± 20), inside the 99,5 % range.
    values[24] = 124.0;
    values[25] = 124.0;
    let series = quarterly(&values);
    let first = signal(&e33(), &series, &quarter(24));
    assert_eq!(
        (first.kind, first.run),
        (SignalKind::Stabiel, 1),
        "{first:?}"
    );
    let second = signal(&e33(), &series, &quarter(25));
    assert_eq!(
        (second.kind, second.run),
        (SignalKind::Verslechtering, 2),
        "{second:?}"
    );
    // The first of the two stays out of the history the second is judged by.
    assert!(second.expected.unwrap().high < 124.0);
}

#[test]
fn a_handful_after_nothing_is_no_signal() {
    // Mostly zero, then three: far above a mean of almost nothing, but a handful of people.
    let mut values = vec![0.0; 26];
    values[7] = 1.0;
    values[25] = 3.0;
    let found = signal(&e33(), &quarterly(&values), &quarter(25));
    assert_eq!(found.kind, SignalKind::Stabiel, "{found:?}");
    values[25] = 9.0;
    assert!(
        signal(&e33(), &quarterly(&values), &quarter(25))
            .kind
            .is_signal()
    );
}

#[test]
fn a_percentage_gets_a_normal_range() {
    // zvh_aanmeldingen_binnen_twee_weken: a percentage, higher is better.
    let ind = indicator("zvh_aanmeldingen_binnen_twee_weken");
    let mut values: Vec<f64> = (0..26)
        .map(|i| 80.0 + wobble(i, 100.0) / 10.0 - 10.0)
        .collect();
    let series = quarterly(&values);
    let expected = signal(&ind, &series, &quarter(25)).expected.unwrap();
    assert!(expected.low > 76.0 && expected.high < 84.0, "{expected:?}");
    values[25] = 65.0;
    let found = signal(&ind, &quarterly(&values), &quarter(25));
    assert_eq!(found.kind, SignalKind::Verslechtering, "{found:?}");
    assert!(!found.rising);
}

#[test]
fn without_two_years_and_a_bit_of_history_there_is_no_range() {
    let values: Vec<f64> = (0..11).map(|i| wobble(i, 50.0)).collect();
    let series = quarterly(&values);
    // Ten quarters before, of which the latest is the guard: nine is too few.
    let found = signal(&e33(), &series, &quarter(10));
    assert_eq!(found.kind, SignalKind::TeWeinigData);
    assert_eq!(found.expected, None);
    let longer: Vec<f64> = (0..12).map(|i| wobble(i, 50.0)).collect();
    assert!(
        signal(&e33(), &quarterly(&longer), &quarter(11))
            .expected
            .is_some()
    );
}
