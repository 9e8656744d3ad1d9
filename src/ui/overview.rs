//! The overview: the Signalen strip, the latest region figure of every strategic indicator per
//! domain, and the tactical indicators in one table.

use eframe::egui::{self, Align, Frame, Layout, Margin, RichText, Stroke};

use super::theme;
use super::widgets::section_label;
use crate::analysis::SignalKind;
use crate::app::{IndicatorLatest, Overview, SignalRow};
use crate::domain::{Coded, Domain, Layer, Value};

pub(super) fn dashboard(ui: &mut egui::Ui, overview: &Overview) {
    signals(ui, &overview.signals);
    section_label(ui, "Strategisch: laatste waarde voor de regio");
    for domain in Domain::ALL {
        let mut tiles: Vec<&IndicatorLatest> = overview
            .indicators
            .iter()
            .filter(|item| {
                item.indicator.layer == Layer::Strategisch && item.indicator.domain == *domain
            })
            .collect();
        if tiles.is_empty() {
            continue;
        }
        tiles.sort_by_key(|item| item.indicator.name.to_lowercase());
        ui.label(
            RichText::new(domain.label())
                .size(theme::CARD_TITLE)
                .strong()
                .color(theme::TEXT_SECONDARY),
        );
        ui.horizontal_wrapped(|ui| {
            for item in tiles {
                tile(ui, item);
            }
        });
        ui.add_space(10.0);
    }
    ui.add_space(10.0);
    section_label(ui, "Tactisch: laatste waarde voor de regio");
    let mut tactical: Vec<&IndicatorLatest> = overview
        .indicators
        .iter()
        .filter(|item| item.indicator.layer == Layer::Tactisch)
        .collect();
    tactical.sort_by_key(|item| (item.indicator.domain, item.indicator.name.to_lowercase()));
    indicator_table(ui, &tactical);
}

/// The indicators whose latest region value breaks from their own history: red or green by polarity,
/// always with the arrow; grey where neither direction is better.
fn signals(ui: &mut egui::Ui, rows: &[SignalRow]) {
    section_label(ui, "Signalen");
    if rows.is_empty() {
        ui.label(
            RichText::new("Geen signalen: alle indicatoren liggen binnen wat hun eigen geschiedenis voorspelt.")
                .color(theme::TEXT_SECONDARY),
        );
    }
    for row in rows {
        let (text, background) = match row.signal.kind {
            SignalKind::Verslechtering => (theme::WORSE, theme::WORSE_BACKGROUND),
            SignalKind::Verbetering => (theme::BETTER, theme::BETTER_BACKGROUND),
            _ => (theme::NEUTRAL, theme::NEUTRAL_BACKGROUND),
        };
        Frame::new()
            .fill(background)
            .corner_radius(6)
            .inner_margin(Margin::symmetric(12, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    arrow(ui, row.signal.rising, text);
                    ui.label(RichText::new(row.headline()).color(text).strong());
                    ui.label(RichText::new(row.detail()).color(theme::TEXT_SECONDARY));
                });
            });
        ui.add_space(4.0);
    }
    ui.add_space(12.0);
}

/// A filled triangle, pointing up or down: painted, since the default fonts have no arrow glyphs.
fn arrow(ui: &mut egui::Ui, rising: bool, color: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    let (top, bottom) = (rect.top() + 2.0, rect.bottom() - 2.0);
    let (tip, base) = if rising { (top, bottom) } else { (bottom, top) };
    let points = vec![
        egui::pos2(rect.center().x, tip),
        egui::pos2(rect.left() + 1.0, base),
        egui::pos2(rect.right() - 1.0, base),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

fn latest_text(item: &IndicatorLatest) -> (String, String) {
    match &item.latest {
        Some(observation) => {
            let value = match observation.value {
                Value::Number(n) => item.indicator.value_text(n),
                Value::Unavailable(reason) => reason.code().to_string(),
            };
            let marker = if observation.provisional { "*" } else { "" };
            (format!("{value}{marker}"), observation.period.label())
        }
        None => ("—".to_string(), "nog geen cijfers".to_string()),
    }
}

fn tile(ui: &mut egui::Ui, item: &IndicatorLatest) {
    let (value, period) = latest_text(item);
    Frame::new()
        .fill(theme::CARD)
        .stroke(Stroke::new(1.0, theme::BORDER))
        .corner_radius(8)
        .inner_margin(Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(250.0);
            ui.set_height(112.0);
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(&item.indicator.name)
                        .size(theme::CARD_TITLE)
                        .strong(),
                );
                ui.with_layout(Layout::bottom_up(Align::LEFT), |ui| {
                    ui.label(
                        RichText::new(format!("{period} · {}", item.indicator.supplier))
                            .size(theme::META)
                            .color(theme::TEXT_MUTED),
                    );
                    ui.label(RichText::new(value).size(theme::TILE_VALUE).strong());
                });
            });
        });
}

fn indicator_table(ui: &mut egui::Ui, items: &[&IndicatorLatest]) {
    Frame::new()
        .fill(theme::CARD)
        .stroke(Stroke::new(1.0, theme::BORDER))
        .corner_radius(8)
        .inner_margin(Margin::same(12))
        .show(ui, |ui| {
            egui::Grid::new("indicator_table")
                .striped(true)
                .num_columns(5)
                .spacing([24.0, 8.0])
                .show(ui, |ui| {
                    for header in ["Indicator", "Domein", "Regio", "Periode", "Leverancier"] {
                        ui.label(
                            RichText::new(header)
                                .size(theme::META)
                                .strong()
                                .color(theme::TEXT_MUTED),
                        );
                    }
                    ui.end_row();
                    for item in items {
                        let (value, period) = latest_text(item);
                        ui.label(&item.indicator.name);
                        ui.label(item.indicator.domain.label());
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(value));
                        ui.label(period);
                        ui.label(&item.indicator.supplier);
                        ui.end_row();
                    }
                });
        });
}
