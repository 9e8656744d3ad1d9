//! Drawing the laid-out pages with krilla: every item inside marked content (a piece of the tag tree
//! or an artifact), the footer as page furniture, links as tagged annotations; then the tag tree,
//! the outline and the metadata.

use std::num::NonZeroU16;

use krilla::Document;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target as LinkTarget};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};

use super::flow::{
    Child, Draw, Flow, Item, Kind, MARGIN_X, MUTED, Marking, NodeId, PAGE_HEIGHT, PAGE_WIDTH, RULE,
    Style, Target,
};

/// The footer's left half: "Zaanstreek-Waterland · BO 12 februari 2026".
pub(super) fn pages(document: &mut Document, flow: &Flow, footer: &str) {
    let total = flow.pages.len();
    let mut identifiers = vec![None; flow.contents];
    let mut annotations = vec![None; flow.links.len()];
    for (index, items) in flow.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).unwrap_or_default();
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let mut open: Option<Marking> = None;
        for item in items {
            let same = match (open, item.marking) {
                (Some(Marking::Content(a)), Marking::Content(b)) => a == b,
                (Some(Marking::Artifact), Marking::Artifact) => true,
                _ => false,
            };
            if !same {
                if open.is_some() {
                    surface.end_tagged();
                }
                match item.marking {
                    Marking::Artifact => {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                    }
                    Marking::Content(content) => {
                        let alt = flow
                            .content_alt
                            .iter()
                            .find(|(c, _)| *c == content)
                            .map(|(_, alt)| alt.as_str());
                        let tag = SpanTag::empty().with_alt_text(alt);
                        identifiers[content] = Some(surface.start_tagged(ContentTag::Span(tag)));
                    }
                }
                open = Some(item.marking);
            }
            draw(&mut surface, flow, item);
        }
        if open.is_some() {
            surface.end_tagged();
        }
        footer_of(&mut surface, flow, footer, index, total);
        surface.finish();
        for (link_index, link) in flow.links.iter().enumerate() {
            if link.page != index {
                continue;
            }
            let (x, y, w, h) = link.rect;
            let target = match &link.target {
                Target::Uri(uri) => LinkTarget::Action(LinkAction::new(uri.clone()).into()),
                Target::Anchor(anchor) => {
                    let Some(Some(anchor)) = flow.anchors.get(*anchor) else {
                        continue;
                    };
                    let point = Point::from_xy(0.0, anchor.y);
                    LinkTarget::Destination(XyzDestination::new(anchor.page, point).into())
                }
            };
            let Some(rect) = Rect::from_xywh(x, y, w.max(1.0), h.max(1.0)) else {
                continue;
            };
            let annotation =
                Annotation::new_link(LinkAnnotation::new(rect, target), Some(link.alt.clone()));
            annotations[link_index] = Some(page.add_tagged_annotation(annotation));
        }
        page.finish();
    }
    document.set_tag_tree(tag_tree(flow, &identifiers, &annotations));
    document.set_outline(outline(flow));
}

fn footer_of(surface: &mut Surface, flow: &Flow, left: &str, index: usize, total: usize) {
    let style = Style {
        size: 8.0,
        bold: false,
        color: MUTED,
        leading: 10.0,
    };
    let y = PAGE_HEIGHT - 34.0;
    let right = format!("Pagina {} van {total}", index + 1);
    let right_x = PAGE_WIDTH - MARGIN_X - flow.width(&right, style);
    let artifact = Artifact::with_kind(ArtifactType::Footer);
    surface.start_tagged(ContentTag::Artifact(artifact));
    let items = [
        Draw::Stroke {
            points: vec![(MARGIN_X, y - 12.0), (PAGE_WIDTH - MARGIN_X, y - 12.0)],
            width: 0.6,
            color: RULE,
            dash: None,
        },
        text(MARGIN_X, y, style, left),
        text(right_x, y, style, &right),
    ];
    for draw in items {
        let item = Item {
            draw,
            marking: Marking::Artifact,
        };
        self::draw(surface, flow, &item);
    }
    surface.end_tagged();
}

fn text(x: f32, y: f32, style: Style, text: &str) -> Draw {
    Draw::Text {
        x,
        y,
        size: style.size,
        bold: style.bold,
        color: style.color,
        text: text.to_string(),
    }
}

fn color(hex: u32) -> rgb::Color {
    rgb::Color::new((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

fn draw(surface: &mut Surface, flow: &Flow, item: &Item) {
    match &item.draw {
        Draw::Text {
            x,
            y,
            size,
            bold,
            color: ink,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            let face = flow.fonts.face(*bold);
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: color(*ink).into(),
                ..Default::default()
            }));
            let glyphs = face.glyphs(text);
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                face.font.clone(),
                text,
                *size,
                false,
            );
        }
        Draw::Rect {
            x,
            y,
            w,
            h,
            color: fill,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            fill_path(surface, path, *fill);
        }
        Draw::Shape {
            points,
            color: fill,
        } => {
            let mut path = PathBuilder::new();
            for (index, (x, y)) in points.iter().enumerate() {
                if index == 0 {
                    path.move_to(*x, *y);
                } else {
                    path.line_to(*x, *y);
                }
            }
            path.close();
            fill_path(surface, path, *fill);
        }
        Draw::Stroke {
            points,
            width,
            color: ink,
            dash,
        } => {
            let mut path = PathBuilder::new();
            for (index, (x, y)) in points.iter().enumerate() {
                if index == 0 {
                    path.move_to(*x, *y);
                } else {
                    path.line_to(*x, *y);
                }
            }
            let Some(path) = path.finish() else {
                return;
            };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: color(*ink).into(),
                width: *width,
                line_join: krilla::paint::LineJoin::Round,
                dash: dash.map(|[on, off]| StrokeDash {
                    array: vec![on, off],
                    offset: 0.0,
                }),
                ..Default::default()
            }));
            surface.draw_path(&path);
        }
    }
}

fn fill_path(surface: &mut Surface, path: PathBuilder, fill: u32) {
    let Some(path) = path.finish() else {
        return;
    };
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(fill).into(),
        ..Default::default()
    }));
    surface.draw_path(&path);
}

fn tag_tree(
    flow: &Flow,
    identifiers: &[Option<Identifier>],
    annotations: &[Option<Identifier>],
) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some("nl-NL".to_string()));
    for root in &flow.roots {
        tree.push(group(flow, *root, identifiers, annotations));
    }
    tree
}

fn group(
    flow: &Flow,
    node: NodeId,
    identifiers: &[Option<Identifier>],
    annotations: &[Option<Identifier>],
) -> TagGroup {
    let node = &flow.nodes[node];
    let kind: TagKind = match &node.kind {
        Kind::Section => Tag::Section.into(),
        Kind::Heading(level, title) => {
            let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title.clone())).into()
        }
        Kind::P => Tag::P.into(),
        Kind::List => Tag::L(ListNumbering::None).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::THead => Tag::THead.into(),
        Kind::TBody => Tag::TBody.into(),
        Kind::Row => Tag::TR.into(),
        Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Cell => Tag::TD.into(),
        Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        Kind::Link => Tag::Link.into(),
        Kind::Toc => Tag::TOC.into(),
        Kind::TocItem => Tag::TOCI.into(),
    };
    let mut group = TagGroup::new(kind);
    for child in &node.children {
        match child {
            Child::Node(child) => group.push(self::group(flow, *child, identifiers, annotations)),
            Child::Content(content) => {
                if let Some(Some(id)) = identifiers.get(*content) {
                    group.push(*id);
                }
            }
            Child::Annotation(link) => {
                if let Some(Some(id)) = annotations.get(*link) {
                    group.push(*id);
                }
            }
        }
    }
    group
}

/// The outline: the overview's two headings, the indicators under the second, then the sections
/// after them, in the order of the table of contents.
fn outline(flow: &Flow) -> Outline {
    let mut outline = Outline::new();
    let node = |index: usize| {
        flow.anchors.get(index).cloned().flatten().map(|anchor| {
            let point = Point::from_xy(0.0, anchor.y);
            OutlineNode::new(anchor.title, XyzDestination::new(anchor.page, point))
        })
    };
    let mut overview: Option<OutlineNode> = None;
    for index in 0..flow.anchors.len() {
        let Some(entry) = node(index) else {
            continue;
        };
        let indicator = flow.indicator_anchors.contains(&index);
        match (&mut overview, indicator) {
            (Some(parent), true) => parent.push_child(entry),
            _ => {
                if let Some(done) = overview.take() {
                    outline.push_child(done);
                }
                if index == 1 {
                    overview = Some(entry.with_open(true));
                } else {
                    outline.push_child(entry);
                }
            }
        }
    }
    if let Some(done) = overview {
        outline.push_child(done);
    }
    outline
}
