//! Gebieden: the seven gemeenten of Zaanstreek-Waterland, the region itself and Nederland as reference.

use std::fmt;

use super::text::{edit_distance, fold};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AreaKind {
    Gemeente,
    Regio,
    /// Reference area for open-data figures only.
    Nederland,
}

impl AreaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Gemeente => "gemeente",
            AreaKind::Regio => "regio",
            AreaKind::Nederland => "nederland",
        }
    }
}

/// One of [`AREAS`]; two areas are the same when they hold the same place in that list.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// CBS code (`GM0385`) or our own code for the region (`RG_ZAWA`).
    pub code: &'static str,
    pub name: &'static str,
    pub kind: AreaKind,
    /// Position in [`AREAS`]: kept with the area because a million values ask for it.
    order: u8,
}

// By place alone: a large import compares areas millions of times, and codes and names are text.
impl PartialEq for Area {
    fn eq(&self, other: &Area) -> bool {
        self.order == other.order
    }
}

impl Eq for Area {}

impl std::hash::Hash for Area {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.order.hash(state);
    }
}

/// Every known area in display order: gemeenten alphabetically, then the region, then Nederland.
pub const AREAS: [Area; 9] = [
    Area::new(0, "GM0385", "Edam-Volendam", AreaKind::Gemeente),
    Area::new(1, "GM0415", "Landsmeer", AreaKind::Gemeente),
    Area::new(2, "GM0431", "Oostzaan", AreaKind::Gemeente),
    Area::new(3, "GM0439", "Purmerend", AreaKind::Gemeente),
    Area::new(4, "GM0852", "Waterland", AreaKind::Gemeente),
    Area::new(5, "GM0880", "Wormerland", AreaKind::Gemeente),
    Area::new(6, "GM0479", "Zaanstad", AreaKind::Gemeente),
    Area::new(7, "RG_ZAWA", "Zaanstreek-Waterland", AreaKind::Regio),
    Area::new(8, "NL01", "Nederland", AreaKind::Nederland),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaParseError {
    pub input: String,
    /// The closest known name, when the input looks like a typo of one.
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for AreaParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "onbekend gebied '{}'", self.input.trim())?;
        match self.suggestion {
            Some(name) => write!(f, "; bedoelt u '{name}'?"),
            None => write!(
                f,
                "; verwacht een gemeente van Zaanstreek-Waterland, de regio of een CBS-code zoals GM0479"
            ),
        }
    }
}

impl std::error::Error for AreaParseError {}

impl Area {
    const fn new(order: u8, code: &'static str, name: &'static str, kind: AreaKind) -> Area {
        Area {
            code,
            name,
            kind,
            order,
        }
    }

    /// The design palette's colour of this area as 0xRRGGBB, the same in every view and export:
    /// Okabe-Ito without vermillion and green (kept for polarity), plus oker, brown and indigo.
    pub fn color(&self) -> u32 {
        match self.code {
            "GM0385" => 0xE69F00,
            "GM0415" => 0x56B4E9,
            "GM0431" => 0xCC79A7,
            "GM0439" => 0x0072B2,
            "GM0852" => 0x9A7B00,
            "GM0880" => 0x8C564B,
            "GM0479" => 0x332288,
            "RG_ZAWA" => 0x1B2430,
            _ => 0x7A8494,
        }
    }

    /// Nederland, the reference for open-data figures.
    pub fn nederland() -> Area {
        AREAS[8]
    }

    pub fn region() -> Area {
        AREAS[7]
    }

    pub fn gemeenten() -> impl Iterator<Item = Area> {
        AREAS.into_iter().filter(|a| a.kind == AreaKind::Gemeente)
    }

    /// Position in [`AREAS`], the order in which areas are listed everywhere.
    pub fn display_order(&self) -> usize {
        usize::from(self.order)
    }

    pub fn from_code(code: &str) -> Option<Area> {
        let code = code.trim();
        AREAS
            .into_iter()
            .find(|a| a.code.eq_ignore_ascii_case(code))
    }

    /// Accepts the code or the name in any case, with or without accents, hyphens or spaces,
    /// and CBS codes padded with spaces ("GM0385    ").
    pub fn parse(input: &str) -> Result<Area, AreaParseError> {
        let folded = fold(input);
        let matched = AREAS.into_iter().find(|area| {
            fold(area.code) == folded
                || fold(area.name) == folded
                || area.aliases().contains(&folded.as_str())
        });
        matched.ok_or_else(|| AreaParseError {
            input: input.to_string(),
            suggestion: Self::closest_name(&folded),
        })
    }

    fn aliases(&self) -> &'static [&'static str] {
        match self.kind {
            AreaKind::Regio => &["regio", "zawa", "regiozawa", "totaal", "regiototaal"],
            AreaKind::Nederland => &["nl", "nederlandtotaal"],
            AreaKind::Gemeente => &[],
        }
    }

    fn closest_name(folded: &str) -> Option<&'static str> {
        if folded.is_empty() {
            return None;
        }
        AREAS
            .iter()
            .map(|area| (edit_distance(folded, &fold(area.name)), area.name))
            .filter(|(distance, _)| *distance <= 3.max(folded.chars().count() / 3))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, name)| name)
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_spelling_of_a_gemeente() {
        for input in [
            "Edam-Volendam",
            "edam volendam",
            "EDAM-VOLENDAM",
            "GM0385 ",
            "gm0385",
            "GM0385    ",
        ] {
            assert_eq!(Area::parse(input).unwrap().code, "GM0385", "{input:?}");
        }
        assert_eq!(Area::parse("Zaanstreek-Waterland").unwrap().code, "RG_ZAWA");
        assert_eq!(Area::parse("RG_ZAWA").unwrap().kind, AreaKind::Regio);
        assert_eq!(Area::parse("NL01  ").unwrap().kind, AreaKind::Nederland);
        assert_eq!(Area::parse("Zaanstad").unwrap().code, "GM0479");
    }

    #[test]
    fn unknown_area_suggests_the_closest_name() {
        let error = Area::parse("Zaandstad").unwrap_err();
        assert_eq!(error.suggestion, Some("Zaanstad"));
        assert_eq!(
            error.to_string(),
            "onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?"
        );
        let error = Area::parse("Groningen").unwrap_err();
        assert_eq!(error.suggestion, None);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for input in ["", "   ", "-", "🦀", "GM", "\u{0}", &"x".repeat(10_000)] {
            assert!(Area::parse(input).is_err(), "{input:?}");
        }
    }

    #[test]
    fn seven_gemeenten_in_display_order() {
        let names: Vec<_> = Area::gemeenten().map(|a| a.name).collect();
        assert_eq!(names.len(), 7);
        assert_eq!(names[0], "Edam-Volendam");
        assert_eq!(names[6], "Zaanstad");
        assert_eq!(Area::region().display_order(), 7);
        for (place, area) in AREAS.iter().enumerate() {
            assert_eq!(area.display_order(), place, "{}", area.name);
        }
    }
}
