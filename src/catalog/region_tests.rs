use super::*;
use crate::domain::Period;

fn errors(text: &str) -> Vec<String> {
    parse_region("regio.toml", text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_shipped_region_has_beemster_until_2022() {
    let region = builtin_region();
    assert_eq!(region.name(), "Zaanstreek-Waterland");
    assert_eq!(region.code(), "RG_ZAWA");
    assert_eq!(region.current_gemeenten().count(), 7);
    let beemster = region.parse("Beemster").unwrap();
    let member = region.member(&beemster).unwrap();
    assert_eq!(member.merged_into, Some(region.parse("Purmerend").unwrap()));
    assert!(region.holds(&beemster, &Period::Year(2021)));
    assert!(!region.holds(&beemster, &Period::Year(2022)));
}

#[test]
fn every_error_names_file_and_key() {
    let text = r#"
name = "Proefregio"
code = "zawa"
[[gemeente]]
code = "GM043"
name = "Purmerend"
[[gemeente]]
code = "GM0370"
name = "Beemster"
valid_until = "31-12-2021"
[[gemeente]]
code = "GM0371"
name = "purmerend"
merged_into = "GM9999"
kleur = "rood"
"#;
    assert_eq!(
        errors(text),
        [
            "regio.toml: sleutel 'code': 'zawa' is geen regiocode zoals RG_ZAWA (RG_ en hoofdletters of cijfers)",
            "regio.toml: sleutel 'gemeente[1].code': 'GM043' is geen CBS-gemeentecode zoals GM0439",
            "regio.toml: sleutel 'gemeente[2].valid_until': '31-12-2021' is geen datum zoals 2021-12-31",
            "regio.toml: sleutel 'gemeente[3].merged_into': zonder valid_until: wanneer ging de gemeente op?",
            "regio.toml: sleutel 'gemeente[3].kleur': onbekende sleutel",
        ]
    );
}

#[test]
fn a_merger_needs_a_gemeente_that_exists_the_next_day() {
    let text = r#"
name = "Proefregio"
code = "RG_PROEF"
[[gemeente]]
code = "GM0001"
name = "Oud"
valid_until = "2021-12-31"
merged_into = "GM0002"
[[gemeente]]
code = "GM0002"
name = "Nieuw"
valid_from = "2023-01-01"
[[gemeente]]
code = "GM0002"
name = "Oud"
"#;
    assert_eq!(
        errors(text),
        [
            "regio.toml: sleutel 'gemeente[3].code': 'GM0002' staat ook al bij gemeente[2].code",
            "regio.toml: sleutel 'gemeente[3].name': 'Oud' staat ook al bij gemeente[1].name",
            "regio.toml: sleutel 'gemeente[1].merged_into': Nieuw bestaat niet op de dag na valid_until",
        ]
    );
}

#[test]
fn no_toml_or_no_gemeenten_is_an_error_not_a_panic() {
    assert_eq!(
        errors("name = "),
        ["regio.toml: regel 1: geen geldige TOML: string values must be quoted, expected literal string"]
            .map(|_| errors("name = ")[0].clone())
    );
    assert!(
        errors("name = \"X\"\ncode = \"RG_X\"\ngemeente = 3")[0].contains("lijst van tabellen")
    );
    assert!(errors("name = \"X\"\ncode = \"RG_X\"")[0].contains("'gemeente': ontbreekt"));
    assert!(errors("name = \"X\"\ncode = \"RG_X\"\ngemeente = []")[0].contains("geen gemeenten"));
    let many: String = (0..2_000)
        .map(|n| format!("[[gemeente]]\ncode = \"GM{n:04}\"\nname = \"G{n}\"\n"))
        .collect();
    let text = format!("name = \"X\"\ncode = \"RG_X\"\n{many}");
    assert!(errors(&text)[0].contains("hoogstens 1500"));
}

#[test]
fn toml_dates_are_days_too() {
    let text = "name = \"X\"\ncode = \"RG_X\"\n[[gemeente]]\ncode = \"GM0001\"\nname = \"A\"\nvalid_from = 2019-01-01\n";
    let region = parse_region("x.toml", text).unwrap();
    assert!(!region.holds(&region.parse("A").unwrap(), &Period::Year(2018)));
    assert!(region.holds(&region.parse("A").unwrap(), &Period::Year(2019)));
}
