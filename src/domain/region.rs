//! The region a store belongs to: its gemeenten and the days each existed (a herindeling ends one
//! and grows another), the region itself as an area, and Nederland as reference.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::area::{Area, AreaKind, AreaParseError};
use super::period::Period;
use super::text::{edit_distance, fold};

/// One gemeente of a region, with the days it existed (both ends inclusive; `None`: open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub area: Area,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The gemeente it became part of the day after `valid_until`.
    pub merged_into: Option<Area>,
}

impl Member {
    /// Whether the gemeente existed on any day of `period` (whose `end` is the day after it).
    pub fn exists_in(&self, period: &Period) -> bool {
        self.valid_from.is_none_or(|from| from < period.end())
            && self.valid_until.is_none_or(|until| until >= period.start())
    }

    /// Whether it still exists: no end day.
    pub fn is_current(&self) -> bool {
        self.valid_until.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    area: Area,
    /// Sorted by name: the order gemeenten are listed in everywhere.
    members: Vec<Member>,
    /// [`Area::key`] → place in `members`: a region of 342 gemeenten is asked about each of them
    /// for every indicator, so looking one up must not walk the list.
    places: HashMap<u32, usize>,
    /// The palette colour of each member, in the order of `members` (see [`Region::color`]).
    colors: Vec<u32>,
}

/// The design palette for gemeenten as 0xRRGGBB: Okabe-Ito without vermillion and green (kept for
/// polarity), plus oker, brown and indigo, then teal, olive, wine and grey-blue from Paul Tol's muted
/// scheme for regions of more than seven; after these, the same again. The light hues (orange, sky
/// blue, reddish purple, teal, olive, grey-blue) are deepened to a contrast of 3:1 on white, the
/// WCAG 2.1 AA minimum for lines and bars; the dark theme lifts them back (`ui::theme`).
const PALETTE: [u32; 11] = [
    0xC27400, 0x1D96DB, 0xC46C9E, 0x0072B2, 0x9A7B00, 0x8C564B, 0x332288, 0x3F9D8E, 0x939331,
    0x882255, 0x5E94C9,
];
const NEDERLAND_COLOR: u32 = 0x7A8494;

impl Region {
    /// The colour of the region's own line and bar, in every region.
    pub const COLOR: u32 = 0x1B2430;

    /// A region from checked parts (see `catalog::parse_region`): gemeenten are listed by name.
    pub fn new(code: &str, name: &str, mut members: Vec<Member>) -> Region {
        members.sort_by_key(|m| fold(m.area.name));
        let places = members
            .iter()
            .enumerate()
            .map(|(place, m)| (m.area.key(), place))
            .collect();
        // Today's gemeenten take the palette in their order, former ones follow.
        let mut colors = vec![0; members.len()];
        let current = members.iter().enumerate().filter(|(_, m)| m.is_current());
        let former = members.iter().enumerate().filter(|(_, m)| !m.is_current());
        for (rank, (place, _)) in current.chain(former).enumerate() {
            colors[place] = PALETTE[rank % PALETTE.len()];
        }
        Region {
            area: Area::new(code, name, AreaKind::Regio),
            members,
            places,
            colors,
        }
    }

    /// The region itself, as the area its totals are stored under.
    pub fn area(&self) -> Area {
        self.area
    }

    pub fn name(&self) -> &'static str {
        self.area.name
    }

    pub fn code(&self) -> &'static str {
        self.area.code
    }

    pub fn members(&self) -> &[Member] {
        &self.members
    }

    pub fn member(&self, area: &Area) -> Option<&Member> {
        self.place(area).map(|place| &self.members[place])
    }

    /// The place of gemeente `area` in [`Region::members`], if it is one of them.
    pub fn place(&self, area: &Area) -> Option<usize> {
        self.places.get(&area.key()).copied()
    }

    /// Every gemeente the region ever had, by name.
    pub fn gemeenten(&self) -> impl Iterator<Item = Area> + '_ {
        self.members.iter().map(|m| m.area)
    }

    /// The gemeenten that exist today, by name: what pickers offer.
    pub fn current_gemeenten(&self) -> impl Iterator<Item = Area> + '_ {
        self.members
            .iter()
            .filter(|m| m.is_current())
            .map(|m| m.area)
    }

    /// The gemeenten that existed in `period`: what a sum or a delivery for it is made of.
    pub fn gemeenten_in(&self, period: &Period) -> impl Iterator<Item = Area> + '_ {
        let period = *period;
        self.members
            .iter()
            .filter(move |m| m.exists_in(&period))
            .map(|m| m.area)
    }

    /// Whether `area` can carry a value for `period`: a gemeente that existed then, the region, or
    /// Nederland.
    pub fn holds(&self, area: &Area, period: &Period) -> bool {
        match area.kind {
            AreaKind::Gemeente => self.member(area).is_some_and(|m| m.exists_in(period)),
            AreaKind::Regio => *area == self.area,
            AreaKind::Nederland => *area == Area::nederland(),
        }
    }

    /// Gemeenten, then the region, then Nederland.
    pub fn areas(&self) -> impl Iterator<Item = Area> + '_ {
        self.gemeenten().chain([self.area, Area::nederland()])
    }

    /// The place of `area` in [`Region::areas`]; unknown areas come last.
    pub fn display_order(&self, area: &Area) -> usize {
        match area.kind {
            AreaKind::Gemeente => self.place(area),
            AreaKind::Regio => (*area == self.area).then_some(self.members.len()),
            AreaKind::Nederland => (*area == Area::nederland()).then_some(self.members.len() + 1),
        }
        .unwrap_or(usize::MAX)
    }

    /// The colour of `area` as 0xRRGGBB, the same in every view and export: today's gemeenten take
    /// the palette in their order, former ones follow.
    pub fn color(&self, area: &Area) -> u32 {
        match area.kind {
            AreaKind::Regio => Region::COLOR,
            AreaKind::Nederland => NEDERLAND_COLOR,
            AreaKind::Gemeente => self
                .place(area)
                .map_or(NEDERLAND_COLOR, |place| self.colors[place]),
        }
    }

    pub fn from_code(&self, code: &str) -> Option<Area> {
        let code = code.trim();
        self.areas().find(|a| a.code.eq_ignore_ascii_case(code))
    }

    /// Accepts the code or the name in any case, with or without accents, hyphens or spaces,
    /// and CBS codes padded with spaces ("GM0385    ").
    pub fn parse(&self, input: &str) -> Result<Area, AreaParseError> {
        let folded = fold(input);
        self.areas()
            .find(|area| {
                fold(area.code) == folded
                    || fold(area.name) == folded
                    || self.aliases(area).any(|alias| alias == folded)
            })
            .ok_or_else(|| AreaParseError {
                input: input.to_string(),
                suggestion: self.closest_name(&folded),
                region: self.name().to_string(),
                example: self.current_gemeenten().last().map(|a| a.code),
            })
    }

    /// Other words for the region ("regio", "totaal", its code without `RG_`) and for Nederland.
    fn aliases(&self, area: &Area) -> impl Iterator<Item = String> {
        let words: Vec<String> = match area.kind {
            AreaKind::Regio => ["regio", "totaal", "regiototaal"]
                .into_iter()
                .map(str::to_string)
                .chain(
                    self.code()
                        .strip_prefix("RG_")
                        .map(|short| {
                            let short = fold(short);
                            [short.clone(), format!("regio{short}")]
                        })
                        .into_iter()
                        .flatten(),
                )
                .collect(),
            AreaKind::Nederland => vec!["nl".into(), "nederlandtotaal".into()],
            AreaKind::Gemeente => Vec::new(),
        };
        words.into_iter()
    }

    fn closest_name(&self, folded: &str) -> Option<&'static str> {
        if folded.is_empty() {
            return None;
        }
        self.areas()
            .map(|area| (edit_distance(folded, &fold(area.name)), area.name))
            .filter(|(distance, _)| *distance <= 3.max(folded.chars().count() / 3))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, name)| name)
    }
}

#[cfg(test)]
#[path = "region_tests.rs"]
mod tests;
