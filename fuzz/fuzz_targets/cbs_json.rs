//! Any bytes as a CBS OData answer: read as an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = regio_in_beeld::ingest::read_page_for_fuzzing(data);
});
