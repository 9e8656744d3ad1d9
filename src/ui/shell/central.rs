//! The open screen in the middle of the window, or the empty and error states when there is nothing
//! to show.

use crate::store::StoreLocation;
use eframe::egui::{self, Frame, Margin, RichText, ScrollArea};

use super::Action;
use crate::app::{AppError, Command, Removal, Screen, Session, TextCommand};
use crate::ui::events::EventAction;
use crate::ui::screens::duiding::duiding;
use crate::ui::screens::gegevens::{Steering, data_screen, import_preview};
use crate::ui::screens::gemeenten::gemeenten;
use crate::ui::screens::indicatoren::indicatoren;
use crate::ui::screens::strategisch::strategic;
use crate::ui::screens::tactisch::{TacticalAction, tactical};
use crate::ui::screens::verhalen::verhalen;
use crate::ui::theme;

pub(super) fn show(ui: &mut egui::Ui, session: &mut Session, actions: &mut Vec<Action>) {
    let palette = theme::palette(ui);
    egui::CentralPanel::default()
        .frame(
            Frame::new()
                .fill(palette.background)
                .inner_margin(Margin::same(20)),
        )
        .show(ui, |ui| screen(ui, session, actions));
}

fn screen(ui: &mut egui::Ui, session: &mut Session, actions: &mut Vec<Action>) {
    let (view, forms) = session.view_and_forms();
    let dashboard = match &view.state {
        Err(error) => return error_state(ui, error, &view.db),
        Ok(dashboard) => dashboard,
    };
    let mut asked: Option<Command> = None;
    match (view.settings.screen, &view.data) {
        (Screen::Gegevens, Some(data)) => {
            ScrollArea::vertical().show(ui, |ui| {
                if let Some(stage) = view.import {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(stage.label());
                    });
                    ui.add_space(12.0);
                }
                if let Some(preview) = &view.pending {
                    asked = import_preview(ui, preview).map(|save| match save {
                        true => Command::CommitImport,
                        false => Command::DiscardImport,
                    });
                }
                let fetching = view.fetching.as_ref().map(Option::as_ref);
                let steering = Steering {
                    reminder: view.reminder.as_ref(),
                    receipt: view.receipt.is_some(),
                };
                if let Some(command) = data_screen(ui, data, steering, fetching, view.may) {
                    asked = Some(command);
                }
            });
        }
        (Screen::Indicatoren, _) => {
            if let Some(shown) = &view.indicatoren {
                let chosen = view.chosen_definition.as_deref();
                let (editor, filter) = (&mut forms.indicator, &mut forms.catalog_filter);
                asked = indicatoren(ui, shown, chosen, editor, filter, view.may);
            }
        }
        _ if dashboard.observation_count == 0 => empty_state(ui, &view.db),
        (Screen::Tactisch, _) => {
            let selected = view.settings.indicator.as_deref().unwrap_or_default();
            let cbs_table = view.cbs_table.as_ref();
            if let Some(action) = tactical(
                ui,
                dashboard,
                selected,
                cbs_table,
                &mut forms.event,
                view.may,
                view.publication.as_ref(),
            ) {
                actions.push(match action {
                    TacticalAction::Pick(id) => Action::App(Command::OpenIndicator(id)),
                    TacticalAction::WriteNote(id) => {
                        Action::App(Command::Text(TextCommand::WriteNote(id)))
                    }
                    TacticalAction::Open(title, url) => {
                        Action::App(Command::AskOpenLink(title, url))
                    }
                    TacticalAction::Chart(purpose, region) => Action::Chart(purpose, region),
                    TacticalAction::DescribeCbs(table) => {
                        Action::App(Command::DescribeCbsTable(table))
                    }
                    TacticalAction::HideCbs => Action::App(Command::HideCbsTable),
                    TacticalAction::Event(indicator, EventAction::Add) => {
                        Action::App(Command::Text(TextCommand::AddEvent(indicator)))
                    }
                    TacticalAction::Event(_, EventAction::Remove(id)) => {
                        Action::App(Command::Text(TextCommand::Remove(Removal::Event(id))))
                    }
                });
            }
        }
        (Screen::Duiding, _) => {
            if let Some(duiding_view) = &view.duiding {
                ScrollArea::vertical().show(ui, |ui| {
                    asked = duiding(ui, dashboard, duiding_view, &mut forms.note, view.may);
                });
            }
        }
        (Screen::Verhalen, _) => {
            ScrollArea::vertical().show(ui, |ui| {
                asked = verhalen(ui, dashboard, &mut forms.story, view.may);
            });
        }
        (Screen::Gemeenten, _) => {
            ScrollArea::vertical().show(ui, |ui| {
                asked = gemeenten(ui, dashboard, view.gemeente()).map(Command::PickGemeente);
            });
        }
        _ => {
            ScrollArea::vertical().show(ui, |ui| {
                asked = strategic(ui, dashboard).map(Command::OpenIndicator);
            });
        }
    }
    actions.extend(asked.map(Action::App));
}

fn empty_state(ui: &mut egui::Ui, db_path: &StoreLocation) {
    let palette = theme::palette(ui);
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.label(
            RichText::new("Nog geen cijfers in deze database")
                .size(theme::PAGE_TITLE)
                .strong(),
        );
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Database: {db_path}")).color(palette.text_secondary));
        ui.label("Ga naar Gegevens om een bestand in te lezen of open data op te halen,");
        ui.label("of laad de voorbeelddata met: regio-in-beeld demo");
    });
}

fn error_state(ui: &mut egui::Ui, error: &AppError, db_path: &StoreLocation) {
    let palette = theme::palette(ui);
    ui.vertical(|ui| {
        ui.label(
            RichText::new("De gegevens kunnen niet geopend worden")
                .size(theme::PAGE_TITLE)
                .strong()
                .color(palette.worse),
        );
        ui.add_space(8.0);
        ui.label(format!("Database: {db_path}"));
        ui.add_space(8.0);
        for line in error.lines() {
            ui.label(line);
        }
        ui.add_space(8.0);
        ui.label(
            RichText::new("Er is niets gewijzigd. Kies een ander bestand met --db of REGIO_DB.")
                .color(palette.text_secondary),
        );
    });
}
