//! Duiding notes, which may flow across pages paragraph by paragraph and line by line, and the
//! stories with their links.

use super::cover::{H2, OTHER_NOTES, STORIES};
use super::flow::{
    CONTENT_WIDTH, Draw, Flow, INK, Kind, MARGIN_X, MUTED, Marking, NAVY, NodeId, SOFT, Style,
    Target,
};
use crate::report::bo::{NoteLine, StoryLine};

const META: Style = Style {
    size: 8.5,
    bold: false,
    color: SOFT,
    leading: 12.5,
};
const INDENT: f32 = 12.0;

fn status_colors(status: &str) -> (u32, u32) {
    if status == "definitief" {
        (NAVY, 0xDCE4EE)
    } else {
        (0x8A5A00, 0xFFF1CC)
    }
}

pub(super) fn notes(flow: &mut Flow, parent: NodeId, notes: &[NoteLine]) {
    for note in notes {
        let (ink, background) = status_colors(&note.status);
        flow.ensure(META.leading + 2.0 * Style::BODY.leading + 8.0);
        flow.gap(4.0);
        let section = flow.node(Some(parent), Kind::Section);
        let meta = flow.node(Some(section), Kind::P);
        let status = Style {
            size: 7.5,
            bold: true,
            color: ink,
            leading: META.leading,
        };
        let baseline = flow.y + META.leading * 0.72;
        let badge_width = flow.width(&note.status, status) + 8.0;
        bar(flow, background);
        flow.draw(
            Draw::Rect {
                x: MARGIN_X + INDENT,
                y: baseline - 7.5,
                w: badge_width,
                h: 10.0,
                color: background,
            },
            Marking::Artifact,
        );
        let content = flow.content(meta);
        flow.text(
            MARGIN_X + INDENT + 4.0,
            baseline,
            status,
            &note.status,
            Marking::Content(content),
        );
        let line = format!("{} · {} · {}", note.author, note.subject, note.edited);
        let x = MARGIN_X + INDENT + badge_width + 6.0;
        let lines = flow
            .fonts
            .wrap(&line, META.size, false, MARGIN_X + CONTENT_WIDTH - x);
        for (index, text) in lines.iter().enumerate() {
            if index > 0 {
                flow.ensure(META.leading);
                bar(flow, background);
            }
            let content = flow.content(meta);
            let baseline = flow.y + META.leading * 0.72;
            flow.text(x, baseline, META, text, Marking::Content(content));
            flow.y += META.leading;
        }
        flow.gap(2.0);
        for paragraph in note.text.split("\n\n") {
            let p = flow.node(Some(section), Kind::P);
            let width = CONTENT_WIDTH - INDENT;
            for text in flow.fonts.wrap(paragraph.trim(), 10.0, false, width) {
                flow.ensure(Style::BODY.leading);
                bar(flow, background);
                let content = flow.content(p);
                let baseline = flow.y + Style::BODY.leading * 0.72;
                flow.text(
                    MARGIN_X + INDENT,
                    baseline,
                    Style::BODY,
                    &text,
                    Marking::Content(content),
                );
                flow.y += Style::BODY.leading;
            }
            flow.gap(3.0);
        }
        flow.gap(4.0);
    }
}

/// The note's bar in the left margin, one line high: it follows the note onto the next page.
fn bar(flow: &mut Flow, color: u32) {
    let y = flow.y;
    flow.draw(
        Draw::Rect {
            x: MARGIN_X,
            y,
            w: 3.0,
            h: Style::BODY.leading + 3.0,
            color,
        },
        Marking::Artifact,
    );
}

/// Other notes or stories: a section of their own on a new page, named in the table of contents.
pub(super) fn other_notes(flow: &mut Flow, lines: &[NoteLine], anchor: usize) {
    flow.new_page();
    let section = flow.node(None, Kind::Section);
    flow.anchor(anchor, OTHER_NOTES);
    flow.heading(Some(section), 2, H2, OTHER_NOTES, 60.0);
    notes(flow, section, lines);
}

pub(super) fn stories(flow: &mut Flow, stories: &[StoryLine], anchor: usize) {
    flow.new_page();
    let section = flow.node(None, Kind::Section);
    flow.anchor(anchor, STORIES);
    flow.heading(Some(section), 2, H2, STORIES, 60.0);
    let h3 = Style {
        size: 12.0,
        bold: true,
        color: INK,
        leading: 17.0,
    };
    for story in stories {
        flow.gap(6.0);
        let article = flow.node(Some(section), Kind::Section);
        flow.heading(Some(article), 3, h3, &story.title, 50.0);
        let demo = if story.demo { " · voorbeeld" } else { "" };
        flow.paragraph(
            article,
            Style::BODY.colored(MUTED),
            &format!("{}{demo}", story.kind),
        );
        flow.paragraph(article, Style::BODY, &story.summary);
        let p = flow.node(Some(article), Kind::P);
        let link = flow.node(Some(p), Kind::Link);
        let style = Style::BODY.colored(NAVY);
        for text in flow
            .fonts
            .wrap(&story.url, style.size, false, CONTENT_WIDTH)
        {
            flow.ensure(style.leading);
            let content = flow.content(link);
            let baseline = flow.y + style.leading * 0.72;
            flow.text(MARGIN_X, baseline, style, &text, Marking::Content(content));
            let width = flow.width(&text, style);
            flow.link(
                (MARGIN_X, flow.y, width, style.leading),
                Target::Uri(story.url.clone()),
                format!("{} (opent {})", story.title, story.host),
                link,
            );
            flow.y += style.leading;
        }
        flow.lines(
            p,
            MARGIN_X,
            CONTENT_WIDTH,
            Style::BODY.colored(MUTED),
            &format!("({})", story.host),
        );
    }
}
