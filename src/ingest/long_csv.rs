//! The long CSV format: `indicator;gebied;periode;waarde` plus optional `status` and `opmerking`.

use std::collections::{HashMap, HashSet};

use super::ImportProblem;
use super::cell::read_value;
use crate::domain::{Area, Indicator, Observation, Period};

const REQUIRED: [&str; 4] = ["indicator", "gebied", "periode", "waarde"];
const OPTIONAL: [&str; 2] = ["status", "opmerking"];

/// Reads a whole long-format file and reports every problem in it; `file` names it in the messages.
pub fn read_long_csv(
    file: &str,
    bytes: &[u8],
    indicators: &[Indicator],
) -> Result<Vec<Observation>, Vec<ImportProblem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![ImportProblem::file(
            file,
            "het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8",
        )]);
    };
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let by_id: HashMap<&str, &Indicator> = indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut problems = Vec::new();
    let mut observations = Vec::new();
    let mut columns: Option<HashMap<&'static str, usize>> = None;
    let mut seen = HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let row = error.position().map(|p| p.line()).unwrap_or(0);
                problems.push(ImportProblem::cell(
                    file,
                    row,
                    "-",
                    format!("onleesbare regel: {error}"),
                ));
                continue;
            }
        };
        let row = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let Some(columns) = &columns else {
            match read_header(file, row, &record) {
                Ok(found) => columns = Some(found),
                Err(found) => return Err(found),
            }
            continue;
        };
        let field = |name: &str| {
            columns
                .get(name)
                .and_then(|i| record.get(*i))
                .unwrap_or("")
                .trim()
        };
        let mut problem = |column: &str, message: String| {
            problems.push(ImportProblem::cell(file, row, column, message))
        };

        let indicator = match by_id.get(field("indicator")) {
            Some(indicator) => Some(*indicator),
            None => {
                problem(
                    "indicator",
                    format!("onbekende indicator '{}'", field("indicator")),
                );
                None
            }
        };
        let area = Area::parse(field("gebied"))
            .map_err(|e| problem("gebied", e.to_string()))
            .ok();
        let period = Period::parse(field("periode"))
            .map_err(|e| problem("periode", e.to_string()))
            .ok();
        if let (Some(indicator), Some(period)) = (indicator, &period)
            && !indicator.frequency.fits(period)
        {
            problem(
                "periode",
                format!(
                    "'{}' past niet bij {}: verwacht {}",
                    field("periode"),
                    indicator.id,
                    indicator.frequency.expectation()
                ),
            );
        }
        let value = read_value(field("waarde"), field("status"))
            .map_err(|e| problem("waarde", e))
            .ok();
        let (Some(indicator), Some(area), Some(period), Some((value, provisional))) =
            (indicator, area, period, value)
        else {
            continue;
        };
        if !seen.insert((indicator.id.as_str(), area.code, period)) {
            problem(
                "periode",
                format!(
                    "{} {} {} staat al eerder in het bestand",
                    indicator.id,
                    area.name,
                    period.label()
                ),
            );
            continue;
        }
        let remark = Some(field("opmerking"))
            .filter(|r| !r.is_empty())
            .map(str::to_string);
        observations.push(Observation {
            indicator: indicator.id.clone(),
            area,
            period,
            value,
            provisional,
            remark,
        });
    }
    if columns.is_none() {
        problems.push(ImportProblem::file(
            file,
            "het bestand is leeg; verwacht een kopregel indicator;gebied;periode;waarde",
        ));
    }
    if problems.is_empty() {
        Ok(observations)
    } else {
        Err(problems)
    }
}

/// `;` unless the first line holds more `,` or tabs (Excel NL writes `;`).
fn detect_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| (count(char::from(*d)), *d == b';'))
        .unwrap_or(b';')
}

fn read_header(
    file: &str,
    row: u64,
    record: &csv::StringRecord,
) -> Result<HashMap<&'static str, usize>, Vec<ImportProblem>> {
    let mut columns = HashMap::new();
    let mut problems = Vec::new();
    for (i, name) in record.iter().enumerate() {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            continue;
        }
        match REQUIRED
            .iter()
            .chain(&OPTIONAL)
            .find(|known| **known == name)
        {
            Some(known) => {
                columns.insert(*known, i);
            }
            None => problems.push(ImportProblem::cell(
                file,
                row,
                &name,
                format!(
                    "onbekende kolom '{name}'; verwacht {} en eventueel {}",
                    REQUIRED.join(", "),
                    OPTIONAL.join(", ")
                ),
            )),
        }
    }
    for required in REQUIRED {
        if !columns.contains_key(required) {
            problems.push(ImportProblem::cell(
                file,
                row,
                required,
                format!("kolom '{required}' ontbreekt in de kopregel"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}
