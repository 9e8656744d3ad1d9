//! The tables of an indicator page: the numbers per gemeente of the last periods, and the chart's
//! own data, each with a caption and its headers scoped to their column or row, so that a screen
//! reader names the area and the period of every cell.

use super::IndicatorPage;
use crate::report::markup::{Html, escape};

/// "Cijfers per gemeente": an area per row, the last periods as columns.
pub(super) fn numbers(html: &mut Html, page: &IndicatorPage) {
    let columns = page.columns.iter().map(|(label, code)| {
        format!(
            "<th scope=\"col\" class=\"num\" data-periode=\"{}\">{}</th>",
            escape(code),
            escape(label)
        )
    });
    let rows = page.rows.iter().map(|(area, color, cells)| {
        let head = format!(
            "<span class=\"swatch\" style=\"background:#{color:06X}\"></span>{}",
            escape(area)
        );
        (head, cells)
    });
    let caption = format!("{}: cijfers per gemeente, laatste perioden", page.name);
    scoped_table(html, "numbers", &caption, "Gebied", columns, rows);
}

/// Every value the chart draws, a period per row, folded away under the chart: its text
/// alternative in numbers. Printed papers have the chart and the table of the last periods.
pub(super) fn chart_data(html: &mut Html, page: &IndicatorPage) {
    if page.history.is_empty() {
        return;
    }
    html.open("details", "chart-data");
    html.element("summary", "", "Cijfers van de grafiek");
    let columns = page
        .rows
        .iter()
        .map(|(area, _, _)| format!("<th scope=\"col\" class=\"num\">{}</th>", escape(area)));
    let rows = page
        .history
        .iter()
        .map(|(period, cells)| (escape(period), cells));
    let caption = format!("{}: alle cijfers van de grafiek, per periode", page.name);
    scoped_table(html, "history", &caption, "Periode", columns, rows);
    html.close("details");
}

/// A table with a caption for screen readers, `corner` and the `columns` (`<th>` markup) as its
/// column headers, and per row a header cell (markup) and its cells as numbers.
fn scoped_table<'a>(
    html: &mut Html,
    class: &str,
    caption: &str,
    corner: &str,
    columns: impl Iterator<Item = String>,
    rows: impl Iterator<Item = (String, &'a Vec<String>)>,
) {
    html.open("table", class);
    html.element("caption", "sr-only", caption);
    html.raw(&format!(
        "<thead><tr><th scope=\"col\">{}</th>",
        escape(corner)
    ));
    for column in columns {
        html.raw(&column);
    }
    html.raw("</tr></thead>\n<tbody>\n");
    for (head, cells) in rows {
        html.open("tr", "");
        html.raw(&format!("<th scope=\"row\">{head}</th>"));
        for cell in cells {
            html.element("td", "num", cell);
        }
        html.close("tr");
    }
    html.raw("</tbody>\n");
    html.close("table");
}
