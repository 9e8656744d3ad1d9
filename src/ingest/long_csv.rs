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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::domain::{Reason, Value};

    fn read(text: &str) -> Result<Vec<Observation>, Vec<String>> {
        let catalog = Catalog::builtin().unwrap();
        read_long_csv("kwartaal.csv", text.as_bytes(), catalog.indicators())
            .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reads_semicolons_commas_bom_crlf_and_header_case() {
        let semicolons = "\u{feff}Indicator;Gebied;Periode;Waarde\r\nzvh_aanmeldingen;zaanstad;2024 K3;12\r\n;;;\r\n";
        let commas = "indicator,gebied,periode,waarde,status\nzvh_aanmeldingen,GM0479,2024-Q3,12,voorlopig\n";
        let a = read(semicolons).unwrap();
        let b = read(commas).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].area.name, "Zaanstad");
        assert_eq!(a[0].period, b[0].period);
        assert_eq!((a[0].value, a[0].provisional), (Value::Number(12.0), false));
        assert_eq!((b[0].value, b[0].provisional), (Value::Number(12.0), true));
    }

    #[test]
    fn shielded_and_missing_values_are_not_numbers() {
        let text = "indicator;gebied;periode;waarde;status;opmerking\n\
                    mensenhandel_signalen;Landsmeer;2024 K3;<5;;door leverancier afgeschermd\n\
                    mensenhandel_signalen;Oostzaan;2024 K3;;niet geleverd;\n";
        let observations = read(text).unwrap();
        assert_eq!(
            observations[0].value,
            Value::Unavailable(Reason::ShieldedBySupplier)
        );
        assert_eq!(
            observations[0].remark.as_deref(),
            Some("door leverancier afgeschermd")
        );
        assert_eq!(
            observations[1].value,
            Value::Unavailable(Reason::NotDelivered)
        );
    }

    #[test]
    fn every_problem_names_file_row_and_column() {
        let text = "indicator;gebied;periode;waarde\n\
                    zvh_aanmeldingen;Zaandstad;2024 K3;12\n\
                    zvh_aanmeldingen;Purmerend;2024;12\n\
                    onbekend;Purmerend;2024 K3;veel\n\
                    zvh_aanmeldingen;Landsmeer;2024 K3;3\n\
                    zvh_aanmeldingen;landsmeer;2024-K3;4\n";
        let problems = read(text).unwrap_err();
        assert_eq!(
            problems,
            [
                "kwartaal.csv, rij 2, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?",
                "kwartaal.csv, rij 3, kolom periode: '2024' past niet bij zvh_aanmeldingen: verwacht een kwartaal (zoals 2024 K3)",
                "kwartaal.csv, rij 4, kolom indicator: onbekende indicator 'onbekend'",
                "kwartaal.csv, rij 4, kolom waarde: 'veel' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5",
                "kwartaal.csv, rij 6, kolom periode: zvh_aanmeldingen Landsmeer 2024 K3 staat al eerder in het bestand",
            ]
        );
    }

    #[test]
    fn header_problems_stop_before_the_rows() {
        let problems = read("indicator;gebied;periode;bsn\nx;y;z;1\n").unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems[0].starts_with("kwartaal.csv, rij 1, kolom bsn: onbekende kolom 'bsn'"));
        assert!(problems[1].contains("kolom 'waarde' ontbreekt in de kopregel"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "\n\n",
            "\u{0}\u{1}",
            "\"unterminated;x\n",
            ";;;;",
            "a\u{feff};b",
        ] {
            assert!(read(text).is_err(), "{text:?}");
        }
        let catalog = Catalog::builtin().unwrap();
        assert!(read_long_csv("x.csv", &[0xff, 0xfe, 0x00], catalog.indicators()).is_err());
    }
}
