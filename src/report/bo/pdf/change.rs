//! The change against a year earlier as a badge: an arrow (never colour alone) and the size with its
//! direction in words ("13,4% hoger") in the tone's colours, then "t.o.v. 2024 K4 · verslechtering".

use super::flow::{Draw, Flow, MUTED, Marking, NodeId, Style};
use crate::domain::{Direction, Tone};
use crate::report::bo::Change;

pub(super) fn tone_colors(tone: Tone) -> (u32, u32) {
    match tone {
        Tone::Better => (0x0B7A55, 0xE3F3EB),
        Tone::Worse => (0xB3261E, 0xFBE8E6),
        Tone::Neutral => (0x4B5563, 0xEDEFF3),
    }
}

/// An arrow whose box is `size` high with its foot on `baseline`, read out as `omhoog`, `omlaag` or
/// `gelijk`.
pub(super) fn arrow(
    flow: &mut Flow,
    node: NodeId,
    x: f32,
    baseline: f32,
    size: f32,
    direction: Direction,
    color: u32,
) {
    let s = size * 0.7;
    let top = baseline - s;
    let (points, said) = match direction {
        Direction::Up => (
            vec![(x + s / 2.0, top), (x + s, baseline), (x, baseline)],
            "omhoog",
        ),
        Direction::Down => (
            vec![(x, top), (x + s, top), (x + s / 2.0, baseline)],
            "omlaag",
        ),
        Direction::Flat => {
            let mid = baseline - s / 2.0;
            (
                vec![
                    (x, mid - s * 0.12),
                    (x + s, mid - s * 0.12),
                    (x + s, mid + s * 0.12),
                    (x, mid + s * 0.12),
                ],
                "gelijk",
            )
        }
    };
    let content = flow.content(node);
    flow.content_alt.push((content, said.to_string()));
    flow.draw(Draw::Shape { points, color }, Marking::Content(content));
}

/// The lines the badge takes within `width`: one when "t.o.v. …" fits beside the size, else the
/// size and then "t.o.v. …" wrapped under it.
pub(super) fn badge_lines(flow: &Flow, size: f32, change: Option<&Change>, width: f32) -> usize {
    let Some(change) = change else {
        return 1;
    };
    let strong = Style {
        size,
        bold: true,
        color: MUTED,
        leading: size * 1.4,
    };
    let muted = Style {
        bold: false,
        ..strong
    };
    let from = format!(" {}", change.against());
    if size * 1.8 + flow.width(&change.worded(), strong) + flow.width(&from, muted) <= width {
        1
    } else {
        1 + flow.fonts.wrap(&change.against(), size, false, width).len()
    }
}

/// Draws the badge at `x` on `baseline` under `node`, within `width`: "t.o.v. …" beside it, or
/// wrapped on the lines under it (`badge_lines`).
pub(super) fn badge(
    flow: &mut Flow,
    node: NodeId,
    x: f32,
    baseline: f32,
    size: f32,
    change: Option<&Change>,
    width: f32,
) {
    let wrap = badge_lines(flow, size, change, width) > 1;
    let muted = Style {
        size,
        bold: false,
        color: MUTED,
        leading: size * 1.4,
    };
    let Some(change) = change else {
        let content = flow.content(node);
        flow.text(
            x,
            baseline,
            muted,
            "geen vergelijking",
            Marking::Content(content),
        );
        return;
    };
    let (ink, background) = tone_colors(change.tone);
    let strong = Style {
        bold: true,
        color: ink,
        ..muted
    };
    let arrow_width = size * 0.7;
    let worded = change.worded();
    let inner = arrow_width + size * 0.3 + flow.width(&worded, strong);
    let pad = size * 0.35;
    flow.draw(
        Draw::Rect {
            x,
            y: baseline - size * 0.95,
            w: inner + 2.0 * pad,
            h: size * 1.3,
            color: background,
        },
        Marking::Artifact,
    );
    arrow(flow, node, x + pad, baseline, size, change.direction, ink);
    let content = flow.content(node);
    let size_x = x + pad + arrow_width + size * 0.3;
    flow.text(size_x, baseline, strong, &worded, Marking::Content(content));
    let content = flow.content(node);
    if wrap {
        let mut below = baseline;
        for line in flow.fonts.wrap(&change.against(), size, false, width) {
            below += size * 1.45;
            flow.text(x, below, muted, &line, Marking::Content(content));
        }
    } else {
        let from = format!(" {}", change.against());
        let from_x = x + inner + 2.0 * pad + size * 0.1;
        flow.text(from_x, baseline, muted, &from, Marking::Content(content));
    }
}
