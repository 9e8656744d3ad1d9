//! Any text as an indicator definition and as a region file: every error names file and key,
//! nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regio_in_beeld::catalog::{Catalog, parse_region};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    match parse_region("regio.toml", &text) {
        Ok(region) => assert!(region.gemeenten().count() > 0),
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in errors {
                assert!(error.to_string().starts_with("regio.toml"), "{error}");
            }
        }
    }
    match Catalog::from_files([("fuzz.toml".to_string(), text)]) {
        Ok(catalog) => assert_eq!(catalog.indicators().len(), 1),
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in errors {
                assert!(error.to_string().contains("fuzz.toml"), "{error}");
            }
        }
    }
});
