//! Tables that never split a row across pages: a row that does not fit starts the next page, and a
//! table that continues there repeats its header row (as page furniture, so the structure keeps a
//! single header).

use super::change::{badge, badge_lines};
use super::flow::{Draw, Flow, Kind, MARGIN_X, MUTED, Marking, NodeId, RULE, Style, Target};
use crate::report::bo::Change;

pub(super) struct Column {
    pub title: String,
    pub width: f32,
    /// Numbers: right-aligned.
    pub right: bool,
}

pub(super) enum Cell<'a> {
    Text(String),
    /// An area name after its colour in the chart.
    Swatch(u32, String),
    /// A name that links to the heading the table of contents knows as this anchor.
    Link(String, usize),
    Change(Option<&'a Change>),
}

const PAD: f32 = 4.0;
const CELL: Style = Style {
    size: 9.0,
    bold: false,
    color: super::flow::INK,
    leading: 12.0,
};
const HEAD: Style = Style {
    size: 8.5,
    bold: true,
    color: MUTED,
    leading: 12.0,
};
const SWATCH: f32 = 10.0;

pub(super) fn table(flow: &mut Flow, parent: NodeId, columns: &[Column], rows: &[Vec<Cell>]) {
    let table = flow.node(Some(parent), Kind::Table);
    let head = flow.node(Some(table), Kind::THead);
    let row_height = |flow: &Flow, cells: &[Cell]| {
        let lines = cells
            .iter()
            .zip(columns)
            .map(|(cell, column)| match cell {
                Cell::Text(text) | Cell::Link(text, _) => flow
                    .fonts
                    .wrap(text, CELL.size, false, column.width - 2.0 * PAD)
                    .len(),
                Cell::Swatch(_, text) => flow
                    .fonts
                    .wrap(text, CELL.size, false, column.width - 2.0 * PAD - SWATCH)
                    .len(),
                Cell::Change(change) => {
                    badge_lines(flow, CELL.size, *change, column.width - 2.0 * PAD)
                }
            })
            .max()
            .unwrap_or(1);
        lines as f32 * CELL.leading + 2.0 * PAD
    };
    let head_height = HEAD.leading + 2.0 * PAD;
    let first = rows.first().map_or(0.0, |r| row_height(flow, r));
    flow.ensure(head_height + first);
    header(flow, columns, Some(head));
    let body = flow.node(Some(table), Kind::TBody);
    for cells in rows {
        let height = row_height(flow, cells);
        if flow.ensure(height) {
            header(flow, columns, None);
        }
        let row = flow.node(Some(body), Kind::Row);
        let top = flow.y;
        let mut x = MARGIN_X;
        for (cell, column) in cells.iter().zip(columns) {
            let node = flow.node(Some(row), Kind::Cell);
            self::cell(flow, node, cell, column, x, top);
            x += column.width;
        }
        flow.y = top + height;
        rule(flow, columns);
    }
}

/// The header row; `None` when it is repeated on a continuation page.
fn header(flow: &mut Flow, columns: &[Column], head: Option<NodeId>) {
    let row = head.map(|head| flow.node(Some(head), Kind::Row));
    let baseline = flow.y + PAD + HEAD.leading * 0.72;
    let mut x = MARGIN_X;
    for column in columns {
        let marking = match row {
            Some(row) => {
                let cell = flow.node(Some(row), Kind::HeaderCell);
                Marking::Content(flow.content(cell))
            }
            None => Marking::Artifact,
        };
        let left = aligned(flow, &column.title, HEAD, column, x);
        flow.text(left, baseline, HEAD, &column.title, marking);
        x += column.width;
    }
    flow.y += HEAD.leading + 2.0 * PAD;
    rule(flow, columns);
}

fn cell(flow: &mut Flow, node: NodeId, cell: &Cell, column: &Column, x: f32, top: f32) {
    let baseline = top + PAD + CELL.leading * 0.72;
    let width = column.width - 2.0 * PAD;
    match cell {
        Cell::Text(text) => {
            for (index, line) in flow
                .fonts
                .wrap(text, CELL.size, false, width)
                .iter()
                .enumerate()
            {
                let content = flow.content(node);
                let left = aligned(flow, line, CELL, column, x);
                let y = baseline + index as f32 * CELL.leading;
                flow.text(left, y, CELL, line, Marking::Content(content));
            }
        }
        Cell::Swatch(color, text) => {
            flow.draw(
                Draw::Rect {
                    x: x + PAD,
                    y: baseline - 4.0,
                    w: SWATCH - 3.0,
                    h: 3.0,
                    color: *color,
                },
                Marking::Artifact,
            );
            let lines = flow.fonts.wrap(text, CELL.size, false, width - SWATCH);
            for (index, line) in lines.iter().enumerate() {
                let content = flow.content(node);
                let y = baseline + index as f32 * CELL.leading;
                flow.text(x + PAD + SWATCH, y, CELL, line, Marking::Content(content));
            }
        }
        Cell::Link(text, anchor) => {
            let link = flow.node(Some(node), Kind::Link);
            let style = CELL.colored(super::flow::NAVY);
            let lines = flow.fonts.wrap(text, CELL.size, false, width);
            for (index, line) in lines.iter().enumerate() {
                let content = flow.content(link);
                let y = baseline + index as f32 * CELL.leading;
                flow.text(x + PAD, y, style, line, Marking::Content(content));
            }
            let height = lines.len() as f32 * CELL.leading;
            flow.link(
                (x + PAD, top + PAD, width, height),
                Target::Anchor(*anchor),
                format!("Naar de pagina van {text}"),
                link,
            );
        }
        Cell::Change(change) => {
            badge(flow, node, x + PAD, baseline, CELL.size, *change, width);
        }
    }
}

fn aligned(flow: &Flow, text: &str, style: Style, column: &Column, x: f32) -> f32 {
    if column.right {
        x + column.width - PAD - flow.width(text, style)
    } else {
        x + PAD
    }
}

fn rule(flow: &mut Flow, columns: &[Column]) {
    let width: f32 = columns.iter().map(|c| c.width).sum();
    let y = flow.y;
    flow.draw(
        Draw::Stroke {
            points: vec![(MARGIN_X, y), (MARGIN_X + width, y)],
            width: 0.6,
            color: RULE,
            dash: None,
        },
        Marking::Artifact,
    );
}
