//! How a figure and its change read on screen: the value as a cell of a table or tile, and the change
//! against a year earlier or the period before as direction, tone (better or worse by polarity) and
//! size.

use super::{AreaFigures, IndicatorFigures};
use crate::analysis::{Change, Point, change_within, previous_within};
use crate::domain::{Direction, Polarity, Shown, Tone, Unit, format_number};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub direction: Direction,
    pub tone: Tone,
    /// The size without sign (the direction shows it): "14,2%", "1,3 %-punt", "52"; rates change in percent, like counts.
    pub size: String,
}

impl Movement {
    /// The change as assistive technology reads it, where the window shows an arrow and a colour:
    /// "13,4 procent hoger dan 2024 K4, verslechtering". `compared` names the period it is against.
    pub fn spoken(&self, compared: Option<&str>) -> String {
        let size = self
            .size
            .replace(" %-punt", " procentpunt")
            .replace('%', " procent");
        let against = |word: &str| compared.map_or(String::new(), |p| format!(" {word} {p}"));
        let moved = match self.direction {
            Direction::Up => format!("{size} hoger{}", against("dan")),
            Direction::Down => format!("{size} lager{}", against("dan")),
            Direction::Flat => format!("gelijk{}", against("aan")),
        };
        match self.tone {
            Tone::Better => format!("{moved}, verbetering"),
            Tone::Worse => format!("{moved}, verslechtering"),
            Tone::Neutral => moved,
        }
    }
}

/// A rate per 1.000 inwoners: two decimals below 10, where one would round most changes away.
pub fn rate_text(rate: f64) -> String {
    format_number(rate, if rate.abs() < 10.0 { 2 } else { 1 })
}

/// Counts below this are compared in absolute numbers: a percentage of a handful misleads.
const SMALL_COUNT: f64 = 50.0;

impl IndicatorFigures {
    /// A point as a cell: `1.234`, `3,3`, `12,5 %`, `<5`, `—` (absent is never zero), `*` when
    /// provisional.
    pub fn point_text(&self, point: Option<&Point>) -> String {
        let Some(point) = point else {
            return "—".to_string();
        };
        let threshold = self.indicator.shielding_threshold;
        let text = match point.value {
            _ if point.shielded => format!("<{threshold}"),
            None => return "—".to_string(),
            Some(rate) if self.per_1000 => rate_text(rate),
            Some(value) => self.indicator.value_text(value),
        };
        if point.provisional {
            format!("{text}*")
        } else {
            text
        }
    }

    /// "NL: 5,2 per 1.000": the national figure of the latest period it has up to the region's, in a
    /// per-1.000 view; `None` when there is none (never a zero for a missing figure).
    pub fn national_text(&self) -> Option<String> {
        let nederland = self.nederland.as_ref()?;
        let latest = self.latest?;
        let period = nederland.series.known_at(&latest)?;
        Some(format!(
            "NL: {} per 1.000",
            rate_text(nederland.series.value(&period)?)
        ))
    }

    /// The region value at the latest period as a tile shows it.
    pub fn value_text(&self) -> String {
        let point = self
            .latest
            .and_then(|period| self.region.series.points.get(&period));
        self.point_text(point)
    }

    /// The change against the same period a year earlier; `None` when there is none to show, or when
    /// it would reveal a shielded count.
    pub fn movement(&self) -> Option<Movement> {
        movement(self, &self.year_on_year?)
    }

    /// The same for one area, at the indicator's latest period.
    pub fn movement_of(&self, area: &AreaFigures) -> Option<Movement> {
        movement(
            self,
            &change_within(&area.series, &self.latest?, &area.breaks).ok()??,
        )
    }

    /// The change of one area against the period just before the indicator's latest, with the same
    /// shielding; `None` across a series break.
    pub fn previous_movement_of(&self, area: &AreaFigures) -> Option<Movement> {
        movement(
            self,
            &previous_within(&area.series, &self.latest?, &area.breaks).ok()??,
        )
    }
}

fn movement(figures: &IndicatorFigures, change: &Change) -> Option<Movement> {
    let indicator = &figures.indicator;
    let counts = indicator.unit == Unit::Aantal && !figures.per_1000;
    if counts
        && [change.before, change.after]
            .iter()
            .any(|v| matches!(indicator.shield(*v), Shown::Shielded(_)))
    {
        return None;
    }
    let absolute = change.absolute();
    let direction = if absolute.abs() < 1e-9 {
        Direction::Flat
    } else if absolute > 0.0 {
        Direction::Up
    } else {
        Direction::Down
    };
    let size = if indicator.unit == Unit::Percentage && !figures.per_1000 {
        format!("{} %-punt", format_number(absolute.abs(), 1))
    } else if indicator.unit == Unit::Per1000 && !figures.per_1000 {
        format_number(absolute.abs(), 1)
    } else if counts && change.before.abs() < SMALL_COUNT {
        format_number(absolute.abs(), 0)
    } else {
        format!("{}%", format_number(change.relative()?.abs() * 100.0, 1))
    };
    let tone = match (indicator.polarity, direction) {
        (_, Direction::Flat) | (Polarity::Neutral, _) => Tone::Neutral,
        (Polarity::HigherIsBetter, Direction::Up) | (Polarity::LowerIsBetter, Direction::Down) => {
            Tone::Better
        }
        _ => Tone::Worse,
    };
    Some(Movement {
        direction,
        tone,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::DashboardChoice;
    use crate::domain::Period;

    /// The demo figures of `id` with a year-on-year change from `before` to `after`.
    fn moved(id: &str, before: f64, after: f64) -> Option<Movement> {
        let workspace = crate::app::demo::workspace_on(crate::app::demo::CSV_DAY);
        let dashboard = workspace.dashboard(DashboardChoice::default()).unwrap();
        let mut figures = dashboard
            .indicators
            .into_iter()
            .find(|f| f.indicator.id == id)
            .unwrap();
        figures.year_on_year = Some(Change {
            from: Period::Quarter(2024, 4),
            before,
            after,
        });
        figures.movement()
    }

    fn movement(direction: Direction, tone: Tone, size: &str) -> Option<Movement> {
        Some(Movement {
            direction,
            tone,
            size: size.to_string(),
        })
    }

    #[test]
    fn counts_change_in_percent_with_the_tone_of_their_polarity() {
        assert_eq!(
            moved("verward_gedrag_meldingen_e33", 599.0, 684.0),
            movement(Direction::Up, Tone::Worse, "14,2%")
        );
        assert_eq!(
            moved("geregistreerde_misdrijven", 143.0, 118.0),
            movement(Direction::Down, Tone::Better, "17,5%")
        );
        assert_eq!(
            moved("veilig_thuis_meldingen", 329.0, 373.0),
            movement(Direction::Up, Tone::Neutral, "13,4%")
        );
        assert_eq!(
            moved("veilig_thuis_meldingen", 373.0, 373.0),
            movement(Direction::Flat, Tone::Neutral, "0,0%")
        );
    }

    #[test]
    fn a_change_is_spoken_with_its_direction_and_polarity_in_words() {
        let spoken = |direction, tone, size: &str| Movement {
            direction,
            tone,
            size: size.to_string(),
        };
        assert_eq!(
            spoken(Direction::Up, Tone::Worse, "13,4%").spoken(Some("2024 K4")),
            "13,4 procent hoger dan 2024 K4, verslechtering"
        );
        assert_eq!(
            spoken(Direction::Down, Tone::Better, "1,3 %-punt").spoken(None),
            "1,3 procentpunt lager, verbetering"
        );
        assert_eq!(
            spoken(Direction::Up, Tone::Neutral, "52").spoken(Some("2024")),
            "52 hoger dan 2024"
        );
        assert_eq!(
            spoken(Direction::Flat, Tone::Neutral, "0,0%").spoken(Some("2024 K4")),
            "gelijk aan 2024 K4"
        );
    }

    #[test]
    fn small_counts_change_in_numbers_and_percentages_in_points() {
        assert_eq!(
            moved("ervaringsverhalen_besproken", 9.0, 11.0),
            movement(Direction::Up, Tone::Better, "2")
        );
        assert_eq!(
            moved("jeugdbescherming_jongeren", 15.9, 14.6),
            movement(Direction::Down, Tone::Better, "1,3 %-punt")
        );
    }

    #[test]
    fn a_change_that_would_reveal_a_shielded_count_is_not_shown() {
        assert_eq!(moved("veilig_thuis_meldingen", 3.0, 12.0), None);
        assert_eq!(
            moved("veilig_thuis_meldingen", 12.0, 0.0).map(|m| m.size),
            Some("12".to_string())
        );
    }

    #[test]
    fn the_change_against_the_previous_quarter_hides_a_shielded_count() {
        let workspace = crate::app::demo::workspace_on(crate::app::demo::CSV_DAY);
        let choice = DashboardChoice {
            period: Some(Period::Quarter(2022, 1)),
            ..DashboardChoice::default()
        };
        let dashboard = workspace.dashboard(choice).unwrap();
        let figures = dashboard
            .indicators
            .iter()
            .find(|f| f.indicator.id == "veilig_thuis_meldingen")
            .unwrap();
        assert_eq!(figures.previous_period(), Some(Period::Quarter(2021, 4)));
        let previous = |name: &str| {
            let area = crate::catalog::zawa().parse(name).unwrap();
            figures.previous_movement_of(figures.area(&area).unwrap())
        };
        // 261 → 300 for the region, 6 → 8 for Landsmeer; Oostzaan delivered <5 for 2021 K4.
        assert_eq!(
            previous("Zaanstreek-Waterland"),
            movement(Direction::Up, Tone::Neutral, "14,9%")
        );
        assert_eq!(
            previous("Landsmeer"),
            movement(Direction::Up, Tone::Neutral, "2")
        );
        assert_eq!(previous("Oostzaan"), None);
    }

    #[test]
    fn rates_keep_two_decimals_below_ten() {
        assert_eq!(rate_text(1.0714), "1,07");
        assert_eq!(rate_text(40.71), "40,7");
    }
}
