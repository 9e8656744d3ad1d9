//! The warnings an import gives that need the values on record after it: a jump against the
//! previous period, a region that is not the sum of its gemeenten; and how many warnings are listed.

use crate::domain::{
    Aggregation, Area, AreaKind, CellValue, Indicator, Period, Region, Value, plain_number,
};
use crate::ingest::{Finding, ImportProblem, Location, ProblemKind, ReadObservation};

/// A change of more than this fraction against the previous period is worth a second look.
const JUMP_FRACTION: f64 = 0.5;

/// Warnings beyond this many are counted, not spelled out: nobody reads ten thousand of them.
const LISTED_WARNINGS: usize = 1000;

#[derive(Default)]
pub(super) struct Warnings {
    pub listed: Vec<ImportProblem>,
    pub unlisted: usize,
}

impl Warnings {
    pub fn push(
        &mut self,
        location: &Location,
        kind: ProblemKind,
        message: impl FnOnce() -> String,
    ) {
        if self.listed.len() < LISTED_WARNINGS {
            self.listed
                .push(ImportProblem::at(location, Finding::new(kind, message())));
        } else {
            self.unlisted += 1;
        }
    }
}

/// A value on record after the import, with the delivered row it came from (`None`: stored before).
#[derive(Clone, Copy)]
pub(super) struct AfterEntry<'a> {
    pub area: Area,
    pub period: Period,
    pub value: Value,
    pub read: Option<ReadObservation<'a>>,
}

impl<'a> AfterEntry<'a> {
    pub fn of(value: &impl CellValue, read: Option<ReadObservation<'a>>) -> AfterEntry<'a> {
        AfterEntry {
            area: value.area(),
            period: value.period(),
            value: value.value(),
            read,
        }
    }
}

/// Delivered values more than 50% up or down against the previous period on record; small counts
/// excepted, since they swing by nature. `after` is one indicator's values by area and period.
pub(super) fn jumps(indicator: &Indicator, after: &[AfterEntry], warnings: &mut Warnings) {
    let small = f64::from(indicator.shielding_threshold.max(5));
    for pair in after.windows(2) {
        let (
            previous,
            o @ AfterEntry {
                read: Some(read), ..
            },
        ) = (pair[0], pair[1])
        else {
            continue;
        };
        if previous.area != o.area {
            continue;
        }
        let (Some(new), Some(old)) = (o.value.number(), previous.value.number()) else {
            continue;
        };
        let difference = new - old;
        if old <= 0.0 || difference.abs() < small || difference.abs() <= JUMP_FRACTION * old {
            continue;
        }
        warnings.push(&read.location(), ProblemKind::Jump, || {
            format!(
                "{} is {:.0}% {} dan {} in {}; klopt dit?",
                indicator.unshielded_text(new),
                difference.abs() / old * 100.0,
                if difference > 0.0 { "hoger" } else { "lager" },
                indicator.unshielded_text(old),
                previous.period.label()
            )
        });
    }
}

/// A region value that differs from the sum of its gemeenten (for summed indicators, when every
/// gemeente that existed in the period is known and this import delivered one of them). Not an error: the region may include
/// what no gemeente can claim. `after` is one indicator's values by area and period, so each area's
/// series is walked once alongside the region's.
pub(super) fn region_sums(
    indicator: &Indicator,
    after: &[AfterEntry],
    in_region: &Region,
    warnings: &mut Warnings,
) {
    if indicator.aggregation != Aggregation::Sum {
        return;
    }
    let series: Vec<&[AfterEntry]> = after.chunk_by(|a, b| a.area == b.area).collect();
    let of_kind = |kind| series.iter().filter(move |s| s[0].area.kind == kind);
    let Some(region) = of_kind(AreaKind::Regio).next() else {
        return;
    };
    let mut gemeenten: Vec<&[AfterEntry]> = of_kind(AreaKind::Gemeente).copied().collect();
    if gemeenten.is_empty() {
        return;
    }
    for region_value in region.iter() {
        let period = region_value.period;
        let mut sum = 0.0;
        let mut delivered = region_value.read;
        let mut known = 0;
        for gemeente in &mut gemeenten {
            let before = gemeente.iter().take_while(|o| o.period < period).count();
            *gemeente = &gemeente[before..];
            if let Some(o) = gemeente.first().filter(|o| o.period == period) {
                sum += o.value.number().unwrap_or(f64::NAN);
                delivered = delivered.or(o.read);
                known += 1;
            }
        }
        // Only gemeenten that existed then are delivered (the importer refuses others).
        let complete = known == in_region.gemeenten_in(&period).count();
        let (Some(read), Some(region), true) = (delivered, region_value.value.number(), complete)
        else {
            continue;
        };
        if !sum.is_nan() && (region - sum).abs() > 0.5 {
            warnings.push(&read.location(), ProblemKind::RegionSum, || {
                format!(
                    "regiowaarde {} voor {} in {} wijkt af van de som van de gemeenten ({}); de geleverde regiowaarde wordt getoond",
                    plain_number(region),
                    indicator.id,
                    period.label(),
                    plain_number(sum)
                )
            });
        }
    }
}
