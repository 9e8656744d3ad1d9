//! The form of the Indicatoren screen: one field per key of an indicator file, texts typed and coded
//! values chosen, each with what "Opslaan" refused there shown beneath it.

use eframe::egui::{self, RichText};

use crate::app::{CatalogCommand, Command, IndicatorEditor, SourceKind};
use crate::domain::{Coded, THEMES};
use crate::ui::theme;
use crate::ui::widgets::{card, muted, named_group};

/// The keys the form has a field for; a problem at any other key is shown above the form.
const KEYS: [&str; 20] = [
    "id",
    "name",
    "description",
    "domain",
    "theme",
    "layer",
    "unit",
    "frequency",
    "kind",
    "polarity",
    "aggregation",
    "per_1000",
    "shielding_threshold",
    "supplier",
    "due_days",
    "source",
    "source.type",
    "source.table",
    "source.measure",
    "source.filters",
];

pub(in crate::ui) fn indicator_form(
    ui: &mut egui::Ui,
    editor: &mut IndicatorEditor,
) -> Option<Command> {
    let palette = theme::palette(ui);
    let mut action = None;
    card(ui, |ui| {
        ui.set_width(ui.available_width());
        let heading = match &editor.editing {
            Some(_) => format!("Bewerken: {}", editor.name),
            None => "Nieuwe indicator".to_string(),
        };
        ui.label(RichText::new(heading).size(theme::CARD_TITLE).strong());
        let general: Vec<String> = editor
            .errors
            .iter()
            .filter(|(key, _)| !KEYS.contains(&key.as_str()))
            .flat_map(|(_, messages)| messages.clone())
            .collect();
        for message in general {
            ui.label(RichText::new(message).color(palette.worse));
        }
        ui.add_space(6.0);
        egui::Grid::new("indicator_form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| fields(ui, editor));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Opslaan").clicked() {
                action = Some(Command::Catalog(CatalogCommand::Save));
            }
            if ui.button("Annuleren").clicked() {
                action = Some(Command::Catalog(CatalogCommand::CancelEdit));
            }
        });
    });
    action
}

fn fields(ui: &mut egui::Ui, editor: &mut IndicatorEditor) {
    let errors = editor.errors.clone();
    let problems = |key: &str| errors.get(key).cloned().unwrap_or_default();
    let name = "Id van de indicator";
    row(ui, "Id", name, &problems("id"), |ui| {
        match &editor.editing {
            // The id names the indicator's values and history; a new meaning needs a new indicator.
            Some(id) => muted(ui, format!("{id} (vast)")),
            None => text(ui, name, &mut editor.id, false),
        }
    });
    let name = "Naam van de indicator";
    row(ui, "Naam", name, &problems("name"), |ui| {
        text(ui, name, &mut editor.name, false);
    });
    let name = "Omschrijving van de indicator";
    row(ui, "Omschrijving", name, &problems("description"), |ui| {
        text(ui, name, &mut editor.description, true);
    });
    let name = "Domein van de indicator";
    row(ui, "Domein", name, &problems("domain"), |ui| {
        coded(ui, name, &mut editor.domain);
    });
    let name = "Thema van de indicator";
    row(ui, "Thema", name, &problems("theme"), |ui| {
        let themes: Vec<String> = THEMES.iter().map(|t| t.to_string()).collect();
        options(ui, name, &mut editor.theme, &themes);
    });
    let name = "Laag van de indicator";
    row(ui, "Laag", name, &problems("layer"), |ui| {
        coded(ui, name, &mut editor.layer);
    });
    let name = "Eenheid van de indicator";
    row(ui, "Eenheid", name, &problems("unit"), |ui| {
        coded(ui, name, &mut editor.unit);
    });
    let name = "Frequentie van de indicator";
    row(ui, "Frequentie", name, &problems("frequency"), |ui| {
        coded(ui, name, &mut editor.frequency);
    });
    let name = "Soort van de indicator";
    row(
        ui,
        "Soort (stand of stroom)",
        name,
        &problems("kind"),
        |ui| {
            coded(ui, name, &mut editor.kind);
        },
    );
    let name = "Polariteit van de indicator";
    row(ui, "Polariteit", name, &problems("polarity"), |ui| {
        coded(ui, name, &mut editor.polarity);
    });
    let name = "Aggregatie van de indicator";
    let caption = "Aggregatie naar de regio";
    row(ui, caption, name, &problems("aggregation"), |ui| {
        coded(ui, name, &mut editor.aggregation);
    });
    let name = "Per 1.000 inwoners zinvol";
    row(
        ui,
        "Per 1.000 inwoners",
        name,
        &problems("per_1000"),
        |ui| {
            ui.checkbox(&mut editor.per_1000, "zinvol om te tonen")
                .accessible_name(name);
        },
    );
    let name = "Afschermingsdrempel";
    row(
        ui,
        "Afscherming onder",
        name,
        &problems("shielding_threshold"),
        |ui| {
            let edit = egui::TextEdit::singleline(&mut editor.shielding_threshold).hint_text("5");
            field(ui, name, edit);
        },
    );
    let name = "Leverancier van de indicator";
    row(ui, "Leverancier", name, &problems("supplier"), |ui| {
        text(ui, name, &mut editor.supplier, false);
    });
    let name = "Levertermijn in dagen";
    row(
        ui,
        "Levertermijn (dagen)",
        name,
        &problems("due_days"),
        |ui| {
            let edit = egui::TextEdit::singleline(&mut editor.due_days)
                .hint_text("gebruikelijk voor de frequentie");
            field(ui, name, edit);
        },
    );
    let mut source = problems("source");
    source.extend(problems("source.type"));
    let name = "Bron van de indicator";
    row(ui, "Bron", name, &source, |ui| {
        egui::ComboBox::from_id_salt("indicator_source")
            .selected_text(editor.source.map_or("kies…", SourceKind::code))
            .show_ui(ui, |ui| {
                for kind in SourceKind::ALL {
                    ui.selectable_value(&mut editor.source, Some(kind), kind.code());
                }
            })
            .response
            .accessible_name(name);
    });
    if editor.source == Some(SourceKind::Cbs) {
        let name = "CBS-tabel van de indicator";
        row(ui, "CBS-tabel", name, &problems("source.table"), |ui| {
            text(ui, name, &mut editor.table, false);
        });
        let name = "CBS-onderwerp van de indicator";
        row(
            ui,
            "CBS-onderwerp",
            name,
            &problems("source.measure"),
            |ui| {
                text(ui, name, &mut editor.measure, false);
            },
        );
        let name = "CBS-filters van de indicator";
        let caption = "CBS-filters (dimensie=categorie, …)";
        row(ui, caption, name, &problems("source.filters"), |ui| {
            text(ui, name, &mut editor.filters, false);
        });
        ui.label("");
        muted(
            ui,
            "De CBS-sleutels worden gecontroleerd tegen de tabel wanneer de cijfers opgehaald \
             worden; regio-in-beeld cbs describe TABEL toont welke er zijn.",
        );
        ui.end_row();
    }
}

/// A caption, the field (named `name` for screen readers), and beneath the field every problem
/// found there, as a group "<name>: problemen".
fn row(
    ui: &mut egui::Ui,
    caption: &str,
    name: &str,
    problems: &[String],
    add: impl FnOnce(&mut egui::Ui),
) {
    let palette = theme::palette(ui);
    muted(ui, caption);
    ui.vertical(|ui| {
        add(ui);
        if !problems.is_empty() {
            named_group(ui, &format!("{name}: problemen"), |ui| {
                for problem in problems {
                    ui.label(RichText::new(problem).color(palette.worse));
                }
            });
        }
    });
    ui.end_row();
}

fn text(ui: &mut egui::Ui, name: &str, value: &mut String, multiline: bool) {
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(3)
    } else {
        egui::TextEdit::singleline(value)
    };
    field(ui, name, edit);
}

fn field(ui: &mut egui::Ui, name: &str, edit: egui::TextEdit<'_>) {
    ui.add(
        edit.background_color(theme::palette(ui).background)
            .desired_width(300.0),
    )
    .accessible_name(name);
}

fn coded<T: Coded + PartialEq>(ui: &mut egui::Ui, name: &str, chosen: &mut Option<T>) {
    egui::ComboBox::from_id_salt(name)
        .selected_text(chosen.map_or("kies…", |value| value.code()))
        .show_ui(ui, |ui| {
            for value in T::ALL {
                ui.selectable_value(chosen, Some(*value), value.code());
            }
        })
        .response
        .accessible_name(name);
}

fn options(ui: &mut egui::Ui, name: &str, chosen: &mut Option<String>, values: &[String]) {
    egui::ComboBox::from_id_salt(name)
        .selected_text(chosen.as_deref().unwrap_or("kies…"))
        // Every theme at once, without scrolling the list.
        .height(400.0)
        .show_ui(ui, |ui| {
            for value in values {
                ui.selectable_value(chosen, Some(value.clone()), value);
            }
        })
        .response
        .accessible_name(name);
}
