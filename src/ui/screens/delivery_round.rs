//! Steering a delivery round on the Gegevens screen: a row per supplier with its contact, what it
//! still owes and its template; a reminder drafted for a late one; the receipt of a saved import.

use eframe::egui::{self, RichText};

use crate::app::{Command, DeliveryCommand, Permissions, Reminder, SupplierRound, TemplateFormat};
use crate::domain::{count_of, dutch_date};
use crate::ui::theme;
use crate::ui::widgets::{card, muted, section_label};

/// Every supplier delivering by hand for the period, with its template and, when late, a reminder.
pub(super) fn suppliers_card(
    ui: &mut egui::Ui,
    rounds: &[SupplierRound],
    period_label: &str,
    may: Permissions,
) -> Option<Command> {
    if rounds.is_empty() {
        return None;
    }
    section_label(ui, &format!("Leveranciers {period_label}"));
    let palette = theme::palette(ui);
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("suppliers")
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for title in ["Leverancier", "Contact", "Levering", "", ""] {
                    muted(ui, title);
                }
                ui.end_row();
                for round in rounds {
                    let supplier = &round.supplier;
                    ui.label(RichText::new(&supplier.name).strong());
                    match supplier.addressee() {
                        Some(addressee) => ui.label(addressee),
                        None => ui
                            .label(RichText::new("geen contact bekend").color(palette.text_muted))
                            .on_hover_text(format!(
                                "Leg het vast met: regio-in-beeld suppliers set \"{}\" --contact … --email …",
                                supplier.name
                            )),
                    };
                    ui.label(state(round, palette));
                    let template = ui
                        .button("Sjabloon…")
                        .on_hover_text(format!(
                            "Excel-sjabloon met alleen de {} van {}, met wat al geleverd is",
                            count_of(round.indicators as u64, "indicator", "indicatoren"),
                            supplier.name
                        ))
                        .accessible_name(format!("Sjabloon voor {}", supplier.name));
                    if template.clicked() {
                        action = Some(Command::SaveTemplate(
                            Some(supplier.name.clone()),
                            TemplateFormat::Xlsx,
                        ));
                    }
                    if round.days_late().is_some() && may.values {
                        let remind = ui
                            .button("Herinnering opstellen")
                            .accessible_name(format!("Herinnering opstellen voor {}", supplier.name));
                        if remind.clicked() {
                            action = Some(Command::Delivery(DeliveryCommand::DraftReminder(
                                supplier.name.clone(),
                            )));
                        }
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    });
    ui.add_space(16.0);
    action
}

/// "compleet", "2 van 5 onvolledig, 12 dagen te laat", "1 van 2 onvolledig, uiterlijk 11 februari 2026".
fn state(round: &SupplierRound, palette: &theme::Palette) -> RichText {
    if round.is_complete() {
        return RichText::new("compleet").color(palette.text_secondary);
    }
    let incomplete = format!("{} van {} onvolledig", round.owed.len(), round.indicators);
    match round.days_late() {
        Some(days) => RichText::new(format!(
            "{incomplete}, {} te laat",
            count_of(days as u64, "dag", "dagen")
        ))
        .color(palette.attention)
        .strong(),
        None => {
            let due = round.owed.iter().map(|o| o.due).min();
            let due = due.map(|d| format!(", uiterlijk {}", dutch_date(d)));
            RichText::new(format!("{incomplete}{}", due.unwrap_or_default()))
                .color(palette.text_secondary)
        }
    }
}

/// The drafted reminder: to whom, the subject and the text, to copy or open in the mail program.
pub(super) fn reminder_card(ui: &mut egui::Ui, reminder: &Reminder) -> Option<Command> {
    section_label(ui, &format!("Herinnering voor {}", reminder.supplier));
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        let to = reminder
            .to
            .clone()
            .unwrap_or_else(|| "nog geen e-mailadres bekend".to_string());
        ui.label(format!("Aan: {to}"));
        ui.label(format!("Onderwerp: {}", reminder.subject));
        ui.add_space(6.0);
        let mut body = reminder.body.as_str();
        ui.add(
            egui::TextEdit::multiline(&mut body)
                .desired_width(f32::INFINITY)
                .desired_rows(10),
        );
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Kopiëren naar klembord").clicked() {
                action = Some(DeliveryCommand::CopyReminder);
            }
            if ui.button("Openen in e-mailprogramma").clicked() {
                action = Some(DeliveryCommand::MailReminder);
            }
            if ui.button("Sluiten").clicked() {
                action = Some(DeliveryCommand::CloseReminder);
            }
            muted(ui, "Het programma verstuurt zelf geen e-mail.");
        });
    });
    ui.add_space(16.0);
    action.map(Command::Delivery)
}

/// After saving an import: the receipt for the supplier, to copy.
pub(super) fn receipt_card(ui: &mut egui::Ui) -> Option<Command> {
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label("Opgeslagen. Laat de leverancier weten wat er binnen is:");
            if ui.button("Ontvangstbevestiging kopiëren").clicked() {
                action = Some(DeliveryCommand::CopyReceipt);
            }
            if ui.button("Sluiten").clicked() {
                action = Some(DeliveryCommand::CloseReceipt);
            }
        });
    });
    ui.add_space(16.0);
    action.map(Command::Delivery)
}
