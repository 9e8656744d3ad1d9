//! The keyboard beyond egui's own Tab, Shift-Tab, Enter and Space: Ctrl+1 … Ctrl+7 for the layers,
//! Escape for the bar or preview that waits for an answer, and a focus ring that shows where the
//! keyboard is on every control.

use eframe::egui::{self, Key, Modifiers, Stroke, StrokeKind};

use crate::app::{CatalogCommand, Command, Screen, TextCommand, View};
use crate::ui::theme;

const LAYER_KEYS: [Key; 7] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
];

/// "Ctrl+3" for the third layer: the shortcut the tab's tooltip and the status bar name.
pub(super) fn layer_shortcut(screen: Screen) -> String {
    let place = Screen::ALL.iter().position(|s| *s == screen).unwrap_or(0);
    format!("Ctrl+{}", place + 1)
}

/// What the keys pressed this frame ask for.
pub(super) fn commands(ctx: &egui::Context, view: &View) -> Vec<Command> {
    let mut commands = Vec::new();
    if view.has_store {
        for (screen, key) in Screen::ALL.into_iter().zip(LAYER_KEYS) {
            if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, key)) {
                commands.push(Command::Show(screen));
            }
        }
    }
    // An open list (period, indicator) takes Escape itself, to close, and a text field to let go.
    let taken = egui::Popup::is_any_open(ctx) || ctx.egui_wants_keyboard_input();
    if !taken && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        commands.extend(escape(view));
    }
    commands
}

/// The answer "no" to what waits, the topmost first: a link, a removal, a withdrawal, an import.
fn escape(view: &View) -> Option<Command> {
    if view.pending_link.is_some() {
        Some(Command::CancelLink)
    } else if view.removal.is_some() {
        Some(Command::Text(TextCommand::CancelRemoval))
    } else if view.retiring.is_some() {
        Some(Command::Catalog(CatalogCommand::CancelRetire))
    } else if view.pending.is_some() {
        Some(Command::DiscardImport)
    } else {
        None
    }
}

/// A ring in the accent colour around the control that has the keyboard focus, tiles included: egui
/// itself marks focus only faintly.
pub(super) fn focus_ring(ui: &egui::Ui) {
    let ctx = ui.ctx();
    let Some(response) = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
    else {
        return;
    };
    let shown = response.interact_rect;
    if !shown.is_positive() {
        return;
    }
    let accent = theme::palette(ui).accent;
    ctx.layer_painter(response.layer_id).rect_stroke(
        shown.expand(2.0),
        6.0,
        Stroke::new(2.0, accent),
        StrokeKind::Outside,
    );
}
