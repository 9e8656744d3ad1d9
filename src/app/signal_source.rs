//! Where the signals the dashboard and the Signalen list show come from. A store measures them on
//! its series. A publication cannot: it withholds the small counts its source measured them on, so
//! its history is shorter and would give other signals (one more, or one fewer). It therefore
//! stores every signal its source can show ([`measured_signals`]), and on a publication they are
//! read back instead of measured, so a bestuurder sees what the ambtenaar saw.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::delivered::OnRecord;
use super::{AppError, Workspace};
use crate::analysis::{Population, Series, break_dates, per_1000, signal_within};
use crate::domain::{Area, AreaKind, Event, Indicator, MeasuredSignal, Period, Signal};

/// One view of one area's series: what the dashboard shows and measures signals on.
pub(super) struct AreaView {
    /// Per 1.000 inwoners when `rates`, otherwise the counts.
    pub series: Series,
    /// The counts behind a rate; `None` when `series` holds the counts.
    pub counts: Option<Series>,
    /// The series breaks that apply to this area.
    pub breaks: Vec<NaiveDate>,
}

/// The series of `area` as shown, on the counts or (`rates`) per 1.000 inwoners: the one place the
/// dashboard and a publication's measured signals take it from.
pub(super) fn area_view(
    indicator: &Indicator,
    area: Area,
    counts: Series,
    rates: bool,
    population: &Population,
    events: &[Event],
) -> AreaView {
    let scope = (area.kind != AreaKind::Regio).then_some(&area);
    let breaks = break_dates(events, indicator, scope);
    if rates {
        AreaView {
            series: per_1000(indicator, &counts, &area, population),
            counts: Some(counts),
            breaks,
        }
    } else {
        AreaView {
            series: counts,
            counts: None,
            breaks,
        }
    }
}

/// One series of a publication's source: indicator, area, and whether per 1.000 inwoners.
type SeriesKey = (String, Area, bool);

pub(super) enum SignalSource {
    /// Measured on the series, as every store does.
    Measured,
    /// As the source of a publication measured them, at every period its series had a value.
    Stored(HashMap<SeriesKey, BTreeMap<Period, Signal>>),
}

impl SignalSource {
    /// The latest period with a value known at `at` in this series of `indicator` in `area`: by the
    /// rule of [`Series::known_at`], on a publication among the periods its source had a value
    /// for. A shielded small count is a value there, while the publication has none.
    pub fn known_at(
        &self,
        indicator: &Indicator,
        area: Area,
        per_1000: bool,
        series: &Series,
        at: &Period,
    ) -> Option<Period> {
        match self {
            SignalSource::Measured => series.known_at(at),
            SignalSource::Stored(_) => self
                .stored(indicator, area, per_1000, at)
                .map(|signal| signal.period),
        }
    }

    /// The signal of `indicator` in `area`, on the view `view` (per 1.000 or not), at the latest
    /// value known at `at`; `None` without one.
    pub fn signal(
        &self,
        indicator: &Indicator,
        area: Area,
        view: &AreaView,
        at: &Period,
    ) -> Option<Signal> {
        match self {
            SignalSource::Measured => view.series.known_at(at).map(|known| match &view.counts {
                None => signal_within(indicator, &view.series, &known, &view.breaks),
                // A rate signals as its counts do (the count model knows how much a count varies
                // by chance); the expected range is said per 1.000, as the view shows it.
                Some(counts) => {
                    let signal = signal_within(indicator, counts, &known, &view.breaks);
                    let factor = view
                        .series
                        .value(&known)
                        .zip(counts.value(&known))
                        .filter(|(_, count)| *count > 0.0)
                        .map(|(rate, count)| rate / count);
                    Signal {
                        expected: signal.expected.zip(factor).map(|(e, f)| e.scaled(f)),
                        ..signal
                    }
                }
            }),
            SignalSource::Stored(_) => self.stored(indicator, area, view.counts.is_some(), at),
        }
    }

    fn stored(
        &self,
        indicator: &Indicator,
        area: Area,
        per_1000: bool,
        at: &Period,
    ) -> Option<Signal> {
        let SignalSource::Stored(signals) = self else {
            return None;
        };
        signals
            .get(&(indicator.id.clone(), area, per_1000))?
            .iter()
            .rev()
            .find(|(period, _)| period.end() <= at.end())
            .map(|(_, signal)| *signal)
    }
}

impl Workspace {
    /// Measured, or for a publication as stored.
    pub(super) fn signal_source(&self) -> Result<SignalSource, AppError> {
        Ok(match self.store().measured_signals()? {
            None => SignalSource::Measured,
            Some(stored) => {
                let mut signals: HashMap<SeriesKey, BTreeMap<Period, Signal>> = HashMap::new();
                for m in stored {
                    signals
                        .entry((m.indicator, m.area, m.per_1000))
                        .or_default()
                        .insert(m.signal.period, m.signal);
                }
                SignalSource::Stored(signals)
            }
        })
    }
}

/// Every signal the dashboard and the Signalen list can show of `record`: of every area, on the
/// counts and (where the indicator allows it) per 1.000 inwoners, at every period with a value.
/// "Te weinig data" too: it says that the source had a value there.
pub(super) fn measured_signals(
    record: OnRecord,
    events: &[Event],
    region: Area,
    source: &SignalSource,
) -> Vec<MeasuredSignal> {
    let mut measured = Vec::new();
    for delivered in record.series {
        let indicator = &delivered.indicator;
        let areas: Vec<(Area, Series)> = std::iter::once((region, delivered.region))
            .chain(delivered.gemeenten)
            .chain(std::iter::once((Area::nederland(), delivered.nederland)))
            .collect();
        for (area, counts) in areas {
            for rates in [false, true]
                .into_iter()
                .filter(|r| !r || indicator.per_1000)
            {
                let view = area_view(
                    indicator,
                    area,
                    counts.clone(),
                    rates,
                    &record.population,
                    events,
                );
                let periods = view.series.points.iter().filter(|(_, p)| p.value.is_some());
                for (period, _) in periods {
                    // Asked at the period itself, the latest value is the one there.
                    measured.extend(source.signal(indicator, area, &view, period).map(|signal| {
                        MeasuredSignal {
                            indicator: indicator.id.clone(),
                            area,
                            per_1000: rates,
                            signal,
                        }
                    }));
                }
            }
        }
    }
    measured
}
