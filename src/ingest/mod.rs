//! Reading delivered files and CBS open data into observations: CSV (any separator, UTF-8 or Windows-1252) and
//! spreadsheets (XLSX, XLS, ODS), in the long or the wide layout. Parses and validates only and never
//! opens the store, so a file with any problem writes nothing.

mod biff;
mod cbs;
mod cell_value;
mod cfb;
mod column_labels;
mod columns;
mod context;
mod csv_table;
mod findings;
mod header;
mod input_file;
mod layout;
mod limits;
mod long_layout;
mod parallel;
mod personal_data;
mod pieces;
mod problem;
mod reading;
mod sheet_table;
mod table;
mod wide_layout;

use std::path::Path;

use crate::domain::{Indicator, Region, sha256_hex};

#[cfg(fuzzing)]
pub use cbs::read_page_for_fuzzing;
pub use cbs::{CbsClient, DEFAULT_BASE_URL, FetchError, FetchedTable, TableDescription};
pub use input_file::read_input_file;
pub use layout::{INSTRUCTION_MARK, INSTRUCTION_SHEET};
pub use problem::{Finding, ImportProblem, Location, ProblemKind, Repeated};
pub use reading::{FileReading, Layout, ReadObservation, TableSummary};

/// Reads one delivered file; `name` is its file name, used in every message and to choose the reader.
/// The file's fingerprint is taken on another core meanwhile.
pub fn read_file(
    name: &str,
    bytes: &[u8],
    indicators: &[Indicator],
    region: &Region,
) -> FileReading {
    let (sha256, (context, summaries, cell_order)) = parallel::both(
        || sha256_hex(bytes),
        || read_contents(name, bytes, indicators, region),
    );
    FileReading {
        file: name.to_string(),
        sha256,
        tables: summaries,
        observations: context.observations,
        problems: context.problems.into_vec(),
        warnings: context.warnings.into_vec(),
        cell_order,
        indicators: indicators.iter().map(|i| i.id.clone()).collect(),
        remarks: context.remarks,
        labels: context.labels,
    }
}

/// The file's tables read into a context: what they held, what they were, and their cell order.
fn read_contents<'a>(
    name: &'a str,
    bytes: &[u8],
    indicators: &'a [Indicator],
    region: &'a Region,
) -> (context::Context<'a>, Vec<TableSummary>, Vec<u32>) {
    let mut context = context::Context::new(name, indicators, region);
    let text;
    let tables = if is_spreadsheet(name, bytes) {
        limits::check_zip(bytes)
            .and_then(|()| limits::check_ods(bytes))
            .and_then(|()| cfb::check_cfb(bytes))
            .and_then(|()| sheet_table::read_sheets(bytes))
    } else {
        text = csv_table::csv_text(bytes);
        match &text {
            Ok(text) => csv_table::read_csv(text).map(|table| vec![table]),
            Err(finding) => Err(finding.clone()),
        }
    };
    let read = tables.and_then(|mut tables| {
        let read = layout::read_tables(&mut context, &mut tables);
        context.unreadable.take().map_or(Ok(read), Err)
    });
    match read {
        Ok((summaries, cell_order)) => (context, summaries, cell_order),
        Err(finding) => {
            // Nothing of a file that cannot be read counts, whatever its other parts held.
            let mut context = context::Context::new(name, indicators, region);
            context.problems.push(ImportProblem::file(name, finding));
            (context, Vec::new(), Vec::new())
        }
    }
}

/// By extension, or by content: XLSX and ODS are zip files, XLS is an OLE file.
fn is_spreadsheet(name: &str, bytes: &[u8]) -> bool {
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match extension.as_deref() {
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => true,
        Some("csv" | "txt" | "tsv") => false,
        _ => bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&cfb::MAGIC),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn text_files_go_to_the_csv_reader_and_workbooks_to_the_spreadsheet_reader() {
        // Excel's "Unicode-tekst" is saved as .txt, UTF-16 with a BOM.
        let unicode_text = b"\xFF\xFEi\0n\0d\0";
        assert!(!is_spreadsheet("Unicode-tekst.txt", unicode_text));
        assert!(!is_spreadsheet("LEVERING.TXT", unicode_text));
        assert!(!is_spreadsheet("levering", unicode_text));
        assert!(!is_spreadsheet("levering.tsv", b"\xFE\xFF\0i"));
        assert!(is_spreadsheet("levering", &cfb::MAGIC));
        assert!(is_spreadsheet("levering", b"PK\x03\x04"));
        assert!(is_spreadsheet("oud.XLS", b""));
    }

    fn read(csv: &str) -> FileReading {
        let catalog = Catalog::builtin().unwrap();
        read_file(
            "levering.csv",
            csv.as_bytes(),
            catalog.indicators(),
            crate::catalog::zawa(),
        )
    }

    fn kinds(problems: &[ImportProblem]) -> Vec<(Option<u64>, ProblemKind)> {
        problems.iter().map(|p| (p.row, p.kind)).collect()
    }

    #[test]
    fn a_value_delivered_twice_is_refused_among_the_other_problems_in_row_order() {
        let reading = read(
            "indicator;gebied;periode;waarde\n\
             zvh_aanmeldingen;Zaanstad;2026 K1;10\n\
             zvh_aanmeldingen;Purmerend;2026 K1;11\n\
             zvh_aanmeldingen;Zaanstad;2026 K1;12\n\
             zvh_aanmeldingen;Zaandstad;2026 K1;13\n\
             zvh_aanmeldingen;Zaanstad;2026 K1;14\n",
        );
        assert_eq!(
            kinds(&reading.problems),
            [
                (Some(4), ProblemKind::Duplicate),
                (Some(5), ProblemKind::UnknownArea),
                (Some(6), ProblemKind::Duplicate),
            ]
        );
        assert_eq!(
            reading.problems[2].message,
            "zvh_aanmeldingen voor Zaanstad in 2026 K1 staat al eerder in het bestand (rij 2)",
            "names the row delivered first"
        );
    }

    #[test]
    fn every_refused_row_says_what_kind_of_problem_it_has() {
        let reading = read(
            "indicator;gebied;periode;waarde;status;opmerking\n\
             zvh_aanmeldingen;Zaandstad;2026 K1;1;;\n\
             zvh_aanmeldingen;Zaanstad;2026;1;;\n\
             zvh_aanmeldingen;Zaanstad;2026 K9;1;;\n\
             onbekend;Zaanstad;2026 K1;1;;\n\
             zvh_aanmeldingen;Purmerend;2026 K1;veel;;\n\
             zvh_aanmeldingen;Purmerend;2026 K2;12%;;\n\
             zvh_aanmeldingen;Purmerend;2026 K3;2,5;;\n\
             zvh_aanmeldingen;Purmerend;2026 K4;3;concept;\n\
             zvh_aanmeldingen;Oostzaan;2026 K1;3;afgeschermd;\n\
             zvh_aanmeldingen;Oostzaan;2026 K2;3;;bel\x07\n\
             zvh_aanmeldingen;Zaanstad;2026 K3;4;;\n\
             zvh_aanmeldingen;Zaanstad;2026 K3;5;;\n\
             zvh_aanmeldingen;Landsmeer;2026 K1;;;\n",
        );
        use ProblemKind::*;
        let expected = [
            UnknownArea,
            WrongFrequency,
            InvalidPeriod,
            UnknownIndicator,
            NotANumber,
            WrongUnit,
            ImpossibleValue,
            UnknownStatus,
            StatusWithValue,
            InvalidRemark,
            Duplicate,
        ];
        let rows = (2..=11).chain([13]).map(Some);
        assert_eq!(
            kinds(&reading.problems),
            rows.zip(expected).collect::<Vec<_>>()
        );
        assert_eq!(kinds(&reading.warnings), [(None, EmptyValues)]);
    }

    /// A long delivery of `rows` rows, each a cell of its own (a day per eight rows), with the
    /// remark `remark` gives each.
    fn large_delivery(rows: usize, remark: impl Fn(usize) -> String) -> String {
        use std::fmt::Write as _;
        let areas = [
            "Edam-Volendam",
            "Landsmeer",
            "Oostzaan",
            "Purmerend",
            "Waterland",
        ];
        let areas = [
            &areas[..],
            &["Wormerland", "Zaanstad", "Zaanstreek-Waterland"],
        ]
        .concat();
        let first = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
        let mut text = String::from("indicator;gebied;periode;waarde;status;opmerking\n");
        for n in 0..rows {
            let day = first + chrono::Days::new(n as u64 / 8);
            let (area, value, remark) = (areas[n % 8], n % 100, remark(n));
            writeln!(
                text,
                "zvh_dossiers_in_behandeling;{area};{day};{value};;{remark}"
            )
            .unwrap();
        }
        text
    }

    #[test]
    fn a_large_file_read_in_parts_keeps_every_remark_with_its_value() {
        let remark = |n: usize| match n % 1000 {
            7 => format!("rij {}", n + 2),
            _ => String::new(),
        };
        let csv = large_delivery(70_000, remark);
        assert!(csv.len() > 3 << 20, "read in several parts");
        let reading = read(&csv);
        assert_eq!(reading.problems, []);
        assert_eq!(reading.observations().count(), 70_000);
        let remarks: Vec<(u64, &str)> = reading
            .observations()
            .filter_map(|r| Some((r.location().row, r.remark()?)))
            .collect();
        assert_eq!(remarks.len(), 70);
        for (row, remark) in remarks {
            assert_eq!(remark, format!("rij {row}"));
        }
    }

    #[test]
    fn a_large_file_that_cannot_be_read_to_its_end_is_unreadable_whatever_else_it_held() {
        let csv =
            large_delivery(70_000, |_| String::new()).replacen(";Landsmeer;", ";Landsmeerr;", 1)
                + &";".repeat(1_000)
                + "\n";
        let reading = read(&csv);
        let problems: Vec<String> = reading.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            ["levering.csv: rij 70002 heeft 1001 kolommen; de grens is 1000"],
            "as when read whole: the unknown area on row 3 is not reached"
        );
        assert_eq!(reading.observations().count(), 0);
        assert_eq!(reading.tables, []);
    }

    #[test]
    fn a_file_that_is_no_table_of_values_says_why_by_kind() {
        let kind = |csv: &str| kinds(&read(csv).problems);
        assert_eq!(
            kind("gemeente;naam;aantal\nZaanstad;Jansen;1\n"),
            [(Some(1), ProblemKind::PersonalData)]
        );
        assert_eq!(
            kind("indicator;gebied;waarde\nzvh_aanmeldingen;Zaanstad;1\n"),
            [(Some(1), ProblemKind::MissingColumn)]
        );
        assert_eq!(
            kind("Toelichting\nalles in orde\n"),
            [(None, ProblemKind::NoHeader)]
        );
        assert_eq!(
            kind("gebied;2026 K1\nZaanstad;3\n"),
            [(Some(1), ProblemKind::NoIndicator)]
        );
        assert_eq!(kind("a;b\0c\n"), [(None, ProblemKind::Unreadable)]);
    }
}
