//! A region file → one [`Region`], or every problem in it, each named by file and key as `check`
//! names those of an indicator file. The format is public: see docs/regio-bestand.md.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use toml::Table;

use super::CatalogError;
use super::fields::Fields;
use super::parse::toml_table;
use crate::domain::{Area, AreaKind, Member, Region, fold};

/// The region a store belongs to when it was made without a region file.
const ZAANSTREEK_WATERLAND: &str = include_str!("../../assets/regions/zaanstreek-waterland.toml");

/// More gemeenten than the Netherlands ever had is no region.
const MAX_GEMEENTEN: usize = 1_500;

/// Zaanstreek-Waterland, from the file shipped in `assets/regions/`.
pub fn builtin_region() -> Region {
    parse_region("zaanstreek-waterland.toml", ZAANSTREEK_WATERLAND)
        .expect("the shipped region file is checked by a test")
}

/// One gemeente as read, before the file as a whole is checked.
struct Read {
    path: String,
    code: String,
    name: String,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    merged_into: Option<String>,
}

pub fn parse_region(file: &str, text: &str) -> Result<Region, Vec<CatalogError>> {
    let table = toml_table(file, text)?;
    let mut fields = Fields::new(file, "", &table);
    let name = fields.text("name");
    let code = fields.text("code");
    if let Some(code) = &code
        && !is_region_code(code)
    {
        fields.error(
            "code",
            format!("'{code}' is geen regiocode zoals RG_ZAWA (RG_ en hoofdletters of cijfers)"),
        );
    }
    let items = fields.tables("gemeente");
    if fields.errors.is_empty() && items.is_empty() {
        fields.error(
            "gemeente",
            "de regio heeft geen gemeenten ([[gemeente]])".into(),
        );
    }
    if items.len() > MAX_GEMEENTEN {
        fields.error(
            "gemeente",
            format!(
                "{} gemeenten; een regio heeft er hoogstens {MAX_GEMEENTEN}",
                items.len()
            ),
        );
    }
    let mut errors = Vec::new();
    let read: Vec<Read> = items
        .iter()
        .take(MAX_GEMEENTEN)
        .filter_map(|(path, item)| read_gemeente(file, path, item, &mut errors))
        .collect();
    errors.splice(0..0, fields.finish());
    check_together(file, &read, &mut errors);
    match (name, code) {
        (Some(name), Some(code)) if errors.is_empty() => Ok(build(&code, &name, &read)),
        _ => Err(errors),
    }
}

fn read_gemeente(
    file: &str,
    path: &str,
    table: &Table,
    errors: &mut Vec<CatalogError>,
) -> Option<Read> {
    let mut fields = Fields::new(file, path, table);
    let code = fields.text("code");
    let name = fields.text("name");
    let valid_from = date(&mut fields, "valid_from");
    let valid_until = date(&mut fields, "valid_until");
    let merged_into = fields.optional_text("merged_into");
    if let Some(code) = &code
        && !is_gemeente_code(code)
    {
        fields.error(
            "code",
            format!("'{code}' is geen CBS-gemeentecode zoals GM0439"),
        );
    }
    if let (Some(Some(from)), Some(Some(until))) = (valid_from, valid_until)
        && from > until
    {
        fields.error("valid_until", "ligt vóór valid_from".into());
    }
    if let (Some(Some(_)), Some(None)) = (&merged_into, valid_until) {
        fields.error(
            "merged_into",
            "zonder valid_until: wanneer ging de gemeente op?".into(),
        );
    }
    let problems = fields.finish();
    let clean = problems.is_empty();
    errors.extend(problems);
    Some(Read {
        path: path.to_string(),
        code: code?,
        name: name?,
        valid_from: valid_from?,
        valid_until: valid_until?,
        merged_into: merged_into?,
    })
    .filter(|_| clean)
}

/// A day as `"2021-12-31"` or a TOML date; absent is `Some(None)`, wrong is `None` with an error.
fn date<'a>(fields: &mut Fields<'a>, key: &'a str) -> Option<Option<NaiveDate>> {
    let text = fields.optional_date_text(key)?;
    let Some(text) = text else {
        return Some(None);
    };
    match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        Ok(day) => Some(Some(day)),
        Err(_) => {
            fields.error(key, format!("'{text}' is geen datum zoals 2021-12-31"));
            None
        }
    }
}

/// Codes and names once each; `merged_into` names a gemeente of the file that exists the next day.
fn check_together(file: &str, read: &[Read], errors: &mut Vec<CatalogError>) {
    let mut codes: BTreeMap<&str, &Read> = BTreeMap::new();
    let mut names: BTreeMap<String, &Read> = BTreeMap::new();
    for gemeente in read {
        let first = *codes.entry(gemeente.code.as_str()).or_insert(gemeente);
        if !std::ptr::eq(first, gemeente) {
            errors.push(CatalogError::key(
                file,
                &format!("{}code", gemeente.path),
                format!("'{}' staat ook al bij {}code", gemeente.code, first.path),
            ));
        }
        let first = *names.entry(fold(&gemeente.name)).or_insert(gemeente);
        if !std::ptr::eq(first, gemeente) {
            errors.push(CatalogError::key(
                file,
                &format!("{}name", gemeente.path),
                format!("'{}' staat ook al bij {}name", gemeente.name, first.path),
            ));
        }
    }
    for gemeente in read {
        let Some(target) = &gemeente.merged_into else {
            continue;
        };
        let key = format!("{}merged_into", gemeente.path);
        let next_day = gemeente.valid_until.and_then(|d| d.succ_opt());
        match codes.get(target.as_str()) {
            None => errors.push(CatalogError::key(
                file,
                &key,
                format!("'{target}' is geen gemeente van dit bestand"),
            )),
            Some(other) if other.code == gemeente.code => errors.push(CatalogError::key(
                file,
                &key,
                "een gemeente kan niet in zichzelf opgaan".into(),
            )),
            Some(other)
                if next_day.is_some_and(|day| {
                    other.valid_from.is_some_and(|from| from > day)
                        || other.valid_until.is_some_and(|until| until < day)
                }) =>
            {
                errors.push(CatalogError::key(
                    file,
                    &key,
                    format!("{} bestaat niet op de dag na valid_until", other.name),
                ))
            }
            Some(_) => {}
        }
    }
}

fn build(code: &str, name: &str, read: &[Read]) -> Region {
    let areas: BTreeMap<&str, Area> = read
        .iter()
        .map(|g| {
            (
                g.code.as_str(),
                Area::new(&g.code, &g.name, AreaKind::Gemeente),
            )
        })
        .collect();
    let members = read
        .iter()
        .map(|g| Member {
            area: areas[g.code.as_str()],
            valid_from: g.valid_from,
            valid_until: g.valid_until,
            merged_into: g.merged_into.as_deref().map(|target| areas[target]),
        })
        .collect();
    Region::new(code, name, members)
}

fn is_gemeente_code(code: &str) -> bool {
    code.len() == 6 && code.starts_with("GM") && code[2..].bytes().all(|b| b.is_ascii_digit())
}

fn is_region_code(code: &str) -> bool {
    (4..=24).contains(&code.len())
        && code.starts_with("RG_")
        && code[3..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Zaanstreek-Waterland, read once: for what is drawn every frame and for tests.
pub(crate) fn zawa() -> &'static Region {
    static REGION: std::sync::OnceLock<Region> = std::sync::OnceLock::new();
    REGION.get_or_init(builtin_region)
}

#[cfg(test)]
#[path = "region_tests.rs"]
mod tests;
