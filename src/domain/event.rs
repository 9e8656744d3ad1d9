//! Gebeurtenissen: dated markers that explain a trend. A policy start, a boundary change, or a series
//! break after which figures are not comparable with those before.

use chrono::NaiveDate;

use super::{Area, Indicator, check_optional, check_required};

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

impl EventDraft {
    /// What is wrong with the texts of an event, typed or imported: a label, and no control
    /// characters in label or description. An indicator scope is checked by the caller.
    pub fn text_problems(label: &str, description: Option<&str>) -> Vec<String> {
        let mut problems = Vec::new();
        check_required("label", label, &mut problems);
        check_optional(
            "omschrijving",
            description.unwrap_or_default(),
            &mut problems,
        );
        problems
    }

    pub fn problems(&self) -> Vec<String> {
        EventDraft::text_problems(&self.label, self.description.as_deref())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Aggregation, Domain, Frequency, Layer, Polarity, Source, StockOrFlow, Unit,
    };

    fn indicator(id: &str) -> Indicator {
        Indicator {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            domain: Domain::Zorg,
            theme: "jeugd".into(),
            layer: Layer::Tactisch,
            unit: Unit::Aantal,
            frequency: Frequency::Kwartaal,
            stock_or_flow: StockOrFlow::Stroom,
            polarity: Polarity::Neutral,
            aggregation: Aggregation::Sum,
            per_1000: false,
            shielding_threshold: 5,
            supplier: "Test".into(),
            due_days: 42,
            source: Source::Manual,
        }
    }

    fn event(scope: EventScope) -> Event {
        Event {
            id: EventId(1),
            draft: EventDraft {
                date: NaiveDate::from_ymd_opt(2023, 3, 6).unwrap(),
                label: "Start".into(),
                kind: EventKind::Beleid,
                scope,
                description: None,
            },
            demo: false,
        }
    }

    #[test]
    fn an_event_applies_to_its_scope_only() {
        let (e33, vt) = (&indicator("e33"), &indicator("veilig_thuis"));
        let purmerend = crate::catalog::zawa().parse("Purmerend").unwrap();
        let zaanstad = crate::catalog::zawa().parse("Zaanstad").unwrap();

        let everywhere = event(EventScope::All);
        assert!(everywhere.applies_to(e33, None) && everywhere.applies_to(vt, Some(&zaanstad)));

        let one_indicator = event(EventScope::Indicator(e33.id.clone()));
        assert!(one_indicator.applies_to(e33, Some(&zaanstad)));
        assert!(!one_indicator.applies_to(vt, None));

        let one_area = event(EventScope::Area(purmerend));
        assert!(one_area.applies_to(vt, Some(&purmerend)));
        assert!(!one_area.applies_to(vt, Some(&zaanstad)));
        // A plot of the whole region includes Purmerend.
        assert!(one_area.applies_to(vt, None));
        assert_eq!(EventKind::from_code(" Breuk "), Some(EventKind::Breuk));
    }

    #[test]
    fn an_event_needs_a_label_and_no_control_characters() {
        assert!(event(EventScope::All).draft.problems().is_empty());
        assert_eq!(
            EventDraft::text_problems("", Some("regel\u{7f}")),
            [
                "label ontbreekt",
                "tekst bevat een stuurteken (U+007F) in veld 'omschrijving'"
            ]
        );
        assert_eq!(
            EventDraft::text_problems("Start\u{8}", None),
            ["tekst bevat een stuurteken (U+0008) in veld 'label'"]
        );
    }
}
