//! A publication: a read-only copy of the dashboard for bestuurders (`regio-in-beeld publish`), with
//! what they may see and nothing else. This is what such a file says about itself.

use chrono::NaiveDate;

use super::{Period, dutch_date};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// The day it was published: what its figures are the state of.
    pub published_on: NaiveDate,
    /// The newest period with a value in it; `None` for a publication without values.
    pub newest_period: Option<Period>,
    /// Made from the demo data set: then it says so, like the store it came from.
    pub demo: bool,
}

impl Publication {
    /// "Alleen lezen — stand van 12 februari 2026": the window's banner.
    pub fn banner(&self) -> String {
        format!("Alleen lezen — stand van {}", dutch_date(self.published_on))
    }

    /// Why a change is refused, for every front end: it holds "alleen lezen".
    pub fn refusal(&self) -> String {
        format!(
            "dit is een publicatie voor bestuurders (alleen lezen, stand van {}): wijzigen kan \
             niet; wijzig de database waaruit ze gepubliceerd is en publiceer opnieuw",
            dutch_date(self.published_on)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_and_the_refusal_name_the_day_in_dutch() {
        let publication = Publication {
            published_on: NaiveDate::from_ymd_opt(2026, 2, 12).unwrap(),
            newest_period: None,
            demo: false,
        };
        assert_eq!(
            publication.banner(),
            "Alleen lezen — stand van 12 februari 2026"
        );
        assert!(publication.refusal().contains("alleen lezen"));
        assert!(publication.refusal().contains("12 februari 2026"));
    }
}
