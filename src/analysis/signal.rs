//! A signal: the latest value lies outside the range the series' own history predicts.
//!
//! The rule compares the latest seasonal difference (this quarter minus the same quarter a year
//! earlier; for yearly figures, this year minus last year) with the seasonal differences before it:
//! beyond two standard deviations of their mean is a signal. Seasonal differences take out the
//! pattern that returns every year (more incidents every summer), so only the unusual remains.

use super::Series;
use crate::domain::{Indicator, Period, Polarity};
pub use crate::domain::{Signal, SignalKind};

/// Seasonal differences of history needed before a signal can be trusted.
pub const MIN_HISTORY: usize = 6;

/// How many standard deviations from the mean is unusual.
const THRESHOLD: f64 = 2.0;

/// The signal of `series` at period `at`.
pub fn signal(indicator: &Indicator, series: &Series, at: &Period) -> Signal {
    let quiet = |kind| Signal {
        kind,
        period: *at,
        strength: 0.0,
        rising: false,
    };
    let differences = seasonal_differences(series, at);
    let Some((&latest, history)) = differences.split_last() else {
        return quiet(SignalKind::TeWeinigData);
    };
    if latest.0 != *at || history.len() < MIN_HISTORY {
        return quiet(SignalKind::TeWeinigData);
    }
    let values: Vec<f64> = history.iter().map(|(_, d)| *d).collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let variance =
        values.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (values.len() - 1) as f64;
    let deviation = latest.1 - mean;
    let z = if variance > 0.0 {
        deviation / variance.sqrt()
    } else if deviation == 0.0 {
        0.0
    } else {
        deviation.signum() * f64::INFINITY
    };
    if z.abs() <= THRESHOLD {
        return quiet(SignalKind::Stabiel);
    }
    let rising = z > 0.0;
    let kind = match (indicator.polarity, rising) {
        (Polarity::Neutral, _) => SignalKind::Opvallend,
        (Polarity::LowerIsBetter, true) | (Polarity::HigherIsBetter, false) => {
            SignalKind::Verslechtering
        }
        (Polarity::LowerIsBetter, false) | (Polarity::HigherIsBetter, true) => {
            SignalKind::Verbetering
        }
    };
    Signal {
        kind,
        period: *at,
        strength: z,
        rising,
    }
}

/// (period, value − value a season earlier) for every period up to `at` where both are known. For a
/// peildatum series (no fixed season) the difference with the previous date on record.
fn seasonal_differences(series: &Series, at: &Period) -> Vec<(Period, f64)> {
    let mut differences = Vec::new();
    let mut previous: Option<(Period, f64)> = None;
    for (period, point) in series.points.range(..=*at) {
        let Some(value) = point.value else {
            previous = None;
            continue;
        };
        let earlier = match period.per_year() {
            Some(_) => period.year_before().and_then(|p| series.value(&p)),
            None => previous.map(|(_, v)| v),
        };
        if let Some(earlier) = earlier {
            differences.push((*period, value - earlier));
        }
        previous = Some((*period, value));
    }
    differences
}
