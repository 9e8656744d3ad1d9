//! Files made to hurt: too large, a spreadsheet that unpacks to gigabytes, a row of a hundred thousand
//! columns, a legacy workbook whose sector chain loops, JSON nested beyond reason. Each is refused with a clear message, quickly and without
//! holding it in memory, and nothing is written.

mod support;

use std::time::Duration;

use support::{fixture, run, run_within, temp_store};

fn refused(store: &support::TempStore, args: &[&str], message: &str) {
    let before = run(&store.path, &["export"]).stdout;
    let out = run_within(&store.path, args, DEADLINE);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains(message), "{}", out.stderr);
    assert_eq!(run(&store.path, &["export"]).stdout, before);
}

/// Refused before reading: no test should take long, this one least of all.
const DEADLINE: Duration = Duration::from_secs(30);

#[test]
fn a_two_gigabyte_csv_is_refused_unread() {
    let store = temp_store();
    let file = store.path.with_file_name("groot.csv");
    // Sparse: it claims 2 GB on disk without taking it.
    std::fs::File::create(&file)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "groot.csv: het bestand is 2048 MB; de grens is 256 MB",
    );
}

#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_unopened() {
    let store = temp_store();
    let file = store.path.with_file_name("bom.xlsx");
    // A zip whose one part declares 3 GB: the central directory says so before anything unpacks.
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend([0; 26]);
    let directory = zip.len() as u32;
    zip.extend([0x50, 0x4b, 0x01, 0x02]);
    zip.extend([0; 20]);
    zip.extend((3_000_000_000u32).to_le_bytes());
    zip.extend([14, 0, 0, 0, 0, 0]);
    zip.extend([0; 12]);
    zip.extend(b"xl/sheet1.xml");
    zip.extend([0x50, 0x4b, 0x05, 0x06]);
    zip.extend([0; 12]);
    zip.extend(directory.to_le_bytes());
    zip.extend([0, 0]);
    std::fs::write(&file, zip).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "het werkboek pakt uit tot meer dan 512 MB",
    );
}

#[test]
fn a_row_of_a_hundred_thousand_columns_is_refused() {
    let store = temp_store();
    let file = store.path.with_file_name("breed.csv");
    let header: Vec<String> = (0..100_000).map(|i| format!("kolom{i}")).collect();
    std::fs::write(&file, header.join(";") + "\n").unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "breed.csv: rij 1 heeft 100000 kolommen; de grens is 1000",
    );
}

#[test]
fn deeply_nested_json_is_refused_without_running_out_of_stack() {
    let store = temp_store();
    let file = store.path.with_file_name("diep.json");
    std::fs::write(&file, "[".repeat(1_000_000) + &"]".repeat(1_000_000)).unwrap();
    refused(
        &store,
        &["notes", "import", file.to_str().unwrap()],
        "diep.json: geen geldige JSON-lijst",
    );
    refused(
        &store,
        &["stories", "import", file.to_str().unwrap()],
        "diep.json: geen geldige JSON-lijst",
    );
}

#[test]
fn a_workbook_with_one_cell_at_its_far_corner_is_refused() {
    let store = temp_store();
    let file = store.path.with_file_name("verre-cel.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "indicator").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    workbook.save(&file).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "verre-cel.xlsx: werkblad 'Sheet1': rij 1048576 heeft 16384 kolommen; de grens is 1000",
    );
    // Within the column limit but a million rows down: the extent is refused too.
    let file = store.path.with_file_name("verre-rij.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "indicator").unwrap();
    sheet.write_string(1_048_575, 20, "x").unwrap();
    workbook.save(&file).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "het werkblad loopt tot rij 1048576 en kolom 21",
    );
}

#[test]
fn a_csv_of_millions_of_tiny_rows_is_refused() {
    let store = temp_store();
    let file = store.path.with_file_name("regels.csv");
    std::fs::write(&file, "x\n".repeat(5_000_001)).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "regels.csv: het bestand heeft meer dan 5000000 regels; lever het in delen aan",
    );
}

#[test]
fn an_ods_whose_repeats_span_a_billion_cells_is_refused() {
    use std::io::Write as _;
    let store = temp_store();
    let file = store.path.with_file_name("herhaald.ods");
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row><table:table-cell office:value-type="string"><text:p>indicator</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1000"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="999"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&file).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "herhaald.ods: het werkblad loopt tot rij 1048002 en kolom 1000",
    );
}

/// Found by fuzzing (issue #15): a 32 KB .xls whose directory chain loops back on itself, which
/// calamine followed until it held 17.8 GB. The chains are checked before calamine sees the file.
#[test]
fn a_legacy_workbook_whose_sector_chain_loops_is_refused() {
    let store = temp_store();
    let file = store.path.with_file_name("kring.xls");
    std::fs::copy(fixture("import/hostile/cfb-chain-oom.xls"), &file).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "kring.xls: het werkboek is beschadigd: de mappenlijst loopt in een kring (sector 0 komt er \
         twee keer in voor); het is niet gelezen",
    );
    // Also under a name that does not say what it is: found by its content.
    let file = store.path.with_file_name("levering");
    std::fs::copy(fixture("import/hostile/cfb-chain-oom.xls"), &file).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "levering: het werkboek is beschadigd: de mappenlijst loopt in een kring",
    );
}

/// Found by fuzzing: an .xls whose formula record is shorter than it says, on which calamine 0.38
/// panics (xls.rs:1531). The import reports it as a damaged workbook, without a panic message.
#[test]
fn a_legacy_workbook_that_calamine_panics_on_is_a_message_not_a_crash() {
    let store = temp_store();
    let file = store.path.with_file_name("formule.xls");
    std::fs::copy(fixture("import/hostile/xls-formule-te-kort.xls"), &file).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "formule.xls: het werkboek is beschadigd: een onderdeel is korter of anders dan het zelf aangeeft",
    );
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

/// Found by fuzzing: calamine 0.38 builds every XLS sheet as a dense table while it opens the
/// workbook (`Range::from_sparse`, xls.rs:724), so a cell record far from the others asked for 6.3 GB
/// before any sheet could be checked. The sheets' cell records are now scanned first.
#[test]
fn a_legacy_workbook_with_a_far_cell_is_refused() {
    let store = temp_store();
    let file = store.path.with_file_name("verre-cel.xls");
    std::fs::copy(fixture("import/hostile/xls-verre-cel-oom.xls"), &file).unwrap();
    refused(
        &store,
        &["import", file.to_str().unwrap()],
        "verre-cel.xls: een werkblad is te groot: het werkblad loopt tot rij",
    );
}
