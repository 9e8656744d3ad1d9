//! Gegevens: import by file dialog or drag and drop, what was delivered for the chosen quarter (a
//! matrix of indicator × gebied), templates, open data, and every batch with undo.

use eframe::egui::{self, RichText, Sense, Stroke, pos2, vec2};

use super::delivery_round::{receipt_card, reminder_card, suppliers_card};
use crate::app::{
    Command, Completeness, DataView, FetchProgress, ImportPreview, Permissions, Reminder,
    SupplierRound, TemplateFormat,
};
use crate::domain::{Area, Batch, BatchId, Period, count_of, dutch_datetime};
use crate::ui::theme;
use crate::ui::widgets::{card, muted, section_label};

/// Draws the screen. `fetching` is the progress of a running CBS fetch (`Some(None)` before the first
/// table is reported).
pub(in crate::ui) fn data_screen(
    ui: &mut egui::Ui,
    view: &DataView,
    steering: Steering,
    fetching: Option<Option<&FetchProgress>>,
    may: Permissions,
) -> Option<Command> {
    let mut action = import_card(ui, &view.period, may);
    if steering.receipt
        && let Some(command) = receipt_card(ui)
    {
        action = Some(command);
    }
    if let Some(command) = suppliers_card(ui, &view.rounds, &view.period.label(), may) {
        action = Some(command);
    }
    if let Some(reminder) = steering.reminder
        && let Some(command) = reminder_card(ui, reminder)
    {
        action = Some(command);
    }
    if may.values
        && let Some(fetch) = open_data(ui, fetching)
    {
        action = Some(fetch);
    }
    section_label(ui, &format!("Levering {}", view.period.label()));
    card(ui, |ui| {
        completeness_matrix(ui, &view.completeness, &view.gemeenten, &view.rounds)
    });
    ui.add_space(16.0);
    section_label(ui, "Batches");
    card(ui, |ui| {
        if let Some(batch) = batch_table(ui, &view.batches, may.values) {
            action = Some(Command::Undo(batch));
        }
    });
    action
}

/// What the screen shows of steering the round beside the delivery: a drafted reminder, and
/// whether a receipt of the import just saved is at hand.
#[derive(Clone, Copy)]
pub(in crate::ui) struct Steering<'a> {
    pub reminder: Option<&'a Reminder>,
    pub receipt: bool,
}

/// Reading in files: a dialog or drag and drop, and the templates to fill in.
fn import_card(ui: &mut egui::Ui, period: &Period, may: Permissions) -> Option<Command> {
    section_label(ui, "Cijfers inlezen");
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if !may.values {
                muted(ui, "U kunt hier alleen lezen: inlezen en ongedaan maken doen leveranciers en beheerders.");
                return;
            }
            if ui.button("Bestanden kiezen…").clicked() {
                action = Some(Command::PickFiles);
            }
            muted(ui, "of sleep een CSV-, Excel- of ODS-bestand in dit venster. Eerst volgt een controle; er wordt niets opgeslagen voordat u dat bevestigt.");
        });
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            muted(ui, format!("Sjabloon voor {}:", period.label()));
            if ui.button("Sjabloon Excel (alle leveranciers)…").clicked() {
                action = Some(Command::SaveTemplate(None, TemplateFormat::Xlsx));
            }
            if ui.button("Sjabloon CSV…").clicked() {
                action = Some(Command::SaveTemplate(None, TemplateFormat::Csv));
            }
        });
    });
    ui.add_space(16.0);
    action
}

/// Fetching open data: a button, or while it runs a progress bar with a way to stop it.
fn open_data(ui: &mut egui::Ui, fetching: Option<Option<&FetchProgress>>) -> Option<Command> {
    section_label(ui, "Open data");
    let mut action = None;
    card(ui, |ui| match fetching {
        None => {
            if ui.button("Open data ophalen bij CBS").clicked() {
                action = Some(Command::StartFetch);
            }
        }
        Some(progress) => {
            ui.horizontal(|ui| {
                let (fraction, text) = match progress {
                    Some(p) => (
                        p.done as f32 / p.total.max(1) as f32,
                        format!("CBS {} ophalen ({} van {})", p.table, p.done + 1, p.total),
                    ),
                    None => (0.0, "Verbinding maken met CBS…".to_string()),
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(320.0)
                        .text(text),
                );
                if ui.button("Afbreken").clicked() {
                    action = Some(Command::CancelFetch);
                }
            });
        }
    });
    ui.add_space(16.0);
    action
}

/// What a dropped file would do: its problems (nothing can be saved) or its changes and warnings.
/// Returns `Some(true)` to save, `Some(false)` to discard.
pub(in crate::ui) fn import_preview(ui: &mut egui::Ui, preview: &ImportPreview) -> Option<bool> {
    let names: Vec<&str> = preview
        .files
        .iter()
        .map(|f| {
            std::path::Path::new(&f.file)
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or(&f.file)
        })
        .collect();
    section_label(ui, &format!("Controle van {}", names.join(", ")));
    let palette = theme::palette(ui);
    let mut choice = None;
    card(ui, |ui| {
        if preview.is_valid() {
            ui.label(format!("{}.", preview.summary()));
            for warning in preview.warnings.iter().take(LISTED) {
                ui.label(RichText::new(warning.to_string()).color(palette.attention));
            }
            ui.horizontal(|ui| {
                if ui.button("Opslaan").clicked() {
                    choice = Some(true);
                }
                if ui.button("Annuleren").clicked() {
                    choice = Some(false);
                }
            });
        } else {
            ui.label(
                RichText::new(format!(
                    "{} gevonden; er wordt niets opgeslagen. Verbeter het bestand en lees het opnieuw in.",
                    count_of(preview.problem_count(), "probleem", "problemen")
                ))
                .color(palette.worse)
                .strong(),
            );
            for problem in preview.problems.iter().take(LISTED) {
                ui.label(RichText::new(problem.to_string()).color(palette.worse));
            }
            if ui.button("Sluiten").clicked() {
                choice = Some(false);
            }
        }
    });
    ui.add_space(16.0);
    choice
}

/// Problems or warnings beyond this many are counted, not listed on screen.
const LISTED: usize = 30;

fn header(ui: &mut egui::Ui, names: &[&str]) {
    for name in names {
        muted(ui, *name);
    }
    ui.end_row();
}

/// How one cell of the matrix reads; the shape carries it as well as the colour (no red or green:
/// those are kept for polarity).
#[derive(Clone, Copy)]
enum Delivery {
    Delivered,
    Missing,
    /// Reported by the supplier as not delivered.
    NotDelivered,
    /// Not asked: a region-only indicator.
    NotAsked,
}

fn delivery_mark(ui: &mut egui::Ui, delivery: Delivery, width: f32) {
    let palette = theme::palette(ui);
    let (rect, response) = ui.allocate_exact_size(vec2(width, 16.0), Sense::hover());
    let center = pos2(rect.left() + 8.0, rect.center().y);
    let painter = ui.painter();
    let hint = match delivery {
        Delivery::Delivered => {
            painter.circle_filled(center, 5.0, palette.accent);
            "geleverd"
        }
        Delivery::Missing => {
            painter.circle_stroke(center, 4.5, Stroke::new(1.5, palette.attention));
            "ontbreekt"
        }
        Delivery::NotDelivered => {
            let d = 4.0;
            let stroke = Stroke::new(2.0, palette.attention);
            painter.line_segment([center + vec2(-d, -d), center + vec2(d, d)], stroke);
            painter.line_segment([center + vec2(-d, d), center + vec2(d, -d)], stroke);
            "gemeld als niet geleverd"
        }
        Delivery::NotAsked => {
            painter.line_segment(
                [center + vec2(-4.0, 0.0), center + vec2(4.0, 0.0)],
                Stroke::new(1.5, palette.text_muted),
            );
            "niet gevraagd: alleen een regiocijfer"
        }
    };
    response.on_hover_text(hint);
}

/// Indicator × gebied for the period: delivered, missing, reported as not delivered.
fn completeness_matrix(
    ui: &mut egui::Ui,
    entries: &[Completeness],
    gemeenten: &[Area],
    rounds: &[SupplierRound],
) {
    let palette = theme::palette(ui);
    let names = |areas: &[Area]| {
        if areas.len() == gemeenten.len() {
            "alle gemeenten".to_string()
        } else {
            areas.iter().map(|a| a.name).collect::<Vec<_>>().join(", ")
        }
    };
    ui.horizontal(|ui| {
        for (delivery, text) in [
            (Delivery::Delivered, "geleverd"),
            (Delivery::Missing, "ontbreekt"),
            (Delivery::NotDelivered, "gemeld als niet geleverd"),
            (Delivery::NotAsked, "niet gevraagd"),
        ] {
            delivery_mark(ui, delivery, 16.0);
            muted(ui, text);
            ui.add_space(8.0);
        }
    });
    ui.add_space(6.0);
    egui::ScrollArea::horizontal()
        .id_salt("completeness_scroll")
        .show(ui, |ui| {
            egui::Grid::new("completeness")
                .striped(true)
                .spacing([7.0, 6.0])
                .show(ui, |ui| {
                    muted(ui, "Indicator");
                    muted(ui, "Leverancier");
                    for area in gemeenten {
                        muted(ui, area.name);
                    }
                    muted(ui, "Regio");
                    muted(ui, "Ontbreekt");
                    muted(ui, "Levering");
                    ui.end_row();
                    let mut by_supplier: Vec<&Completeness> = entries.iter().collect();
                    by_supplier.sort_by(|a, b| {
                        (&a.indicator.supplier, &a.indicator.name)
                            .cmp(&(&b.indicator.supplier, &b.indicator.name))
                    });
                    for entry in by_supplier {
                        ui.label(&entry.indicator.name);
                        let supplier = &entry.indicator.supplier;
                        let contact = rounds
                            .iter()
                            .find(|r| &r.supplier.name == supplier)
                            .and_then(|r| r.supplier.addressee());
                        let shown = ui.label(RichText::new(supplier).color(palette.text_muted));
                        if let Some(contact) = contact {
                            shown.on_hover_text(format!("Contact: {contact}"));
                        }
                        for area in gemeenten {
                            let delivery = if !entry.per_gemeente {
                                Delivery::NotAsked
                            } else if entry.delivered.contains(area) {
                                Delivery::Delivered
                            } else if entry.not_delivered.contains(area) {
                                Delivery::NotDelivered
                            } else {
                                Delivery::Missing
                            };
                            delivery_mark(ui, delivery, 40.0);
                        }
                        delivery_mark(
                            ui,
                            if entry.region {
                                Delivery::Delivered
                            } else {
                                Delivery::Missing
                            },
                            40.0,
                        );
                        let mut missing = names(&entry.missing);
                        if !entry.per_gemeente && !entry.region {
                            missing = "regio".to_string();
                        }
                        if !entry.not_delivered.is_empty() {
                            let reported =
                                format!("niet geleverd: {}", names(&entry.not_delivered));
                            missing = if missing.is_empty() {
                                reported
                            } else {
                                format!("{missing}; {reported}")
                            };
                        }
                        let color = if entry.is_complete() {
                            palette.text_secondary
                        } else {
                            palette.attention
                        };
                        ui.label(
                            RichText::new(if missing.is_empty() {
                                "—".to_string()
                            } else {
                                missing
                            })
                            .color(color),
                        );
                        delivery_cell(ui, entry);
                        ui.end_row();
                    }
                });
        });
}

/// When the figures are due, how late they are, and who delivered last (on hover).
fn delivery_cell(ui: &mut egui::Ui, entry: &Completeness) {
    let palette = theme::palette(ui);
    let text = match entry.days_late {
        Some(days) => RichText::new(format!("{} te laat", count_of(days as u64, "dag", "dagen")))
            .color(palette.attention)
            .strong(),
        None => RichText::new(format!("uiterlijk {}", entry.due.format("%-d-%-m-%Y")))
            .color(palette.text_secondary),
    };
    let response = ui.label(text);
    if let Some(batch) = &entry.last_delivery {
        response.on_hover_text(format!(
            "laatst geleverd {} door {}",
            dutch_datetime(batch.written_at()),
            batch.source.user
        ));
    }
}

fn batch_table(ui: &mut egui::Ui, batches: &[Batch], may_undo: bool) -> Option<BatchId> {
    let mut undo = None;
    egui::Grid::new("batches")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            header(
                ui,
                &[
                    "Batch",
                    "Soort",
                    "Waarden",
                    "Ingelezen",
                    "Door",
                    "Bestand",
                    "",
                ],
            );
            for batch in batches {
                ui.label(batch.id.to_string());
                ui.label(batch.source.kind.label());
                ui.label(batch.rows.to_string());
                ui.label(dutch_datetime(&batch.started_at));
                ui.label(&batch.source.user);
                ui.label(batch.source.file_name.as_deref().unwrap_or("—"));
                match &batch.undone_at {
                    Some(when) => {
                        ui.label(
                            RichText::new(format!("ongedaan gemaakt {}", dutch_datetime(when)))
                                .color(theme::palette(ui).text_muted),
                        );
                    }
                    None if !may_undo => {
                        ui.label("actief");
                    }
                    None => {
                        // Seen within its row; read out (and found by tests) with the batch's number.
                        if ui
                            .button("Ongedaan maken")
                            .accessible_name(format!("Batch {} ongedaan maken", batch.id))
                            .clicked()
                        {
                            undo = Some(batch.id);
                        }
                    }
                }
                ui.end_row();
            }
        });
    undo
}
