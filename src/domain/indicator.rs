//! Indicator definitions: what is measured, how it is read, who delivers it and where it comes from.

use std::collections::BTreeMap;

use chrono::NaiveDate;

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
    /// The delivery rule: a period's figures are due this many days after it ends.
    pub due_days: u32,
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

impl Source {
    /// Where the figures come from, as the tactical view and the BO-pakket name it.
    pub fn label(&self) -> String {
        match self {
            Source::Manual => "Handmatige levering (CSV/Excel)".to_string(),
            Source::Cbs(cbs) => format!("CBS StatLine, tabel {}", cbs.table),
        }
    }
}

impl Indicator {
    /// When the figures for `period` are due: `due_days` after its last day.
    pub fn due_date(&self, period: &Period) -> NaiveDate {
        let last_day = period.end().pred_opt().unwrap_or(period.start());
        last_day + chrono::Days::new(u64::from(self.due_days))
    }
}

/// How many days past `due` `today` is; `None` when it is not late.
pub fn days_late(due: NaiveDate, today: NaiveDate) -> Option<i64> {
    let days = (today - due).num_days();
    (days > 0).then_some(days)
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
    /// Days after the period's end by which figures are usually delivered: six weeks after a quarter.
    pub fn usual_due_days(self) -> u32 {
        match self {
            Frequency::Maand => 30,
            Frequency::Kwartaal | Frequency::Peildatum => 42,
            Frequency::Halfjaar => 90,
            Frequency::Jaar => 120,
        }
    }

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
    fn figures_are_due_days_after_the_last_day_of_their_period() {
        let date = |text: &str| text.parse::<NaiveDate>().unwrap();
        let due = |frequency: Frequency, period: &str| {
            let indicator = Indicator {
                id: "x".into(),
                name: "x".into(),
                description: String::new(),
                domain: Domain::Zorg,
                theme: "jeugd".into(),
                layer: Layer::Tactisch,
                unit: Unit::Aantal,
                frequency,
                stock_or_flow: StockOrFlow::Stroom,
                polarity: Polarity::Neutral,
                aggregation: Aggregation::Sum,
                per_1000: false,
                shielding_threshold: 5,
                supplier: "x".into(),
                due_days: frequency.usual_due_days(),
                source: Source::Manual,
            };
            indicator.due_date(&Period::parse(period).unwrap())
        };
        // Six weeks after a quarter, across the turn of the year.
        assert_eq!(due(Frequency::Kwartaal, "2023 K4"), date("2024-02-11"));
        assert_eq!(due(Frequency::Kwartaal, "2024 K1"), date("2024-05-12"));
        // February of a leap year ends on the 29th.
        assert_eq!(due(Frequency::Maand, "2024-02"), date("2024-03-30"));
        assert_eq!(due(Frequency::Maand, "2023-02"), date("2023-03-30"));
        assert_eq!(due(Frequency::Jaar, "2024"), date("2025-04-30"));
        assert_eq!(due(Frequency::Peildatum, "1-2-2023"), date("2023-03-15"));

        assert_eq!(days_late(date("2024-05-12"), date("2024-05-12")), None);
        assert_eq!(days_late(date("2024-05-12"), date("2024-05-13")), Some(1));
        assert_eq!(days_late(date("2024-02-28"), date("2024-03-01")), Some(2));
        assert_eq!(days_late(date("2023-02-28"), date("2023-03-01")), Some(1));
    }

    #[test]
    fn frequency_fits_only_its_own_period_kind() {
        let quarter = Period::parse("2024 K3").unwrap();
        assert!(Frequency::Kwartaal.fits(&quarter));
        assert!(!Frequency::Jaar.fits(&quarter));
        assert!(Frequency::Peildatum.fits(&Period::parse("1-2-2023").unwrap()));
    }
}
