//! A signal: a value outside the range the series' own history predicts (`baseline.rs`), far
//! outside, or outside two periods in a row.
//!
//! The expected range is the 95 % range of the prediction: one period in twenty falls outside it by
//! chance. A signal asks for more: one period beyond the 99,5 % range, or two in a row beyond the
//! 95 % range on the same side. On series without any change that is less than one signal in a
//! hundred periods (measured in `tests/signal_simulation.rs`), while a change of half the level that
//! lasts two quarters is found in most series of a few dozen a quarter.
//!
//! The period just before is left out of the history a period is judged by (Farrington's guard), so
//! a change that lasts does not lift the range it is measured against.

use super::Series;
use super::baseline::{Baseline, baseline};
use crate::domain::{Expected, Indicator, Period, Polarity};
pub use crate::domain::{Signal, SignalKind};

/// Chance of a value above (or below) the expected range: it holds 95 % of the values.
pub const EXPECTED_TAIL: f64 = 0.025;

/// Chance of a value above (or below) the range one period alone signals outside of (99,5 %).
const STRICT_TAIL: f64 = 0.0025;

/// Years of history a period is judged by.
const HISTORY_YEARS: usize = 5;

/// How far back a run outside the range is followed.
const LONGEST_RUN: u8 = 8;

/// Signals that noise alone gives per indicator and period, as `tests/signal_simulation.rs`
/// measures them on series without any change: 0,3–0,5 % on Poisson counts, 1,1–1,3 % on
/// overdispersed ones, 0,8 % on average (10.000 series per case, docs/signalen.md).
pub const NOISE_SIGNALS: f64 = 0.008;

/// The signal of `series` at period `at`.
pub fn signal(indicator: &Indicator, series: &Series, at: &Period) -> Signal {
    let quiet = |kind, expected| Signal {
        kind,
        period: *at,
        strength: 0.0,
        rising: false,
        expected,
        run: 0,
    };
    let Some((value, predicted)) = judged(indicator, series, at) else {
        return quiet(SignalKind::TeWeinigData, None);
    };
    let (low, high) = predicted.range(EXPECTED_TAIL);
    let expected = Some(Expected { low, high });
    let rising = value > predicted.mean();
    if !beyond(indicator, value, (low, high), rising) {
        return quiet(SignalKind::Stabiel, expected);
    }
    let run = 1 + earlier_run(indicator, series, at, rising);
    let far = beyond(indicator, value, predicted.range(STRICT_TAIL), rising);
    let strength = (value - predicted.mean()) / predicted.spread();
    let kind = if far || run >= 2 {
        match (indicator.polarity, rising) {
            (Polarity::Neutral, _) => SignalKind::Opvallend,
            (Polarity::LowerIsBetter, true) | (Polarity::HigherIsBetter, false) => {
                SignalKind::Verslechtering
            }
            (Polarity::LowerIsBetter, false) | (Polarity::HigherIsBetter, true) => {
                SignalKind::Verbetering
            }
        }
    } else {
        SignalKind::Stabiel
    };
    Signal {
        kind,
        period: *at,
        strength,
        rising,
        expected,
        run,
    }
}

/// The value at `at` and what the history before the period just before it predicts there.
fn judged(indicator: &Indicator, series: &Series, at: &Period) -> Option<(f64, Baseline)> {
    let value = series.value(at)?;
    let known: Vec<(Period, f64)> = series
        .points
        .range(..*at)
        .filter_map(|(p, point)| point.value.map(|v| (*p, v)))
        .collect();
    // The guard: the latest earlier period stays out of the history. Of what is before it, the
    // last five years count (Farrington's b = 5): older years say less about now, and a national
    // store fits this for every gemeente.
    let history = &known[..known.len().saturating_sub(1)];
    let window = at.per_year().unwrap_or(4) * HISTORY_YEARS;
    let history = &history[history.len().saturating_sub(window)..];
    Some((value, baseline(indicator, history, at)?))
}

/// Whether `value` lies beyond `(low, high)`, above it (`rising`) or below. An upward one on fewer
/// than the shielding threshold does not count: it would point at a handful of people.
fn beyond(indicator: &Indicator, value: f64, (low, high): (f64, f64), rising: bool) -> bool {
    if rising {
        value > high && value >= f64::from(indicator.shielding_threshold)
    } else {
        value < low
    }
}

/// How many periods straight before `at` lay outside their expected range on the same side.
fn earlier_run(indicator: &Indicator, series: &Series, at: &Period, rising: bool) -> u8 {
    let mut run = 0;
    let mut period = *at;
    while run + 1 < LONGEST_RUN {
        let Some(before) = series
            .points
            .range(..period)
            .filter(|(_, point)| point.value.is_some())
            .map(|(p, _)| *p)
            .next_back()
        else {
            break;
        };
        // Only the period right before counts as "in a row"; a gap ends the run.
        if period.previous().is_some_and(|p| p != before) {
            break;
        }
        let Some((value, predicted)) = judged(indicator, series, &before) else {
            break;
        };
        if !beyond(indicator, value, predicted.range(EXPECTED_TAIL), rising) {
            break;
        }
        run += 1;
        period = before;
    }
    run
}

#[cfg(test)]
#[path = "signal_tests.rs"]
mod tests;
