//! The cover with the table of contents, and the overview page: signals and the strategic
//! overview table.

use super::change::{arrow, tone_colors};
use super::flow::{
    CONTENT_WIDTH, Draw, Flow, INK, Kind, MARGIN_X, MUTED, Marking, NAVY, NodeId, SOFT, Style,
    Target,
};
use super::table::{Cell, Column, table};
use crate::domain::{Direction, dutch_date};
use crate::report::bo::BoPackage;

pub(super) const KICKER: Style = Style {
    size: 9.0,
    bold: true,
    color: MUTED,
    leading: 13.0,
};
pub(super) const H2: Style = Style {
    size: 17.0,
    bold: true,
    color: INK,
    leading: 24.0,
};
const TOC_LINE: Style = Style {
    size: 10.5,
    bold: false,
    color: INK,
    leading: 17.0,
};

/// The cover: region, title, the BO, the facts, the demo warning, how to read the figures, and the
/// table of contents (`titles`, whose page numbers are filled in once the document is laid out).
pub(super) fn cover(flow: &mut Flow, package: &BoPackage, titles: &[String]) {
    let section = flow.node(None, Kind::Section);
    flow.gap(70.0);
    flow.paragraph(section, KICKER, &package.region);
    flow.gap(4.0);
    let title = Style {
        size: 26.0,
        bold: true,
        color: NAVY,
        leading: 34.0,
    };
    flow.heading(Some(section), 1, title, "BO-pakket Zorg & Veiligheid", 0.0);
    let bo = Style {
        size: 14.0,
        bold: false,
        color: INK,
        leading: 20.0,
    };
    flow.paragraph(
        section,
        bo,
        &format!("Bestuurlijk Overleg van {}", dutch_date(package.bo_date)),
    );
    flow.gap(16.0);
    let indicators = package.indicators.len().to_string();
    let facts = [
        ("Periode", package.period.as_str()),
        (
            "Cijfers",
            package.freshness.as_deref().unwrap_or("nog geen cijfers"),
        ),
        ("Indicatoren", indicators.as_str()),
    ];
    fact_list(flow, section, &facts);
    flow.gap(10.0);
    if package.demo {
        demo_banner(flow, section);
    }
    flow.paragraph(
        section,
        Style::BODY.colored(SOFT),
        "Kleine aantallen (minder dan 5) staan als <5, ook per 1.000 inwoners. Een * is een voorlopig cijfer; — is niet geleverd (geen nul).",
    );
    flow.gap(26.0);
    let h2 = Style { size: 15.0, ..H2 };
    flow.heading(Some(section), 2, h2, "Inhoud", 60.0);
    flow.gap(4.0);
    let toc = flow.node(Some(section), Kind::Toc);
    for (anchor, title) in titles.iter().enumerate() {
        flow.ensure(TOC_LINE.leading);
        let item = flow.node(Some(toc), Kind::TocItem);
        let link = flow.node(Some(item), Kind::Link);
        let baseline = flow.y + TOC_LINE.leading * 0.72;
        let content = flow.content(link);
        let indent = if anchor < 2 || anchor >= titles.len() - extra_sections(titles) {
            0.0
        } else {
            14.0
        };
        let style = TOC_LINE.colored(NAVY);
        flow.text(
            MARGIN_X + indent,
            baseline,
            style,
            title,
            Marking::Content(content),
        );
        let number = flow.content(link);
        flow.text(
            MARGIN_X + CONTENT_WIDTH,
            baseline,
            TOC_LINE,
            "",
            Marking::Content(number),
        );
        let page = flow.page();
        let index = flow.pages[page].len() - 1;
        let right = MARGIN_X + CONTENT_WIDTH;
        flow.page_numbers.push((page, index, right, anchor));
        flow.link(
            (MARGIN_X, flow.y, CONTENT_WIDTH, TOC_LINE.leading),
            Target::Anchor(anchor),
            format!("Naar {title}"),
            link,
        );
        flow.y += TOC_LINE.leading;
    }
}

/// How many entries after the indicators are sections of their own (other notes, stories): they
/// are not indented under the overview.
fn extra_sections(titles: &[String]) -> usize {
    titles
        .iter()
        .rev()
        .take_while(|t| *t == OTHER_NOTES || *t == STORIES)
        .count()
}

pub(super) const OTHER_NOTES: &str = "Overige duiding";
pub(super) const STORIES: &str = "Verhalen";

/// Term and value side by side, as a list of labelled items.
pub(super) fn fact_list(flow: &mut Flow, parent: NodeId, facts: &[(&str, &str)]) {
    let list = flow.node(Some(parent), Kind::List);
    let value_x = MARGIN_X + 95.0;
    for (term, value) in facts {
        let lines = flow
            .fonts
            .wrap(value, Style::BODY.size, false, CONTENT_WIDTH - 95.0);
        flow.ensure(Style::BODY.leading);
        let item = flow.node(Some(list), Kind::ListItem);
        let label = flow.node(Some(item), Kind::Label);
        let content = flow.content(label);
        let baseline = flow.y + Style::BODY.leading * 0.72;
        flow.text(
            MARGIN_X,
            baseline,
            Style::BODY.colored(MUTED),
            term,
            Marking::Content(content),
        );
        let body = flow.node(Some(item), Kind::ListBody);
        for line in lines {
            flow.ensure(Style::BODY.leading);
            let content = flow.content(body);
            let baseline = flow.y + Style::BODY.leading * 0.72;
            flow.text(
                value_x,
                baseline,
                Style::BODY,
                &line,
                Marking::Content(content),
            );
            flow.y += Style::BODY.leading;
        }
        flow.gap(2.0);
    }
}

fn demo_banner(flow: &mut Flow, parent: NodeId) {
    let style = Style {
        size: 10.0,
        bold: true,
        color: 0x8A5A00,
        leading: 14.5,
    };
    let text = "Voorbeelddata — geen officiële cijfers. Dit pakket is gemaakt met de voorbeelddata van Regio in beeld.";
    let lines = flow
        .fonts
        .wrap(text, style.size, true, CONTENT_WIDTH - 20.0);
    let height = lines.len() as f32 * style.leading + 14.0;
    flow.ensure(height);
    flow.draw(
        Draw::Rect {
            x: MARGIN_X,
            y: flow.y,
            w: CONTENT_WIDTH,
            h: height,
            color: 0xFFF1CC,
        },
        Marking::Artifact,
    );
    let p = flow.node(Some(parent), Kind::P);
    flow.gap(7.0);
    flow.lines(p, MARGIN_X + 10.0, CONTENT_WIDTH - 20.0, style, text);
    flow.gap(7.0 + 10.0);
}

/// Signals and the strategic overview, on a page of their own.
pub(super) fn overview(flow: &mut Flow, package: &BoPackage) {
    flow.new_page();
    let section = flow.node(None, Kind::Section);
    flow.anchor(0, "Signalen");
    flow.heading(Some(section), 2, H2, "Signalen", 40.0);
    flow.gap(4.0);
    if package.signals.is_empty() {
        flow.paragraph(
            section,
            Style::BODY,
            "Geen signalen: alle indicatoren liggen binnen wat hun eigen geschiedenis voorspelt.",
        );
    }
    let list = flow.node(Some(section), Kind::List);
    for signal in &package.signals {
        let (ink, background) = tone_colors(signal.tone);
        let width = CONTENT_WIDTH - 34.0;
        let bold = Style {
            size: 10.0,
            bold: true,
            color: ink,
            leading: 14.0,
        };
        let detail = Style {
            bold: false,
            color: SOFT,
            ..bold
        };
        let head = flow.fonts.wrap(&signal.headline, bold.size, true, width);
        let rest = flow.fonts.wrap(&signal.detail, detail.size, false, width);
        let height = (head.len() + rest.len()) as f32 * bold.leading + 12.0;
        flow.ensure(height);
        flow.draw(
            Draw::Rect {
                x: MARGIN_X,
                y: flow.y,
                w: CONTENT_WIDTH,
                h: height,
                color: background,
            },
            Marking::Artifact,
        );
        let item = flow.node(Some(list), Kind::ListItem);
        let label = flow.node(Some(item), Kind::Label);
        let direction = if signal.rising {
            Direction::Up
        } else {
            Direction::Down
        };
        let top = flow.y;
        arrow(
            flow,
            label,
            MARGIN_X + 10.0,
            top + 6.0 + 10.5,
            12.0,
            direction,
            ink,
        );
        let body = flow.node(Some(item), Kind::ListBody);
        flow.y = top + 6.0;
        flow.lines(body, MARGIN_X + 26.0, width, bold, &signal.headline);
        flow.lines(body, MARGIN_X + 26.0, width, detail, &signal.detail);
        flow.y = top + height + 4.0;
    }
    flow.gap(18.0);
    flow.anchor(1, "Strategisch overzicht");
    flow.heading(Some(section), 2, H2, "Strategisch overzicht", 60.0);
    let columns = [
        ("Indicator", 160.0, false),
        ("Domein", 82.0, false),
        ("Regio", 62.0, true),
        ("Periode", 78.0, false),
        ("T.o.v. vorig jaar", CONTENT_WIDTH - 382.0, false),
    ]
    .map(|(title, width, right)| Column {
        title: title.to_string(),
        width,
        right,
    });
    let rows: Vec<Vec<Cell>> = package
        .indicators
        .iter()
        .enumerate()
        .map(|(index, page)| {
            vec![
                Cell::Link(page.name.clone(), 2 + index),
                Cell::Text(page.domain.clone()),
                Cell::Text(page.value.clone()),
                Cell::Text(page.period.clone()),
                Cell::Change(page.change.as_ref()),
            ]
        })
        .collect();
    table(flow, section, &columns, &rows);
}
