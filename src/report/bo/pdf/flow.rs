//! The document laid out before anything is drawn: pages of positioned items, each item either part
//! of the logical structure (a content id hung under a node of the tag tree) or page furniture (an
//! artifact). Laying out first lets the table of contents and the footer know every page number.

use super::text::Fonts;

/// A4 in points.
pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
pub(super) const MARGIN_X: f32 = 50.0;
pub(super) const TOP: f32 = 56.0;
/// Where content stops; the footer sits below.
pub(super) const BOTTOM: f32 = PAGE_HEIGHT - 66.0;
pub(super) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

pub(super) const INK: u32 = 0x1B2430;
pub(super) const NAVY: u32 = 0x24446B;
pub(super) const MUTED: u32 = 0x5A6474;
pub(super) const SOFT: u32 = 0x4A5563;
pub(super) const RULE: u32 = 0xE2E5EA;

#[derive(Debug, Clone)]
pub(super) enum Draw {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: u32,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: u32,
    },
    /// An open path stroked (a line, a polyline), dashed when `dash` is set.
    Stroke {
        points: Vec<(f32, f32)>,
        width: f32,
        color: u32,
        dash: Option<[f32; 2]>,
    },
    /// A closed path filled (an arrow, a dot).
    Shape { points: Vec<(f32, f32)>, color: u32 },
}

pub(super) type NodeId = usize;
pub(super) type ContentId = usize;

#[derive(Debug, Clone, Copy)]
pub(super) enum Marking {
    /// Page furniture: rules, backgrounds, a repeated table header.
    Artifact,
    Content(ContentId),
}

#[derive(Debug)]
pub(super) struct Item {
    pub draw: Draw,
    pub marking: Marking,
}

/// The structure types the BO-pakket uses.
#[derive(Debug, Clone)]
pub(super) enum Kind {
    Section,
    Heading(u16, String),
    P,
    List,
    ListItem,
    Label,
    ListBody,
    Table,
    THead,
    TBody,
    Row,
    HeaderCell,
    Cell,
    Figure(String),
    Link,
    Toc,
    TocItem,
}

#[derive(Debug)]
pub(super) enum Child {
    Node(NodeId),
    Content(ContentId),
    /// The link annotation with this index in the document.
    Annotation(usize),
}

#[derive(Debug)]
pub(super) struct Node {
    pub kind: Kind,
    pub children: Vec<Child>,
}

/// Where a link goes.
#[derive(Debug, Clone)]
pub(super) enum Target {
    /// A heading the table of contents names (an index into `Flow::anchors`).
    Anchor(usize),
    Uri(String),
}

#[derive(Debug)]
pub(super) struct LinkSpot {
    pub page: usize,
    pub rect: (f32, f32, f32, f32),
    pub target: Target,
    /// What a screen reader says for the link.
    pub alt: String,
}

/// A heading that the table of contents and the outline point to.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    pub title: String,
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: u32,
    pub leading: f32,
}

impl Style {
    pub const BODY: Style = Style {
        size: 10.0,
        bold: false,
        color: INK,
        leading: 14.5,
    };

    pub fn colored(self, color: u32) -> Style {
        Style { color, ..self }
    }
}

pub(super) struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Vec<Item>>,
    pub nodes: Vec<Node>,
    /// The top of the structure, in reading order.
    pub roots: Vec<NodeId>,
    pub contents: usize,
    /// Alternative text of a content id that is a picture (an arrow) rather than text.
    pub content_alt: Vec<(ContentId, String)>,
    pub links: Vec<LinkSpot>,
    pub anchors: Vec<Option<Anchor>>,
    /// Table of contents entries whose page number is known only once everything is laid out:
    /// the page and index of the text item, its right edge and the anchor it names.
    pub page_numbers: Vec<(usize, usize, f32, usize)>,
    /// The anchors that are indicator pages: the outline nests them under the overview.
    pub indicator_anchors: std::ops::Range<usize>,
    pub y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts, anchors: usize) -> Flow<'f> {
        Flow {
            fonts,
            pages: vec![Vec::new()],
            nodes: Vec::new(),
            roots: Vec::new(),
            contents: 0,
            content_alt: Vec::new(),
            links: Vec::new(),
            anchors: vec![None; anchors],
            page_numbers: Vec::new(),
            indicator_anchors: 0..0,
            y: TOP,
        }
    }

    pub fn page(&self) -> usize {
        self.pages.len() - 1
    }

    pub fn node(&mut self, parent: Option<NodeId>, kind: Kind) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            children: Vec::new(),
        });
        match parent {
            Some(parent) => self.nodes[parent].children.push(Child::Node(id)),
            None => self.roots.push(id),
        }
        id
    }

    /// A new piece of content under `node`.
    pub fn content(&mut self, node: NodeId) -> ContentId {
        let id = self.contents;
        self.contents += 1;
        self.nodes[node].children.push(Child::Content(id));
        id
    }

    pub fn draw(&mut self, draw: Draw, marking: Marking) {
        if let Some(page) = self.pages.last_mut() {
            page.push(Item { draw, marking });
        }
    }

    pub fn text(&mut self, x: f32, y: f32, style: Style, text: &str, marking: Marking) {
        self.draw(
            Draw::Text {
                x,
                y,
                size: style.size,
                bold: style.bold,
                color: style.color,
                text: text.to_string(),
            },
            marking,
        );
    }

    pub fn width(&self, text: &str, style: Style) -> f32 {
        self.fonts.face(style.bold).width(text, style.size)
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits below the cursor.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
            return true;
        }
        false
    }

    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// A heading that stays with at least `keep` points of what follows it.
    pub fn heading(
        &mut self,
        parent: Option<NodeId>,
        level: u16,
        style: Style,
        text: &str,
        keep: f32,
    ) {
        self.ensure(style.leading + keep);
        let node = self.node(parent, Kind::Heading(level, text.to_string()));
        self.lines(node, MARGIN_X, CONTENT_WIDTH, style, text);
    }

    /// Records that the heading about to be laid out is the table of contents' entry `anchor`.
    pub fn anchor(&mut self, anchor: usize, title: &str) {
        let (page, y) = (self.page(), self.y);
        if let Some(slot) = self.anchors.get_mut(anchor) {
            *slot = Some(Anchor {
                title: title.to_string(),
                page,
                y,
            });
        }
    }

    /// A paragraph under `parent`, wrapped, flowing across pages line by line.
    pub fn paragraph(&mut self, parent: NodeId, style: Style, text: &str) -> NodeId {
        let node = self.node(Some(parent), Kind::P);
        self.lines(node, MARGIN_X, CONTENT_WIDTH, style, text);
        node
    }

    /// Wrapped lines of `text` under `node`, each its own content, each moved to the next page when
    /// it does not fit.
    pub fn lines(&mut self, node: NodeId, x: f32, width: f32, style: Style, text: &str) {
        for line in self.fonts.wrap(text, style.size, style.bold, width) {
            self.ensure(style.leading);
            let content = self.content(node);
            let baseline = self.y + style.leading * 0.72;
            self.text(x, baseline, style, &line, Marking::Content(content));
            self.y += style.leading;
        }
    }

    pub fn link(&mut self, rect: (f32, f32, f32, f32), target: Target, alt: String, node: NodeId) {
        let index = self.links.len();
        self.links.push(LinkSpot {
            page: self.page(),
            rect,
            target,
            alt,
        });
        self.nodes[node].children.push(Child::Annotation(index));
    }
}
