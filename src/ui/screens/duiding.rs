//! Duiding: the notes for one BO. Writing and editing them, locking and reopening, their history, and
//! the BO-pakket for the meeting papers.

use eframe::egui::{self, RichText};

use crate::app::{Command, Dashboard, DuidingView, NoteEditor, Permissions, TextCommand};
use crate::domain::{Note, NoteStatus, NoteVersion, dutch_date, dutch_datetime, parse_date};
use crate::ui::theme;
use crate::ui::widgets::{area_picker, card, muted, named_card, section_label};

pub(in crate::ui) fn duiding(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    view: &DuidingView,
    editor: &mut NoteEditor,
    may: Permissions,
) -> Option<Command> {
    let palette = theme::palette(ui);
    let mut action = None;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Duiding voor het BO van {}", dutch_date(view.bo)))
                .size(theme::PAGE_TITLE)
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("BO-pakket maken…").clicked() {
                action = Some(Command::SaveReport);
            }
        });
    });
    ui.horizontal(|ui| {
        muted(ui, "Ander BO:");
        let mut dates = dashboard.bo_dates();
        if !dates.contains(&view.bo) {
            dates.insert(0, view.bo);
        }
        for date in dates {
            let chosen = date == view.bo;
            if ui.selectable_label(chosen, dutch_date(date)).clicked() && !chosen {
                action = Some(Command::Text(TextCommand::PickBo(date)));
            }
        }
        ui.add(
            egui::TextEdit::singleline(&mut editor.other_bo)
                .background_color(theme::palette(ui).background)
                .hint_text("dd-mm-jjjj")
                .desired_width(110.0),
        )
        .accessible_name("Datum van een ander BO");
        if ui.button("Kies datum").clicked() {
            action = Some(match parse_date(&editor.other_bo) {
                Some(date) => Command::Text(TextCommand::PickBo(date)),
                None => Command::Text(TextCommand::BadBoDate(editor.other_bo.clone())),
            });
        }
    });
    ui.add_space(12.0);
    if may.manage
        && let Some(editing) = note_form(ui, dashboard, editor)
    {
        action = Some(editing);
    }
    ui.add_space(16.0);
    let notes: Vec<&Note> = dashboard
        .notes
        .iter()
        .filter(|n| n.draft.bo_date == view.bo)
        .collect();
    section_label(
        ui,
        &format!(
            "{} voor dit BO",
            crate::domain::count_of(notes.len() as u64, "duiding", "duidingen")
        ),
    );
    if notes.is_empty() {
        ui.label(
            RichText::new("Nog geen duiding voor dit BO. Schrijf de eerste hierboven, of vanuit een indicator in de laag Tactisch.")
                .color(palette.text_secondary),
        );
    }
    for note in notes {
        if let Some(chosen) = note_card(ui, dashboard, note, view.histories.get(&note.id), may) {
            action = Some(chosen);
        }
        ui.add_space(8.0);
    }
    action
}

fn note_form(ui: &mut egui::Ui, dashboard: &Dashboard, editor: &mut NoteEditor) -> Option<Command> {
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        let heading = match editor.editing {
            Some(id) => format!("Duiding {} bewerken", id.0),
            None => "Nieuwe duiding".to_string(),
        };
        ui.label(RichText::new(heading).size(theme::CARD_TITLE).strong());
        ui.add_space(6.0);
        egui::Grid::new("note_form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                muted(ui, "Indicator");
                let name = dashboard
                    .indicators
                    .iter()
                    .find(|f| f.indicator.id == editor.indicator)
                    .map_or("Kies een indicator", |f| f.indicator.name.as_str());
                ui.add_enabled_ui(editor.editing.is_none(), |ui| {
                    egui::ComboBox::from_id_salt("note_indicator")
                        .selected_text(name)
                        .width(380.0)
                        .height(500.0)
                        .show_ui(ui, |ui| {
                            for figures in &dashboard.indicators {
                                let id = &figures.indicator.id;
                                ui.selectable_value(
                                    &mut editor.indicator,
                                    id.clone(),
                                    &figures.indicator.name,
                                );
                            }
                        })
                        .response
                        .accessible_name("Indicator van de duiding");
                });
                ui.end_row();
                muted(ui, "Gebied");
                ui.add_enabled_ui(editor.editing.is_none(), |ui| {
                    area_picker(
                        ui,
                        ("note_area", "Gebied van de duiding"),
                        &dashboard.region,
                        &mut editor.area,
                    );
                });
                ui.end_row();
                muted(ui, "Over periode");
                ui.add_enabled_ui(editor.editing.is_none(), |ui| {
                    egui::ComboBox::from_id_salt("note_period")
                        .selected_text(
                            editor
                                .period
                                .map_or("Geen bepaalde periode".to_string(), |p| p.label()),
                        )
                        .height(400.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut editor.period, None, "Geen bepaalde periode");
                            for period in &dashboard.periods {
                                ui.selectable_value(
                                    &mut editor.period,
                                    Some(*period),
                                    period.label(),
                                );
                            }
                        })
                        .response
                        .accessible_name("Periode van de duiding");
                });
                ui.end_row();
                muted(ui, "Auteur");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.author)
                        .background_color(theme::palette(ui).background)
                        .desired_width(380.0),
                )
                .accessible_name("Auteur van de duiding");
                ui.end_row();
                muted(ui, "Tekst");
                ui.add(
                    egui::TextEdit::multiline(&mut editor.text)
                        .background_color(theme::palette(ui).background)
                        .desired_rows(5)
                        .desired_width(f32::INFINITY),
                )
                .accessible_name("Tekst van de duiding");
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui.button("Duiding opslaan").clicked() {
                action = Some(Command::Text(TextCommand::SaveNote));
            }
            if editor.editing.is_some() && ui.button("Niet bewerken").clicked() {
                action = Some(Command::Text(TextCommand::NewNote));
            }
        });
    });
    action
}

fn note_card(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    note: &Note,
    history: Option<&Vec<NoteVersion>>,
    may: Permissions,
) -> Option<Command> {
    let palette = theme::palette(ui);
    let mut action = None;
    let name = dashboard
        .indicators
        .iter()
        .find(|f| f.indicator.id == note.draft.indicator)
        .map_or(note.draft.indicator.as_str(), |f| f.indicator.name.as_str());
    let subject = note.subject(name);
    named_card(ui, &format!("Duiding: {subject}"), |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            status_badge(ui, note.status);
            ui.label(RichText::new(&subject).strong());
            if note.demo {
                muted(ui, "voorbeeld");
            }
        });
        muted(
            ui,
            format!(
                "{} · bewerkt {}",
                note.draft.author,
                dutch_datetime(&note.updated_at)
            ),
        );
        ui.add_space(4.0);
        ui.label(&note.draft.text);
        ui.add_space(4.0);
        ui.horizontal(|ui| match note.status {
            NoteStatus::Concept if !may.manage => {
                muted(ui, "concept");
            }
            NoteStatus::Concept => {
                if ui.button("Bewerken").clicked() {
                    action = Some(Command::Text(TextCommand::EditNote(note.id)));
                }
                if ui.button("Definitief maken").clicked() {
                    action = Some(Command::Text(TextCommand::FinalizeNote(note.id)));
                }
            }
            NoteStatus::Definitief => {
                ui.label(
                    RichText::new("Definitief: vergrendeld")
                        .size(theme::META)
                        .color(palette.accent),
                );
                if ui.button("Heropenen").clicked() {
                    action = Some(Command::Text(TextCommand::ReopenNote(note.id)));
                }
            }
        });
        if let Some(versions) = history.filter(|v| !v.is_empty()) {
            egui::CollapsingHeader::new(format!(
                "Geschiedenis ({})",
                crate::domain::count_of(versions.len() as u64, "eerdere versie", "eerdere versies")
            ))
            .id_salt(("note_history", note.id.0))
            .show(ui, |ui| {
                for version in versions.iter().rev() {
                    muted(
                        ui,
                        format!(
                            "{} · {} · {}",
                            dutch_datetime(&version.written_at),
                            version.author,
                            version.status.code()
                        ),
                    );
                    ui.label(&version.text);
                    ui.add_space(4.0);
                }
            });
        }
    });
    action
}

/// CONCEPT on amber, DEFINITIEF on the accent tint.
pub(in crate::ui) fn status_badge(ui: &mut egui::Ui, status: NoteStatus) {
    let palette = theme::palette(ui);
    let (text, background) = match status {
        NoteStatus::Concept => (palette.attention, palette.attention_background),
        NoteStatus::Definitief => (palette.accent, palette.selected),
    };
    egui::Frame::new()
        .fill(background)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new(status.code().to_uppercase())
                    .size(theme::META)
                    .strong()
                    .color(text),
            );
        });
}
