//! Gegevens: what was delivered for the latest quarter, and every batch with undo.

use eframe::egui::{self, Frame, Margin, RichText, Stroke};

use super::theme;
use super::widgets::section_label;
use crate::app::{Completeness, FetchProgress, ImportPreview};
use crate::domain::{Area, Batch, BatchId, Period, count_of, dutch_datetime};

/// What the Gegevens screen shows, read when the screen opens and after every change.
pub(super) struct DataView {
    pub period: Period,
    pub completeness: Vec<Completeness>,
    pub batches: Vec<Batch>,
}

/// What the user asked for on this screen.
pub(super) enum DataAction {
    Undo(BatchId),
    StartFetch,
    CancelFetch,
}

/// Draws the screen. `fetching` is the progress of a running CBS fetch (`Some(None)` before the first
/// table is reported).
pub(super) fn data_screen(
    ui: &mut egui::Ui,
    view: &DataView,
    fetching: Option<Option<&FetchProgress>>,
) -> Option<DataAction> {
    ui.label(
        RichText::new("Sleep een CSV-, Excel- of ODS-bestand in dit venster om het te controleren en in te lezen.")
            .color(theme::TEXT_SECONDARY),
    );
    ui.add_space(12.0);
    let mut action = open_data(ui, fetching);
    section_label(ui, &format!("Levering {}", view.period.label()));
    card(ui, |ui| completeness_table(ui, &view.completeness));
    ui.add_space(16.0);
    section_label(ui, "Batches");
    card(ui, |ui| {
        if let Some(batch) = batch_table(ui, &view.batches) {
            action = Some(DataAction::Undo(batch));
        }
    });
    action
}

/// Fetching open data: a button, or while it runs a progress bar with a way to stop it.
fn open_data(ui: &mut egui::Ui, fetching: Option<Option<&FetchProgress>>) -> Option<DataAction> {
    section_label(ui, "Open data");
    let mut action = None;
    card(ui, |ui| match fetching {
        None => {
            if ui.button("Open data ophalen bij CBS").clicked() {
                action = Some(DataAction::StartFetch);
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
                    action = Some(DataAction::CancelFetch);
                }
            });
        }
    });
    ui.add_space(16.0);
    action
}

/// What a dropped file would do: its problems (nothing can be saved) or its changes and warnings.
/// Returns `Some(true)` to save, `Some(false)` to discard.
pub(super) fn import_preview(ui: &mut egui::Ui, preview: &ImportPreview) -> Option<bool> {
    let names: Vec<&str> = preview.files.iter().map(|f| f.file.as_str()).collect();
    section_label(ui, &format!("Controle van {}", names.join(", ")));
    let mut choice = None;
    card(ui, |ui| {
        if preview.is_valid() {
            ui.label(format!("{}.", preview.summary()));
            for warning in preview.warnings.iter().take(LISTED) {
                ui.label(RichText::new(warning.to_string()).color(theme::ATTENTION));
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
                    "{} gevonden; er wordt niets opgeslagen. Verbeter het bestand en sleep het opnieuw.",
                    count_of(preview.problems.len() as u64, "probleem", "problemen")
                ))
                .color(theme::WORSE)
                .strong(),
            );
            for problem in preview.problems.iter().take(LISTED) {
                ui.label(RichText::new(problem.to_string()).color(theme::WORSE));
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

fn card(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    Frame::new()
        .fill(theme::CARD)
        .stroke(Stroke::new(1.0, theme::BORDER))
        .corner_radius(8)
        .inner_margin(Margin::same(12))
        .show(ui, add);
}

fn header(ui: &mut egui::Ui, names: &[&str]) {
    for name in names {
        ui.label(
            RichText::new(*name)
                .size(theme::META)
                .strong()
                .color(theme::TEXT_MUTED),
        );
    }
    ui.end_row();
}

fn completeness_table(ui: &mut egui::Ui, entries: &[Completeness]) {
    let names = |areas: &[Area]| {
        if areas.len() == Area::gemeenten().count() {
            "alle gemeenten".to_string()
        } else {
            areas.iter().map(|a| a.name).collect::<Vec<_>>().join(", ")
        }
    };
    egui::Grid::new("completeness")
        .striped(true)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            header(
                ui,
                &[
                    "Indicator",
                    "Leverancier",
                    "Gemeenten",
                    "Regio",
                    "Ontbreekt",
                ],
            );
            for entry in entries {
                let total = entry.delivered.len() + entry.missing.len() + entry.not_delivered.len();
                ui.label(&entry.indicator.name);
                ui.label(&entry.indicator.supplier);
                ui.label(format!("{} van {total}", entry.delivered.len()));
                ui.label(if entry.region {
                    "geleverd"
                } else {
                    "ontbreekt"
                });
                let mut missing = names(&entry.missing);
                if !entry.not_delivered.is_empty() {
                    let reported = format!("niet geleverd: {}", names(&entry.not_delivered));
                    missing = if missing.is_empty() {
                        reported
                    } else {
                        format!("{missing}; {reported}")
                    };
                }
                let color = if entry.is_complete() {
                    theme::TEXT_SECONDARY
                } else {
                    theme::ATTENTION
                };
                ui.label(
                    RichText::new(if missing.is_empty() {
                        "—".to_string()
                    } else {
                        missing
                    })
                    .color(color),
                );
                ui.end_row();
            }
        });
}

fn batch_table(ui: &mut egui::Ui, batches: &[Batch]) -> Option<BatchId> {
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
                                .color(theme::TEXT_MUTED),
                        );
                    }
                    None => {
                        if ui
                            .button(format!("Batch {} ongedaan maken", batch.id))
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
