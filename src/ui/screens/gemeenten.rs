//! Gemeenten: one gemeente on every indicator, against the region and its other gemeenten, with its own
//! signals.

use eframe::egui::{self, Align2, FontId, RichText, Sense, Stroke, pos2, vec2};

use crate::app::{Dashboard, Direction, IndicatorFigures};
use crate::domain::{Aggregation, Area, Layer, Region};
use crate::ui::widgets::{
    arrow, card, describe_graphic, movement_chip, muted, section_label, tone_colors,
};
use crate::ui::{spoken, theme};

/// Draws the layer for `gemeente`; returns another gemeente the user picked.
pub(in crate::ui) fn gemeenten(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    gemeente: Area,
) -> Option<Area> {
    let palette = theme::palette(ui);
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        for area in dashboard.region.current_gemeenten() {
            let text = RichText::new(area.name).size(theme::CARD_TITLE);
            // Strong, not in the gemeente's colour: a line colour is 3:1, text needs 4.5:1.
            let text = if area == gemeente {
                text.strong()
            } else {
                text
            };
            if ui.selectable_label(area == gemeente, text).clicked() && area != gemeente {
                picked = Some(area);
            }
        }
    });
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!("{} in de regio", gemeente.name))
            .size(theme::PAGE_TITLE)
            .strong(),
    );
    ui.label(
        RichText::new(format!(
            "Laatste waarde per indicator tot en met {}, naast de regio en de andere gemeenten",
            dashboard.period.label()
        ))
        .color(palette.text_secondary),
    );
    ui.add_space(12.0);
    own_signals(ui, dashboard, gemeente);
    let mut ordered: Vec<&IndicatorFigures> = dashboard.indicators.iter().collect();
    ordered.sort_by_key(|f| {
        (
            f.indicator.layer != Layer::Strategisch,
            f.indicator.domain,
            f.indicator.name.to_lowercase(),
        )
    });
    section_label(ui, "Alle indicatoren");
    ui.columns(2, |columns| {
        for (index, figures) in ordered.iter().enumerate() {
            let column = &mut columns[index % 2];
            comparison(column, figures, gemeente);
            column.add_space(10.0);
        }
    });
    picked
}

fn own_signals(ui: &mut egui::Ui, dashboard: &Dashboard, gemeente: Area) {
    let palette = theme::palette(ui);
    section_label(ui, &format!("Signalen voor {}", gemeente.name));
    let mut any = false;
    for figures in &dashboard.indicators {
        let Some(signal) = figures
            .area(&gemeente)
            .and_then(|a| a.signal)
            .filter(|s| s.kind.is_signal())
        else {
            continue;
        };
        any = true;
        let tone = signal.kind.tone();
        let (text, _) = tone_colors(palette, tone);
        ui.horizontal(|ui| {
            let direction = if signal.rising {
                Direction::Up
            } else {
                Direction::Down
            };
            arrow(ui, direction, text);
            ui.label(
                RichText::new(format!(
                    "{}: {} in {}",
                    figures.indicator.name,
                    spoken::signal_words(&signal),
                    signal.period.label()
                ))
                .color(text),
            );
        });
    }
    if !any {
        ui.label(
            RichText::new(
                "Geen signalen: elke indicator ligt binnen wat zijn eigen geschiedenis voorspelt.",
            )
            .color(palette.text_secondary),
        );
    }
    ui.add_space(14.0);
}

/// One indicator: the gemeente's value and change, the region's, and a bar per gemeente.
fn comparison(ui: &mut egui::Ui, figures: &IndicatorFigures, gemeente: Area) {
    let Some(own) = figures.area(&gemeente) else {
        return;
    };
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(&figures.indicator.name)
                .size(theme::CARD_TITLE)
                .strong(),
        );
        let period = figures.latest;
        let unit = if figures.per_1000 {
            " · per 1.000 inwoners"
        } else {
            ""
        };
        muted(
            ui,
            format!(
                "{}{unit}",
                period.map_or("nog geen cijfers".to_string(), |p| p.label())
            ),
        );
        ui.horizontal(|ui| {
            let value = figures.point_text(period.and_then(|p| own.series.points.get(&p)));
            ui.label(RichText::new(value).size(theme::KPI).strong());
            if let Some(movement) = figures.movement_of(own) {
                let compared = figures.year_on_year.map(|c| c.from.label());
                movement_chip(ui, &movement, compared.as_deref());
            }
            ui.add_space(12.0);
            muted(ui, format!("regio {}", figures.value_text()));
        });
        bars(ui, figures, gemeente);
    });
}

/// The region's gemeenten side by side at the latest period, the chosen one in its colour. Painted,
/// and read as one graphic whose description lists every value, so the names do not repeat as
/// labels. Where the region value is comparable (rates, weighted means) it is drawn as a line.
fn bars(ui: &mut egui::Ui, figures: &IndicatorFigures, gemeente: Area) {
    let palette = theme::palette(ui);
    let Some(period) = figures.latest else {
        return;
    };
    let row_height = 16.0;
    let label_width = 110.0;
    let value_width = 70.0;
    let (rect, response) = ui.allocate_exact_size(
        vec2(
            ui.available_width(),
            row_height * figures.gemeenten.len() as f32,
        ),
        Sense::hover(),
    );
    let (name, description) = spoken::bars(figures, period, gemeente);
    describe_graphic(&response, &name, &description);
    let values: Vec<Option<f64>> = figures
        .gemeenten
        .iter()
        .map(|a| a.series.value(&period))
        .collect();
    let comparable = figures.per_1000 || figures.indicator.aggregation == Aggregation::WeightedMean;
    let region = comparable
        .then(|| figures.region.series.value(&period))
        .flatten();
    let max = values
        .iter()
        .flatten()
        .chain(region.iter())
        .fold(0.0_f64, |m, v| m.max(*v));
    let bar_left = rect.left() + label_width;
    let bar_width = (rect.width() - label_width - value_width).max(10.0);
    let font = FontId::proportional(theme::META);
    let painter = ui.painter();
    for (index, area) in figures.gemeenten.iter().enumerate() {
        let top = rect.top() + row_height * index as f32;
        let chosen = area.area == gemeente;
        let text_color = if chosen {
            palette.text
        } else {
            palette.text_muted
        };
        painter.text(
            pos2(rect.left(), top + row_height / 2.0),
            Align2::LEFT_CENTER,
            area.area.name,
            font.clone(),
            text_color,
        );
        if let Some(value) = values[index]
            && max > 0.0
        {
            let width = (value / max) as f32 * bar_width;
            let bar =
                egui::Rect::from_min_size(pos2(bar_left, top + 3.0), vec2(width, row_height - 6.0));
            let fill = if chosen {
                palette.area(area.color)
            } else {
                palette.border
            };
            painter.rect_filled(bar, 2.0, fill);
        }
        painter.text(
            pos2(bar_left + bar_width + value_width, top + row_height / 2.0),
            Align2::RIGHT_CENTER,
            figures.point_text(area.series.points.get(&period)),
            font.clone(),
            text_color,
        );
    }
    if let Some(region) = region
        && max > 0.0
    {
        let x = bar_left + (region / max) as f32 * bar_width;
        painter.line_segment(
            [pos2(x, rect.top()), pos2(x, rect.bottom())],
            Stroke::new(2.0, palette.area(Region::COLOR)),
        );
    }
    ui.add_space(4.0);
    if region.is_some() {
        muted(ui, "Lijn: de regio");
    }
}
