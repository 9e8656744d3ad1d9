//! "Herkomst" beside an indicator: the batches its values came from, or, in a publication, only
//! when it was published (a publication names no deliveries, files or people).

use eframe::egui;

use crate::app::IndicatorFigures;
use crate::domain::{BatchKind, Publication, count_of, dutch_date, dutch_datetime};
use crate::ui::widgets::{card, muted, section_label};

pub(super) fn provenance(
    ui: &mut egui::Ui,
    figures: &IndicatorFigures,
    published: Option<&Publication>,
) {
    section_label(ui, "Herkomst");
    if figures.provenance.is_empty() {
        muted(ui, "Nog geen waarden ingelezen.");
        return;
    }
    if let Some(publication) = published {
        let count: u64 = figures.provenance.iter().map(|(_, count)| count).sum();
        card(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(format!(
                "Gepubliceerd op {}",
                dutch_date(publication.published_on)
            ));
            muted(
                ui,
                format!(
                    "{} · wie wat wanneer leverde, staat niet in een publicatie",
                    count_of(count, "waarde", "waarden")
                ),
            );
        });
        return;
    }
    for (batch, count) in figures.provenance.iter().take(4) {
        let when = dutch_datetime(batch.written_at());
        let what = match (&batch.source.kind, &batch.source.file_name) {
            (BatchKind::Manual, Some(file)) => format!("ingevoerd {when} uit {file}"),
            (kind, Some(file)) => format!("{} {when} ({file})", kind.label()),
            (kind, None) => format!("{} {when}", kind.label()),
        };
        card(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(format!("{what} door {}", batch.source.user));
            muted(
                ui,
                format!(
                    "batch {} · {}",
                    batch.id,
                    count_of(*count, "waarde", "waarden")
                ),
            );
        });
        ui.add_space(4.0);
    }
}
