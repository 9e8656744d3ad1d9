//! The bars around the open screen: the top bar with the layers and the period, the status bar with
//! the theme, and the banners (demo data, read-only store, the last message, a link or a removal
//! waiting for the user's yes).

use eframe::egui::{self, Frame, Margin, RichText};

use super::Action;
use crate::app::{CatalogCommand, Command, Removal, Screen, TextCommand, View};
use crate::domain::{count_of, dutch_datetime};
use crate::ui::theme;

pub(super) fn show(ui: &mut egui::Ui, view: &View, actions: &mut Vec<Action>) {
    let palette = theme::palette(ui);
    let mut commands = Vec::new();
    egui::Panel::top("top_bar")
        .frame(bar_frame(palette.card, 10))
        .show(ui, |ui| top_bar(ui, view, &mut commands));
    egui::Panel::bottom("status_bar")
        .frame(bar_frame(palette.card, 4))
        .show(ui, |ui| status_bar(ui, view, &mut commands));
    if view.state.as_ref().is_ok_and(|d| d.demo) {
        egui::Panel::top("demo_banner")
            .frame(bar_frame(palette.attention_background, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new("Voorbeelddata — geen officiële cijfers")
                            .color(palette.attention)
                            .strong(),
                    );
                    let why = if view.publication.is_some() {
                        "Deze publicatie is gemaakt van voorbeelddata, voor demonstratie."
                    } else {
                        "Gegenereerd voor demonstratie; lees echte cijfers in via Gegevens."
                    };
                    ui.label(RichText::new(why).color(palette.attention));
                });
            });
    }
    if let Some(publication) = &view.publication {
        egui::Panel::top("read_only_banner")
            .frame(bar_frame(palette.attention_background, 6))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(publication.banner())
                            .color(palette.attention)
                            .strong(),
                    );
                    ui.label(
                        RichText::new(
                            "Een publicatie voor bestuurders: de cijfers zoals ze toen op het \
                             dashboard stonden, kleine aantallen afgeschermd.",
                        )
                        .color(palette.attention),
                    );
                });
            });
    } else if view.read_only {
        egui::Panel::top("read_only_banner")
            .frame(bar_frame(palette.attention_background, 6))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(
                        "Alleen-lezen: het databasebestand of de map is niet schrijfbaar. \
                         Bekijken en exporteren kan; inlezen, ongedaan maken en schrijven niet.",
                    )
                    .color(palette.attention)
                    .strong(),
                );
            });
    }
    if let Some(message) = &view.message {
        let (text, color, fill) = match message {
            Ok(text) => (text, palette.better, palette.better_background),
            Err(text) => (text, palette.worse, palette.worse_background),
        };
        egui::Panel::top("message")
            .frame(bar_frame(fill, 8))
            .show(ui, |ui| {
                ui.label(RichText::new(text).color(color));
            });
    }
    if let Some((title, url)) = &view.pending_link {
        let question = format!("'{title}' opent in uw browser op {}", url.host());
        question_bar(
            ui,
            "open_link",
            &question,
            url.as_str(),
            &mut commands,
            [
                ("Openen in browser", Command::OpenLink),
                ("Niet openen", Command::CancelLink),
            ],
        );
    }
    if let Some(removal) = view.removal {
        let question = removal_question(view, removal);
        question_bar(
            ui,
            "removal",
            &question,
            "",
            &mut commands,
            [
                (
                    "Ja, verwijderen",
                    Command::Text(TextCommand::ConfirmRemoval),
                ),
                (
                    "Niet verwijderen",
                    Command::Text(TextCommand::CancelRemoval),
                ),
            ],
        );
    }
    if let Some(id) = &view.retiring {
        let name = view
            .indicatoren
            .as_ref()
            .and_then(|shown| shown.entries.iter().find(|e| &e.indicator.id == id))
            .map_or(id.as_str(), |e| e.indicator.name.as_str());
        let question = format!(
            "Indicator '{name}' intrekken? Ze verdwijnt van het dashboard, uit de sjablonen en de \
             levermatrix; de waarden en de geschiedenis blijven bewaard."
        );
        question_bar(
            ui,
            "retiring",
            &question,
            "",
            &mut commands,
            [
                (
                    "Ja, intrekken",
                    Command::Catalog(CatalogCommand::ConfirmRetire),
                ),
                (
                    "Niet intrekken",
                    Command::Catalog(CatalogCommand::CancelRetire),
                ),
            ],
        );
    }
    actions.extend(commands.into_iter().map(Action::App));
}

fn bar_frame(fill: egui::Color32, vertical: i8) -> Frame {
    Frame::new()
        .fill(fill)
        .inner_margin(Margin::symmetric(20, vertical))
}

/// "Verhaal 'Ervaringen van een mantelzorger' verwijderen?"
fn removal_question(view: &View, removal: Removal) -> String {
    let dashboard = view.state.as_ref().ok();
    match removal {
        Removal::Story(id) => {
            let story = dashboard.and_then(|d| d.stories.iter().find(|s| s.id == id));
            let title = story.map_or("dit verhaal", |s| s.draft.title.as_str());
            format!("Verhaal '{title}' verwijderen?")
        }
        Removal::Event(id) => {
            let event = dashboard.and_then(|d| d.events.iter().find(|e| e.id == id));
            let label = event.map_or("deze gebeurtenis", |e| e.draft.label.as_str());
            format!("Gebeurtenis '{label}' verwijderen? Ze verdwijnt van de tijdas.")
        }
    }
}

/// A bar that asks before something happens: the question, a detail, and two buttons.
fn question_bar(
    ui: &mut egui::Ui,
    id: &str,
    question: &str,
    detail: &str,
    commands: &mut Vec<Command>,
    answers: [(&str, Command); 2],
) {
    let palette = theme::palette(ui);
    egui::Panel::top(id.to_string())
        .frame(bar_frame(palette.selected, 8))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(question).strong());
                if !detail.is_empty() {
                    ui.label(
                        RichText::new(detail)
                            .size(theme::META)
                            .color(palette.text_secondary),
                    );
                }
                for (label, command) in answers {
                    if ui.button(label).clicked() {
                        commands.push(command);
                    }
                }
            });
        });
}

/// Below this width (in points, so at 200 % zoom on a 1280 pixel screen too) the layer tabs do not fit
/// beside the name and the period: they move to a row of their own.
const TABS_BESIDE: f32 = 1150.0;

/// The app name, the layer tabs, and on the right the period and the per-1.000 toggle.
fn top_bar(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let beside = ui.available_width() >= TABS_BESIDE;
    ui.horizontal(|ui| {
        app_name(ui, view);
        if beside {
            ui.add_space(24.0);
            layer_tabs(ui, view, commands);
        }
        period_controls(ui, view, commands);
    });
    if !beside {
        ui.horizontal_wrapped(|ui| layer_tabs(ui, view, commands));
    }
}

fn app_name(ui: &mut egui::Ui, view: &View) {
    let palette = theme::palette(ui);
    ui.vertical(|ui| {
        ui.label(
            RichText::new("Regio in beeld")
                .size(theme::APP_NAME)
                .strong()
                .color(palette.accent),
        );
        // The store's region; without a readable store, none (the screen says why).
        let region = match &view.state {
            Ok(dashboard) => format!("Zorg & Veiligheid {}", dashboard.region.name()),
            Err(_) => "Zorg & Veiligheid".to_string(),
        };
        ui.label(
            RichText::new(region)
                .size(theme::META)
                .color(palette.text_secondary),
        );
    });
}

fn layer_tabs(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    ui.add_enabled_ui(view.has_store, |ui| {
        for screen in Screen::ALL {
            let current = screen == view.settings.screen;
            let tab = RichText::new(screen.label()).size(theme::CARD_TITLE);
            let tab = ui
                .selectable_label(current, tab)
                .on_hover_text(super::keys::layer_shortcut(screen));
            if tab.clicked() && !current {
                commands.push(Command::Show(screen));
            }
        }
    });
}

/// On the right: the period picker and the per-1.000 toggle.
fn period_controls(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let palette = theme::palette(ui);
    let (Ok(dashboard), Some(shown)) = (&view.state, view.shown_period()) else {
        return;
    };
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let mut per_1000 = view.settings.per_1000;
        if ui.checkbox(&mut per_1000, "Per 1.000 inwoners").changed() {
            commands.push(Command::Per1000(per_1000));
        }
        egui::ComboBox::from_id_salt("period_picker")
            .selected_text(shown.label())
            .height(400.0)
            .show_ui(ui, |ui| {
                for period in &dashboard.periods {
                    let chosen = *period == shown;
                    if ui.selectable_label(chosen, period.label()).clicked() && !chosen {
                        commands.push(Command::PickPeriod(*period));
                    }
                }
            })
            .response
            .accessible_name("Periode");
        // Painted: the picker itself carries the name "Periode" for screen readers and tests.
        painted_label(ui, "Periode", palette.text_muted);
    });
}

/// Text that is seen but not read out: for a caption whose widget already carries it.
fn painted_label(ui: &mut egui::Ui, text: &str, color: egui::Color32) {
    let galley = ui.painter().layout_no_wrap(
        text.to_string(),
        egui::FontId::proportional(theme::BODY),
        color,
    );
    let (rect, _) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    ui.painter().galley(rect.min, galley, color);
}

/// At the bottom: how many indicators and signals, how fresh the figures are, and the theme.
fn status_bar(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let palette = theme::palette(ui);
    // Where the counts and the shortcuts do not fit on one line (zoomed in), the shortcuts go first.
    let one_line = ui.available_width() >= STATUS_ON_ONE_LINE;
    if !one_line {
        shortcuts(ui);
    }
    ui.horizontal(|ui| {
        if let Some(connection) = &view.connection {
            let (color, background) = if connection.lost {
                (palette.attention, palette.attention_background)
            } else {
                (palette.text_secondary, palette.card)
            };
            egui::Frame::new()
                .fill(background)
                .corner_radius(4)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(&connection.text)
                            .size(theme::META)
                            .color(color),
                    )
                });
        }
        if let Ok(dashboard) = &view.state {
            let mut parts = vec![
                count_of(
                    dashboard.indicators.len() as u64,
                    "indicator",
                    "indicatoren",
                ),
                count_of(dashboard.signals.len() as u64, "signaal", "signalen"),
            ];
            if let Some(updated) = &dashboard.updated_at {
                parts.push(format!("bijgewerkt {}", dutch_datetime(updated)));
            }
            ui.label(
                RichText::new(parts.join(" · "))
                    .size(theme::META)
                    .color(palette.text_muted),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dark = view.settings.dark;
            if ui
                .button(if dark { "Licht thema" } else { "Donker thema" })
                .clicked()
            {
                commands.push(Command::Dark(!dark));
            }
            if one_line {
                shortcuts(ui);
            }
        });
    });
}

/// The width (points) the counts, the shortcuts and the theme button need side by side.
const STATUS_ON_ONE_LINE: f32 = 1000.0;

/// The keys of the window, listed where every user sees them.
fn shortcuts(ui: &mut egui::Ui) {
    ui.label(
        RichText::new("Ctrl+1 … Ctrl+7 lagen · Tab volgende · Ctrl + / Ctrl − zoomen")
            .size(theme::META)
            .color(theme::palette(ui).text_muted),
    );
}
