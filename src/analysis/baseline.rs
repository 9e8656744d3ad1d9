//! What a series' own history predicts for a period: the improved Farrington method (Noufaily et
//! al., Statistics in Medicine 2013, as `farringtonFlexible` in R's surveillance package) cut to our
//! series. Counts that flow (meldingen per kwartaal) get a quasi-Poisson regression with season and,
//! where the history is long enough and the trend is real, a trend; overdispersion is estimated,
//! past outliers are downweighted, and the expected range is a quantile of the negative binomial
//! with that mean and dispersion. Everything else (percentages, amounts, stands) gets the same
//! regression on the values themselves with a normal prediction interval.

use chrono::Datelike;

use super::distribution::{Counts, normal_quantile};
use super::regression::{Fit, least_squares, poisson};
use crate::domain::{Indicator, Period, StockOrFlow, Unit};

/// Anscombe residuals beyond this mark a past outlier (Noufaily's 2.58), weighted down in the refit.
const OUTLIER: f64 = 2.58;

/// A trend stays in the model when its coefficient is this many standard errors from zero.
const TREND_Z: f64 = 1.96;

/// Years of history a trend needs (Farrington's b = 3).
const TREND_YEARS: f64 = 3.0;

#[derive(Debug, Clone, Copy)]
enum Model {
    Counts(Counts),
    Normal { mean: f64, sd: f64 },
}

/// The prediction for one period.
#[derive(Debug, Clone, Copy)]
pub(super) struct Baseline {
    model: Model,
}

impl Baseline {
    pub fn mean(&self) -> f64 {
        match self.model {
            Model::Counts(counts) => counts.mean,
            Model::Normal { mean, .. } => mean,
        }
    }

    /// The standard deviation of a value around the mean, for the signal's strength.
    pub fn spread(&self) -> f64 {
        match self.model {
            Model::Counts(counts) => (counts.mean * counts.dispersion).sqrt().max(1e-9),
            Model::Normal { sd, .. } => sd.max(1e-9),
        }
    }

    /// The range a value falls in with probability 1 − 2·`tail`: below its lower end or above its
    /// upper end happens by chance with probability `tail` each.
    pub fn range(&self, tail: f64) -> (f64, f64) {
        match self.model {
            Model::Counts(counts) => match counts.quantiles(&[tail, 1.0 - tail])[..] {
                [low, high] => (low, high),
                _ => (0.0, f64::INFINITY),
            },
            Model::Normal { mean, sd } => {
                let z = normal_quantile(1.0 - tail);
                (mean - z * sd, mean + z * sd)
            }
        }
    }
}

/// Whether `indicator` counts what happened in a period, so that a count model fits it.
pub(super) fn counts_flow(indicator: &Indicator) -> bool {
    indicator.unit == Unit::Aantal && indicator.stock_or_flow == StockOrFlow::Stroom
}

/// History points needed before a prediction at `at` is trusted: two full years and a bit for a
/// seasonal series, five years for a yearly one, six measurements for a peildatum.
pub(super) fn history_needed(at: &Period) -> usize {
    match at.per_year() {
        Some(1) => 5,
        Some(per_year) => 2 * per_year + 2,
        None => 6,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Season {
    None,
    /// One column per season but the first (half years, quarters).
    Dummies(usize),
    /// A sine and a cosine over the year (months: eleven dummies would ask too much of the data).
    Harmonic,
}

fn row(period: &Period, at: &Period, trend: bool, season: Season) -> Vec<f64> {
    let mut row = vec![1.0];
    if trend {
        // Centred on the period predicted, so the intercept is the prediction.
        row.push(period.position() - at.position());
    }
    let month = period.start().month0() as usize;
    match season {
        Season::None => {}
        Season::Dummies(per_year) => {
            let index = month / (12 / per_year);
            row.extend((1..per_year).map(|s| f64::from(u8::from(index == s))));
        }
        Season::Harmonic => {
            let angle = 2.0 * std::f64::consts::PI * month as f64 / 12.0;
            row.push(angle.sin());
            row.push(angle.cos());
        }
    }
    row
}

/// What the history predicts for `at`; `None` with too little history or nothing to fit.
pub(super) fn baseline(
    indicator: &Indicator,
    history: &[(Period, f64)],
    at: &Period,
) -> Option<Baseline> {
    if history.len() < history_needed(at) {
        return None;
    }
    let counts = counts_flow(indicator) && history.iter().all(|(_, v)| *v >= 0.0);
    let season = match at.per_year() {
        Some(2 | 4) => Season::Dummies(at.per_year()?),
        Some(12) => Season::Harmonic,
        _ => Season::None,
    };
    let first = history.first()?.0.position();
    let last = history.last()?.0.position();
    let designs = [
        (last - first >= TREND_YEARS, season),
        (false, season),
        (false, Season::None),
    ];
    for (trend, season) in designs {
        let Some((fit, scale)) = fitted(history, at, trend, season, counts) else {
            continue;
        };
        if trend {
            let se = (scale * fit.inverse[1][1]).sqrt();
            if fit.coefficients[1].abs() < TREND_Z * se {
                continue;
            }
        }
        let x0 = row(at, at, trend, season);
        let linear = fit.linear(&x0);
        let model = if counts {
            // The count varies around a mean that is itself estimated: var(y − μ̂) = φμ + μ²·var(ln μ̂)
            // (Farrington's prediction variance), said as a wider dispersion.
            let mean = linear.clamp(-30.0, 30.0).exp();
            Model::Counts(Counts {
                mean,
                dispersion: scale * (1.0 + mean * fit.leverage(&x0)),
            })
        } else {
            Model::Normal {
                mean: linear,
                sd: (scale * (1.0 + fit.leverage(&x0))).sqrt(),
            }
        };
        return Some(Baseline { model });
    }
    None
}

/// The fit of one design with past outliers weighted down, and its scale: the overdispersion for
/// counts (at least 1), the residual variance otherwise.
fn fitted(
    history: &[(Period, f64)],
    at: &Period,
    trend: bool,
    season: Season,
    counts: bool,
) -> Option<(Fit, f64)> {
    let x: Vec<Vec<f64>> = history
        .iter()
        .map(|(p, _)| row(p, at, trend, season))
        .collect();
    let y: Vec<f64> = history.iter().map(|(_, v)| *v).collect();
    let n = y.len();
    let columns = x[0].len();
    if n < columns + 3 {
        return None;
    }
    let free = (n - columns) as f64;
    let fit_with = |weights: &[f64]| {
        if counts {
            poisson(&x, &y, weights)
        } else {
            least_squares(&x, &y, weights)
        }
    };
    let mean_of = |fit: &Fit, row: &[f64]| {
        let linear = fit.linear(row);
        if counts {
            linear.clamp(-30.0, 30.0).exp()
        } else {
            linear
        }
    };
    let scale_of = |fit: &Fit, weights: &[f64]| {
        let sum: f64 = x
            .iter()
            .zip(&y)
            .zip(weights)
            .map(|((row, yi), wi)| {
                let mu = mean_of(fit, row);
                if counts {
                    wi * (yi - mu).powi(2) / mu.max(1e-8)
                } else {
                    wi * (yi - mu).powi(2)
                }
            })
            .sum();
        let scale = sum / free;
        if counts { scale.max(1.0) } else { scale }
    };
    let ones = vec![1.0; n];
    let fit = fit_with(&ones)?;
    let scale = scale_of(&fit, &ones);
    // Anscombe residuals for counts, standardised ones otherwise; an outbreak in the history must
    // not widen the range it is judged by.
    let residuals: Vec<f64> = x
        .iter()
        .zip(&y)
        .map(|(row, yi)| {
            let mu = mean_of(&fit, row);
            if counts {
                let mu = mu.max(1e-8);
                1.5 * (yi.powf(2.0 / 3.0) - mu.powf(2.0 / 3.0))
                    / (mu.powf(1.0 / 6.0) * scale.sqrt())
            } else {
                (yi - mu) / scale.sqrt().max(1e-12)
            }
        })
        .collect();
    if residuals.iter().all(|r| *r <= OUTLIER) {
        return Some((fit, scale));
    }
    let raw: Vec<f64> = residuals
        .iter()
        .map(|r| if *r > OUTLIER { r.powi(-2) } else { 1.0 })
        .collect();
    let total: f64 = raw.iter().sum();
    let weights: Vec<f64> = raw.iter().map(|w| w * n as f64 / total).collect();
    let fit = fit_with(&weights)?;
    let scale = scale_of(&fit, &weights);
    Some((fit, scale))
}
