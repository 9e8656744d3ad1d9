//! The invented demo series carried on past the CSV, up to the last period that is over on "today":
//! a demo opened in any year shows current figures, not suppliers a year late. Deterministic: the
//! noise comes from a hash of indicator, area and period (not from a random generator), so the same
//! day always gives the same data. A later day adds periods and moves the deliberate jumps of
//! [`JUMPS`] to its own newest period; every other value stays as an earlier day had it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Months, NaiveDate};

use crate::analysis::{POPULATION_INDICATOR, Population};
use crate::domain::{
    Aggregation, Area, AreaKind, Indicator, Observation, Period, Region, StockOrFlow, Unit, Value,
};

/// Suppliers that are deliberately one period behind, so the overdue flag has something to show:
/// the monthly bijstand (a strategic tile) and the half-yearly Wmo figures. Neither is quarterly,
/// so the dashboard still opens on the newest quarter.
pub(super) const LATE: [&str; 2] = ["bijstandsuitkeringen", "wmo_clienten"];

/// A jump in the newest period, as the CSV has in 2025 K4, so that the Signalen list of the newest
/// quarter has something to show.
const JUMPS: [(&str, f64); 3] = [
    ("veilig_thuis_meldingen", 1.22),
    ("verward_gedrag_meldingen_e33", 1.25),
    ("nazorg_plannen_ex_gedetineerden", 0.7),
];

/// The yearly trend stays within these factors: a demo series neither explodes nor dies out.
const TREND: (f64, f64) = (0.95, 1.06);

/// A stock moves less from one count to the next than a flow varies between periods.
const STOCK_STEP: f64 = 0.25;

/// The values of `indicators` for every period after the CSV's last year that is on record on
/// `today`; `base` is the CSV. Real published figures are never continued: they lie in earlier
/// years, and only the pattern of the last year is carried on.
pub(super) fn continued(
    base: &[Observation],
    indicators: &[Indicator],
    today: NaiveDate,
    region: &Region,
) -> Vec<Observation> {
    let mut ordered: Vec<&Indicator> = indicators.iter().collect();
    // Inhabitants first: a weighted region mean weighs the gemeenten by them.
    ordered.sort_by_key(|i| i.id != POPULATION_INDICATOR);
    let mut population = Population::from_observations(base, region);
    let mut added = Vec::new();
    for indicator in ordered {
        let more = continue_indicator(indicator, base, today, &population, region);
        if indicator.id == POPULATION_INDICATOR {
            let inhabitants: Vec<Observation> = base
                .iter()
                .filter(|o| o.indicator == POPULATION_INDICATOR)
                .chain(&more)
                .cloned()
                .collect();
            population = Population::from_observations(&inhabitants, region);
        }
        added.extend(more);
    }
    added
}

/// Whether a period's figures are in on `today`: the period is over, and so is the day after it
/// (on 1 February, January is still being counted). A count at a peildatum is over at once but
/// comes in by its due date, so that it is never reported missing.
pub(super) fn on_record(indicator: &Indicator, period: &Period, today: NaiveDate) -> bool {
    match period {
        Period::Date(_) => indicator.due_date(period) < today,
        _ => period.end() < today,
    }
}

/// One period to add: `years` after the template period at `position` in the CSV's last year.
struct Step {
    years: i32,
    position: usize,
    period: Period,
}

/// One area's values in the CSV; `None` where the supplier shielded the value.
type Recorded = BTreeMap<Period, Option<f64>>;

fn continue_indicator(
    indicator: &Indicator,
    base: &[Observation],
    today: NaiveDate,
    population: &Population,
    region: &Region,
) -> Vec<Observation> {
    let mut recorded: BTreeMap<usize, (Area, Recorded)> = BTreeMap::new();
    for o in base.iter().filter(|o| o.indicator == indicator.id) {
        recorded
            .entry(region.display_order(&o.area))
            .or_insert_with(|| (o.area, Recorded::new()))
            .1
            .insert(o.period, o.value.number());
    }
    let recorded: Vec<(Area, Recorded)> = recorded.into_values().collect();
    let Some(last_year) = recorded
        .iter()
        .flat_map(|(_, r)| r.keys().map(Period::year))
        .max()
    else {
        return Vec::new();
    };
    let template: Vec<Period> = recorded
        .iter()
        .flat_map(|(_, r)| r.keys().copied())
        .filter(|p| p.year() == last_year)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let steps = upcoming(indicator, &template, today);
    if steps.is_empty() {
        return Vec::new();
    }
    let totals = totals(&recorded);
    let shape = Shape {
        trend: trend(&totals, last_year),
        season: match indicator.stock_or_flow {
            StockOrFlow::Stroom => season(&totals, &template),
            StockOrFlow::Stand => vec![1.0; template.len()],
        },
    };
    let has_region = recorded.iter().any(|(a, _)| a.kind == AreaKind::Regio);
    let gemeenten = recorded
        .iter()
        .filter(|(a, _)| a.kind == AreaKind::Gemeente)
        .count();
    // The region follows from its gemeenten the way the CSV has it; a region-only figure goes its
    // own way.
    let derived = has_region && gemeenten > 0 && indicator.aggregation != Aggregation::None;
    let mut values: Vec<(Area, Vec<f64>)> = recorded
        .iter()
        .filter(|(area, _)| !(derived && area.kind == AreaKind::Regio))
        .filter_map(|(area, series)| {
            let series = continue_area(indicator, area, series, &template, &steps, &shape)?;
            Some((*area, series))
        })
        .collect();
    if derived {
        let derived_values = derive_region(indicator, &recorded, &values, &steps, population);
        values.push((region.area(), derived_values));
    }
    values
        .into_iter()
        .flat_map(|(area, series)| {
            steps
                .iter()
                .zip(series)
                .map(move |(step, value)| Observation {
                    indicator: indicator.id.clone(),
                    area,
                    period: step.period,
                    value: Value::Number(value),
                    provisional: false,
                    remark: None,
                })
        })
        .collect()
}

/// The template periods of the last year carried on year by year, as far as `today` has them.
fn upcoming(indicator: &Indicator, template: &[Period], today: NaiveDate) -> Vec<Step> {
    let Some(last_year) = template.first().map(Period::year) else {
        return Vec::new();
    };
    let late = LATE.contains(&indicator.id.as_str());
    let mut steps = Vec::new();
    for years in 1..=today.year() - last_year + 1 {
        for (position, period) in template.iter().enumerate() {
            let Some(period) = shifted(period, years) else {
                continue;
            };
            // A late supplier has delivered a period only once the one after it is overdue too.
            let delivered = !late
                || period
                    .next()
                    .is_some_and(|next| indicator.due_date(&next) < today);
            if on_record(indicator, &period, today) && delivered {
                steps.push(Step {
                    years,
                    position,
                    period,
                });
            }
        }
    }
    steps
}

/// `period` moved `years` years (back when negative).
fn shifted(period: &Period, years: i32) -> Option<Period> {
    Some(match *period {
        Period::Year(y) => Period::Year(y + years),
        Period::HalfYear(y, h) => Period::HalfYear(y + years, h),
        Period::Quarter(y, q) => Period::Quarter(y + years, q),
        Period::Month(y, m) => Period::Month(y + years, m),
        Period::Date(d) => {
            let months = Months::new(12 * years.unsigned_abs());
            Period::Date(if years >= 0 {
                d.checked_add_months(months)?
            } else {
                d.checked_sub_months(months)?
            })
        }
    })
}

/// The region's recorded value per period, or where it has none the sum of every gemeente.
fn totals(recorded: &[(Area, Recorded)]) -> BTreeMap<Period, f64> {
    let region = recorded.iter().find(|(a, _)| a.kind == AreaKind::Regio);
    let gemeenten: Vec<&Recorded> = recorded
        .iter()
        .filter(|(a, _)| a.kind == AreaKind::Gemeente)
        .map(|(_, r)| r)
        .collect();
    let periods: BTreeSet<Period> = recorded
        .iter()
        .flat_map(|(_, r)| r.keys().copied())
        .collect();
    periods
        .into_iter()
        .filter_map(|period| {
            let own = region.and_then(|(_, r)| r.get(&period).copied().flatten());
            let sum = || {
                (!gemeenten.is_empty())
                    .then(|| {
                        gemeenten
                            .iter()
                            .map(|r| r.get(&period).copied().flatten())
                            .sum::<Option<f64>>()
                    })
                    .flatten()
            };
            Some((period, own.or_else(sum)?))
        })
        .collect()
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (count > 0).then(|| sum / count as f64)
}

fn year_mean(totals: &BTreeMap<Period, f64>, year: i32) -> Option<f64> {
    mean(
        totals
            .iter()
            .filter(|(p, _)| p.year() == year)
            .map(|(_, v)| *v),
    )
}

/// The yearly growth of the last year on the one before, within [`TREND`].
fn trend(totals: &BTreeMap<Period, f64>, last_year: i32) -> f64 {
    match (
        year_mean(totals, last_year - 1),
        year_mean(totals, last_year),
    ) {
        (Some(before), Some(last)) if before > 0.0 => (last / before).clamp(TREND.0, TREND.1),
        _ => 1.0,
    }
}

/// Per template position, how far that period lies above or below its year's mean, averaged over
/// every year the CSV has in full; the factors average 1.
fn season(totals: &BTreeMap<Period, f64>, template: &[Period]) -> Vec<f64> {
    let last_year = template.first().map(Period::year).unwrap_or_default();
    let first_year = totals.keys().map(Period::year).min().unwrap_or(last_year);
    let mut sums = vec![0.0; template.len()];
    let mut years = 0.0;
    for back in 0..=last_year - first_year {
        let values: Option<Vec<f64>> = template
            .iter()
            .map(|p| shifted(p, -back).and_then(|p| totals.get(&p).copied()))
            .collect();
        let Some(values) = values else { continue };
        let Some(level) = mean(values.iter().copied()).filter(|m| *m > 0.0) else {
            continue;
        };
        for (sum, value) in sums.iter_mut().zip(&values) {
            *sum += value / level;
        }
        years += 1.0;
    }
    if years == 0.0 {
        return vec![1.0; template.len()];
    }
    sums.into_iter().map(|s| s / years).collect()
}

struct Shape {
    /// Growth per year.
    trend: f64,
    /// Factor per template position (all 1 for a stock).
    season: Vec<f64>,
}

/// One area's values for `steps`: a flow around its last year's level, with the season and the
/// trend; a stock as a walk on from its last count. `None` when the area has no value to go on.
fn continue_area(
    indicator: &Indicator,
    area: &Area,
    recorded: &Recorded,
    template: &[Period],
    steps: &[Step],
    shape: &Shape,
) -> Option<Vec<f64>> {
    let unit = indicator.unit;
    let noise = |step: &Step| wobble(&indicator.id, area, &step.period);
    match indicator.stock_or_flow {
        StockOrFlow::Stroom => {
            let level = mean(
                template
                    .iter()
                    .zip(&shape.season)
                    .filter_map(|(p, s)| Some(recorded.get(p).copied().flatten()? / s)),
            )?;
            let jump = JUMPS
                .iter()
                .find(|(id, _)| *id == indicator.id)
                .map_or(1.0, |(_, factor)| *factor);
            Some(
                steps
                    .iter()
                    .enumerate()
                    .map(|(n, step)| {
                        let mut expected =
                            level * shape.trend.powi(step.years) * shape.season[step.position];
                        if n + 1 == steps.len() {
                            expected *= jump;
                        }
                        settle(unit, expected + noise(step) * spread(unit, expected))
                    })
                    .collect(),
            )
        }
        StockOrFlow::Stand => {
            let mut count = recorded.values().rev().find_map(|v| *v)?;
            let per_step = shape.trend.powf(1.0 / template.len() as f64);
            Some(
                steps
                    .iter()
                    .map(|step| {
                        count = (count * per_step + noise(step) * STOCK_STEP * spread(unit, count))
                            .max(0.0);
                        settle(unit, count)
                    })
                    .collect(),
            )
        }
    }
}

/// The region's values for `steps` from the gemeenten's: their sum scaled as in the CSV's last
/// year (the ZVH counts dossiers no gemeente is named for), or their mean weighted by inhabitants.
fn derive_region(
    indicator: &Indicator,
    recorded: &[(Area, Recorded)],
    values: &[(Area, Vec<f64>)],
    steps: &[Step],
    population: &Population,
) -> Vec<f64> {
    let scale = region_scale(recorded);
    steps
        .iter()
        .enumerate()
        .map(|(n, step)| {
            let parts: Vec<(&Area, f64)> = values
                .iter()
                .filter(|(a, _)| a.kind == AreaKind::Gemeente)
                .map(|(a, series)| (a, series[n]))
                .collect();
            let sum = parts.iter().map(|(_, v)| v).sum::<f64>();
            let value = if indicator.aggregation == Aggregation::WeightedMean {
                let weights: Option<Vec<f64>> = parts
                    .iter()
                    .map(|(area, _)| population.get(area, &step.period))
                    .collect();
                match weights {
                    Some(weights) if weights.iter().sum::<f64>() > 0.0 => {
                        let weighted: f64 =
                            parts.iter().zip(&weights).map(|((_, v), w)| v * w).sum();
                        weighted / weights.iter().sum::<f64>()
                    }
                    _ => sum / parts.len() as f64,
                }
            } else {
                sum * scale
            };
            settle(indicator.unit, value)
        })
        .collect()
}

/// How the region's recorded values relate to the sum of its gemeenten in the CSV's last year: 1
/// where the supplier delivered the sum itself.
fn region_scale(recorded: &[(Area, Recorded)]) -> f64 {
    let Some((_, region)) = recorded.iter().find(|(a, _)| a.kind == AreaKind::Regio) else {
        return 1.0;
    };
    let last_year = region.keys().map(Period::year).max().unwrap_or_default();
    let (mut own, mut summed) = (0.0, 0.0);
    for (period, value) in region.iter().filter(|(p, _)| p.year() == last_year) {
        let parts: Option<f64> = recorded
            .iter()
            .filter(|(a, _)| a.kind == AreaKind::Gemeente)
            .map(|(_, r)| r.get(period).copied().flatten())
            .sum();
        if let (Some(value), Some(parts)) = (value, parts) {
            own += value;
            summed += parts;
        }
    }
    if summed > 0.0 { own / summed } else { 1.0 }
}

/// How far a value may lie from what is expected: a count varies like a Poisson count, a
/// percentage by a few percent of itself; a budget in euro is indexed, not noisy.
fn spread(unit: Unit, expected: f64) -> f64 {
    match unit {
        Unit::Aantal => expected.max(0.5).sqrt(),
        Unit::Percentage | Unit::Per1000 => 0.04 * expected.abs() + 0.05,
        Unit::Euro => 0.0,
    }
}

/// A value as a supplier writes it: a whole count or euro, never below zero; a percentage with one
/// decimal, at most 100.
fn settle(unit: Unit, value: f64) -> f64 {
    let value = value.max(0.0);
    match unit {
        Unit::Aantal | Unit::Euro => value.round(),
        Unit::Percentage => (value.min(100.0) * 10.0).round() / 10.0,
        Unit::Per1000 => (value * 10.0).round() / 10.0,
    }
}

/// Noise for one value: the sum of three uniform numbers in [-1, 1) drawn from a hash of the
/// value's place, so roughly normal with spread 1 and never beyond ±3.
fn wobble(indicator: &str, area: &Area, period: &Period) -> f64 {
    let place = format!("{indicator}|{}|{}", area.code, period.canonical());
    (0..3u8).map(|draw| uniform(place.as_bytes(), draw)).sum()
}

/// A number in [-1, 1) from FNV-1a over `bytes` and `draw`, finished with SplitMix64's mixer (FNV
/// alone leaves the high bits of short inputs poorly mixed).
fn uniform(bytes: &[u8], draw: u8) -> f64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes.iter().chain(std::iter::once(&draw)) {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash ^= hash >> 30;
    hash = hash.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash ^= hash >> 27;
    hash = hash.wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^= hash >> 31;
    (hash >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}
