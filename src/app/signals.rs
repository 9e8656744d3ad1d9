//! The "Signalen" list: every indicator whose latest region value shows a signal, strongest first.

use super::expected_text::{expected_spoken, expected_words};
use super::signal_source::{SignalSource, area_view};
use super::{AppError, Workspace};
use crate::analysis::{Change, Population, Series, Signal, change_within};
use crate::domain::{Area, Event, Indicator, Period, format_number};

#[derive(Debug, Clone)]
pub struct SignalRow {
    pub indicator: Indicator,
    pub signal: Signal,
    /// The region value at the signal's period.
    pub value: f64,
    pub year_on_year: Option<Change>,
}

/// Where the Signalen list looks: the region, its series and breaks, and the signals' source.
pub(super) struct SignalsOf<'a> {
    pub region: Area,
    pub population: &'a Population,
    pub events: &'a [Event],
    pub source: &'a SignalSource,
}

/// The signal rows of these region series at the latest value each had at `at`, strongest first.
pub(super) fn signal_rows<'a>(
    regions: impl Iterator<Item = (&'a Indicator, &'a Series)>,
    of: &SignalsOf,
    at: &Period,
) -> Vec<SignalRow> {
    let mut rows = Vec::new();
    for (indicator, series) in regions {
        let view = area_view(
            indicator,
            of.region,
            series.clone(),
            false,
            of.population,
            of.events,
        );
        let Some(found) = of.source.signal(indicator, of.region, &view, at) else {
            continue;
        };
        let period = found.period;
        let Some(value) = series.value(&period) else {
            continue;
        };
        if found.kind.is_signal() {
            rows.push(SignalRow {
                indicator: indicator.clone(),
                signal: found,
                value,
                year_on_year: change_within(series, &period, &view.breaks).ok().flatten(),
            });
        }
    }
    rows.sort_by(|a, b| b.signal.strength.abs().total_cmp(&a.signal.strength.abs()));
    rows
}

impl SignalRow {
    /// "▲" or "▼": the direction, so a signal never rests on colour alone.
    pub fn arrow(&self) -> &'static str {
        if self.signal.rising { "▲" } else { "▼" }
    }

    /// "Meldingen overlast verward persoon (E33): verslechtering in 2025 K4".
    pub fn headline(&self) -> String {
        format!(
            "{}: {} in {}",
            self.indicator.name,
            self.signal.kind.label(),
            self.signal.period.label()
        )
    }

    /// "859, verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij · +17% t.o.v. 2024 K4"
    /// (shielded where the value is a small count).
    pub fn detail(&self) -> String {
        let change = self
            .year_on_year
            .and_then(|c| {
                Some(format!(
                    " · {:+.0}% t.o.v. {}",
                    c.relative()? * 100.0,
                    c.from.label()
                ))
            })
            .unwrap_or_default();
        let expected = expected_words(&self.indicator, false, &self.signal)
            .map(|words| format!(", {words}"))
            .unwrap_or_default();
        format!(
            "{}{expected}{change}",
            self.indicator.value_text(self.value)
        )
    }

    /// "Meldingen overlast verward persoon (E33): verslechtering in 2025 K4, 859, verwacht 713 tot
    /// 847, hoger dan verwacht, tweede kwartaal op rij, 17 procent hoger dan 2024 K4": the row as
    /// assistive technology reads it, with the arrow and the sign in words.
    pub fn spoken(&self) -> String {
        let expected = expected_spoken(&self.indicator, false, &self.signal).unwrap_or_else(|| {
            let side = if self.signal.rising { "hoger" } else { "lager" };
            format!("{side} dan verwacht")
        });
        let change = self
            .year_on_year
            .and_then(|c| {
                let percent = (c.relative()? * 100.0).round();
                let against = c.from.label();
                Some(if percent == 0.0 {
                    format!(", gelijk aan {against}")
                } else {
                    let word = if percent > 0.0 { "hoger" } else { "lager" };
                    let size = format_number(percent.abs(), 0);
                    format!(", {size} procent {word} dan {against}")
                })
            })
            .unwrap_or_default();
        format!(
            "{}, {}, {expected}{change}",
            self.headline(),
            self.indicator.value_text(self.value)
        )
    }
}

impl Workspace {
    /// Region signals at the latest value of each indicator known at `at`; without a period, at the
    /// quarter the window opens on.
    pub fn signals(&self, at: Option<&Period>) -> Result<Vec<SignalRow>, AppError> {
        let record = self.on_record()?;
        let at = match at {
            Some(at) => *at,
            None => record.chosen_quarter(None, &record.quarters(), self.today()),
        };
        let regions = record.series.iter().map(|d| (&d.indicator, &d.region));
        let of = SignalsOf {
            region: self.region().area(),
            population: &record.population,
            events: &self.events()?,
            source: &self.signal_source()?,
        };
        Ok(signal_rows(regions, &of, &at))
    }
}
