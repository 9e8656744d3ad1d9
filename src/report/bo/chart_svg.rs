//! The trend chart as inline SVG for the HTML report, drawn from the chart's marks, with a legend in
//! the same colours.

use std::fmt::Write as _;

use super::chart::{
    self, AXIS_COLOR, Anchor, BAND_COLOR, BAND_LABEL, BREAK_COLOR, Chart, EVENT_COLOR, EVENT_DASH,
    HEIGHT, Label, LineStyle, Mark, REFERENCE_COLOR, REFERENCE_DASH, WIDTH,
};
use crate::report::markup::escape;

impl Chart {
    /// The chart as an image named by its title and described by its summary (`<title>` and
    /// `<desc>`, which assistive technology reads out); `id` makes their ids unique in the page.
    pub fn svg(&self, id: &str) -> String {
        let mut svg = String::new();
        let id = escape(id);
        let _ = write!(
            svg,
            "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            escape(&self.title()),
            escape(&self.summary)
        );
        let Some(marks) = chart::layout(self) else {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"axis\">{}</text></svg>",
                WIDTH / 2.0,
                HEIGHT / 2.0,
                chart::EMPTY
            );
            return svg;
        };
        for mark in &marks {
            write_mark(&mut svg, mark);
        }
        svg.push_str("</svg>\n<ul class=\"legend\">");
        for line in &self.lines {
            let class = match line.style {
                LineStyle::Region => " class=\"thick\"",
                LineStyle::Reference => " class=\"reference\"",
                LineStyle::Gemeente => "",
            };
            let _ = write!(
                svg,
                "<li{class}><span class=\"swatch\" style=\"background:#{:06X}\"></span>{}</li>",
                line.drawn_color(),
                escape(&line.name)
            );
        }
        if !self.band.is_empty() {
            let _ = write!(
                svg,
                "<li class=\"band\"><span class=\"swatch band\" style=\"background:#{BAND_COLOR:06X}\"></span>{BAND_LABEL}</li>"
            );
        }
        svg.push_str("</ul>\n");
        svg
    }
}

fn write_mark(svg: &mut String, mark: &Mark) {
    match mark {
        Mark::Grid { y, x1, x2, label } => {
            let _ = write!(
                svg,
                "<line x1=\"{x1}\" x2=\"{x2:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/>{}",
                text(label, "axis", AXIS_COLOR)
            );
        }
        Mark::Year { x, y1, y2, label } => {
            let _ = write!(
                svg,
                "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y1}\" y2=\"{y2:.1}\" class=\"year\"/>{}",
                text(label, "axis", AXIS_COLOR)
            );
        }
        Mark::Event {
            x,
            y1,
            y2,
            breaks,
            label,
        } => {
            let color = if *breaks { BREAK_COLOR } else { EVENT_COLOR };
            let _ = write!(
                svg,
                "<g class=\"event\"><line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{y1}\" y2=\"{y2:.1}\" stroke=\"#{color:06X}\" stroke-dasharray=\"{} {}\"/>{}</g>",
                EVENT_DASH[0],
                EVENT_DASH[1],
                text(label, "event-label", color)
            );
        }
        Mark::Series {
            points,
            color,
            style,
            name,
        } => {
            let points: Vec<String> = points
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect();
            let points = points.join(" ");
            let (width, halo) = Mark::series_width(*style);
            if halo {
                let _ = write!(
                    svg,
                    "<polyline points=\"{points}\" fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"6.5\" stroke-linejoin=\"round\"/>"
                );
            }
            let (color, dash) = match style {
                LineStyle::Reference => (
                    REFERENCE_COLOR,
                    format!(
                        " stroke-dasharray=\"{} {}\"",
                        REFERENCE_DASH[0], REFERENCE_DASH[1]
                    ),
                ),
                _ => (*color, String::new()),
            };
            let _ = write!(
                svg,
                "<polyline points=\"{points}\" fill=\"none\" stroke=\"#{color:06X}\" stroke-width=\"{width}\" stroke-linejoin=\"round\"{dash}><title>{}</title></polyline>",
                escape(name)
            );
        }
        Mark::Dot { x, y, color } => {
            let _ = write!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.5\" fill=\"#{color:06X}\"/>"
            );
        }
        Mark::Band { outline } => {
            let points: Vec<String> = outline
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect();
            let _ = write!(
                svg,
                "<polygon class=\"band\" points=\"{}\" fill=\"#{BAND_COLOR:06X}\"/>",
                points.join(" ")
            );
        }
    }
}

fn text(label: &Label, class: &str, color: u32) -> String {
    let anchor = match label.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let fill = if class == "axis" {
        String::new()
    } else {
        format!(" fill=\"#{color:06X}\"")
    };
    format!(
        "<text x=\"{:.1}\" y=\"{:.1}\"{anchor} class=\"{class}\"{fill}>{}</text>",
        label.x,
        label.y,
        escape(&label.text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::bo::ChartLine;

    #[test]
    fn the_svg_draws_every_mark_and_the_reference_dashed() {
        let chart = Chart {
            unit: "per 1.000 inwoners".into(),
            summary: "Van 2024 K1 tot 2024 K4 gedaald.".into(),
            band: vec![vec![(2024.0, 8.0, 13.0), (2024.25, 8.5, 13.5)]],
            events: Vec::new(),
            lines: vec![
                ChartLine {
                    name: "Oostzaan".into(),
                    color: 0xCC79A7,
                    style: LineStyle::Gemeente,
                    points: vec![
                        (2024.0, Some(10.0)),
                        (2024.25, Some(12.0)),
                        (2024.5, None),
                        (2024.75, Some(9.0)),
                    ],
                },
                ChartLine {
                    name: "Nederland".into(),
                    color: 0,
                    style: LineStyle::Reference,
                    points: vec![(2024.0, Some(8.0)), (2024.75, Some(8.5))],
                },
            ],
        };
        let svg = chart.svg("chart-oostzaan");
        assert!(svg.contains(
            "role=\"img\" aria-labelledby=\"chart-oostzaan-title chart-oostzaan-desc\"><title \
             id=\"chart-oostzaan-title\">Trend, per 1.000 inwoners: Oostzaan, Nederland</title><desc \
             id=\"chart-oostzaan-desc\">Van 2024 K1 tot 2024 K4 gedaald.</desc>"
        ), "{svg}");
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert_eq!(svg.matches("<circle").count(), 1);
        assert_eq!(svg.matches("<polygon class=\"band\"").count(), 1);
        assert!(svg.contains(">Verwacht bereik (95 %)</li>"), "{svg}");
        assert!(svg.contains(">0</text>"));
        assert!(svg.contains("stroke=\"#8C93A0\" stroke-width=\"1.6\" stroke-linejoin=\"round\" stroke-dasharray=\"6 4\"><title>Nederland</title>"), "{svg}");
        assert!(svg.contains("<li class=\"reference\"><span class=\"swatch\" style=\"background:#8C93A0\"></span>Nederland</li>"));
    }
}
