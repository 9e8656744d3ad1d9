//! Any bytes as a delivered spreadsheet (XLSX, ODS): the importer reports problems, never panics.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use regio_in_beeld::catalog::{Catalog, builtin_region};
use regio_in_beeld::domain::Region;
use regio_in_beeld::ingest::read_file;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("shipped indicators validate"))
}

fn region() -> &'static Region {
    static REGION: OnceLock<Region> = OnceLock::new();
    REGION.get_or_init(builtin_region)
}

fuzz_target!(|data: &[u8]| {
    let reading = read_file("fuzz.xlsx", data, catalog().indicators(), region());
    for problem in &reading.problems {
        let _ = problem.to_string();
    }
});
