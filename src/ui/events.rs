//! Gebeurtenissen in the tactical view: the events on this indicator's time axis, and a short form to
//! add one.

use eframe::egui::{self, RichText};

use super::theme;
use super::widgets::{card, muted, named_group, section_label};
use crate::app::IndicatorFigures;
use crate::domain::{Event, EventId, EventKind, EventScope, Region, dutch_date};

pub(super) use crate::app::{EventEditor, ScopeChoice};

pub(super) enum EventAction {
    Add,
    Remove(EventId),
}

/// The events that belong on this indicator's plots.
pub(super) fn events_of<'a>(events: &'a [Event], figures: &IndicatorFigures) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.applies_to(&figures.indicator, None))
        .collect()
}

pub(super) fn events_panel(
    ui: &mut egui::Ui,
    events: &[&Event],
    region: &Region,
    editor: &mut EventEditor,
    may_change: bool,
) -> Option<EventAction> {
    let palette = theme::palette(ui);
    let mut action = None;
    ui.add_space(14.0);
    section_label(ui, "Gebeurtenissen op de tijdas");
    if events.is_empty() {
        muted(ui, "Geen gebeurtenissen bij deze indicator.");
    }
    for event in events {
        let name = format!("Gebeurtenis: {}", event.draft.label);
        named_group(ui, &name, |ui| {
            ui.horizontal_wrapped(|ui| {
                let kind = event.draft.kind;
                let text = RichText::new(&event.draft.label);
                ui.label(if kind == EventKind::Breuk {
                    text.color(palette.attention).strong()
                } else {
                    text
                });
                let scope = match &event.draft.scope {
                    EventScope::Area(area) => format!(" · {}", area.name),
                    _ => String::new(),
                };
                muted(
                    ui,
                    format!("{} · {}{scope}", dutch_date(event.draft.date), kind.label()),
                );
                if may_change && ui.small_button("Verwijderen").clicked() {
                    action = Some(EventAction::Remove(event.id));
                }
            })
        });
    }
    if !may_change {
        return action;
    }
    ui.add_space(6.0);
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        muted(ui, "Gebeurtenis toevoegen");
        ui.add(
            egui::TextEdit::singleline(&mut editor.date)
                .hint_text("dd-mm-jjjj")
                .background_color(palette.background),
        )
        .accessible_name("Datum van de gebeurtenis");
        ui.add(
            egui::TextEdit::singleline(&mut editor.label)
                .hint_text("Wat gebeurde er?")
                .background_color(palette.background),
        )
        .accessible_name("Label van de gebeurtenis");
        ui.horizontal(|ui| {
            let kind = editor.kind.unwrap_or(EventKind::Beleid);
            egui::ComboBox::from_id_salt("event_kind")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for choice in EventKind::ALL {
                        ui.selectable_value(&mut editor.kind, Some(choice), choice.label());
                    }
                })
                .response
                .accessible_name("Soort gebeurtenis");
            let scope = match editor.scope {
                ScopeChoice::ThisIndicator => "deze indicator".to_string(),
                ScopeChoice::All => "alle indicatoren".to_string(),
                ScopeChoice::Gemeente(area) => area.name.to_string(),
            };
            egui::ComboBox::from_id_salt("event_scope")
                .selected_text(scope)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut editor.scope,
                        ScopeChoice::ThisIndicator,
                        "deze indicator",
                    );
                    ui.selectable_value(&mut editor.scope, ScopeChoice::All, "alle indicatoren");
                    for area in region.current_gemeenten() {
                        ui.selectable_value(
                            &mut editor.scope,
                            ScopeChoice::Gemeente(area),
                            area.name,
                        );
                    }
                })
                .response
                .accessible_name("Geldt voor");
        });
        if ui.button("Gebeurtenis opslaan").clicked() {
            action = Some(EventAction::Add);
        }
    });
    action
}
