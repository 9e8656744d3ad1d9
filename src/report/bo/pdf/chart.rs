//! The trend chart on the page: the same marks as the HTML's SVG (`report::bo::chart`), scaled to the
//! text width, with real text for the axes, events and legend, as one figure with an alternative
//! text.

use super::flow::{CONTENT_WIDTH, Draw, Flow, Kind, MARGIN_X, Marking, NodeId, SOFT, Style};
use crate::report::bo::chart::{
    self, AXIS_COLOR, AXIS_SIZE, Anchor, BAND_COLOR, BAND_LABEL, BREAK_COLOR, Chart, EVENT_COLOR,
    EVENT_DASH, EVENT_SIZE, GRID_COLOR, HEIGHT, Label, LineStyle, Mark, REFERENCE_COLOR,
    REFERENCE_DASH, WIDTH, YEAR_COLOR,
};

const LEGEND: Style = Style {
    size: 8.5,
    bold: false,
    color: SOFT,
    leading: 13.0,
};

pub(super) fn figure(flow: &mut Flow, parent: NodeId, chart: &Chart) {
    let scale = CONTENT_WIDTH / WIDTH as f32;
    let height = HEIGHT as f32 * scale;
    flow.ensure(height + 2.0 * LEGEND.leading);
    let figure = flow.node(Some(parent), Kind::Figure(chart.alt_text()));
    let content = flow.content(figure);
    let marking = Marking::Content(content);
    let top = flow.y;
    let at = |x: f64, y: f64| (MARGIN_X + x as f32 * scale, top + y as f32 * scale);
    let Some(marks) = chart::layout(chart) else {
        let style = Style {
            size: AXIS_SIZE as f32 * scale,
            bold: false,
            color: AXIS_COLOR,
            leading: 0.0,
        };
        let label = Label {
            x: WIDTH / 2.0,
            y: HEIGHT / 2.0,
            text: chart::EMPTY.to_string(),
            anchor: Anchor::Middle,
        };
        text(flow, &label, style, scale, top, marking);
        flow.y = top + height;
        return;
    };
    let axis = Style {
        size: AXIS_SIZE as f32 * scale,
        bold: false,
        color: AXIS_COLOR,
        leading: 0.0,
    };
    let line =
        |points: Vec<(f32, f32)>, width: f64, color: u32, dash: Option<[f64; 2]>| Draw::Stroke {
            points,
            width: width as f32 * scale,
            color,
            dash: dash.map(|[on, off]| [on as f32 * scale, off as f32 * scale]),
        };
    for mark in &marks {
        match mark {
            Mark::Grid { y, x1, x2, label } => {
                flow.draw(
                    line(vec![at(*x1, *y), at(*x2, *y)], 1.0, GRID_COLOR, None),
                    marking,
                );
                text(flow, label, axis, scale, top, marking);
            }
            Mark::Year { x, y1, y2, label } => {
                flow.draw(
                    line(vec![at(*x, *y1), at(*x, *y2)], 1.0, YEAR_COLOR, None),
                    marking,
                );
                text(flow, label, axis, scale, top, marking);
            }
            Mark::Event {
                x,
                y1,
                y2,
                breaks,
                label,
            } => {
                let color = if *breaks { BREAK_COLOR } else { EVENT_COLOR };
                let draw = line(vec![at(*x, *y1), at(*x, *y2)], 1.0, color, Some(EVENT_DASH));
                flow.draw(draw, marking);
                let style = Style {
                    size: EVENT_SIZE as f32 * scale,
                    color,
                    ..axis
                };
                text(flow, label, style, scale, top, marking);
            }
            Mark::Series {
                points,
                color,
                style,
                ..
            } => {
                let points: Vec<(f32, f32)> = points.iter().map(|(x, y)| at(*x, *y)).collect();
                let (width, halo) = Mark::series_width(*style);
                if halo {
                    flow.draw(line(points.clone(), 6.5, 0xFFFFFF, None), marking);
                }
                let (color, dash) = match style {
                    LineStyle::Reference => (REFERENCE_COLOR, Some(REFERENCE_DASH)),
                    _ => (*color, None),
                };
                flow.draw(line(points, width, color, dash), marking);
            }
            Mark::Band { outline } => {
                let points = outline.iter().map(|(x, y)| at(*x, *y)).collect();
                flow.draw(
                    Draw::Shape {
                        points,
                        color: BAND_COLOR,
                    },
                    marking,
                );
            }
            Mark::Dot { x, y, color } => {
                let (cx, cy) = at(*x, *y);
                let r = 2.5 * scale;
                let points = (0..12)
                    .map(|i| {
                        let angle = i as f32 * std::f32::consts::TAU / 12.0;
                        (cx + r * angle.cos(), cy + r * angle.sin())
                    })
                    .collect();
                flow.draw(
                    Draw::Shape {
                        points,
                        color: *color,
                    },
                    marking,
                );
            }
        }
    }
    flow.y = top + height + 4.0;
    legend(flow, chart, marking);
}

/// Swatch and name per line, wrapping onto a second row when they do not fit.
fn legend(flow: &mut Flow, chart: &Chart, marking: Marking) {
    let mut x = MARGIN_X;
    let baseline = |flow: &Flow| flow.y + LEGEND.leading * 0.72;
    for line in &chart.lines {
        let style = Style {
            bold: line.style == LineStyle::Region,
            ..LEGEND
        };
        let width = 14.0 + flow.width(&line.name, style);
        if x + width > MARGIN_X + CONTENT_WIDTH {
            flow.y += LEGEND.leading;
            x = MARGIN_X;
        }
        let y = baseline(flow);
        flow.draw(
            Draw::Rect {
                x,
                y: y - 4.0,
                w: 10.0,
                h: 3.2,
                color: line.drawn_color(),
            },
            marking,
        );
        flow.text(x + 14.0, y, style, &line.name, marking);
        x += width + 12.0;
    }
    if !chart.band.is_empty() {
        let width = 14.0 + flow.width(BAND_LABEL, LEGEND);
        if x + width > MARGIN_X + CONTENT_WIDTH {
            flow.y += LEGEND.leading;
            x = MARGIN_X;
        }
        let y = baseline(flow);
        let swatch = Draw::Rect {
            x,
            y: y - 6.0,
            w: 10.0,
            h: 7.0,
            color: BAND_COLOR,
        };
        flow.draw(swatch, marking);
        flow.text(x + 14.0, y, LEGEND, BAND_LABEL, marking);
    }
    flow.y += LEGEND.leading;
}

fn text(flow: &mut Flow, label: &Label, style: Style, scale: f32, top: f32, marking: Marking) {
    let width = flow.width(&label.text, style);
    let x = MARGIN_X + label.x as f32 * scale;
    let x = match label.anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    flow.text(x, top + label.y as f32 * scale, style, &label.text, marking);
}
