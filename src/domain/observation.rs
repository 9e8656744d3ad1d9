//! Waarnemingen: one value of one indicator for one area and period, or the reason it is absent.

use std::fmt;

use super::{Area, Period};

/// Why a value is absent. Empty is never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The supplier did not deliver it.
    NotDelivered,
    /// The supplier shielded a small count, e.g. delivered as `<5`.
    ShieldedBySupplier,
    /// The indicator does not apply to this area or period.
    NotApplicable,
}

impl Reason {
    pub const ALL: [Reason; 3] = [
        Reason::NotDelivered,
        Reason::ShieldedBySupplier,
        Reason::NotApplicable,
    ];

    /// The spelling in the `status` column of the long CSV format.
    pub fn code(self) -> &'static str {
        match self {
            Reason::NotDelivered => "niet geleverd",
            Reason::ShieldedBySupplier => "afgeschermd",
            Reason::NotApplicable => "n.v.t.",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        let code = code.trim().to_lowercase();
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Number(f64),
    Unavailable(Reason),
}

impl Value {
    pub fn number(&self) -> Option<f64> {
        match *self {
            Value::Number(n) => Some(n),
            Value::Unavailable(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub indicator: String,
    pub area: Area,
    pub period: Period,
    pub value: Value,
    /// `voorlopig`: a provisional figure that a later delivery will replace.
    pub provisional: bool,
    /// The supplier's remark (`opmerking` column).
    pub remark: Option<String>,
}

/// One value for one cell, however it is held: an [`Observation`], or a value an import holds in a
/// compact form. The store writes either.
pub trait CellValue {
    fn indicator(&self) -> &str;
    fn area(&self) -> Area;
    fn period(&self) -> Period;
    fn value(&self) -> Value;
    fn provisional(&self) -> bool;
    fn remark(&self) -> Option<&str>;

    /// Whether `observation` says exactly this.
    fn same_as(&self, observation: &Observation) -> bool {
        self.indicator() == observation.indicator
            && self.area() == observation.area
            && self.period() == observation.period
            && self.value() == observation.value
            && self.provisional() == observation.provisional
            && self.remark() == observation.remark.as_deref()
    }
}

impl CellValue for Observation {
    fn indicator(&self) -> &str {
        &self.indicator
    }

    fn area(&self) -> Area {
        self.area
    }

    fn period(&self) -> Period {
        self.period
    }

    fn value(&self) -> Value {
        self.value
    }

    fn provisional(&self) -> bool {
        self.provisional
    }

    fn remark(&self) -> Option<&str> {
        self.remark.as_deref()
    }
}

impl<T: CellValue> CellValue for &T {
    fn indicator(&self) -> &str {
        (*self).indicator()
    }

    fn area(&self) -> Area {
        (*self).area()
    }

    fn period(&self) -> Period {
        (*self).period()
    }

    fn value(&self) -> Value {
        (*self).value()
    }

    fn provisional(&self) -> bool {
        (*self).provisional()
    }

    fn remark(&self) -> Option<&str> {
        (*self).remark()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_codes_round_trip() {
        for reason in Reason::ALL {
            assert_eq!(Reason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(
            Reason::from_code(" Niet Geleverd "),
            Some(Reason::NotDelivered)
        );
        assert_eq!(Reason::from_code("definitief"), None);
    }
}
