//! One [`Indicator`] → the text of its file, in the order and spelling of the shipped files, so a
//! definition made in the window reads like one written by hand and parses back to itself.

use std::fmt::Write;

use crate::domain::{Coded, Indicator, Source};

/// The TOML text of `indicator`; [`super::parse_indicator`] reads it back as the same indicator.
pub fn indicator_toml(indicator: &Indicator) -> String {
    let mut out = String::new();
    let text = |key: &str, value: &str| format!("{key} = {}\n", quoted(value));
    out.push_str(&text("id", &indicator.id));
    out.push_str(&text("name", &indicator.name));
    out.push_str(&text("description", &indicator.description));
    out.push_str(&text("domain", indicator.domain.code()));
    out.push_str(&text("theme", &indicator.theme));
    out.push_str(&text("layer", indicator.layer.code()));
    out.push_str(&text("unit", indicator.unit.code()));
    out.push_str(&text("frequency", indicator.frequency.code()));
    out.push_str(&text("kind", indicator.stock_or_flow.code()));
    out.push_str(&text("polarity", indicator.polarity.code()));
    out.push_str(&text("aggregation", indicator.aggregation.code()));
    let _ = writeln!(out, "per_1000 = {}", indicator.per_1000);
    let _ = writeln!(
        out,
        "shielding_threshold = {}",
        indicator.shielding_threshold
    );
    out.push_str(&text("supplier", &indicator.supplier));
    let _ = writeln!(out, "due_days = {}", indicator.due_days);
    out.push_str("\n[source]\n");
    match &indicator.source {
        Source::Manual => out.push_str("type = \"handmatig\"\n"),
        Source::Cbs(cbs) => {
            out.push_str("type = \"cbs\"\n");
            out.push_str(&text("table", &cbs.table));
            out.push_str(&text("measure", &cbs.measure));
            if !cbs.filters.is_empty() {
                let pairs: Vec<String> = cbs
                    .filters
                    .iter()
                    .map(|(dimension, category)| {
                        format!("{} = {}", key(dimension), quoted(category))
                    })
                    .collect();
                let _ = writeln!(out, "filters = {{ {} }}", pairs.join(", "));
            }
        }
    }
    out
}

/// A TOML basic string: quotes, backslashes and control characters escaped by the toml crate.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A bare key when TOML allows one (`SoortMisdrijf`), otherwise a quoted one.
fn key(text: &str) -> String {
    let bare = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { text.to_string() } else { quoted(text) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, parse_indicator};

    #[test]
    fn every_shipped_definition_written_out_reads_back_as_itself() {
        for indicator in Catalog::builtin().unwrap().indicators() {
            let text = indicator_toml(indicator);
            let file = format!("{}.toml", indicator.id);
            assert_eq!(
                parse_indicator(&file, &text).as_ref(),
                Ok(indicator),
                "{text}"
            );
        }
    }

    #[test]
    fn quotes_line_breaks_and_odd_filter_keys_survive() {
        let mut indicator = Catalog::builtin()
            .unwrap()
            .get("geregistreerde_misdrijven")
            .unwrap()
            .clone();
        indicator.name = "Misdrijven \"totaal\" \\ alle".into();
        indicator.description = "Regel een\nregel twee\tmet tab".into();
        if let Source::Cbs(cbs) = &mut indicator.source {
            cbs.filters.insert("Soort misdrijf".into(), "T 001".into());
        }
        let text = indicator_toml(&indicator);
        assert_eq!(
            parse_indicator("geregistreerde_misdrijven.toml", &text),
            Ok(indicator)
        );
    }
}
