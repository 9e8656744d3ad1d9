//! The expected range in words, as the tiles, the Signalen strip, the command line and the
//! BO-pakket say it: "859, verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij".

use super::{AreaFigures, Dashboard, IndicatorFigures, rate_text};
use crate::analysis::NOISE_SIGNALS;
use crate::domain::{
    Expected, Indicator, Period, Signal, SignalKind, Unit, count_of, format_number,
};

/// A bound of the range in the unit shown: counts whole, rates as rates, percentages and amounts
/// with their sign. A bound is a prediction, not a count of people, so it is never shielded.
fn bound(indicator: &Indicator, per_1000: bool, value: f64) -> String {
    let value = value.max(0.0);
    if per_1000 {
        rate_text(value)
    } else if indicator.unit == Unit::Aantal {
        format_number(value.round(), 0)
    } else {
        indicator.unshielded_text(value)
    }
}

/// "verwacht 713–847", with `to` between the bounds.
fn range_in(indicator: &Indicator, per_1000: bool, expected: &Expected, to: &str) -> String {
    format!(
        "verwacht {}{to}{}",
        bound(indicator, per_1000, expected.low),
        bound(indicator, per_1000, expected.high)
    )
}

/// "hoger dan verwacht, tweede kwartaal op rij" when the value lies outside its expected range;
/// `None` inside it.
fn outside(signal: &Signal) -> Option<String> {
    if signal.run == 0 {
        return None;
    }
    let side = if signal.rising { "hoger" } else { "lager" };
    let run = match signal.run {
        1 => String::new(),
        run => format!(", {} {} op rij", ordinal(run), noun(&signal.period)),
    };
    Some(format!("{side} dan verwacht{run}"))
}

/// "verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij", or only the range inside it.
pub fn expected_words(indicator: &Indicator, per_1000: bool, signal: &Signal) -> Option<String> {
    said(indicator, per_1000, signal, "–", ": ")
}

/// The same for assistive technology, where a dash is not read as "tot": "verwacht 713 tot 847,
/// hoger dan verwacht, …".
pub fn expected_spoken(indicator: &Indicator, per_1000: bool, signal: &Signal) -> Option<String> {
    said(indicator, per_1000, signal, " tot ", ", ")
}

fn said(
    indicator: &Indicator,
    per_1000: bool,
    signal: &Signal,
    to: &str,
    then: &str,
) -> Option<String> {
    let range = range_in(indicator, per_1000, signal.expected.as_ref()?, to);
    Some(match outside(signal) {
        Some(outside) => format!("{range}{then}{outside}"),
        None => range,
    })
}

fn ordinal(run: u8) -> &'static str {
    match run {
        2 => "tweede",
        3 => "derde",
        4 => "vierde",
        5 => "vijfde",
        6 => "zesde",
        7 => "zevende",
        _ => "achtste",
    }
}

fn noun(period: &Period) -> &'static str {
    match period {
        Period::Year(_) => "jaar",
        Period::HalfYear(..) => "halfjaar",
        Period::Quarter(..) => "kwartaal",
        Period::Month(..) => "maand",
        Period::Date(_) => "meting",
    }
}

/// "Bij 23 indicatoren geeft toeval alleen gemiddeld 0,2 signaal per kwartaal.": how much weight a
/// strip of signals carries, from how often noise alone signals.
fn noise_sentence(indicators: usize) -> String {
    let expected = indicators as f64 * NOISE_SIGNALS;
    format!(
        "Bij {} geeft toeval alleen gemiddeld {} signaal per kwartaal.",
        count_of(indicators as u64, "indicator", "indicatoren"),
        format_number(expected, 1)
    )
}

impl Dashboard {
    /// "Bij 23 indicatoren geeft toeval alleen …", over the indicators whose region series has
    /// history enough to signal at all.
    pub fn noise_sentence(&self) -> String {
        let judged = self
            .indicators
            .iter()
            .filter(|f| {
                f.region
                    .signal
                    .is_some_and(|s| s.kind != SignalKind::TeWeinigData)
            })
            .count();
        noise_sentence(judged)
    }
}

impl AreaFigures {
    /// The expected range as a plot or chart draws it: runs of consecutive periods (position on
    /// the time axis, low, high); a period without a range splits the band, as a gap splits a line.
    pub fn band_runs(&self) -> Vec<Vec<(f64, f64, f64)>> {
        let mut runs: Vec<Vec<(f64, f64, f64)>> = Vec::new();
        let mut last: Option<Period> = None;
        for (period, expected) in &self.band {
            if last.and_then(|l| l.next()) != Some(*period) || runs.is_empty() {
                runs.push(Vec::new());
            }
            if let Some(run) = runs.last_mut() {
                run.push((period.position(), expected.low.max(0.0), expected.high));
            }
            last = Some(*period);
        }
        runs.retain(|run| run.len() > 1);
        runs
    }
}

impl IndicatorFigures {
    /// The region's expected range at the latest period in words; `None` without one.
    pub fn expected_words(&self) -> Option<String> {
        expected_words(&self.indicator, self.per_1000, self.region.signal.as_ref()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn signal(run: u8, rising: bool) -> Signal {
        Signal {
            kind: SignalKind::Verslechtering,
            period: Period::Quarter(2025, 4),
            strength: 2.3,
            rising,
            expected: Some(Expected {
                low: 27.6,
                high: 47.4,
            }),
            run,
        }
    }

    #[test]
    fn the_range_and_the_run_are_said_in_words() {
        let e33 = Catalog::builtin()
            .unwrap()
            .get("verward_gedrag_meldingen_e33")
            .unwrap()
            .clone();
        assert_eq!(
            expected_words(&e33, false, &signal(2, true)).unwrap(),
            "verwacht 28–47: hoger dan verwacht, tweede kwartaal op rij"
        );
        assert_eq!(
            expected_words(&e33, false, &signal(1, false)).unwrap(),
            "verwacht 28–47: lager dan verwacht"
        );
        assert_eq!(
            expected_words(&e33, false, &signal(0, false)).unwrap(),
            "verwacht 28–47"
        );
        assert_eq!(
            expected_spoken(&e33, true, &signal(3, true)).unwrap(),
            "verwacht 27,6 tot 47,4, hoger dan verwacht, derde kwartaal op rij"
        );
    }

    #[test]
    fn noise_is_weighed_over_all_indicators() {
        assert_eq!(
            noise_sentence(23),
            "Bij 23 indicatoren geeft toeval alleen gemiddeld 0,2 signaal per kwartaal."
        );
    }
}
