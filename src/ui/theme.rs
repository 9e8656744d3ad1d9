//! Colours and type scale from the design mock-ups (shared design palette).

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

pub const BACKGROUND: Color32 = Color32::from_rgb(0xF3, 0xF4, 0xF6);
pub const CARD: Color32 = Color32::WHITE;
pub const BORDER: Color32 = Color32::from_rgb(0xE2, 0xE5, 0xEA);
pub const TEXT: Color32 = Color32::from_rgb(0x1B, 0x24, 0x30);
pub const TEXT_SECONDARY: Color32 = Color32::from_rgb(0x4A, 0x55, 0x63);
pub const TEXT_MUTED: Color32 = Color32::from_rgb(0x6B, 0x75, 0x85);
pub const ACCENT: Color32 = Color32::from_rgb(0x24, 0x44, 0x6B);
/// A selected tab: a light tint of the accent.
pub const SELECTED: Color32 = Color32::from_rgb(0xDC, 0xE4, 0xEE);
pub const ATTENTION: Color32 = Color32::from_rgb(0x8A, 0x5A, 0x00);
pub const ATTENTION_BACKGROUND: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xCC);
pub const BETTER: Color32 = Color32::from_rgb(0x0B, 0x7A, 0x55);
pub const BETTER_BACKGROUND: Color32 = Color32::from_rgb(0xE3, 0xF3, 0xEB);
pub const WORSE: Color32 = Color32::from_rgb(0xB3, 0x26, 0x1E);
pub const WORSE_BACKGROUND: Color32 = Color32::from_rgb(0xFB, 0xE8, 0xE6);
pub const NEUTRAL: Color32 = Color32::from_rgb(0x4B, 0x55, 0x63);
pub const NEUTRAL_BACKGROUND: Color32 = Color32::from_rgb(0xED, 0xEF, 0xF3);
pub const ERROR: Color32 = Color32::from_rgb(0xB3, 0x26, 0x1E);

pub const TILE_VALUE: f32 = 40.0;
pub const APP_NAME: f32 = 18.0;
pub const CARD_TITLE: f32 = 15.0;
pub const BODY: f32 = 14.0;
pub const META: f32 = 12.0;

pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(26.0, FontFamily::Proportional),
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
        style.visuals.panel_fill = BACKGROUND;
        style.visuals.selection.bg_fill = SELECTED;
        style.visuals.selection.stroke = egui::Stroke::new(1.0, ACCENT);
        style.visuals.override_text_color = Some(TEXT);
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    });
}
