//! The tactical layer's "Cijfers per gemeente": the last periods of every area side by side, with the
//! change against the period before and against a year earlier, each change spoken in words.

use eframe::egui::{self, RichText};

use crate::app::{IndicatorFigures, Movement};
use crate::domain::Period;
use crate::ui::theme;
use crate::ui::widgets::{movement_chip, muted};

/// Periods the numbers table shows.
const TABLE_PERIODS: usize = 6;

pub(super) fn numbers_table(ui: &mut egui::Ui, figures: &IndicatorFigures) {
    let shown: Vec<_> = figures
        .periods()
        .into_iter()
        .filter(|p| figures.latest.is_none_or(|latest| *p <= latest))
        .collect();
    let shown = &shown[shown.len().saturating_sub(TABLE_PERIODS)..];
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Cijfers per gemeente")
                .size(theme::CARD_TITLE)
                .strong(),
        );
        if figures.per_1000 {
            muted(ui, "per 1.000 inwoners (aantal)");
        }
    });
    ui.add_space(6.0);
    let compared = figures
        .latest
        .and_then(|p| p.year_before())
        .map_or("t.o.v. vorig jaar".to_string(), |p| {
            format!("t.o.v. {}", p.header_label())
        });
    let previous = figures
        .previous_period()
        .map(|p| format!("t.o.v. {}", p.header_label()));
    let changes = Changes {
        previous: previous.as_deref(),
        year_before: &compared,
    };
    egui::ScrollArea::horizontal()
        .id_salt("numbers_table_scroll")
        .show(ui, |ui| numbers_grid(ui, figures, shown, &changes));
    ui.add_space(6.0);
    muted(
        ui,
        format!(
            "* voorlopig · <{} afgeschermd: minder dan {} (ook per 1.000 niet getoond) · — niet geleverd (geen nul)",
            figures.indicator.shielding_threshold, figures.indicator.shielding_threshold
        ),
    );
}

/// The headers of the change columns: against the period before (absent when that is the year before,
/// as for yearly figures) and against a year earlier.
struct Changes<'a> {
    previous: Option<&'a str>,
    year_before: &'a str,
}

fn numbers_grid(
    ui: &mut egui::Ui,
    figures: &IndicatorFigures,
    shown: &[Period],
    changes: &Changes,
) {
    let palette = theme::palette(ui);
    // The periods the change cells are against, said with every cell.
    let previous = figures.previous_period().map(|p| p.label());
    let year_before = figures
        .latest
        .and_then(|p| p.year_before())
        .map(|p| p.label());
    egui::Grid::new("numbers_table")
        .striped(true)
        .spacing([18.0, 6.0])
        .min_col_width(60.0)
        .show(ui, |ui| {
            muted(ui, "Gebied");
            for period in shown {
                // Abbreviated months, so six of them and both changes fit beside the gemeenten.
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    muted(ui, period.header_label());
                });
            }
            if let Some(previous) = changes.previous {
                muted(ui, previous);
            }
            muted(ui, changes.year_before);
            ui.end_row();
            for area in std::iter::once(&figures.region)
                .chain(&figures.gemeenten)
                .chain(&figures.nederland)
            {
                ui.horizontal(|ui| {
                    // The line's colour: decoration, the name beside it says which area.
                    let (_, rect) = ui.allocate_space(egui::vec2(14.0, 4.0));
                    ui.painter()
                        .rect_filled(rect, 1.0, palette.area(area.color));
                    let name = RichText::new(area.area.name);
                    ui.label(if area.area.kind == crate::domain::AreaKind::Regio {
                        name.strong()
                    } else {
                        name
                    });
                });
                for period in shown {
                    let point = area.series.points.get(period);
                    let mut text = figures.point_text(point);
                    if let Some(counts) = &area.counts
                        && let Some(count) = counts.points.get(period).and_then(|p| p.value)
                        && point.is_some_and(|p| !p.shielded)
                    {
                        text = format!("{text} ({})", figures.indicator.value_text(count));
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(text);
                    });
                }
                if changes.previous.is_some() {
                    change_cell(ui, figures.previous_movement_of(area), previous.as_deref());
                }
                change_cell(ui, figures.movement_of(area), year_before.as_deref());
                ui.end_row();
            }
        });
}

/// A change as a chip, or "—" where there is none to show (no value, a series break, a shielded count).
fn change_cell(ui: &mut egui::Ui, movement: Option<Movement>, compared: Option<&str>) {
    match movement {
        Some(movement) => movement_chip(ui, &movement, compared),
        None => {
            ui.label("—");
        }
    }
}
