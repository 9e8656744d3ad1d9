//! Shielding small numbers (AVG): a count below the indicator's threshold could point at persons, so
//! it is shown as `<5`, in every view and export.

use super::{Indicator, Unit, format_number};

/// What may be shown of one value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown {
    Number(f64),
    /// Below this threshold: printed as `<threshold`.
    Shielded(u32),
}

impl Shown {
    /// Dutch text for a table cell or export: `1.234`, `12,5`, `<5`.
    pub fn text(&self, decimals: usize) -> String {
        match *self {
            Shown::Number(n) => format_number(n, decimals),
            Shown::Shielded(threshold) => format!("<{threshold}"),
        }
    }
}

impl Indicator {
    /// How a person reads one value of this indicator: shielded where needed, with its unit and the
    /// decimals that suit it (`1.234`, `12,5 %`, `€ 298.809`, `<5`).
    pub fn value_text(&self, value: f64) -> String {
        match self.shield(value) {
            shown @ Shown::Shielded(_) => shown.text(0),
            Shown::Number(n) => self.unshielded_text(n),
        }
    }

    /// The same without shielding: only for the people who deliver the figures (import checks).
    pub fn unshielded_text(&self, value: f64) -> String {
        match self.unit {
            Unit::Aantal => format_number(value, 0),
            Unit::Percentage => format!("{} %", format_number(value, 1)),
            Unit::Euro if value.fract() == 0.0 => format!("€ {}", format_number(value, 0)),
            Unit::Euro => format!("€ {}", format_number(value, 2)),
            Unit::Per1000 => format_number(value, 1),
        }
    }

    /// Applies the shielding rule to one value of this indicator. The rule is the same for a gemeente
    /// and for a region or national total: each is shown once it reaches the threshold. Zero is
    /// shown, since it points at nobody; percentages and money are not counts of persons.
    pub fn shield(&self, value: f64) -> Shown {
        let small = value > 0.0 && value < f64::from(self.shielding_threshold);
        if self.unit == Unit::Aantal && small {
            Shown::Shielded(self.shielding_threshold)
        } else {
            Shown::Number(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Aggregation, Domain, Frequency, Layer, Polarity, Source, StockOrFlow};

    fn indicator(unit: Unit, threshold: u32) -> Indicator {
        Indicator {
            id: "test".into(),
            name: "Test".into(),
            description: "Test".into(),
            domain: Domain::Zorg,
            theme: "jeugd".into(),
            layer: Layer::Tactisch,
            unit,
            frequency: Frequency::Kwartaal,
            stock_or_flow: StockOrFlow::Stroom,
            polarity: Polarity::Neutral,
            aggregation: Aggregation::Sum,
            per_1000: false,
            shielding_threshold: threshold,
            supplier: "Test".into(),
            due_days: 42,
            source: Source::Manual,
        }
    }

    #[test]
    fn small_counts_are_shielded_from_one_up_to_the_threshold() {
        let counts = indicator(Unit::Aantal, 5);
        assert_eq!(counts.shield(3.0), Shown::Shielded(5));
        assert_eq!(counts.shield(4.9), Shown::Shielded(5));
        assert_eq!(counts.shield(5.0), Shown::Number(5.0));
        assert_eq!(counts.shield(0.0), Shown::Number(0.0));
        assert_eq!(counts.shield(3.0).text(0), "<5");
        assert_eq!(counts.shield(1234.0).text(0), "1.234");
    }

    #[test]
    fn value_text_carries_unit_and_shielding() {
        assert_eq!(indicator(Unit::Aantal, 5).value_text(1234.0), "1.234");
        assert_eq!(indicator(Unit::Aantal, 5).value_text(2.0), "<5");
        assert_eq!(indicator(Unit::Percentage, 0).value_text(12.46), "12,5 %");
        assert_eq!(indicator(Unit::Euro, 0).value_text(298_809.0), "€ 298.809");
        assert_eq!(indicator(Unit::Per1000, 0).value_text(5.25), "5,2");
    }

    #[test]
    fn money_percentages_and_threshold_zero_are_never_shielded() {
        assert_eq!(indicator(Unit::Euro, 5).shield(3.0), Shown::Number(3.0));
        assert_eq!(
            indicator(Unit::Percentage, 5).shield(1.5),
            Shown::Number(1.5)
        );
        assert_eq!(indicator(Unit::Aantal, 0).shield(1.0), Shown::Number(1.0));
    }
}
