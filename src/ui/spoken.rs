//! What assistive technology reads where the window paints: a tile as one sentence, a sparkline, the
//! plot and the bars as a name and a description. The words carry what the arrows and colours show.

use crate::analysis::Signal;
use crate::app::{IndicatorFigures, at_period as at, expected_spoken};
use crate::domain::{Area, Period, count_of};

/// Said instead of a change when a series break lies between the two periods: shown and spoken.
pub(super) const BROKEN: &str = "reeksbreuk: niet vergelijkbaar";

/// "Meldingen Veilig Thuis, 373 in 2025 K4, 13,4 procent hoger dan 2024 K4, verslechtering, lager is
/// beter, duiding aanwezig".
pub(super) fn tile(figures: &IndicatorFigures, noted: bool) -> String {
    let mut parts = vec![figures.indicator.name.clone()];
    parts.push(match figures.latest {
        Some(period) => {
            let unit = if figures.per_1000 {
                " per 1.000 inwoners"
            } else {
                ""
            };
            format!("{}{unit} {}", figures.value_text(), at(period))
        }
        None => "nog geen cijfers".to_string(),
    });
    parts.extend(figures.national_text());
    parts.push(match (figures.movement(), &figures.year_on_year) {
        (Some(movement), Some(change)) => movement.spoken(Some(&change.from.label())),
        _ if figures.broken_at.is_some() => BROKEN.to_string(),
        _ => "geen vergelijking met vorig jaar".to_string(),
    });
    parts.push(figures.indicator.polarity.label().to_string());
    if let Some(signal) = &figures.region.signal {
        parts.extend(expected_spoken(
            &figures.indicator,
            figures.per_1000,
            signal,
        ));
        if signal.kind.is_signal() {
            parts.push(format!("signaal: {}", signal.kind.label()));
        }
    }
    if let Some((period, days)) = figures.overdue {
        parts.push(format!(
            "{} ontbreekt, {} te laat",
            period.label(),
            count_of(days as u64, "dag", "dagen")
        ));
    }
    if noted {
        parts.push("duiding aanwezig".to_string());
    }
    parts.join(", ")
}

/// "verslechtering, hoger dan verwacht": the kind, and the direction an arrow shows.
pub(super) fn signal_words(signal: &Signal) -> String {
    let direction = if signal.rising { "hoger" } else { "lager" };
    format!("{}, {direction} dan verwacht", signal.kind.label())
}

/// The bars of every gemeente at `period`, in words: "Edam-Volendam 45, Landsmeer 12, …".
pub(super) fn bars(figures: &IndicatorFigures, period: Period, chosen: Area) -> (String, String) {
    let name = format!(
        "Staafdiagram {} per gemeente {}, {} gemarkeerd",
        figures.indicator.name,
        at(period),
        chosen.name
    );
    let values: Vec<String> = figures
        .gemeenten
        .iter()
        .map(|area| {
            format!(
                "{} {}",
                area.area.name,
                figures.point_text(area.series.points.get(&period))
            )
        })
        .collect();
    (name, format!("{}.", values.join(", ")))
}
