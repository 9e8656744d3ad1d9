//! The long layout: a row per indicator and gebied. What is on record for the period is filled in
//! whole (value, status for an absent or provisional one, remark), so importing it changes nothing.

use super::Content;
use crate::domain::{Observation, Value, plain_number, to_spreadsheet};
use crate::report::LONG_HEADER;

pub(super) fn write(content: &Content) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(LONG_HEADER).expect("writing to memory");
    let period = to_spreadsheet(&content.period.short_label()).into_owned();
    for (indicator, delivered) in content.indicators.iter().zip(&content.delivered) {
        for area in &content.areas {
            let (value, status, remark) = match delivered.get(area.code) {
                Some(observation) => filled_in(observation),
                None => Default::default(),
            };
            // In spreadsheet form like every text cell the program writes (see `to_spreadsheet`):
            // an id, name or remark starting with `=` stays text when Excel opens the file.
            writer
                .write_record([
                    to_spreadsheet(&indicator.id).as_ref(),
                    to_spreadsheet(area.name).as_ref(),
                    &period,
                    &value,
                    status,
                    to_spreadsheet(&remark).as_ref(),
                ])
                .expect("writing to memory");
        }
    }
    // A BOM so that Excel opens the UTF-8 file with the right characters.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(writer.into_inner().expect("writing to memory"));
    bytes
}

/// Value, status and remark of a value on record, as the importer reads them back to the same value.
fn filled_in(observation: &Observation) -> (String, &'static str, String) {
    let remark = observation.remark.clone().unwrap_or_default();
    match observation.value {
        Value::Number(n) => {
            let status = if observation.provisional {
                "voorlopig"
            } else {
                ""
            };
            (plain_number(n), status, remark)
        }
        Value::Unavailable(reason) => (String::new(), reason.code(), remark),
    }
}
