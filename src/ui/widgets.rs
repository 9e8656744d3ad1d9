//! Small pieces every screen uses.

use eframe::egui::{self, RichText};

use super::theme;

/// An uppercase section heading: "SIGNALEN", "BATCHES".
pub(super) fn section_label(ui: &mut egui::Ui, text: &str) {
    ui.label(
        RichText::new(text.to_uppercase())
            .size(theme::META)
            .strong()
            .color(theme::TEXT_MUTED),
    );
    ui.add_space(4.0);
}
