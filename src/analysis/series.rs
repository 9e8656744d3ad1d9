//! A series: one indicator in one area, period by period.

use std::collections::{BTreeMap, HashMap};

use super::{Points, Population};
use crate::domain::{Aggregation, Area, Indicator, Observation, Period, Region, Shown, Value};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// `None` when absent: not delivered, shielded, or not derivable. Never zero for absent.
    pub value: Option<f64>,
    /// Computed (region from its gemeenten, a rate from a count) rather than delivered.
    pub derived: bool,
    pub provisional: bool,
    /// Hidden to protect persons: a small count, or a rate derived from one.
    pub shielded: bool,
}

impl Point {
    fn absent() -> Point {
        Point {
            value: None,
            derived: false,
            provisional: false,
            shielded: false,
        }
    }
}

/// Points in period order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub points: Points,
}

impl Series {
    pub fn value(&self, period: &Period) -> Option<f64> {
        self.points.get(period).and_then(|p| p.value)
    }

    /// The latest period with a value that was known at `at`: the one rule every view uses. A value
    /// counts once its period has ended by the end of `at`, so with 2025 K3 chosen a yearly 2025
    /// figure is not known yet, while a peildatum inside the quarter is.
    pub fn known_at(&self, at: &Period) -> Option<Period> {
        self.points
            .iter()
            .rev()
            .filter(|(period, _)| period.end() <= at.end())
            .find(|(_, point)| point.value.is_some())
            .map(|(period, _)| *period)
    }

    /// The newest period with a value, whatever the chosen period: how fresh the figures are.
    pub fn newest(&self) -> Option<Period> {
        self.points
            .iter()
            .rev()
            .find(|(_, point)| point.value.is_some())
            .map(|(period, _)| *period)
    }
}

fn point_of(observation: &Observation) -> Point {
    Point {
        value: observation.value.number(),
        derived: false,
        provisional: observation.provisional,
        shielded: matches!(
            observation.value,
            Value::Unavailable(crate::domain::Reason::ShieldedBySupplier)
        ),
    }
}

/// The delivered values of each of `areas`, in their order, from one indicator's observations: in
/// one pass, as a national store asks this for 342 gemeenten at once.
pub fn area_series(observations: &[Observation], areas: &[Area]) -> Vec<Series> {
    let places: HashMap<Area, usize> = areas
        .iter()
        .enumerate()
        .map(|(place, area)| (*area, place))
        .collect();
    let mut points: Vec<Vec<(Period, Point)>> = vec![Vec::new(); areas.len()];
    for observation in observations {
        if let Some(place) = places.get(&observation.area) {
            points[*place].push((observation.period, point_of(observation)));
        }
    }
    points
        .into_iter()
        .map(|points| Series {
            points: points.into_iter().collect(),
        })
        .collect()
}

/// The region: the delivered region value first; otherwise derived from the gemeenten the region had
/// in that period (a herindeling changes them) by the indicator's rule (sum for counts,
/// population-weighted mean for rates, none where not allowed). With one gemeente missing nothing is
/// derived: a partial sum would understate the region.
pub fn region_series(
    indicator: &Indicator,
    observations: &[Observation],
    population: &Population,
    region: &Region,
) -> Series {
    let region_area = region.area();
    let mut by_period: BTreeMap<Period, Vec<&Observation>> = BTreeMap::new();
    for observation in observations {
        by_period
            .entry(observation.period)
            .or_default()
            .push(observation);
    }
    // Collected in order, so the map is built densely packed.
    let points = by_period
        .into_iter()
        .map(|(period, values)| {
            let point = match values.iter().find(|o| o.area == region_area) {
                Some(delivered) => point_of(delivered),
                None => derive(indicator, &period, &values, population, region),
            };
            (period, point)
        })
        .collect();
    Series { points }
}

fn derive(
    indicator: &Indicator,
    period: &Period,
    values: &[&Observation],
    population: &Population,
    region: &Region,
) -> Point {
    // Each gemeente's value at its place in the region, so finding it does not walk the values.
    let mut by_place: Vec<Option<&Observation>> = vec![None; region.members().len()];
    for observation in values {
        if let Some(slot) = region.place(&observation.area).map(|p| &mut by_place[p]) {
            slot.get_or_insert(observation);
        }
    }
    let gemeenten: Option<Vec<(Area, f64)>> = region
        .members()
        .iter()
        .zip(&by_place)
        .filter(|(member, _)| member.exists_in(period))
        .map(|(member, value)| {
            value
                .and_then(|o| o.value.number())
                .map(|v| (member.area, v))
        })
        .collect();
    let value = gemeenten.and_then(|parts| match indicator.aggregation {
        Aggregation::Sum => Some(parts.iter().map(|(_, v)| v).sum()),
        Aggregation::WeightedMean => {
            let weights: Option<Vec<f64>> = parts
                .iter()
                .map(|(area, _)| population.get(area, period))
                .collect();
            let weights = weights?;
            let total: f64 = weights.iter().sum();
            (total > 0.0).then(|| {
                parts
                    .iter()
                    .zip(&weights)
                    .map(|((_, v), w)| v * w)
                    .sum::<f64>()
                    / total
            })
        }
        Aggregation::None => None,
    });
    Point {
        value,
        derived: value.is_some(),
        provisional: values.iter().any(|o| o.provisional),
        shielded: false,
    }
}

/// The series per 1.000 inwoners of `area`. A rate derived from a shielded count is shielded too.
pub fn per_1000(
    indicator: &Indicator,
    series: &Series,
    area: &Area,
    population: &Population,
) -> Series {
    let points = series
        .points
        .iter()
        .map(|(period, point)| {
            let shielded = point.shielded
                || point
                    .value
                    .is_some_and(|v| matches!(indicator.shield(v), Shown::Shielded(_)));
            let rate = match (point.value, population.get(area, period)) {
                (Some(value), Some(inhabitants)) if inhabitants > 0.0 && !shielded => {
                    Some(value / inhabitants * 1000.0)
                }
                _ => None,
            };
            let point = Point {
                value: rate,
                derived: true,
                shielded,
                ..*point
            };
            (
                *period,
                if rate.is_some() || shielded {
                    point
                } else {
                    Point::absent()
                },
            )
        })
        .collect();
    Series { points }
}
