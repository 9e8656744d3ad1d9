//! Any text as an indicator definition: every error names file and key, nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regio_in_beeld::catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
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
