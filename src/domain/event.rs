//! Gebeurtenissen: dated markers that explain a trend. A policy start, a boundary change, or a series
//! break after which figures are not comparable with those before.

use chrono::NaiveDate;

use super::{Area, Indicator};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// A policy or working method started.
    Beleid,
    /// A boundary change, such as Purmerend absorbing Beemster.
    Indeling,
    /// A series break: the supplier counts differently from this date.
    Breuk,
}

impl EventKind {
    pub const ALL: [EventKind; 3] = [EventKind::Beleid, EventKind::Indeling, EventKind::Breuk];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Beleid => "beleid",
            EventKind::Indeling => "indeling",
            EventKind::Breuk => "breuk",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim().to_lowercase())
    }

    pub fn label(self) -> &'static str {
        match self {
            EventKind::Beleid => "beleid",
            EventKind::Indeling => "grenswijziging",
            EventKind::Breuk => "reeksbreuk",
        }
    }
}

/// What an event applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventScope {
    All,
    Indicator(String),
    Area(Area),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId(pub i64);

#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub date: NaiveDate,
    pub label: String,
    pub kind: EventKind,
    pub scope: EventScope,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: EventId,
    pub draft: EventDraft,
    pub demo: bool,
}

impl Event {
    /// Whether the event belongs on a plot of `indicator` that shows `area`.
    pub fn applies_to(&self, indicator: &Indicator, area: Option<&Area>) -> bool {
        match &self.draft.scope {
            EventScope::All => true,
            EventScope::Indicator(id) => *id == indicator.id,
            EventScope::Area(scoped) => area.is_none_or(|a| a == scoped),
        }
    }
}
