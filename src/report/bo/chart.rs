//! A trend chart: a line per area on a time axis, gaps left open, the y axis from zero, round
//! gridlines, events as markers, and its geometry computed once as marks. The SVG writer (HTML,
//! `chart_svg.rs`) and the PDF painter (`pdf/chart.rs`) both draw these marks, so the two charts
//! cannot drift apart.

use crate::domain::format_number;

#[derive(Debug, Clone, Default)]
pub struct Chart {
    /// "aantal" or "per 1.000 inwoners".
    pub unit: String,
    pub lines: Vec<ChartLine>,
    /// The region's trend in words: span, direction, extremes and where the numbers are.
    pub summary: String,
    /// The region's expected range per period (position on the time axis, low, high), drawn as a
    /// light band under the lines; consecutive periods only, a gap splits it.
    pub band: Vec<Vec<(f64, f64, f64)>>,
    pub events: Vec<ChartEvent>,
}

/// A labelled vertical marker: a policy start, a boundary change, a series break.
#[derive(Debug, Clone)]
pub struct ChartEvent {
    /// Position on the time axis in years.
    pub x: f64,
    pub label: String,
    /// A series break: drawn in the attention colour.
    pub breaks: bool,
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// The region: thick, on top.
    Region,
    Gemeente,
    /// Nederland as a reference: dashed grey.
    Reference,
}

#[derive(Debug, Clone)]
pub struct ChartLine {
    pub name: String,
    /// 0xRRGGBB; a reference line is drawn in its own grey whatever this says.
    pub color: u32,
    pub style: LineStyle,
    /// Position on the time axis in years (2024 K3 is 2024.5) and the value, `None` for a gap.
    pub points: Vec<(f64, Option<f64>)>,
}

impl ChartLine {
    /// The colour it is drawn in, in the chart and in the legend.
    pub fn drawn_color(&self) -> u32 {
        match self.style {
            LineStyle::Reference => REFERENCE_COLOR,
            _ => self.color,
        }
    }
}

impl Chart {
    /// What the chart is, for who cannot see it: "Trend, aantal: Edam-Volendam, …".
    pub fn title(&self) -> String {
        let names: Vec<&str> = self.lines.iter().map(|l| l.name.as_str()).collect();
        format!("Trend, {}: {}", self.unit, names.join(", "))
    }

    /// The PDF figure's alternative text: what the chart is and what it shows.
    pub fn alt_text(&self) -> String {
        format!("{}. {}", self.title(), self.summary)
    }
}

/// The chart's own coordinate system (the SVG's viewBox); the PDF scales it to the page width.
pub const WIDTH: f64 = 720.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// Font sizes in chart units.
pub const AXIS_SIZE: f64 = 12.0;
pub const EVENT_SIZE: f64 = 11.0;

pub const GRID_COLOR: u32 = 0xE2E5EA;
pub const YEAR_COLOR: u32 = 0xF0F1F4;
pub const AXIS_COLOR: u32 = 0x5A6474;
pub const EVENT_COLOR: u32 = 0x5A6474;
/// A series break, in the attention colour.
pub const BREAK_COLOR: u32 = 0x8A5A00;
/// The expected range: a light grey that every line stays legible on.
pub const BAND_COLOR: u32 = 0xE3E6EB;
/// What the band is called in the legend.
pub const BAND_LABEL: &str = "Verwacht bereik (95 %)";
/// The Nederland reference line: dashed and grey, so it never reads as one of the region's areas.
pub const REFERENCE_COLOR: u32 = 0x8C93A0;
/// Dash and gap of event markers and of the reference line, in chart units.
pub const EVENT_DASH: [f64; 2] = [4.0, 3.0];
pub const REFERENCE_DASH: [f64; 2] = [6.0, 4.0];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A label in chart units; `y` is the baseline.
#[derive(Debug, Clone)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub anchor: Anchor,
}

/// One thing to draw, with every coordinate worked out.
#[derive(Debug, Clone)]
pub enum Mark {
    /// A horizontal gridline with its value on the y axis.
    Grid {
        y: f64,
        x1: f64,
        x2: f64,
        label: Label,
    },
    /// A vertical line at the start of a year, with the year under the axis.
    Year {
        x: f64,
        y1: f64,
        y2: f64,
        label: Label,
    },
    /// A dashed vertical marker for an event (policy start, boundary change, series break).
    Event {
        x: f64,
        y1: f64,
        y2: f64,
        breaks: bool,
        label: Label,
    },
    /// A run of consecutive values of one area.
    Series {
        points: Vec<(f64, f64)>,
        color: u32,
        style: LineStyle,
        name: String,
    },
    /// A single value between gaps.
    Dot { x: f64, y: f64, color: u32 },
    /// The expected range of a run of periods: a closed outline, upper edge left to right, lower
    /// edge back.
    Band { outline: Vec<(f64, f64)> },
}

impl Mark {
    /// The stroke width of a series in chart units, and whether a white halo goes under it (the
    /// region's line stays legible where it crosses the gemeenten).
    pub fn series_width(style: LineStyle) -> (f64, bool) {
        match style {
            LineStyle::Region => (3.5, true),
            LineStyle::Gemeente => (1.6, false),
            LineStyle::Reference => (1.6, false),
        }
    }
}

/// What is said when there is nothing to draw.
pub const EMPTY: &str = "nog geen cijfers";

/// The chart's marks in drawing order (grid, years, the expected range, events, thin lines, the
/// region on top), or
/// `None` when no value is on record.
pub fn layout(chart: &Chart) -> Option<Vec<Mark>> {
    let xs = chart
        .lines
        .iter()
        .flat_map(|l| l.points.iter().map(|(x, _)| *x));
    let (x_min, x_max) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
    let y_max = chart
        .lines
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|(_, y)| *y))
        .chain(chart.band.iter().flatten().map(|(_, _, high)| *high))
        .fold(0.0_f64, f64::max);
    if x_min > x_max || y_max <= 0.0 {
        return None;
    }
    let step = round_step(y_max);
    let top_value = (y_max / step).ceil() * step;
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let bottom = TOP + plot_height;
    let x_span = (x_max - x_min).max(0.25);
    let x_of = |x: f64| LEFT + (x - x_min) / x_span * plot_width;
    let y_of = |y: f64| TOP + plot_height - y / top_value * plot_height;
    let decimals = if step < 1.0 { 1 } else { 0 };
    let mut marks = Vec::new();
    let mut value = 0.0;
    while value <= top_value + step / 2.0 {
        let y = y_of(value);
        marks.push(Mark::Grid {
            y,
            x1: LEFT,
            x2: WIDTH - RIGHT,
            label: Label {
                x: LEFT - 6.0,
                y: y + 4.0,
                text: format_number(value, decimals),
                anchor: Anchor::End,
            },
        });
        value += step;
    }
    for year in x_min.ceil() as i64..=x_max.floor() as i64 {
        let x = x_of(year as f64);
        marks.push(Mark::Year {
            x,
            y1: TOP,
            y2: bottom,
            label: Label {
                x,
                y: HEIGHT - 8.0,
                text: year.to_string(),
                anchor: Anchor::Middle,
            },
        });
    }
    for run in &chart.band {
        let upper = run.iter().map(|(x, _, high)| (x_of(*x), y_of(*high)));
        let lower = run
            .iter()
            .rev()
            .map(|(x, low, _)| (x_of(*x), y_of(low.max(0.0))));
        marks.push(Mark::Band {
            outline: upper.chain(lower).collect(),
        });
    }
    for (index, event) in chart.events.iter().enumerate() {
        if event.x < x_min || event.x > x_max {
            continue;
        }
        let x = x_of(event.x);
        marks.push(Mark::Event {
            x,
            y1: TOP,
            y2: bottom,
            breaks: event.breaks,
            label: Label {
                x: x + 3.0,
                // Three rows, so labels of events close together do not overlap.
                y: TOP + 11.0 + 13.0 * (index % 3) as f64,
                text: event.label.clone(),
                anchor: Anchor::Start,
            },
        });
    }
    let mut ordered: Vec<_> = chart.lines.iter().collect();
    ordered.sort_by_key(|l| l.style == LineStyle::Region);
    for line in ordered {
        for run in runs(&line.points) {
            let points: Vec<(f64, f64)> = run.iter().map(|(x, y)| (x_of(*x), y_of(*y))).collect();
            if let [(x, y)] = points[..] {
                marks.push(Mark::Dot {
                    x,
                    y,
                    color: line.color,
                });
                continue;
            }
            marks.push(Mark::Series {
                points,
                color: line.color,
                style: line.style,
                name: line.name.clone(),
            });
        }
    }
    Some(marks)
}

/// Runs of consecutive values; a gap splits the line.
fn runs(points: &[(f64, Option<f64>)]) -> Vec<Vec<(f64, f64)>> {
    let mut runs = vec![Vec::new()];
    for (x, y) in points {
        match y {
            Some(y) => runs
                .last_mut()
                .into_iter()
                .for_each(|run| run.push((*x, *y))),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

/// 1, 2 or 5 × 10ⁿ: about four gridlines up to `max`.
fn round_step(max: f64) -> f64 {
    let rough = max / 4.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_splits_the_line_and_the_axis_starts_at_zero() {
        let chart = Chart {
            unit: "aantal".into(),
            summary: String::new(),
            band: Vec::new(),
            events: vec![ChartEvent {
                x: 2030.0,
                label: "buiten beeld".into(),
                breaks: false,
            }],
            lines: vec![ChartLine {
                name: "Oostzaan".into(),
                color: 0xCC79A7,
                style: LineStyle::Gemeente,
                points: vec![
                    (2024.0, Some(10.0)),
                    (2024.25, Some(12.0)),
                    (2024.5, None),
                    (2024.75, Some(9.0)),
                ],
            }],
        };
        let marks = layout(&chart).unwrap();
        let count = |keep: fn(&Mark) -> bool| marks.iter().filter(|m| keep(m)).count();
        assert_eq!(count(|m| matches!(m, Mark::Series { .. })), 1);
        assert_eq!(count(|m| matches!(m, Mark::Dot { .. })), 1);
        assert_eq!(
            count(|m| matches!(m, Mark::Event { .. })),
            0,
            "outside the axis"
        );
        assert!(
            marks
                .iter()
                .any(|m| matches!(m, Mark::Grid { label, .. } if label.text == "0"))
        );
        assert_eq!(round_step(859.0), 500.0);
        assert_eq!(round_step(1.07), 0.5);
    }

    #[test]
    fn without_values_there_is_nothing_to_draw() {
        assert!(layout(&Chart::default()).is_none());
    }
}
