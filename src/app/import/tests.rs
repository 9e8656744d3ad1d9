//! What an import finds that needs the store or more than one file, by kind; the wording is the
//! CLI tests' (tests/cli_import.rs).

use super::*;
use crate::domain::Area;

fn demo() -> Workspace {
    crate::app::demo::workspace_on(crate::app::demo::CSV_DAY)
}

fn delivered(name: &str, rows: &str) -> Result<(String, Vec<u8>), ImportProblem> {
    let csv = format!("indicator;gebied;periode;waarde\n{rows}");
    Ok((name.to_string(), csv.into_bytes()))
}

fn kinds(problems: &[ImportProblem]) -> Vec<(Option<u64>, ProblemKind)> {
    problems.iter().map(|p| (p.row, p.kind)).collect()
}

#[test]
fn a_value_against_the_one_on_record_is_a_replacement_or_a_jump() {
    let workspace = demo();
    // The demo has Zaanstad at 29 in 2025 K4, and all seven gemeenten and the region, which then
    // no longer add up.
    let files = vec![delivered(
        "levering.csv",
        "zvh_aanmeldingen;Zaanstad;2025 K4;30\nzvh_aanmeldingen;Zaanstad;2026 K1;90\n",
    )];
    let preview = workspace.preview_import(files, "ambtenaar").unwrap();
    assert!(preview.is_valid(), "{:?}", preview.problems);
    assert_eq!(
        kinds(&preview.warnings),
        [
            (Some(2), ProblemKind::Replaces),
            (Some(2), ProblemKind::RegionSum),
            (Some(3), ProblemKind::Jump)
        ]
    );
}

#[test]
fn a_region_value_that_is_not_the_sum_of_its_gemeenten_is_a_warning() {
    let workspace = demo();
    let mut rows: String = Area::gemeenten()
        .map(|g| format!("zvh_aanmeldingen;{};2030 K1;10\n", g.name))
        .collect();
    rows.push_str("zvh_aanmeldingen;Zaanstreek-Waterland;2030 K1;71\n");
    let preview = workspace
        .preview_import(vec![delivered("regio.csv", &rows)], "ambtenaar")
        .unwrap();
    let region_row = Some(2 + Area::gemeenten().count() as u64);
    let sums: Vec<_> = kinds(&preview.warnings)
        .into_iter()
        .filter(|(_, kind)| *kind == ProblemKind::RegionSum)
        .collect();
    assert_eq!(sums, [(region_row, ProblemKind::RegionSum)]);
}

#[test]
fn the_same_cell_in_two_files_is_refused() {
    let workspace = demo();
    let files = vec![
        delivered("januari.csv", "zvh_aanmeldingen;Zaanstad;2026 K3;31\n"),
        delivered("dubbel.csv", "zvh_aanmeldingen;Zaanstad;2026 K3;32\n"),
    ];
    let preview = workspace.preview_import(files, "ambtenaar").unwrap();
    assert_eq!(
        kinds(&preview.problems),
        [(Some(2), ProblemKind::DuplicateAcrossFiles)]
    );
    assert_eq!(preview.problems[0].file, "dubbel.csv");
}
