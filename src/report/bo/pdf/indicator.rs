//! One indicator on its own pages: headline value and change, the chart, the numbers table, the
//! facts, its duiding notes and the stories linked to it.

use super::change::{badge, badge_lines};
use super::chart::figure;
use super::cover::{H2, KICKER, fact_list};
use super::flow::{CONTENT_WIDTH, Flow, INK, Kind, MARGIN_X, MUTED, Marking, SOFT, Style};
use super::notes::notes;
use super::table::{Cell, Column, table};
use crate::report::bo::IndicatorPage;

const AREA_COLUMN: f32 = 128.0;

pub(super) fn indicator(flow: &mut Flow, page: &IndicatorPage, region: &str, anchor: usize) {
    flow.new_page();
    let section = flow.node(None, Kind::Section);
    flow.paragraph(section, KICKER, &page.domain);
    flow.anchor(anchor, &page.name);
    flow.heading(Some(section), 2, H2, &page.name, 60.0);
    flow.gap(2.0);
    headline(flow, section, page, region);
    flow.gap(6.0);
    figure(flow, section, &page.chart);
    flow.gap(6.0);
    let share = if page.columns.is_empty() {
        0.0
    } else {
        (CONTENT_WIDTH - AREA_COLUMN) / page.columns.len() as f32
    };
    let columns: Vec<Column> = std::iter::once(Column {
        title: "Gebied".to_string(),
        width: AREA_COLUMN,
        right: false,
    })
    .chain(page.columns.iter().map(|(label, _)| Column {
        title: label.clone(),
        width: share,
        right: true,
    }))
    .collect();
    let rows: Vec<Vec<Cell>> = page
        .rows
        .iter()
        .map(|(area, color, cells)| {
            std::iter::once(Cell::Swatch(*color, area.clone()))
                .chain(cells.iter().map(|c| Cell::Text(c.clone())))
                .collect()
        })
        .collect();
    table(flow, section, &columns, &rows);
    flow.gap(10.0);
    fact_list(
        flow,
        section,
        &[
            ("Omschrijving", page.description.as_str()),
            ("Leverancier", page.supplier.as_str()),
            ("Bron", page.source.as_str()),
            ("Levering", page.facts.as_str()),
        ],
    );
    flow.gap(10.0);
    let h3 = Style {
        size: 12.0,
        bold: true,
        color: INK,
        leading: 18.0,
    };
    flow.heading(Some(section), 3, h3, "Duiding", 40.0);
    if page.notes.is_empty() {
        flow.paragraph(
            section,
            Style::BODY.colored(MUTED),
            "Geen duiding voor dit BO.",
        );
    }
    notes(flow, section, &page.notes);
    if !page.stories.is_empty() {
        flow.gap(4.0);
        flow.paragraph(
            section,
            Style::BODY.colored(MUTED),
            &format!("Gekoppelde verhalen: {}", page.stories.join("; ")),
        );
    }
}

/// The value large, then the region and period, then the change; the change moves under the value
/// when the line is too narrow for all three.
fn headline(flow: &mut Flow, section: usize, page: &IndicatorPage, region: &str) {
    let value = Style {
        size: 24.0,
        bold: true,
        color: INK,
        leading: 32.0,
    };
    let small = Style::BODY.colored(MUTED);
    flow.ensure(value.leading + small.leading);
    let p = flow.node(Some(section), Kind::P);
    let baseline = flow.y + value.leading * 0.75;
    let content = flow.content(p);
    flow.text(
        MARGIN_X,
        baseline,
        value,
        &page.value,
        Marking::Content(content),
    );
    let period = format!("{region} · {}", page.period);
    let mut x = MARGIN_X + flow.width(&page.value, value) + 12.0;
    let content = flow.content(p);
    flow.text(x, baseline, small, &period, Marking::Content(content));
    x += flow.width(&period, small) + 12.0;
    // The badge beside the value where it fits on one line, else on a line of its own.
    let mut badge_baseline = baseline;
    let mut room = MARGIN_X + CONTENT_WIDTH - x;
    if badge_lines(flow, 10.0, page.change.as_ref(), room) > 1 {
        x = MARGIN_X;
        room = CONTENT_WIDTH;
        badge_baseline = baseline + small.leading + 2.0;
        flow.y += small.leading + 2.0;
    }
    badge(flow, p, x, badge_baseline, 10.0, page.change.as_ref(), room);
    flow.y += value.leading;
    if let Some(expected) = &page.expected {
        flow.paragraph(section, Style::BODY.colored(SOFT), expected);
    }
}
