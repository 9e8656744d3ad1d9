//! Current observations in the long format, as CSV (what Excel users open) or JSON. In CSV, text that
//! a spreadsheet would run as a formula is written with a leading `'` (see `to_spreadsheet`); import
//! takes it off again.

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::{Indicator, Observation, Reason, Shown, Value, plain_number, to_spreadsheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Serialize)]
struct Row<'a> {
    indicator: &'a str,
    gebied: &'a str,
    gebied_code: &'a str,
    periode: String,
    /// A number, or `<5` for a shielded count, or empty when absent.
    waarde: Option<WaardeCell>,
    status: &'static str,
    opmerking: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum WaardeCell {
    Number(f64),
    Shielded(String),
}

/// What an export hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shielding {
    /// The stored values as they are, for moving data between stores.
    Off,
    /// Small counts as `<5` with status `afgeschermd`, as in every view; a value the supplier
    /// shielded has no number to write and stays empty.
    On,
    /// A publication, where every shielded value is one the screen shows as `<5` (its small counts
    /// were taken out when it was published): each written as `<5`, as on screen.
    Published,
}

/// Renders `observations` (already in export order), shielded as `shielding` says.
pub fn export(
    observations: &[Observation],
    indicators: &[Indicator],
    format: ExportFormat,
    shielding: Shielding,
) -> String {
    let shield = shielding != Shielding::Off;
    let by_id: HashMap<&str, &Indicator> = indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let rows = observations.iter().map(|o| {
        let (waarde, status) = match o.value {
            Value::Number(n) => {
                let shown = match by_id.get(o.indicator.as_str()) {
                    Some(indicator) if shield => indicator.shield(n),
                    _ => Shown::Number(n),
                };
                match shown {
                    Shown::Number(n) => (
                        Some(WaardeCell::Number(n)),
                        if o.provisional {
                            "voorlopig"
                        } else {
                            "definitief"
                        },
                    ),
                    Shown::Shielded(threshold) => (
                        Some(WaardeCell::Shielded(format!("<{threshold}"))),
                        "afgeschermd",
                    ),
                }
            }
            Value::Unavailable(Reason::ShieldedBySupplier) if shielding == Shielding::Published => {
                let threshold = by_id
                    .get(o.indicator.as_str())
                    .map_or(0, |i| i.shielding_threshold);
                (
                    Some(WaardeCell::Shielded(format!("<{threshold}"))),
                    Reason::ShieldedBySupplier.code(),
                )
            }
            Value::Unavailable(reason) => (None, reason.code()),
        };
        Row {
            indicator: &o.indicator,
            gebied: o.area.name,
            gebied_code: o.area.code,
            periode: o.period.short_label(),
            waarde,
            status,
            opmerking: o.remark.as_deref(),
        }
    });
    match format {
        ExportFormat::Csv => csv_text(rows),
        ExportFormat::Json => {
            let rows: Vec<Row> = rows.collect();
            serde_json::to_string_pretty(&rows).expect("rows serialise") + "\n"
        }
    }
}

/// The columns of the long layout, as the export and the CSV template write them.
pub const LONG_HEADER: [&str; 6] = [
    "indicator",
    "gebied",
    "periode",
    "waarde",
    "status",
    "opmerking",
];

fn csv_text<'a>(rows: impl Iterator<Item = Row<'a>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(vec![]);
    let mut write = |fields: [&str; 6]| writer.write_record(fields).expect("writing to memory");
    write(LONG_HEADER);
    for row in rows {
        let waarde = match &row.waarde {
            Some(WaardeCell::Number(n)) => plain_number(*n),
            Some(WaardeCell::Shielded(text)) => text.clone(),
            None => String::new(),
        };
        // Every text cell in its spreadsheet form, so that a remark such as `=HYPERLINK(…)` is shown
        // as text and never run as a formula; the value is a number (or `<5`) and stays as it is.
        write([
            &to_spreadsheet(row.indicator),
            &to_spreadsheet(row.gebied),
            &to_spreadsheet(&row.periode),
            &waarde,
            &to_spreadsheet(row.status),
            &to_spreadsheet(row.opmerking.unwrap_or("")),
        ]);
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("CSV of UTF-8 fields")
}
