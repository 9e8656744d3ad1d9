//! Colours and type scale from the design mock-ups (shared design palette), in a light and a dark
//! version. Screens ask for the palette of the theme they are drawn in.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle, Theme};

use crate::domain::Region;

pub struct Palette {
    pub background: Color32,
    pub card: Color32,
    pub border: Color32,
    pub text: Color32,
    pub text_secondary: Color32,
    pub text_muted: Color32,
    pub accent: Color32,
    /// A selected tab: a tint of the accent.
    pub selected: Color32,
    pub attention: Color32,
    pub attention_background: Color32,
    pub better: Color32,
    pub better_background: Color32,
    pub worse: Color32,
    pub worse_background: Color32,
    pub neutral: Color32,
    pub neutral_background: Color32,
    /// The edge of a control (checkbox, text field, button) and the keyboard focus ring: 3:1 against
    /// the card and the background, as WCAG 1.4.11 asks of what identifies a control.
    pub control: Color32,
    /// Lighter area colours where the design's would vanish on a dark background.
    dark: bool,
}

const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

pub const LIGHT: Palette = Palette {
    background: rgb(0xF3F4F6),
    card: Color32::WHITE,
    border: rgb(0xE2E5EA),
    text: rgb(0x1B2430),
    text_secondary: rgb(0x4A5563),
    text_muted: rgb(0x5A6474),
    accent: rgb(0x24446B),
    selected: rgb(0xDCE4EE),
    attention: rgb(0x8A5A00),
    attention_background: rgb(0xFFF1CC),
    better: rgb(0x0B7A55),
    better_background: rgb(0xE3F3EB),
    worse: rgb(0xB3261E),
    worse_background: rgb(0xFBE8E6),
    neutral: rgb(0x4B5563),
    neutral_background: rgb(0xEDEFF3),
    control: rgb(0x768090),
    dark: false,
};

/// The same hues, lifted where they would vanish on a dark background.
pub const DARK: Palette = Palette {
    background: rgb(0x111418),
    card: rgb(0x1B2027),
    border: rgb(0x2E3440),
    text: rgb(0xE6E9EE),
    text_secondary: rgb(0xB4BCC8),
    text_muted: rgb(0xA0A8B5),
    accent: rgb(0x8DB4E2),
    selected: rgb(0x2A3A50),
    attention: rgb(0xF0C674),
    attention_background: rgb(0x3A3020),
    better: rgb(0x4CC38A),
    better_background: rgb(0x123226),
    worse: rgb(0xF2756A),
    worse_background: rgb(0x3A1A18),
    neutral: rgb(0xB4BCC8),
    neutral_background: rgb(0x262C35),
    control: rgb(0x7A8494),
    dark: true,
};

impl Palette {
    /// The colour of an area (its design colour, see `Region::color`), the same on every screen
    /// and in the BO-pakket; on the dark theme the dark design colours are lightened to stay legible.
    pub fn area(&self, design: u32) -> Color32 {
        if !self.dark {
            return rgb(design);
        }
        match design {
            // The hues deepened for white, back to their Okabe-Ito and Tol originals.
            0xC27400 => rgb(0xE69F00),
            0x1D96DB => rgb(0x56B4E9),
            0xC46C9E => rgb(0xCC79A7),
            0x3F9D8E => rgb(0x44AA99),
            0x939331 => rgb(0x999933),
            0x5E94C9 => rgb(0x6699CC),
            0x0072B2 => rgb(0x3A9BE0),
            0x9A7B00 => rgb(0xC9A400),
            0x8C564B => rgb(0xC08A7E),
            0x332288 => rgb(0x8877DD),
            0x882255 => rgb(0xCC6677),
            Region::COLOR => rgb(0xE6E9EE),
            _ => rgb(design),
        }
    }
}

/// The palette of the theme `ui` is drawn in.
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    if ui.visuals().dark_mode {
        &DARK
    } else {
        &LIGHT
    }
}

pub const TILE_VALUE: f32 = 40.0;
pub const KPI: f32 = 30.0;
pub const PAGE_TITLE: f32 = 26.0;
pub const APP_NAME: f32 = 18.0;
pub const CARD_TITLE: f32 = 15.0;
pub const BODY: f32 = 14.0;
pub const META: f32 = 12.0;

/// Sets the type scale and both palettes; `theme` is the one to show.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(theme);
    for (theme, palette) in [(Theme::Light, &LIGHT), (Theme::Dark, &DARK)] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(PAGE_TITLE, FontFamily::Proportional),
                ),
                (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(BODY, FontFamily::Proportional),
                ),
                (
                    TextStyle::Small,
                    FontId::new(META, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(13.0, FontFamily::Monospace),
                ),
            ]
            .into();
            style.visuals.panel_fill = palette.background;
            style.visuals.window_fill = palette.card;
            style.visuals.extreme_bg_color = palette.card;
            style.visuals.selection.bg_fill = palette.selected;
            style.visuals.selection.stroke = egui::Stroke::new(1.0, palette.accent);
            style.visuals.override_text_color = Some(palette.text);
            // Grid stripes in the background colour, so muted text keeps its contrast on them.
            style.visuals.faint_bg_color = palette.background;
            // egui draws checkboxes and buttons without an edge; give every control one.
            style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, palette.control);
            style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        });
    }
}

#[cfg(test)]
#[path = "theme_tests.rs"]
mod tests;
