//! A trend chart as inline SVG: a line per area on a time axis, gaps left open, the y axis from zero,
//! round gridlines, and a legend in the same colours.

use std::fmt::Write as _;

use super::markup::escape;
use crate::domain::format_number;

#[derive(Debug, Clone, Default)]
pub struct Chart {
    /// "aantal" or "per 1.000 inwoners".
    pub unit: String,
    pub lines: Vec<ChartLine>,
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

#[derive(Debug, Clone)]
pub struct ChartLine {
    pub name: String,
    /// 0xRRGGBB.
    pub color: u32,
    /// The region: drawn thick, on top.
    pub thick: bool,
    /// Position on the time axis in years (2024 K3 is 2024.5) and the value, `None` for a gap.
    pub points: Vec<(f64, Option<f64>)>,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

impl Chart {
    pub fn svg(&self) -> String {
        let xs = self
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|(x, _)| *x));
        let (x_min, x_max) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
        let y_max = self
            .lines
            .iter()
            .flat_map(|l| l.points.iter().filter_map(|(_, y)| *y))
            .fold(0.0_f64, f64::max);
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"100%\" role=\"img\" aria-label=\"Trend, {}\">",
            escape(&self.unit)
        );
        if x_min > x_max || y_max <= 0.0 {
            svg.push_str("<text x=\"360\" y=\"130\" text-anchor=\"middle\" class=\"axis\">nog geen cijfers</text></svg>\n");
            return svg;
        }
        let step = round_step(y_max);
        let top_value = (y_max / step).ceil() * step;
        let plot_width = WIDTH - LEFT - RIGHT;
        let plot_height = HEIGHT - TOP - BOTTOM;
        let x_span = (x_max - x_min).max(0.25);
        let x_of = |x: f64| LEFT + (x - x_min) / x_span * plot_width;
        let y_of = |y: f64| TOP + plot_height - y / top_value * plot_height;
        let decimals = if step < 1.0 { 1 } else { 0 };
        let mut value = 0.0;
        while value <= top_value + step / 2.0 {
            let y = y_of(value);
            let _ = write!(
                svg,
                "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" class=\"axis\">{}</text>",
                WIDTH - RIGHT,
                LEFT - 6.0,
                y + 4.0,
                format_number(value, decimals)
            );
            value += step;
        }
        for year in x_min.ceil() as i64..=x_max.floor() as i64 {
            let x = x_of(year as f64);
            let _ = write!(
                svg,
                "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP}\" y2=\"{:.1}\" class=\"year\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"axis\">{year}</text>",
                TOP + plot_height,
                HEIGHT - 8.0
            );
        }
        for (index, event) in self.events.iter().enumerate() {
            if event.x < x_min || event.x > x_max {
                continue;
            }
            let x = x_of(event.x);
            let color = if event.breaks { "#8A5A00" } else { "#6B7585" };
            let _ = write!(
                svg,
                "<g class=\"event\"><line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP}\" y2=\"{:.1}\" stroke=\"{color}\" stroke-dasharray=\"4 3\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"event-label\" fill=\"{color}\">{}</text></g>",
                TOP + plot_height,
                x + 3.0,
                TOP + 11.0 + 13.0 * (index % 3) as f64,
                escape(&event.label)
            );
        }
        let mut ordered: Vec<&ChartLine> = self.lines.iter().collect();
        ordered.sort_by_key(|l| l.thick);
        for line in ordered {
            for run in runs(&line.points) {
                let points: Vec<String> = run
                    .iter()
                    .map(|(x, y)| format!("{:.1},{:.1}", x_of(*x), y_of(*y)))
                    .collect();
                let width = if line.thick { 3.5 } else { 1.6 };
                if points.len() == 1 {
                    let (x, y) = run[0];
                    let _ = write!(
                        svg,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"#{:06X}\"/>",
                        x_of(x),
                        y_of(y),
                        line.color
                    );
                    continue;
                }
                if line.thick {
                    let _ = write!(
                        svg,
                        "<polyline points=\"{}\" fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"6.5\" stroke-linejoin=\"round\"/>",
                        points.join(" ")
                    );
                }
                let _ = write!(
                    svg,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"#{:06X}\" stroke-width=\"{width}\" stroke-linejoin=\"round\"><title>{}</title></polyline>",
                    points.join(" "),
                    line.color,
                    escape(&line.name)
                );
            }
        }
        svg.push_str("</svg>\n<ul class=\"legend\">");
        for line in &self.lines {
            let class = if line.thick { " class=\"thick\"" } else { "" };
            let _ = write!(
                svg,
                "<li{class}><span class=\"swatch\" style=\"background:#{:06X}\"></span>{}</li>",
                line.color,
                escape(&line.name)
            );
        }
        svg.push_str("</ul>\n");
        svg
    }
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
            events: Vec::new(),
            lines: vec![ChartLine {
                name: "Oostzaan".into(),
                color: 0xCC79A7,
                thick: false,
                points: vec![
                    (2024.0, Some(10.0)),
                    (2024.25, Some(12.0)),
                    (2024.5, None),
                    (2024.75, Some(9.0)),
                ],
            }],
        };
        let svg = chart.svg();
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 1);
        assert!(svg.contains(">0</text>"));
        assert_eq!(round_step(859.0), 500.0);
        assert_eq!(round_step(1.07), 0.5);
    }
}
