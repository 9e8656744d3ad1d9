//! Trend plots with egui_plot: a line per area on a time axis labelled the Dutch way ("2024 K3"),
//! gaps left open (absent is never zero), the y axis from zero, exact values on hover.

use eframe::egui;
use std::collections::BTreeSet;

use eframe::egui::RichText;
use egui_plot::{
    FilledArea, GridInput, GridMark, Line, LineStyle, Plot, PlotPoint, PlotPoints, Points, Text,
    VLine,
};

use super::theme;
use crate::analysis::Series;
use crate::app::{AreaFigures, IndicatorFigures, rate_text};
use crate::domain::{AreaKind, Event, EventKind, Frequency, Period, Region, format_number};

/// The full trend: every gemeente and, thick, the region; the legend above it toggles lines, and
/// remembers that for every indicator. "Voortschrijdend gemiddelde" adds the region's average over a
/// year as a dashed line, which takes out what returns every season.
pub(super) fn trend_plot(ui: &mut egui::Ui, figures: &IndicatorFigures, events: &[&Event]) {
    let hidden_id = egui::Id::unique("trend_hidden_areas");
    let average_id = egui::Id::unique("trend_moving_average");
    let mut hidden: BTreeSet<&'static str> = ui.data(|d| d.get_temp(hidden_id)).unwrap_or_default();
    let mut smoothed: bool = ui.data(|d| d.get_temp(average_id)).unwrap_or_default();
    let all: Vec<&AreaFigures> = std::iter::once(&figures.region)
        .chain(&figures.gemeenten)
        .chain(&figures.nederland)
        .collect();
    let average = figures
        .region_average()
        .map(|(label, series)| (format!("{}, {label}", figures.region.area.name), series));
    ui.horizontal_wrapped(|ui| {
        for area in &all {
            legend_entry(ui, area, &mut hidden);
        }
        if !figures.region.band.is_empty() {
            band_entry(ui);
        }
        if let Some((label, _)) = &average {
            ui.checkbox(&mut smoothed, "Voortschrijdend gemiddelde");
            if smoothed {
                average_entry(ui, label);
            }
        }
    });
    ui.data_mut(|d| {
        d.insert_temp(hidden_id, hidden.clone());
        d.insert_temp(average_id, smoothed);
    });
    // The region last, so its thick line lies on top.
    let areas: Vec<&AreaFigures> = figures
        .nederland
        .iter()
        .chain(&figures.gemeenten)
        .chain([&figures.region])
        .filter(|a| !hidden.contains(a.area.code))
        .collect();
    let average = average.filter(|_| smoothed);
    let id = format!("trend_{}_{}", figures.indicator.id, figures.per_1000);
    plot(ui, figures, &areas, average.as_ref(), events, &id, 340.0);
}

/// The legend of the band: what the light area around the region's line is.
fn band_entry(ui: &mut egui::Ui) {
    let fill = theme::palette(ui).area(Region::COLOR).linear_multiply(0.16);
    let (_, rect) = ui.allocate_space(egui::vec2(16.0, 12.0));
    ui.painter().rect_filled(rect, 2.0, fill);
    ui.label("Verwacht bereik (95 %)")
        .on_hover_text("Waar de waarde volgens de eigen geschiedenis (seizoen en trend) negentien van de twintig keer ligt. Eén periode ver erbuiten, of twee op rij erbuiten, is een signaal.");
    ui.add_space(6.0);
}

/// The legend of the moving average: its dashed line and what it averages.
fn average_entry(ui: &mut egui::Ui, label: &str) {
    let color = theme::palette(ui).area(Region::COLOR);
    let (_, rect) = ui.allocate_space(egui::vec2(16.0, 12.0));
    for x in [rect.left(), rect.center().x + 1.0] {
        let dash =
            egui::Rect::from_min_size(egui::pos2(x, rect.center().y - 1.0), egui::vec2(6.0, 2.0));
        ui.painter().rect_filled(dash, 0.0, color);
    }
    ui.label(label);
    ui.add_space(6.0);
}

/// A checkbox with the area's line beside it.
fn legend_entry(ui: &mut egui::Ui, area: &AreaFigures, hidden: &mut BTreeSet<&'static str>) {
    let palette = theme::palette(ui);
    // Keep the line and its checkbox together on one row.
    let needed = 48.0
        + ui.fonts_mut(|f| {
            f.layout_no_wrap(
                area.area.name.to_string(),
                egui::FontId::proportional(theme::BODY),
                palette.text,
            )
            .size()
            .x
        });
    if ui.max_rect().right() - ui.cursor().min.x < needed {
        ui.end_row();
    }
    let mut shown = !hidden.contains(area.area.code);
    let height = if area.area.kind == AreaKind::Regio {
        4.0
    } else {
        2.0
    };
    // The line's look beside its checkbox: decoration, the checkbox names the area.
    let (_, rect) = ui.allocate_space(egui::vec2(16.0, 12.0));
    let line = egui::Rect::from_center_size(rect.center(), egui::vec2(16.0, height));
    ui.painter()
        .rect_filled(line, 1.0, palette.area(area.color));
    if ui.checkbox(&mut shown, area.area.name).changed() {
        if shown {
            hidden.remove(area.area.code);
        } else {
            hidden.insert(area.area.code);
        }
    }
    ui.add_space(6.0);
}

fn plot(
    ui: &mut egui::Ui,
    figures: &IndicatorFigures,
    areas: &[&AreaFigures],
    average: Option<&(String, Series)>,
    events: &[&Event],
    id: &str,
    height: f32,
) {
    let palette = theme::palette(ui);
    let frequency = figures.indicator.frequency;
    let periods = figures.periods();
    let positions: Vec<(f64, Period)> = periods.iter().map(|p| (p.position(), *p)).collect();
    let hover_positions = positions.clone();
    let per_1000 = figures.per_1000;
    let highest = areas
        .iter()
        .flat_map(|a| a.series.points.iter().filter_map(|(_, p)| p.value))
        .fold(0.0_f64, f64::max);
    let plot = Plot::new(id)
        .height(height)
        .include_y(0.0)
        .include_y(if events.is_empty() {
            0.0
        } else {
            highest * 1.2
        })
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .y_grid_spacer(round_steps)
        .x_grid_spacer(move |input| time_marks(input, frequency))
        .x_axis_formatter(move |mark, _| axis_label(mark.value, frequency))
        .y_axis_formatter(|mark, _| format_number(mark.value, axis_decimals(mark.step_size)))
        .label_formatter(move |hover| {
            let egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } = hover
            else {
                return None;
            };
            let period = nearest(&hover_positions, position.x)?;
            let value = if per_1000 {
                format!("{} per 1.000 inwoners", rate_text(position.y))
            } else {
                format_number(position.y, if position.y.fract() == 0.0 { 0 } else { 1 })
            };
            Some(format!("{plot_name} · {}\n{value}", period.label()))
        });
    let shown = plot.show(ui, |plot_ui| {
        // Labels sit above the highest value, in room the plot keeps for them (from the data, not
        // from the plot's bounds, which the labels themselves would push up frame after frame).
        let (top, line) = (highest * 1.18, highest * 0.07);
        for (index, event) in events.iter().enumerate() {
            let x = Period::Date(event.draft.date).position();
            let color = if event.draft.kind == EventKind::Breuk {
                palette.attention
            } else {
                palette.text_muted
            };
            plot_ui.vline(
                VLine::new(&event.draft.label, x)
                    .color(color)
                    .style(LineStyle::dashed_loose())
                    .width(1.2)
                    .allow_hover(false),
            );
            plot_ui.text(
                Text::new(
                    &event.draft.label,
                    // Staggered, so the labels of events close together stay readable.
                    PlotPoint::new(x, top - line * (index % 3) as f64),
                    RichText::new(format!(" {}", event.draft.label))
                        .size(theme::META)
                        .color(color),
                )
                .anchor(egui::Align2::LEFT_TOP),
            );
        }
        // The expected range under the lines: the region's, and a gemeente's when it is the only
        // one shown.
        let gemeenten: Vec<&&AreaFigures> = areas
            .iter()
            .filter(|a| a.area.kind == AreaKind::Gemeente)
            .collect();
        for area in areas.iter().filter(|a| {
            a.area.kind == AreaKind::Regio
                || (a.area.kind == AreaKind::Gemeente && gemeenten.len() == 1)
        }) {
            let fill = palette.area(area.color).linear_multiply(0.16);
            for (index, run) in area.band_runs().into_iter().enumerate() {
                let xs: Vec<f64> = run.iter().map(|(x, _, _)| *x).collect();
                let lows: Vec<f64> = run.iter().map(|(_, low, _)| *low).collect();
                let highs: Vec<f64> = run.iter().map(|(_, _, high)| *high).collect();
                plot_ui.add(
                    FilledArea::new(format!("Verwacht {}", area.area.name), &xs, &lows, &highs)
                        .id(("band", area.area.code, index))
                        .fill_color(fill)
                        .allow_hover(false),
                );
            }
        }
        for area in areas {
            let color = palette.area(area.color);
            let width = if area.area.kind == AreaKind::Regio {
                3.5
            } else {
                1.8
            };
            for segment in segments(&area.series) {
                if segment.len() == 1 {
                    plot_ui.points(
                        Points::new(area.area.name, PlotPoints::from(segment))
                            .color(color)
                            .radius(3.0),
                    );
                } else {
                    let style = if area.area.kind == AreaKind::Nederland {
                        LineStyle::dashed_dense()
                    } else {
                        LineStyle::Solid
                    };
                    plot_ui.line(
                        Line::new(area.area.name, PlotPoints::from(segment))
                            .color(color)
                            .width(width)
                            .style(style),
                    );
                }
            }
        }
        if let Some((name, series)) = average {
            for segment in segments(series) {
                plot_ui.line(
                    Line::new(name.as_str(), PlotPoints::from(segment))
                        .color(palette.area(Region::COLOR))
                        .width(2.0)
                        .style(LineStyle::dashed_loose()),
                );
            }
        }
    });
    let periods: Vec<Period> = figures
        .region
        .series
        .points
        .iter()
        .map(|(p, _)| *p)
        .collect();
    let mut description =
        figures.trend_text(&periods, "de tabel Cijfers per gemeente onder de grafiek");
    if let Some(words) = figures.expected_words() {
        description.push_str(&format!(
            " Het lichte vlak is het verwachte bereik: {words}."
        ));
    }
    super::widgets::describe_graphic(
        &shown.response,
        &format!(
            "Grafiek {} per gebied, lijn {}",
            figures.indicator.name, figures.region.area.name
        ),
        &description,
    );
}

/// Runs of consecutive values; a gap splits the line.
fn segments(series: &Series) -> Vec<Vec<[f64; 2]>> {
    let mut runs = vec![Vec::new()];
    for (period, point) in &series.points {
        match point.value {
            Some(value) => runs
                .last_mut()
                .map(|run| run.push([period.position(), value])),
            None => {
                runs.push(Vec::new());
                None
            }
        };
    }
    runs.retain(|run| !run.is_empty());
    runs
}

fn nearest(positions: &[(f64, Period)], x: f64) -> Option<Period> {
    positions
        .iter()
        .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
        .map(|(_, p)| *p)
}

/// Marks on whole years, and on quarters (or months) where there is room.
fn time_marks(input: GridInput, frequency: Frequency) -> Vec<GridMark> {
    let (start, end) = input.bounds;
    let steps_per_year = match frequency {
        Frequency::Kwartaal => 4,
        Frequency::Halfjaar => 2,
        Frequency::Maand => 12,
        _ => 1,
    };
    let mut marks = Vec::new();
    let first = start.floor() as i64;
    for year in first..=end.ceil() as i64 {
        for step in 0..steps_per_year {
            let value = year as f64 + step as f64 / steps_per_year as f64;
            if value < start || value > end {
                continue;
            }
            let step_size = if step == 0 {
                1.0
            } else {
                1.0 / steps_per_year as f64
            };
            marks.push(GridMark { value, step_size });
        }
    }
    marks
}

fn axis_label(value: f64, frequency: Frequency) -> String {
    let year = value.floor() as i32;
    let step = |per_year: f64| ((value - f64::from(year)) * per_year).round() as u8 + 1;
    let period = match frequency {
        Frequency::Kwartaal => Period::Quarter(year, step(4.0)),
        Frequency::Halfjaar => Period::HalfYear(year, step(2.0)),
        Frequency::Maand if step(12.0) > 1 => Period::Month(year, step(12.0)),
        _ => Period::Year(year),
    };
    period.short_label()
}

fn axis_decimals(step: f64) -> usize {
    if step < 0.1 {
        2
    } else if step < 1.0 {
        1
    } else {
        0
    }
}

/// Horizontal lines at round steps (1, 2 or 5 × 10ⁿ), about five over the range, each labelled.
fn round_steps(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let span = (high - low).max(1e-9);
    let rough = span / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last)
        .map(|i| GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}
