//! A trend in words, for who cannot see the line: the window's sparklines and plot and the
//! BO-pakket's charts say their span, direction and extremes with the same sentence.

use super::IndicatorFigures;
use crate::domain::Period;

impl IndicatorFigures {
    /// "Van 2023 K1 tot 2025 K4 gestegen, van 299 naar 373; hoogste 373 in 2025 K4, laagste 270 in
    /// 2023 K4. De cijfers staan in {table}." over the region's values at `periods`. Values read as
    /// the tables show them, so a shielded count stays "<5" and is never an extreme.
    pub fn trend_text(&self, periods: &[Period], table: &str) -> String {
        let known: Vec<(Period, f64)> = periods
            .iter()
            .filter_map(|period| {
                let point = self.region.series.points.get(period)?;
                Some((*period, point.value.filter(|_| !point.shielded)?))
            })
            .collect();
        let (Some(first), Some(last)) = (known.first(), known.last()) else {
            return "Nog geen cijfers.".to_string();
        };
        let text = |period: &Period| self.point_text(self.region.series.points.get(period));
        let highest = known
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(last);
        let lowest = known
            .iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap_or(last);
        let direction = if last.1 > first.1 {
            "gestegen"
        } else if last.1 < first.1 {
            "gedaald"
        } else {
            "gelijk gebleven"
        };
        format!(
            "Van {} tot {} {direction}, van {} naar {}; hoogste {} {}, laagste {} {}. De cijfers staan \
             in {table}.",
            first.0.label(),
            last.0.label(),
            text(&first.0),
            text(&last.0),
            text(&highest.0),
            at_period(highest.0),
            text(&lowest.0),
            at_period(lowest.0),
        )
    }
}

/// "in 2025 K4", but "op 1 oktober 2025": a stand is counted on a day.
pub fn at_period(period: Period) -> String {
    let preposition = if matches!(period, Period::Date(_)) {
        "op"
    } else {
        "in"
    };
    format!("{preposition} {}", period.label())
}
