//! Verhalen: ervaringsverhalen, klantreizen and videos beside the figures. A link opens in the
//! browser only after the user saw where it goes.

use std::collections::BTreeSet;

use eframe::egui::{self, RichText};

use crate::app::{Command, Dashboard, Permissions, Removal, StoryEditor, TextCommand};
use crate::domain::{Story, StoryKind, THEMES};
use crate::ui::theme;
use crate::ui::widgets::{area_picker, card, muted, named_card, section_label};

pub(in crate::ui) fn verhalen(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    editor: &mut StoryEditor,
    may: Permissions,
) -> Option<Command> {
    let palette = theme::palette(ui);
    let mut action = None;
    ui.label(RichText::new("Verhalen").size(theme::PAGE_TITLE).strong());
    ui.label(
        RichText::new(
            "Ervaringsverhalen, klantreizen en video's: de stem van de inwoner naast de cijfers.",
        )
        .color(palette.text_secondary),
    );
    ui.add_space(12.0);
    for story in &dashboard.stories {
        named_card(ui, &format!("Verhaal: {}", story.draft.title), |ui| {
            ui.set_width(ui.available_width());
            if let Some(chosen) = story_card(ui, dashboard, story, may) {
                action = Some(chosen);
            }
        });
        ui.add_space(8.0);
    }
    ui.add_space(8.0);
    if !may.manage {
        return action;
    }
    let heading = match editor.editing {
        Some(_) => "Verhaal bewerken",
        None => "Nieuw verhaal",
    };
    section_label(ui, heading);
    if let Some(chosen) = story_form(ui, dashboard, editor) {
        action = Some(chosen);
    }
    action
}

/// Title, kind, summary, what it is linked to, and the button that opens it.
fn story_card(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    story: &Story,
    may: Permissions,
) -> Option<Command> {
    let mut action = None;
    let draft = &story.draft;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&draft.title).size(theme::CARD_TITLE).strong());
        let mut kind = draft.kind.label().to_string();
        if story.demo {
            kind.push_str(" · voorbeeld");
        }
        if let Some(area) = draft.area {
            kind.push_str(&format!(" · {}", area.name));
        }
        muted(ui, kind);
    });
    ui.label(&draft.summary);
    let linked: Vec<&str> = dashboard
        .indicators
        .iter()
        .filter(|f| draft.indicators.contains(&f.indicator.id))
        .map(|f| f.indicator.name.as_str())
        .chain(draft.themes.iter().map(String::as_str))
        .collect();
    if !linked.is_empty() {
        muted(ui, format!("Bij: {}", linked.join(", ")));
    }
    ui.horizontal(|ui| {
        if open_button(ui, story) {
            action = Some(Command::AskOpenLink(draft.title.clone(), draft.url.clone()));
        }
        if !may.manage {
            return;
        }
        if ui.button("Bewerken").clicked() {
            action = Some(Command::Text(TextCommand::EditStory(story.id)));
        }
        if ui.button("Verwijderen").clicked() {
            action = Some(Command::Text(TextCommand::Remove(Removal::Story(story.id))));
        }
    });
    action
}

/// "Open video" with the website beside it; read out with the title, so each is distinct.
pub(in crate::ui) fn open_button(ui: &mut egui::Ui, story: &Story) -> bool {
    let text = match story.draft.kind {
        StoryKind::Video => "Open video",
        StoryKind::Klantreis => "Open klantreis",
        StoryKind::Ervaringsverhaal => "Open verhaal",
    };
    let clicked = ui
        .button(text)
        .accessible_name(format!("{text}: {}", story.draft.title))
        .clicked();
    muted(ui, story.draft.url.host());
    clicked
}

fn story_form(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    editor: &mut StoryEditor,
) -> Option<Command> {
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("story_form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                muted(ui, "Titel");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.title)
                        .background_color(theme::palette(ui).background)
                        .desired_width(420.0),
                )
                .accessible_name("Titel van het verhaal");
                ui.end_row();
                muted(ui, "Soort");
                egui::ComboBox::from_id_salt("story_kind")
                    .selected_text(editor.kind.label())
                    .show_ui(ui, |ui| {
                        for kind in StoryKind::ALL {
                            ui.selectable_value(&mut editor.kind, kind, kind.label());
                        }
                    })
                    .response
                    .accessible_name("Soort verhaal");
                ui.end_row();
                muted(ui, "Link (http of https)");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.url)
                        .background_color(theme::palette(ui).background)
                        .desired_width(420.0),
                )
                .accessible_name("Link van het verhaal");
                ui.end_row();
                muted(ui, "Samenvatting");
                ui.add(
                    egui::TextEdit::multiline(&mut editor.summary)
                        .background_color(theme::palette(ui).background)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .accessible_name("Samenvatting van het verhaal");
                ui.end_row();
                muted(ui, "Gemeente");
                area_picker(
                    ui,
                    ("story_area", "Gemeente van het verhaal"),
                    &dashboard.region,
                    &mut editor.area,
                );
                ui.end_row();
            });
        egui::CollapsingHeader::new(format!("Thema's ({} gekozen)", editor.themes.len()))
            .id_salt("story_themes")
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for theme in THEMES {
                        toggle(ui, &mut editor.themes, theme, theme);
                    }
                });
            });
        egui::CollapsingHeader::new(format!("Indicatoren ({} gekozen)", editor.indicators.len()))
            .id_salt("story_indicators")
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for figures in &dashboard.indicators {
                        let id = &figures.indicator.id;
                        toggle(ui, &mut editor.indicators, id, &figures.indicator.name);
                    }
                });
            });
        ui.horizontal(|ui| {
            if ui.button("Verhaal opslaan").clicked() {
                action = Some(Command::Text(TextCommand::SaveStory));
            }
            if editor.editing.is_some() && ui.button("Niet bewerken").clicked() {
                action = Some(Command::Text(TextCommand::NewStory));
            }
        });
    });
    action
}

fn toggle(ui: &mut egui::Ui, chosen: &mut BTreeSet<String>, key: &str, label: &str) {
    let mut on = chosen.contains(key);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            chosen.insert(key.to_string());
        } else {
            chosen.remove(key);
        }
    }
}
