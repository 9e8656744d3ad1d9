//! A signal: how the latest value of a series stands against its own history (the rule is in
//! `analysis::signal`). A domain type, so that a publication can store the signals its source
//! measured and read them back without the values they were measured on.

use super::{Area, Period, Tone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalKind {
    /// Unusual, in the direction that is worse for this indicator.
    Verslechtering,
    /// Unusual, in the direction that is better.
    Verbetering,
    /// Unusual, for an indicator where neither direction is better or worse.
    Opvallend,
    Stabiel,
    /// Not enough history to tell.
    TeWeinigData,
}

impl SignalKind {
    const ALL: [SignalKind; 5] = [
        SignalKind::Verslechtering,
        SignalKind::Verbetering,
        SignalKind::Opvallend,
        SignalKind::Stabiel,
        SignalKind::TeWeinigData,
    ];

    /// The kind whose [`label`](Self::label) is `label`: how a publication stores it.
    pub fn from_label(label: &str) -> Option<SignalKind> {
        Self::ALL.into_iter().find(|kind| kind.label() == label)
    }

    pub fn label(self) -> &'static str {
        match self {
            SignalKind::Verslechtering => "verslechtering",
            SignalKind::Verbetering => "verbetering",
            SignalKind::Opvallend => "opvallend",
            SignalKind::Stabiel => "stabiel",
            SignalKind::TeWeinigData => "te weinig data",
        }
    }

    /// Red for worse, green for better, grey otherwise.
    pub fn tone(self) -> Tone {
        match self {
            SignalKind::Verslechtering => Tone::Worse,
            SignalKind::Verbetering => Tone::Better,
            _ => Tone::Neutral,
        }
    }

    pub fn is_signal(self) -> bool {
        matches!(
            self,
            SignalKind::Verslechtering | SignalKind::Verbetering | SignalKind::Opvallend
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signal {
    pub kind: SignalKind,
    pub period: Period,
    /// Standard deviations from what the history predicts (signed: positive is up).
    pub strength: f64,
    /// Whether the value lies above what its history predicts.
    pub rising: bool,
    /// The range the history predicts for the period, in the series' unit; `None` with too little
    /// history.
    pub expected: Option<Expected>,
    /// Periods in a row outside the expected range on the side of `rising`, this one included; 0
    /// when the value lies inside it.
    pub run: u8,
}

/// "verwacht 28–47": the values a period takes by chance alone, nineteen times out of twenty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expected {
    pub low: f64,
    pub high: f64,
}

impl Expected {
    /// The same range in another unit: counts to per 1.000 inwoners.
    pub fn scaled(self, factor: f64) -> Expected {
        Expected {
            low: self.low * factor,
            high: self.high * factor,
        }
    }
}

/// A signal as a publication's source measured it, on the numbers the publication withholds: of
/// `indicator` in `area`, on the counts or per 1.000 inwoners, at `signal.period`.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasuredSignal {
    pub indicator: String,
    pub area: Area,
    pub per_1000: bool,
    pub signal: Signal,
}
