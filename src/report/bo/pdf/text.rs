//! The two embedded faces, measured with their own advances: line breaking and right-aligned
//! number columns use exactly the widths the glyphs are drawn with (no kerning, so measuring and
//! drawing cannot disagree).

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");

pub(super) struct Face {
    pub font: Font,
    outline: FontRef<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Option<Face> {
        let outline = FontRef::new(bytes).ok()?;
        let metrics = outline.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(outline.head().ok()?.units_per_em());
        Some(Face {
            font: Font::new(bytes.into(), 0)?,
            outline,
            metrics,
            units_per_em,
        })
    }

    /// The glyphs of `text`, one per character, with advances in em.
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        let charmap = self.outline.charmap();
        text.char_indices()
            .map(|(at, c)| {
                // A character the face lacks becomes glyph 0; krilla's PDF/A check then refuses the
                // document with the character named, rather than drawing a box silently.
                let glyph = charmap.map(c).unwrap_or(skrifa::GlyphId::NOTDEF);
                let advance = self.metrics.advance_width(glyph).unwrap_or(0.0);
                KrillaGlyph {
                    glyph_id: GlyphId::new(glyph.to_u32()),
                    text_range: at..at + c.len_utf8(),
                    x_advance: advance / self.units_per_em,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                }
            })
            .collect()
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.glyphs(text).iter().map(|g| g.x_advance).sum::<f32>() * size
    }
}

pub(super) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// `None` only if a font compiled into the program cannot be read: a build fault, reported as
    /// an error by the caller rather than a panic.
    pub fn load() -> Option<Fonts> {
        Some(Fonts {
            regular: Face::new(REGULAR)?,
            bold: Face::new(BOLD)?,
        })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// `text` broken into lines no wider than `width`, at spaces; a word wider than a line (a long
    /// web address) is broken between characters.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let face = self.face(bold);
        let space = face.width(" ", size);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split_whitespace() {
            let word_width = face.width(word, size);
            let needed = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line_width = 0.0;
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            for c in word.chars() {
                let c_width = face.width(c.encode_utf8(&mut [0; 4]), size);
                if line_width + c_width > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_within_the_width_and_keep_every_word() {
        let fonts = Fonts::load().unwrap();
        let text = "Het aantal meldingen ligt in 2025 K4 duidelijk hoger dan een jaar eerder; zie https://voorbeeld.example.org/een/heel/lang/adres/zonder/spaties";
        let lines = fonts.wrap(text, 10.0, false, 150.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(fonts.regular.width(line, 10.0) <= 150.0, "{line}");
        }
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert!(fonts.bold.width("1.234", 10.0) > fonts.regular.width("1.234", 10.0) * 0.9);
    }
}
