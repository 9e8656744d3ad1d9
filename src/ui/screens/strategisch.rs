//! Strategisch: the Signalen strip, then a tile per strategic indicator in a column per domain.
//! A tile shows the latest region value, the change against a year earlier, a sparkline and the
//! signal; clicking it opens the indicator in the tactical layer.

use eframe::egui::{self, Frame, Margin, RichText, Sense, Stroke, vec2};

use crate::analysis::SignalKind;
use crate::app::{Dashboard, Direction, IndicatorFigures, SignalRow};
use crate::domain::{Coded, Domain, Layer};
use crate::ui::spoken::{self, BROKEN};
use crate::ui::theme;
use crate::ui::widgets::{
    arrow, describe_graphic, movement_chip, muted, section_label, sparkline, tone_colors,
};

/// Draws the layer; returns the indicator the user opened.
pub(in crate::ui) fn strategic(ui: &mut egui::Ui, dashboard: &Dashboard) -> Option<String> {
    let palette = theme::palette(ui);
    let mut opened = None;
    ui.label(
        RichText::new("Strategisch overzicht")
            .size(theme::PAGE_TITLE)
            .strong(),
    );
    let compared = dashboard
        .period
        .year_before()
        .map(|p| {
            format!(
                ", vergeleken met hetzelfde kwartaal vorig jaar ({})",
                p.label()
            )
        })
        .unwrap_or_default();
    ui.label(
        RichText::new(format!(
            "{} · {}{compared}",
            dashboard.region.name(),
            dashboard.period.label()
        ))
        .color(palette.text_secondary),
    );
    ui.add_space(12.0);
    if let Some(id) = signals(ui, &dashboard.signals, &dashboard.noise_sentence()) {
        opened = Some(id);
    }
    let domains: Vec<(Domain, Vec<&IndicatorFigures>)> = Domain::ALL
        .iter()
        .map(|domain| {
            let mut tiles: Vec<&IndicatorFigures> = dashboard
                .indicators
                .iter()
                .filter(|f| {
                    f.indicator.layer == Layer::Strategisch && f.indicator.domain == *domain
                })
                .collect();
            tiles.sort_by_key(|f| f.indicator.name.to_lowercase());
            (*domain, tiles)
        })
        .filter(|(_, tiles)| !tiles.is_empty())
        .collect();
    // One column per domain where they fit; zoomed in (200 %) or in a narrow window the domains
    // wrap onto rows of fewer, wider columns rather than squeezing the tiles.
    let fit = (ui.available_width() / TILE_WIDTH).floor().max(1.0) as usize;
    let per_row = domains.len().clamp(1, fit);
    for row in domains.chunks(per_row) {
        ui.columns(per_row, |columns| {
            for (column, (domain, tiles)) in columns.iter_mut().zip(row) {
                section_label(column, domain.label());
                for figures in tiles {
                    let noted = dashboard.has_current_note(&figures.indicator.id);
                    if tile(column, figures, noted) {
                        opened = Some(figures.indicator.id.clone());
                    }
                    column.add_space(10.0);
                }
            }
        });
        ui.add_space(4.0);
    }
    opened
}

/// The narrowest a tile column may get (points) before the domains wrap onto another row.
const TILE_WIDTH: f32 = 230.0;

/// The indicators whose latest region value breaks from their own history: red or green by polarity,
/// always with the arrow; grey where neither direction is better.
/// `noise` says how many signals chance alone would give, so the strip is read with its weight.
fn signals(ui: &mut egui::Ui, rows: &[SignalRow], noise: &str) -> Option<String> {
    let palette = theme::palette(ui);
    section_label(ui, "Signalen");
    if rows.is_empty() {
        ui.label(
            RichText::new(
                "Geen signalen: alle indicatoren liggen binnen wat hun eigen geschiedenis voorspelt.",
            )
            .color(palette.text_secondary),
        );
    }
    muted(ui, noise);
    ui.add_space(4.0);
    let mut opened = None;
    for row in rows {
        let tone = row.signal.kind.tone();
        let (text, background) = tone_colors(palette, tone);
        let direction = if row.signal.rising {
            Direction::Up
        } else {
            Direction::Down
        };
        // One button per row: Tab reaches it, Enter opens it, and it is read as one sentence.
        let response = clickable(ui, &row.spoken(), |ui| {
            Frame::new()
                .fill(background)
                .corner_radius(6)
                .inner_margin(Margin::symmetric(12, 6))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        arrow(ui, direction, text);
                        ui.label(RichText::new(row.headline()).color(text).strong());
                        ui.label(RichText::new(row.detail()).color(palette.text_secondary));
                    });
                });
        });
        if response.clicked() {
            opened = Some(row.indicator.id.clone());
        }
        ui.add_space(4.0);
    }
    ui.add_space(14.0);
    opened
}

/// One tile; `noted` when the coming BO has a duiding on it. Returns whether it was clicked.
/// The whole tile is one button, named by the sentence it tells (`spoken::tile`).
fn tile(ui: &mut egui::Ui, figures: &IndicatorFigures, noted: bool) -> bool {
    let palette = theme::palette(ui);
    let indicator = &figures.indicator;
    let response = clickable(ui, &spoken::tile(figures, noted), |ui| {
        Frame::new()
            .fill(palette.card)
            .stroke(Stroke::new(1.0, palette.border))
            .corner_radius(8)
            .inner_margin(Margin::same(14))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.allocate_ui(vec2(ui.available_width(), 40.0), |ui| {
                    ui.set_min_height(40.0);
                    let title = RichText::new(&indicator.name)
                        .size(theme::CARD_TITLE)
                        .strong();
                    // Left-aligned: in the justified column layout a wrapped title would be
                    // stretched letter by letter across the tile.
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.add(egui::Label::new(title).wrap().selectable(false));
                    });
                });
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "{} · {}",
                            indicator.supplier,
                            indicator.frequency.label()
                        ))
                        .size(theme::META)
                        .color(palette.text_muted),
                    )
                    .truncate(),
                );
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(figures.value_text())
                            .size(theme::TILE_VALUE)
                            .strong(),
                    );
                    ui.vertical(|ui| {
                        ui.add_space(12.0);
                        let period = figures
                            .latest
                            .map_or("nog geen cijfers".to_string(), |p| p.label());
                        muted(ui, period);
                        if figures.per_1000 {
                            muted(ui, "per 1.000 inwoners");
                        }
                        if let Some(national) = figures.national_text() {
                            muted(ui, national);
                        }
                    });
                });
                ui.horizontal(|ui| {
                    ui.set_min_height(22.0);
                    match (figures.movement(), &figures.year_on_year) {
                        (Some(movement), Some(change)) => {
                            movement_chip(ui, &movement, Some(&change.from.label()));
                            muted(ui, format!("t.o.v. {}", change.from.label()));
                        }
                        _ if figures.broken_at.is_some() => muted(ui, BROKEN),
                        _ => muted(ui, "geen vergelijking met vorig jaar"),
                    }
                });
                let points = figures.sparkline();
                let periods: Vec<_> = points.iter().map(|(p, _)| *p).collect();
                let line = sparkline(
                    ui,
                    &points,
                    figures.year_on_year.map(|c| c.from),
                    vec2(ui.available_width(), 36.0),
                );
                describe_graphic(
                    &line,
                    &format!("Verloop {}", indicator.name),
                    &figures.trend_text(&periods, "de tabel op de laag Tactisch"),
                );
                ui.horizontal(|ui| {
                    if let (Some(first), Some(last)) = (points.first(), points.last())
                        && points.len() > 1
                    {
                        muted(ui, first.0.label());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            muted(ui, last.0.label());
                        });
                    }
                });
                if let Some(words) = figures.expected_words() {
                    muted(ui, words);
                }
                ui.horizontal_wrapped(|ui| {
                    ui.set_min_height(22.0);
                    match figures.overdue {
                        Some((period, days)) => overdue_chip(ui, period, days),
                        None => {
                            if let Some(age) = figures.age_days {
                                muted(ui, age_text(age));
                            }
                        }
                    }
                });
                ui.separator();
                ui.horizontal(|ui| {
                    muted(ui, indicator.polarity.label());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if let Some(signal) = figures.region.signal.filter(|s| s.kind.is_signal()) {
                            signal_badge(ui, signal.kind, signal.rising);
                        }
                        if noted {
                            note_marker(ui);
                        }
                    });
                });
            });
    });
    response.clicked()
}

/// A part of the screen that acts as one button: clicked anywhere, reached with Tab, activated with
/// Enter or Space, and read by `name` (the sentence it shows).
fn clickable(ui: &mut egui::Ui, name: &str, add: impl FnOnce(&mut egui::Ui)) -> egui::Response {
    let response = ui
        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
            // Text that can be selected takes clicks itself, and lies above the part: a click on
            // a tile's value would open nothing.
            ui.style_mut().interaction.selectable_labels = false;
            add(ui);
        })
        .response;
    // The widget info gives the node its role, name and bounds: a `Ui` registers its AccessKit node
    // before its rect is known, and a screen reader (or a test's click) needs the real one.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, ui.is_enabled(), name)
    });
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

fn signal_badge(ui: &mut egui::Ui, kind: SignalKind, rising: bool) {
    let tone = kind.tone();
    let (text, background) = tone_colors(theme::palette(ui), tone);
    Frame::new()
        .fill(background)
        .stroke(Stroke::new(1.0, text))
        .corner_radius(10)
        .inner_margin(Margin::symmetric(8, 1))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                let direction = if rising {
                    Direction::Up
                } else {
                    Direction::Down
                };
                arrow(ui, direction, text);
                ui.label(
                    RichText::new(format!("signaal: {}", kind.label()))
                        .size(theme::META)
                        .color(text),
                );
            });
        });
}

/// "duiding" on the accent tint: there is a note on this indicator for the coming BO.
fn note_marker(ui: &mut egui::Ui) {
    let palette = theme::palette(ui);
    Frame::new()
        .fill(palette.selected)
        .corner_radius(10)
        .inner_margin(Margin::symmetric(8, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new("duiding")
                    .size(theme::META)
                    .color(palette.accent),
            );
        });
}

/// "2026 K1 ontbreekt — 20 dagen te laat" on amber with a clock-like ring: a stale tile is flagged.
fn overdue_chip(ui: &mut egui::Ui, period: crate::domain::Period, days: i64) {
    let palette = theme::palette(ui);
    Frame::new()
        .fill(palette.attention_background)
        .stroke(Stroke::new(1.0, palette.attention))
        .corner_radius(10)
        .inner_margin(Margin::symmetric(8, 1))
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{} ontbreekt — {} te laat",
                        period.label(),
                        crate::domain::count_of(days as u64, "dag", "dagen")
                    ))
                    .size(theme::META)
                    .color(palette.attention),
                )
                .wrap(),
            );
        });
}

/// How old the newest figure is: "12 dagen oud", "3 maanden oud".
fn age_text(days: i64) -> String {
    if days < 60 {
        format!(
            "laatste cijfer {} oud",
            crate::domain::count_of(days as u64, "dag", "dagen")
        )
    } else {
        format!("laatste cijfer {} maanden oud", days / 30)
    }
}
