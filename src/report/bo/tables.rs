//! The tables of an indicator page: the numbers per gemeente of the last periods, and the chart's
//! own data, each with a caption and its headers scoped to their column or row, so that a screen
//! reader names the area and the period of every cell.

use super::IndicatorPage;
use super::markup::{Html, escape};

/// "Cijfers per gemeente": an area per row, the last periods as columns.
pub(super) fn numbers(html: &mut Html, page: &IndicatorPage) {
    html.open("table", "numbers");
    html.element(
        "caption",
        "sr-only",
        &format!("{}: cijfers per gemeente, laatste perioden", page.name),
    );
    html.raw("<thead><tr><th scope=\"col\">Gebied</th>");
    for (label, code) in &page.columns {
        html.raw(&format!(
            "<th scope=\"col\" class=\"num\" data-periode=\"{}\">{}</th>",
            escape(code),
            escape(label)
        ));
    }
    html.raw("</tr></thead>\n<tbody>\n");
    for (area, color, cells) in &page.rows {
        html.open("tr", "");
        html.raw(&format!(
            "<th scope=\"row\"><span class=\"swatch\" style=\"background:#{color:06X}\"></span>{}</th>",
            escape(area)
        ));
        for cell in cells {
            html.element("td", "num", cell);
        }
        html.close("tr");
    }
    html.raw("</tbody>\n");
    html.close("table");
}

/// Every value the chart draws, a period per row, folded away under the chart: its text
/// alternative in numbers. Printed papers have the chart and the table of the last periods.
pub(super) fn chart_data(html: &mut Html, page: &IndicatorPage) {
    if page.history.is_empty() {
        return;
    }
    html.open("details", "chart-data");
    html.element("summary", "", "Cijfers van de grafiek");
    html.open("table", "history");
    html.element(
        "caption",
        "sr-only",
        &format!("{}: alle cijfers van de grafiek, per periode", page.name),
    );
    html.raw("<thead><tr><th scope=\"col\">Periode</th>");
    for (area, _, _) in &page.rows {
        html.raw(&format!(
            "<th scope=\"col\" class=\"num\">{}</th>",
            escape(area)
        ));
    }
    html.raw("</tr></thead>\n<tbody>\n");
    for (period, cells) in &page.history {
        html.open("tr", "");
        html.raw(&format!("<th scope=\"row\">{}</th>", escape(period)));
        for cell in cells {
            html.element("td", "num", cell);
        }
        html.close("tr");
    }
    html.raw("</tbody>\n");
    html.close("table");
    html.close("details");
}
