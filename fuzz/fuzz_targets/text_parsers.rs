//! Any text as a period, a number or an area: an error or a value, never a panic, and whatever
//! parses reads back the same from its own spellings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

use regio_in_beeld::catalog::builtin_region;
use regio_in_beeld::domain::{Period, Region, format_number, parse_number, plain_number};

fn region() -> &'static Region {
    static REGION: OnceLock<Region> = OnceLock::new();
    REGION.get_or_init(builtin_region)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(period) = Period::parse(text) {
        for spelling in [period.canonical(), period.label(), period.short_label()] {
            assert_eq!(Period::parse(&spelling), Ok(period), "{spelling}");
        }
    }
    if let Ok(number) = parse_number(text) {
        assert!(number.is_finite());
        let _ = format_number(number, 2);
        assert_eq!(parse_number(&plain_number(number)), Ok(number));
    }
    if let Ok(area) = region().parse(text) {
        assert_eq!(region().parse(area.code), Ok(area));
        assert_eq!(region().parse(area.name), Ok(area));
    }
});
