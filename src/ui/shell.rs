//! The first window: demo banner, the latest region figure of every strategic indicator per domain,
//! and all indicators in one table. The full dashboard layers build on this.

use std::path::PathBuf;

use eframe::egui::{self, Align, Frame, Layout, Margin, RichText, ScrollArea, Stroke};

use super::theme;
use crate::analysis::SignalKind;
use crate::app::{AppError, IndicatorLatest, Overview, SignalRow, Workspace};
use crate::domain::{Coded, Domain, Layer, Value};

pub struct Shell {
    state: Result<Overview, AppError>,
    db_path: PathBuf,
}

impl Shell {
    /// Applies the theme to `ctx` and shows what `opened` holds: the dashboard or why it failed.
    pub fn new(
        ctx: &egui::Context,
        opened: Result<Workspace, AppError>,
        db_path: PathBuf,
    ) -> Shell {
        theme::apply(ctx);
        let state = opened.and_then(|workspace| workspace.overview());
        Shell { state, db_path }
    }
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top_bar")
            .frame(
                Frame::new()
                    .fill(theme::CARD)
                    .inner_margin(Margin::symmetric(20, 12)),
            )
            .show(ui, top_bar);
        if let Ok(overview) = &self.state
            && overview.demo
        {
            egui::Panel::top("demo_banner")
                .frame(
                    Frame::new()
                        .fill(theme::ATTENTION_BACKGROUND)
                        .inner_margin(Margin::symmetric(20, 8)),
                )
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("Voorbeelddata — geen officiële cijfers")
                            .color(theme::ATTENTION)
                            .strong(),
                    );
                });
        }
        egui::CentralPanel::default()
            .frame(
                Frame::new()
                    .fill(theme::BACKGROUND)
                    .inner_margin(Margin::same(20)),
            )
            .show(ui, |ui| match &self.state {
                Ok(overview) if overview.observation_count == 0 => empty_state(ui, &self.db_path),
                Ok(overview) => {
                    ScrollArea::vertical().show(ui, |ui| {
                        Frame::new()
                            .inner_margin(Margin {
                                right: 16,
                                ..Margin::ZERO
                            })
                            .show(ui, |ui| dashboard(ui, overview))
                    });
                }
                Err(error) => error_state(ui, error, &self.db_path),
            });
    }
}

fn top_bar(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Regio in beeld")
                .size(theme::APP_NAME)
                .strong()
                .color(theme::ACCENT),
        );
        ui.label(
            RichText::new("Dashboard Zorg & Veiligheid · Zaanstreek-Waterland")
                .size(theme::BODY)
                .color(theme::TEXT_SECONDARY),
        );
    });
}

fn dashboard(ui: &mut egui::Ui, overview: &Overview) {
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

fn section_label(ui: &mut egui::Ui, text: &str) {
    ui.label(
        RichText::new(text.to_uppercase())
            .size(theme::META)
            .strong()
            .color(theme::TEXT_MUTED),
    );
    ui.add_space(4.0);
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

fn empty_state(ui: &mut egui::Ui, db_path: &std::path::Path) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.label(
            RichText::new("Nog geen cijfers in deze database")
                .size(26.0)
                .strong(),
        );
        ui.add_space(8.0);
        ui.label(format!("Database: {}", db_path.display()));
        ui.label("Laad de voorbeelddata met: regio-in-beeld demo");
    });
}

fn error_state(ui: &mut egui::Ui, error: &AppError, db_path: &std::path::Path) {
    ui.vertical(|ui| {
        ui.label(
            RichText::new("De gegevens kunnen niet geopend worden")
                .size(26.0)
                .strong()
                .color(theme::ERROR),
        );
        ui.add_space(8.0);
        ui.label(format!("Database: {}", db_path.display()));
        ui.add_space(8.0);
        for line in error.lines() {
            ui.label(line);
        }
        ui.add_space(8.0);
        ui.label(
            RichText::new("Er is niets gewijzigd. Kies een ander bestand met --db of REGIO_DB.")
                .color(theme::TEXT_SECONDARY),
        );
    });
}
