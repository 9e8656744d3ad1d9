//! Indicator definitions: what is measured, how it is read, who delivers it and where it comes from.

use std::collections::BTreeMap;

use super::Period;

/// A closed set of values written as fixed Dutch codes in indicator files and the store.
pub trait Coded: Copy + 'static {
    const ALL: &'static [Self];

    fn code(self) -> &'static str;

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

/// Declares a closed set of values, each with the Dutch code used in indicator files.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl Coded for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }
    };
}

coded_enum!(Domain {
    Zorg => "zorg",
    Veiligheid => "veiligheid",
    Sociaal => "sociaal",
    Casuistiek => "casuistiek",
    Beleving => "beleving",
});

coded_enum!(Layer { Strategisch => "strategisch", Tactisch => "tactisch" });

coded_enum!(Unit {
    Aantal => "aantal",
    Percentage => "percentage",
    Euro => "euro",
    Per1000 => "per_1000",
});

coded_enum!(Frequency {
    Jaar => "jaar",
    Halfjaar => "halfjaar",
    Kwartaal => "kwartaal",
    Maand => "maand",
    Peildatum => "peildatum",
});

coded_enum!(
    /// `stand` is a stock counted at a date, `stroom` a flow over the period.
    StockOrFlow { Stand => "stand", Stroom => "stroom" }
);

coded_enum!(Polarity {
    HigherIsBetter => "hoger_is_beter",
    LowerIsBetter => "lager_is_beter",
    Neutral => "neutraal",
});

coded_enum!(
    /// How the region value follows from the gemeenten when the region itself was not delivered.
    Aggregation { Sum => "som", WeightedMean => "gewogen_gemiddelde", None => "geen" }
);

/// The Allen voor Een priorities and the context themes an indicator can belong to.
pub const THEMES: &[&str] = &[
    "zorg-en-veiligheidshuis",
    "huiselijk-geweld-kindermishandeling",
    "kind-en-gezinsbescherming",
    "mensenhandel",
    "informatie-ontsluiting",
    "onbegrepen-gedrag",
    "nazorg-ex-gedetineerden",
    "specialistische-bemoeizorg",
    "criminaliteit",
    "jeugd",
    "bestaanszekerheid",
    "ondersteuning",
    "bevolking",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CbsSource {
    /// StatLine table id, e.g. `83648NED`.
    pub table: String,
    /// Topic key in the table's `DataProperties`, e.g. `TotaalGeregistreerdeMisdrijven_1`.
    pub measure: String,
    /// Dimension key → category key, e.g. `SoortMisdrijf` → `T001161`.
    pub filters: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Delivered by hand (CSV/XLSX import).
    Manual,
    Cbs(CbsSource),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub description: String,
    pub domain: Domain,
    pub theme: String,
    pub layer: Layer,
    pub unit: Unit,
    pub frequency: Frequency,
    pub stock_or_flow: StockOrFlow,
    pub polarity: Polarity,
    pub aggregation: Aggregation,
    /// Whether "per 1.000 inwoners" is a meaningful view of this indicator.
    pub per_1000: bool,
    /// Counts below this are shown as `<N` for a single gemeente; 0 disables shielding.
    pub shielding_threshold: u32,
    /// Who delivers the figures, e.g. "ZVH ZaWa", "Politie", "Veilig Thuis".
    pub supplier: String,
    pub source: Source,
}

impl Frequency {
    /// Whether a period has the granularity this frequency delivers.
    pub fn fits(self, period: &Period) -> bool {
        matches!(
            (self, period),
            (Frequency::Jaar, Period::Year(_))
                | (Frequency::Halfjaar, Period::HalfYear(..))
                | (Frequency::Kwartaal, Period::Quarter(..))
                | (Frequency::Maand, Period::Month(..))
                | (Frequency::Peildatum, Period::Date(_))
        )
    }

    /// Dutch description for error messages: "een kwartaal (zoals 2024 K3)".
    pub fn expectation(self) -> &'static str {
        match self {
            Frequency::Jaar => "een jaar (zoals 2024)",
            Frequency::Halfjaar => "een halfjaar (zoals 2024-H1)",
            Frequency::Kwartaal => "een kwartaal (zoals 2024 K3)",
            Frequency::Maand => "een maand (zoals 2024-07)",
            Frequency::Peildatum => "een peildatum (zoals 1-2-2023)",
        }
    }
}

impl Polarity {
    pub fn label(self) -> &'static str {
        match self {
            Polarity::HigherIsBetter => "hoger is beter",
            Polarity::LowerIsBetter => "lager is beter",
            Polarity::Neutral => "neutraal",
        }
    }
}

impl Frequency {
    /// "per kwartaal", "per peildatum".
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Jaar => "per jaar",
            Frequency::Halfjaar => "per halfjaar",
            Frequency::Kwartaal => "per kwartaal",
            Frequency::Maand => "per maand",
            Frequency::Peildatum => "stand op een peildatum",
        }
    }
}

impl Domain {
    pub fn label(self) -> &'static str {
        match self {
            Domain::Zorg => "Zorg",
            Domain::Veiligheid => "Veiligheid",
            Domain::Sociaal => "Sociaal",
            Domain::Casuistiek => "Casuïstiek",
            Domain::Beleving => "Beleving",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for domain in Domain::ALL {
            assert_eq!(Domain::from_code(domain.code()), Some(*domain));
        }
        assert_eq!(
            Polarity::from_code("lager_is_beter"),
            Some(Polarity::LowerIsBetter)
        );
        assert_eq!(
            Aggregation::from_code("gewogen_gemiddelde"),
            Some(Aggregation::WeightedMean)
        );
        assert_eq!(Unit::from_code("Aantal"), None);
    }

    #[test]
    fn frequency_fits_only_its_own_period_kind() {
        let quarter = Period::parse("2024 K3").unwrap();
        assert!(Frequency::Kwartaal.fits(&quarter));
        assert!(!Frequency::Jaar.fits(&quarter));
        assert!(Frequency::Peildatum.fits(&Period::parse("1-2-2023").unwrap()));
    }
}
