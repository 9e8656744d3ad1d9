//! Indicatoren: the region's indicator set as the store keeps it. A list with filters on the left;
//! on the right the chosen definition with its history, or the form that writes one.

use std::collections::BTreeSet;

use eframe::egui::{self, RichText};

use super::indicator_form::indicator_form;
use crate::app::{
    CatalogCommand, CatalogEntry, CatalogFilter, Command, DefinitionDetail, IndicatorEditor,
    IndicatorenView, Permissions, SourceKind,
};
use crate::domain::{Coded, Domain, Layer, Source, dutch_datetime};
use crate::ui::theme;
use crate::ui::widgets::{card, muted, named_card, named_group, section_label};

/// The widths of the list's columns: name (with the id under it), domain, layer, supplier, source,
/// status. Wide enough that words wrap between them, never inside one.
const COLUMNS: [f32; 6] = [230.0, 76.0, 76.0, 150.0, 104.0, 76.0];

pub(in crate::ui) fn indicatoren(
    ui: &mut egui::Ui,
    shown: &IndicatorenView,
    chosen: Option<&str>,
    editor: &mut Option<IndicatorEditor>,
    filter: &mut CatalogFilter,
    may: Permissions,
) -> Option<Command> {
    let palette = theme::palette(ui);
    let mut action = None;
    let editable = shown.given_by.is_none() && may.manage;
    ui.label(
        RichText::new("Indicatoren")
            .size(theme::PAGE_TITLE)
            .strong(),
    );
    ui.label(
        RichText::new(
            "De indicatorenset van de regio, zoals de database hem bewaart: elke wijziging met wie, \
             wanneer en in welke batch.",
        )
        .color(palette.text_secondary),
    );
    if let Some(what) = &shown.given_by {
        ui.label(
            RichText::new(format!(
                "Deze sessie gebruikt {what} (--indicators) in plaats van de catalogus in de \
                 database; hier kan niets gewijzigd worden."
            ))
            .color(palette.attention)
            .strong(),
        );
    }
    ui.add_space(10.0);
    let visible: Vec<&CatalogEntry> = shown.entries.iter().filter(|e| filter.matches(e)).collect();
    ui.horizontal_wrapped(|ui| {
        filters(ui, &shown.entries, filter);
        muted(ui, format!("{} van {}", visible.len(), shown.entries.len()));
        if editable && ui.button("Nieuwe indicator").clicked() {
            action = Some(Command::Catalog(CatalogCommand::New));
        }
    });
    ui.add_space(8.0);
    let list_width = COLUMNS.iter().sum::<f32>() + 44.0;
    let list_part = |ui: &mut egui::Ui| {
        card(ui, |ui| {
            ui.set_width(list_width - 30.0);
            if let Some(id) = list(ui, &visible, chosen) {
                action = Some(Command::Catalog(CatalogCommand::Select(id)));
            }
        });
    };
    let mut asked = None;
    let mut detail_part = |ui: &mut egui::Ui| {
        ui.set_width(ui.available_width());
        asked = match (editor.as_mut(), &shown.detail) {
            (Some(editor), _) => indicator_form(ui, editor),
            (None, Some(detail)) => definition(ui, detail, editable),
            (None, None) => {
                muted(
                    ui,
                    "Kies een indicator in de lijst om haar definitie en geschiedenis te zien.",
                );
                None
            }
        };
    };
    let height = ui.available_height();
    if ui.available_width() < list_width + DETAIL_BESIDE {
        // Zoomed in (200 %) or a narrow window: the definition goes under the list in one scrolling
        // column; the list scrolls sideways where its columns do not fit.
        egui::ScrollArea::vertical()
            .id_salt("catalog_detail")
            .show(ui, |ui| {
                egui::ScrollArea::horizontal()
                    .id_salt("catalog_list")
                    .show(ui, list_part);
                ui.add_space(12.0);
                detail_part(ui);
            });
    } else {
        let top_down = egui::Layout::top_down(egui::Align::Min);
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(egui::vec2(list_width, height), top_down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("catalog_list")
                    .show(ui, list_part);
            });
            ui.add_space(12.0);
            let size = egui::vec2(ui.available_width(), height);
            ui.allocate_ui_with_layout(size, top_down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("catalog_detail")
                    .show(ui, detail_part);
            });
        });
    }
    asked.or(action)
}

/// The narrowest the definition beside the list may be (points) before it moves under the list.
const DETAIL_BESIDE: f32 = 360.0;

/// Domain, layer, supplier and source, each "alle" or one value.
fn filters(ui: &mut egui::Ui, entries: &[CatalogEntry], filter: &mut CatalogFilter) {
    muted(ui, "Filter");
    let domains: Vec<(Domain, &str)> = Domain::ALL.iter().map(|d| (*d, d.code())).collect();
    choice(ui, "Domein", "Filter domein", &mut filter.domain, &domains);
    let layers: Vec<(Layer, &str)> = Layer::ALL.iter().map(|l| (*l, l.code())).collect();
    choice(ui, "Laag", "Filter laag", &mut filter.layer, &layers);
    let suppliers: BTreeSet<&str> = entries
        .iter()
        .map(|e| e.indicator.supplier.as_str())
        .collect();
    let suppliers: Vec<(String, &str)> = suppliers.iter().map(|s| (s.to_string(), *s)).collect();
    choice(
        ui,
        "Leverancier",
        "Filter leverancier",
        &mut filter.supplier,
        &suppliers,
    );
    let sources: Vec<(SourceKind, &str)> = SourceKind::ALL.iter().map(|s| (*s, s.code())).collect();
    choice(ui, "Bron", "Filter bron", &mut filter.source, &sources);
}

fn choice<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    what: &str,
    name: &str,
    chosen: &mut Option<T>,
    options: &[(T, &str)],
) {
    let shown = options
        .iter()
        .find(|(value, _)| Some(value) == chosen.as_ref())
        .map_or_else(
            || format!("{what}: alle"),
            |(_, label)| format!("{what}: {label}"),
        );
    egui::ComboBox::from_id_salt(name)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, "alle");
            for (value, label) in options {
                ui.selectable_value(chosen, Some(value.clone()), *label);
            }
        })
        .response
        .accessible_name(name);
}

/// One row per definition; returns the one the user chose.
fn list(ui: &mut egui::Ui, entries: &[&CatalogEntry], chosen: Option<&str>) -> Option<String> {
    let palette = theme::palette(ui);
    let mut picked = None;
    ui.horizontal(|ui| {
        let headers = ["Naam", "Domein", "Laag", "Leverancier", "Bron", "Status"];
        for (header, width) in headers.iter().zip(COLUMNS) {
            cell(ui, width, |ui| {
                ui.label(
                    RichText::new(*header)
                        .size(theme::META)
                        .strong()
                        .color(palette.text_muted),
                );
            });
        }
    });
    ui.separator();
    for entry in entries {
        let indicator = &entry.indicator;
        let selected = chosen == Some(indicator.id.as_str());
        named_group(ui, &format!("Indicator: {}", indicator.name), |ui| {
            ui.horizontal_top(|ui| {
                cell(ui, COLUMNS[0], |ui| {
                    let name = RichText::new(&indicator.name);
                    if ui.selectable_label(selected, name).clicked() && !selected {
                        picked = Some(indicator.id.clone());
                    }
                    // Under the name, where the selectable label's padding puts its text.
                    ui.horizontal(|ui| {
                        ui.add_space(ui.spacing().button_padding.x);
                        ui.label(
                            RichText::new(&indicator.id)
                                .size(theme::META)
                                .color(palette.text_muted),
                        );
                    });
                });
                let source = match &indicator.source {
                    Source::Manual => "handmatig".to_string(),
                    Source::Cbs(cbs) => format!("CBS {}", cbs.table),
                };
                let texts = [
                    indicator.domain.code(),
                    indicator.layer.code(),
                    indicator.supplier.as_str(),
                    source.as_str(),
                ];
                for (text, width) in texts.into_iter().zip(&COLUMNS[1..]) {
                    cell(ui, *width, |ui| {
                        ui.label(RichText::new(text).size(theme::META));
                    });
                }
                cell(ui, COLUMNS[5], |ui| status(ui, entry.retired));
            });
        });
    }
    if entries.is_empty() {
        muted(ui, "Geen indicatoren bij deze filters.");
    }
    picked
}

/// A column of the list: text wraps within it.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let layout = egui::Layout::top_down(egui::Align::Min);
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
        ui.set_width(width);
        add(ui);
    });
}

/// "actief" or "ingetrokken", in words and colour.
fn status(ui: &mut egui::Ui, retired: bool) {
    let palette = theme::palette(ui);
    let (text, color) = if retired {
        ("ingetrokken", palette.worse)
    } else {
        ("actief", palette.better)
    };
    ui.label(RichText::new(text).size(theme::META).strong().color(color));
}

/// The chosen definition, its buttons, and every version it had.
fn definition(ui: &mut egui::Ui, detail: &DefinitionDetail, editable: bool) -> Option<Command> {
    let mut action = None;
    let entry = &detail.entry;
    let indicator = &entry.indicator;
    named_card(ui, &format!("Definitie: {}", indicator.name), |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(&indicator.name)
                    .size(theme::CARD_TITLE)
                    .strong(),
            );
            status(ui, entry.retired);
        });
        muted(ui, format!("{} · versie {}", indicator.id, entry.version));
        ui.label(&indicator.description);
        ui.add_space(6.0);
        facts(ui, entry);
        ui.add_space(6.0);
        if entry.retired {
            muted(
                ui,
                "Ingetrokken: niet meer op het dashboard, in sjablonen en in de levermatrix; de \
                 waarden en de geschiedenis blijven bewaard.",
            );
        } else if editable {
            ui.horizontal(|ui| {
                let id = &indicator.id;
                if ui.button("Bewerken").clicked() {
                    action = Some(Command::Catalog(CatalogCommand::Edit(id.clone())));
                }
                if ui.button("Intrekken").clicked() {
                    action = Some(Command::Catalog(CatalogCommand::Retire(id.clone())));
                }
            });
        }
    });
    ui.add_space(10.0);
    section_label(ui, "Geschiedenis");
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("definition_history")
            .num_columns(4)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for header in ["Versie", "Door", "Wanneer", "Batch"] {
                    muted(ui, header);
                }
                ui.end_row();
                for version in detail.history.iter().rev() {
                    ui.label(version.version.to_string());
                    ui.label(&version.user);
                    ui.label(dutch_datetime(&version.written_at));
                    let batch = match &version.undone_at {
                        Some(_) => format!("{} (ongedaan gemaakt)", version.batch),
                        None if version.retired => format!("{} (ingetrokken)", version.batch),
                        None => version.batch.to_string(),
                    };
                    ui.label(batch);
                    ui.end_row();
                }
            });
    });
    action
}

/// Every key of the definition, in Dutch.
fn facts(ui: &mut egui::Ui, entry: &CatalogEntry) {
    let indicator = &entry.indicator;
    let source = match &indicator.source {
        Source::Manual => indicator.source.label(),
        Source::Cbs(cbs) => {
            let filters: Vec<String> = cbs
                .filters
                .iter()
                .map(|(dimension, category)| format!("{dimension}={category}"))
                .collect();
            let mut text = format!("{} · onderwerp {}", indicator.source.label(), cbs.measure);
            if !filters.is_empty() {
                text.push_str(&format!(" · filters {}", filters.join(", ")));
            }
            text
        }
    };
    let yes_no = |on: bool| if on { "ja" } else { "nee" };
    let rows = [
        ("Domein", indicator.domain.code().to_string()),
        ("Thema", indicator.theme.clone()),
        ("Laag", indicator.layer.code().to_string()),
        ("Eenheid", indicator.unit.code().to_string()),
        ("Frequentie", indicator.frequency.code().to_string()),
        ("Soort", indicator.stock_or_flow.code().to_string()),
        ("Polariteit", indicator.polarity.code().to_string()),
        ("Aggregatie", indicator.aggregation.code().to_string()),
        ("Per 1.000 inwoners", yes_no(indicator.per_1000).to_string()),
        (
            "Afscherming onder",
            indicator.shielding_threshold.to_string(),
        ),
        ("Leverancier", indicator.supplier.clone()),
        ("Levertermijn", format!("{} dagen", indicator.due_days)),
        ("Bron", source),
        (
            "Waarden opgeslagen",
            match entry.has_values {
                true => "ja; eenheid en frequentie liggen vast".to_string(),
                false => "nee".to_string(),
            },
        ),
        (
            "Laatst gewijzigd",
            format!(
                "{}, {}",
                entry.changed_by,
                dutch_datetime(&entry.changed_at)
            ),
        ),
    ];
    egui::Grid::new("definition_facts")
        .num_columns(2)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            for (label, value) in rows {
                muted(ui, label);
                ui.label(value);
                ui.end_row();
            }
        });
}
