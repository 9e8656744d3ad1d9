//! Small pieces every screen uses.

use eframe::egui::{self, Color32, Frame, Margin, RichText, Sense, Shape, Stroke, pos2, vec2};

use super::theme::{self, Palette};
use crate::app::{Direction, Movement, Tone};
use crate::domain::{Area, Period, Region};

/// An uppercase section heading: "SIGNALEN", "BATCHES".
pub(super) fn section_label(ui: &mut egui::Ui, text: &str) {
    let palette = theme::palette(ui);
    ui.label(
        RichText::new(text.to_uppercase())
            .size(theme::META)
            .strong()
            .color(palette.text_muted),
    );
    ui.add_space(4.0);
}

/// "Hele regio" or one gemeente, named `name` for screen readers.
pub(super) fn area_picker(
    ui: &mut egui::Ui,
    (id, name): (&str, &str),
    region: &Region,
    chosen: &mut Option<Area>,
) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(chosen.map_or("Hele regio", |a| a.name))
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, "Hele regio");
            for area in region.current_gemeenten() {
                ui.selectable_value(chosen, Some(area), area.name);
            }
        })
        .response
        .accessible_name(name);
}

/// A white (or dark) card with a thin border.
pub(super) fn card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let palette = theme::palette(ui);
    Frame::new()
        .fill(palette.card)
        .stroke(Stroke::new(1.0, palette.border))
        .corner_radius(8)
        .inner_margin(Margin::same(14))
        .show(ui, add)
        .inner
}

/// A card that screen readers and tests know by `name`, so the buttons inside can simply say
/// "Bewerken": they are read out within the card's name.
pub(super) fn named_card<R>(
    ui: &mut egui::Ui,
    name: &str,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    named_group(ui, name, |ui| card(ui, add))
}

/// The same for a row or part of a card: a group with a name.
pub(super) fn named_group<R>(
    ui: &mut egui::Ui,
    name: &str,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let builder = egui::UiBuilder::new()
        .accessibility_label(name)
        .accessibility_role(egui::accesskit::Role::Group);
    ui.scope_builder(builder, add).inner
}

pub(super) fn muted(ui: &mut egui::Ui, text: impl Into<String>) {
    let palette = theme::palette(ui);
    ui.label(
        RichText::new(text)
            .size(theme::META)
            .color(palette.text_muted),
    );
}

/// A filled triangle up or down, or a bar for no change: painted, since the default fonts have no
/// arrow glyphs. The shape carries the direction, so colour is never the only cue. It takes room but
/// is no widget: screen readers hear the direction in the words beside it.
pub(super) fn arrow(ui: &mut egui::Ui, direction: Direction, color: Color32) {
    let (_, rect) = ui.allocate_space(vec2(12.0, 12.0));
    paint_arrow(ui.painter(), rect, direction, color);
}

fn paint_arrow(painter: &egui::Painter, rect: egui::Rect, direction: Direction, color: Color32) {
    let (top, bottom) = (rect.top() + 2.0, rect.bottom() - 2.0);
    let shape = match direction {
        Direction::Flat => Shape::rect_filled(
            egui::Rect::from_center_size(rect.center(), vec2(9.0, 3.0)),
            1.0,
            color,
        ),
        Direction::Up | Direction::Down => {
            let (tip, base) = if direction == Direction::Up {
                (top, bottom)
            } else {
                (bottom, top)
            };
            Shape::convex_polygon(
                vec![
                    pos2(rect.center().x, tip),
                    pos2(rect.left() + 1.0, base),
                    pos2(rect.right() - 1.0, base),
                ],
                color,
                Stroke::NONE,
            )
        }
    };
    painter.add(shape);
}

/// A name and a description for something painted (a sparkline, the bars, the plot), so assistive
/// technology reads what the picture shows.
pub(super) fn describe_graphic(response: &egui::Response, name: &str, description: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Image);
        node.set_label(name);
        node.set_description(description);
    });
}

pub(super) fn tone_colors(palette: &Palette, tone: Tone) -> (Color32, Color32) {
    match tone {
        Tone::Better => (palette.better, palette.better_background),
        Tone::Worse => (palette.worse, palette.worse_background),
        Tone::Neutral => (palette.neutral, palette.neutral_background),
    }
}

/// "▲ 14,2%" on a tinted chip: arrow for the direction, colour for the polarity. Painted as one
/// widget that screen readers hear as "14,2 procent hoger dan `compared`, verslechtering".
pub(super) fn movement_chip(ui: &mut egui::Ui, movement: &Movement, compared: Option<&str>) {
    let (text, background) = tone_colors(theme::palette(ui), movement.tone);
    let galley = ui.painter().layout_no_wrap(
        movement.size.clone(),
        egui::FontId::proportional(theme::BODY),
        text,
    );
    let margin = vec2(6.0, 2.0);
    let arrow_size = vec2(12.0, 12.0);
    let size = vec2(
        margin.x * 2.0 + arrow_size.x + 4.0 + galley.size().x,
        margin.y * 2.0 + galley.size().y.max(arrow_size.y),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let spoken = movement.spoken(compared);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, spoken.as_str()));
    let painter = ui.painter();
    painter.rect_filled(rect, 4.0, background);
    let arrow_rect = egui::Rect::from_min_size(
        pos2(rect.left() + margin.x, rect.center().y - arrow_size.y / 2.0),
        arrow_size,
    );
    paint_arrow(painter, arrow_rect, movement.direction, text);
    let text_at = pos2(
        arrow_rect.right() + 4.0,
        rect.center().y - galley.size().y / 2.0,
    );
    painter.galley(text_at, galley, text);
}

/// A line of the last periods; gaps stay gaps. ○ marks the comparison period, ● the latest. The
/// caller names it ([`describe_graphic`]).
pub(super) fn sparkline(
    ui: &mut egui::Ui,
    points: &[(Period, Option<f64>)],
    compared: Option<Period>,
    size: egui::Vec2,
) -> egui::Response {
    let palette = theme::palette(ui);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let values: Vec<f64> = points.iter().filter_map(|(_, v)| *v).collect();
    if values.is_empty() {
        return response;
    }
    let (low, high) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let span = (high - low).max(high.abs() * 0.05).max(1e-9);
    let rect = rect.shrink(4.0);
    let step = rect.width() / (points.len().max(2) - 1) as f32;
    let at = |index: usize, value: f64| {
        let y = rect.bottom() - ((value - low) / span) as f32 * rect.height();
        pos2(rect.left() + step * index as f32, y)
    };
    let stroke = Stroke::new(1.6, palette.text_secondary);
    let painter = ui.painter();
    let mut segment = Vec::new();
    for (index, (_, value)) in points.iter().enumerate() {
        match value {
            Some(value) => segment.push(at(index, *value)),
            None => {
                painter.add(Shape::line(std::mem::take(&mut segment), stroke));
            }
        }
    }
    painter.add(Shape::line(segment, stroke));
    for (index, (period, value)) in points.iter().enumerate() {
        let Some(value) = value else { continue };
        let center = at(index, *value);
        if Some(*period) == compared {
            painter.circle(center, 3.5, palette.card, stroke);
        } else if index + 1 == points.len() {
            painter.circle_filled(center, 4.0, palette.text);
        }
    }
    response
}
