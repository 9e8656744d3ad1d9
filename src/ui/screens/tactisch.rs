//! Tactisch: one indicator in depth. The trend per gemeente and for the region, the numbers of the
//! last periods, what the indicator means and where its values came from.

use eframe::egui::{self, RichText};

use super::duiding::status_badge;
use super::herkomst::provenance;
use super::numbers_table::numbers_table;
use super::verhalen::open_button;
use crate::app::{CbsTableView, Dashboard, IndicatorFigures, Permissions};
use crate::domain::{Event, Publication, Source, StockOrFlow, WebUrl, dutch_date};
use crate::ui::chart_image::ChartUse;
use crate::ui::events::{EventAction, EventEditor, events_of, events_panel};
use crate::ui::plot::trend_plot;
use crate::ui::spoken::BROKEN;
use crate::ui::theme;
use crate::ui::widgets::{card, movement_chip, muted, section_label};

/// What the user asked for on this layer.
pub(in crate::ui) enum TacticalAction {
    Pick(String),
    WriteNote(String),
    Open(String, WebUrl),
    /// Copy or save the plot, which is drawn in this part of the window.
    Chart(ChartUse, egui::Rect),
    /// Add or remove an event, from the panel of this indicator.
    Event(String, EventAction),
    /// Ask CBS what the indicator's table publishes, or put that away again.
    DescribeCbs(String),
    HideCbs,
}

/// Draws the layer for `selected`.
pub(in crate::ui) fn tactical(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    selected: &str,
    cbs_table: Option<&CbsTableView>,
    event_editor: &mut EventEditor,
    may: Permissions,
    published: Option<&Publication>,
) -> Option<TacticalAction> {
    let figures = dashboard
        .indicators
        .iter()
        .find(|f| f.indicator.id == selected)
        .or(dashboard.indicators.first())?;
    let mut picked = None;
    let events = events_of(&dashboard.events, figures);
    let mut side = |ui: &mut egui::Ui| {
        if let Some(action) = info(ui, figures, cbs_table, published) {
            picked = Some(action);
        }
        if let Some(action) = notes_and_stories(ui, dashboard, figures, may) {
            picked = Some(action);
        }
        if let Some(action) = events_panel(ui, &events, &dashboard.region, event_editor, may.manage)
        {
            picked = Some(TacticalAction::Event(figures.indicator.id.clone(), action));
        }
    };
    if ui.available_width() < INFO_BESIDE {
        // Zoomed in (200 %) or a narrow window: the information follows the figures in one column,
        // so neither is squeezed.
        let mut main_picked = None;
        egui::ScrollArea::vertical()
            .id_salt("tactical_scroll")
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 14.0);
                main_picked = figures_part(ui, dashboard, figures, &events);
                ui.add_space(16.0);
                side(ui);
            });
        return main_picked.or(picked);
    }
    egui::Panel::right("indicator_info")
        .resizable(false)
        .exact_size(340.0)
        .frame(egui::Frame::new().inner_margin(egui::Margin {
            left: 20,
            ..egui::Margin::ZERO
        }))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("indicator_info_scroll")
                .show(ui, side);
        });
    let mut main_picked = None;
    egui::CentralPanel::no_frame().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("tactical_scroll")
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 14.0);
                main_picked = figures_part(ui, dashboard, figures, &events);
            });
    });
    main_picked.or(picked)
}

/// Below this width (points) the information panel moves under the figures.
const INFO_BESIDE: f32 = 900.0;

/// The header, the plot with its buttons and the numbers table.
fn figures_part(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    figures: &IndicatorFigures,
    events: &[&Event],
) -> Option<TacticalAction> {
    let mut picked = None;
    if let Some(id) = header(ui, dashboard, figures) {
        picked = Some(TacticalAction::Pick(id));
    }
    ui.add_space(8.0);
    if figures.periods().is_empty() {
        // An empty plot would only show the axis an event happens to span.
        card(ui, |ui| {
            ui.set_width(ui.available_width());
            muted(ui, no_values_yet(figures));
        });
    } else {
        let chart = ui
            .scope(|ui| {
                card(ui, |ui| {
                    ui.set_width(ui.available_width());
                    trend_plot(ui, figures, events);
                })
            })
            .response
            .rect;
        ui.horizontal(|ui| {
            if ui.button("Grafiek kopiëren").clicked() {
                picked = Some(TacticalAction::Chart(ChartUse::Copy, chart));
            }
            if ui.button("Grafiek bewaren als PNG…").clicked() {
                picked = Some(TacticalAction::Chart(ChartUse::Save, chart));
            }
        });
    }
    ui.add_space(12.0);
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        numbers_table(ui, figures);
    });
    picked
}

fn header(ui: &mut egui::Ui, dashboard: &Dashboard, figures: &IndicatorFigures) -> Option<String> {
    let palette = theme::palette(ui);
    let indicator = &figures.indicator;
    let mut picked = None;
    muted(
        ui,
        format!("{} · {}", indicator.domain.label(), indicator.theme),
    );
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("indicator_picker")
            .selected_text(
                RichText::new(&indicator.name)
                    .size(theme::PAGE_TITLE - 4.0)
                    .strong(),
            )
            .height(600.0)
            .show_ui(ui, |ui| {
                for other in &dashboard.indicators {
                    let chosen = other.indicator.id == indicator.id;
                    if ui.selectable_label(chosen, &other.indicator.name).clicked() && !chosen {
                        picked = Some(other.indicator.id.clone());
                    }
                }
            })
            .response
            .accessible_name("Indicator");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.vertical(|ui| {
                let period = figures.latest.map_or(String::new(), |p| p.label());
                muted(ui, format!("{} · {period}", dashboard.region.name()));
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(figures.value_text())
                            .size(theme::KPI)
                            .strong(),
                    );
                    if let (Some(movement), Some(change)) =
                        (figures.movement(), figures.year_on_year)
                    {
                        movement_chip(ui, &movement, Some(&change.from.label()));
                        muted(ui, format!("t.o.v. {}", change.from.label()));
                    } else if figures.broken_at.is_some() {
                        muted(ui, BROKEN);
                    }
                });
                if let Some(words) = figures.expected_words() {
                    muted(ui, words);
                }
            });
        });
    });
    let measure = if figures.per_1000 {
        "Per 1.000 inwoners"
    } else {
        "Aantallen zoals geleverd"
    };
    let periods = figures.periods();
    let span = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) => format!(" · {} – {}", first.label(), last.label()),
        _ => String::new(),
    };
    ui.label(
        RichText::new(format!(
            "{measure}, {}{span} · {}",
            indicator.frequency.label(),
            indicator.polarity.label()
        ))
        .color(palette.text_secondary),
    );
    picked
}

fn info(
    ui: &mut egui::Ui,
    figures: &IndicatorFigures,
    cbs_table: Option<&CbsTableView>,
    published: Option<&Publication>,
) -> Option<TacticalAction> {
    let indicator = &figures.indicator;
    let mut asked = None;
    section_label(ui, "Over deze indicator");
    ui.label(&indicator.description);
    ui.add_space(8.0);
    let source = indicator.source.label();
    let shielding = if indicator.shielding_threshold > 0 {
        format!(
            "Aantallen onder {} per gebied",
            indicator.shielding_threshold
        )
    } else {
        "Geen".to_string()
    };
    egui::Grid::new("indicator_facts")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (key, value) in [
                ("Leverancier", indicator.supplier.clone()),
                ("Bron", source),
                ("Thema", indicator.theme.clone()),
                ("Levering", indicator.frequency.label().to_string()),
                ("Soort", stock_or_flow(indicator.stock_or_flow).to_string()),
                ("Afscherming", shielding),
            ] {
                muted(ui, key);
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            }
        });
    if let Source::Cbs(source) = &indicator.source {
        asked = cbs_description(ui, &source.table, cbs_table);
    }
    ui.add_space(14.0);
    provenance(ui, figures, published);
    asked
}

/// What the indicator's CBS table publishes, asked for on a click: the keys a definition is made of,
/// so a refused fetch can be put right.
fn cbs_description(
    ui: &mut egui::Ui,
    table: &str,
    shown: Option<&CbsTableView>,
) -> Option<TacticalAction> {
    ui.add_space(6.0);
    let Some(view) = shown.filter(|view| view.table == table) else {
        return ui
            .button(format!("Tabel {table} bij CBS bekijken"))
            .clicked()
            .then(|| TacticalAction::DescribeCbs(table.to_string()));
    };
    match &view.text {
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("CBS wordt gevraagd wat tabel {table} publiceert…"));
            });
            None
        }
        Some(text) => {
            let hide = ui.button("Tabelbeschrijving verbergen").clicked();
            card(ui, |ui| {
                ui.set_width(ui.available_width());
                match text {
                    Ok(text) => {
                        ui.add(egui::Label::new(RichText::new(text).monospace().size(11.0)).wrap())
                    }
                    Err(error) => ui.add(
                        egui::Label::new(RichText::new(error).color(theme::palette(ui).worse))
                            .wrap(),
                    ),
                };
            });
            hide.then_some(TacticalAction::HideCbs)
        }
    }
}

/// The notes on this indicator, newest BO first, and the stories beside it.
fn notes_and_stories(
    ui: &mut egui::Ui,
    dashboard: &Dashboard,
    figures: &IndicatorFigures,
    may: Permissions,
) -> Option<TacticalAction> {
    let mut action = None;
    let id = &figures.indicator.id;
    ui.add_space(14.0);
    section_label(ui, "Duiding");
    let notes: Vec<_> = dashboard.notes_on(id).take(3).collect();
    if notes.is_empty() {
        muted(ui, "Nog geen duiding bij deze indicator.");
    }
    for note in notes {
        card(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                status_badge(ui, note.status);
                muted(ui, format!("BO {}", dutch_date(note.draft.bo_date)));
            });
            muted(ui, &note.draft.author);
            ui.label(&note.draft.text);
        });
        ui.add_space(4.0);
    }
    if may.manage && ui.button("Duiding schrijven").clicked() {
        action = Some(TacticalAction::WriteNote(id.clone()));
    }
    let stories: Vec<_> = dashboard.stories_beside(figures).collect();
    if !stories.is_empty() {
        ui.add_space(14.0);
        section_label(ui, "Gekoppelde verhalen");
    }
    for story in stories {
        card(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&story.draft.title).strong());
            muted(ui, story.draft.kind.label());
            ui.horizontal(|ui| {
                if open_button(ui, story) {
                    action = Some(TacticalAction::Open(
                        story.draft.title.clone(),
                        story.draft.url.clone(),
                    ));
                }
            });
        });
        ui.add_space(4.0);
    }
    action
}

fn stock_or_flow(kind: StockOrFlow) -> &'static str {
    match kind {
        StockOrFlow::Stand => "stand op een datum",
        StockOrFlow::Stroom => "stroom over de periode",
    }
}

/// What the trend's place says while an indicator has no values: where they come from.
fn no_values_yet(figures: &IndicatorFigures) -> String {
    match &figures.indicator.source {
        Source::Cbs(cbs) => format!(
            "Nog geen waarden voor deze indicator. Haal ze op bij het CBS (tabel {}) via Gegevens.",
            cbs.table
        ),
        Source::Manual => format!(
            "Nog geen waarden voor deze indicator. {} levert ze aan; lees ze in via Gegevens.",
            figures.indicator.supplier
        ),
    }
}
