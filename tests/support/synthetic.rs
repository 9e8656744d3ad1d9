//! National-scale synthetic data: many indicators for the gemeenten of a region and the region, for
//! the crash test and the benchmarks.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use regio_in_beeld::catalog::builtin_region;

/// The seven gemeenten and the region, by name.
fn area_names() -> impl Iterator<Item = &'static str> {
    let region = builtin_region();
    let names: Vec<&'static str> = region
        .current_gemeenten()
        .chain([region.area()])
        .map(|a| a.name)
        .collect();
    names.into_iter()
}

pub fn indicator_id(index: usize) -> String {
    format!("synthetisch_{index:03}")
}

/// Writes `count` monthly count indicators as TOML files into `dir`.
pub fn write_catalog(dir: &Path, count: usize) {
    write_catalog_from(dir, 0, count, "maand");
}

/// Writes tactical count indicators `first..end` of `frequency` as TOML files into `dir`.
pub fn write_catalog_from(dir: &Path, first: usize, end: usize, frequency: &str) {
    for index in first..end {
        let id = indicator_id(index);
        let text = format!(
            "id = \"{id}\"\nname = \"Synthetisch {index}\"\ndescription = \"Testindicator\"\n\
             domain = \"zorg\"\ntheme = \"jeugd\"\nlayer = \"tactisch\"\nunit = \"aantal\"\n\
             frequency = \"{frequency}\"\nkind = \"stroom\"\npolarity = \"neutraal\"\naggregation = \"som\"\n\
             per_1000 = false\nsupplier = \"Test\"\n\n[source]\ntype = \"handmatig\"\n"
        );
        std::fs::write(dir.join(format!("{id}.toml")), text).unwrap();
    }
}

/// A delivery to import into `dir`: `indicators` monthly indicators in `indicators/` and a long CSV over
/// `months` months for all of them, `groot.csv`. Returns the two paths.
pub fn write_delivery(dir: &Path, indicators: usize, months: usize) -> (PathBuf, PathBuf) {
    let catalog = dir.join("indicators");
    std::fs::create_dir(&catalog).unwrap();
    write_catalog(&catalog, indicators);
    let csv = dir.join("groot.csv");
    std::fs::write(&csv, long_csv(indicators, months)).unwrap();
    (catalog, csv)
}

/// A long CSV with one value per indicator, area and month: `indicators × 8 × months` rows.
pub fn long_csv(indicators: usize, months: usize) -> String {
    monthly_csv_range(0..indicators, months)
}

/// The same for the indicators in `range`: `range.len() × 8 × months` rows from January 1990 on.
pub fn monthly_csv_range(range: std::ops::Range<usize>, months: usize) -> String {
    let mut text = String::with_capacity(range.len() * months * 8 * 48);
    text.push_str("indicator;gebied;periode;waarde\n");
    for index in range {
        let id = indicator_id(index);
        for month in 0..months {
            let (year, month) = (1990 + month / 12, month % 12 + 1);
            for (a, area) in area_names().enumerate() {
                let value = (index * 31 + month * 7 + a * 3) % 500;
                writeln!(text, "{id};{area};{year}-{month:02};{value}").unwrap();
            }
        }
    }
    text
}

/// Writes `count` quarterly count indicators for the dashboard: the first half strategic, spread over
/// the five domains.
pub fn write_dashboard_catalog(dir: &Path, count: usize) {
    const DOMAINS: [&str; 5] = ["zorg", "veiligheid", "sociaal", "casuistiek", "beleving"];
    for index in 0..count {
        let id = indicator_id(index);
        let layer = if index < count / 2 {
            "strategisch"
        } else {
            "tactisch"
        };
        let domain = DOMAINS[index % DOMAINS.len()];
        let text = format!(
            "id = \"{id}\"\nname = \"Synthetisch {index}\"\ndescription = \"Testindicator\"\n\
             domain = \"{domain}\"\ntheme = \"jeugd\"\nlayer = \"{layer}\"\nunit = \"aantal\"\n\
             frequency = \"kwartaal\"\nkind = \"stroom\"\npolarity = \"lager_is_beter\"\n\
             aggregation = \"som\"\nper_1000 = false\nsupplier = \"Test\"\n\n[source]\ntype = \"handmatig\"\n"
        );
        std::fs::write(dir.join(format!("{id}.toml")), text).unwrap();
    }
}

/// A long CSV with one value per indicator, area and quarter: `indicators × 8 × quarters` rows.
pub fn quarterly_csv(indicators: usize, quarters: usize) -> String {
    quarterly_csv_range(0..indicators, quarters)
}

/// The same for the indicators in `range`.
pub fn quarterly_csv_range(range: std::ops::Range<usize>, quarters: usize) -> String {
    let areas: Vec<&str> = area_names().collect();
    quarterly_csv_for(range, quarters, &areas)
}

/// A long CSV with one value per indicator in `range`, area of `areas` (names or codes) and quarter
/// from 2016 K1 on: `range.len() × areas.len() × quarters` rows.
pub fn quarterly_csv_for(range: std::ops::Range<usize>, quarters: usize, areas: &[&str]) -> String {
    let mut text = String::with_capacity(range.len() * quarters * areas.len() * 40);
    text.push_str("indicator;gebied;periode;waarde\n");
    for index in range {
        let id = indicator_id(index);
        for quarter in 0..quarters {
            let (year, q) = (2016 + quarter / 4, quarter % 4 + 1);
            for (a, area) in areas.iter().enumerate() {
                let value = 50 + (index * 31 + quarter * 7 + a * 3) % 500;
                writeln!(text, "{id};{area};{year}-K{q};{value}").unwrap();
            }
        }
    }
    text
}
