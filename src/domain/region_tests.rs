use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn gemeente(code: &str, name: &str) -> Member {
    Member {
        area: Area::new(code, name, AreaKind::Gemeente),
        valid_from: None,
        valid_until: None,
        merged_into: None,
    }
}

/// Zaanstreek-Waterland as the shipped file has it, Beemster included.
fn zawa() -> Region {
    let purmerend = gemeente("GM0439", "Purmerend");
    let beemster = Member {
        valid_until: Some(day("2021-12-31")),
        merged_into: Some(purmerend.area),
        ..gemeente("GM0370", "Beemster")
    };
    Region::new(
        "RG_ZAWA",
        "Zaanstreek-Waterland",
        vec![
            gemeente("GM0479", "Zaanstad"),
            gemeente("GM0385", "Edam-Volendam"),
            gemeente("GM0415", "Landsmeer"),
            gemeente("GM0431", "Oostzaan"),
            purmerend,
            gemeente("GM0852", "Waterland"),
            gemeente("GM0880", "Wormerland"),
            beemster,
        ],
    )
}

#[test]
fn accepts_every_spelling_of_a_gemeente() {
    let region = zawa();
    for input in [
        "Edam-Volendam",
        "edam volendam",
        "EDAM-VOLENDAM",
        "GM0385 ",
        "gm0385",
        "GM0385    ",
    ] {
        assert_eq!(region.parse(input).unwrap().code, "GM0385", "{input:?}");
    }
    for input in ["Zaanstreek-Waterland", "RG_ZAWA", "regio", "ZaWa", "Totaal"] {
        assert_eq!(region.parse(input).unwrap(), region.area(), "{input:?}");
    }
    assert_eq!(region.parse("NL01  ").unwrap(), Area::nederland());
    assert_eq!(region.parse("Zaanstad").unwrap().code, "GM0479");
}

#[test]
fn unknown_area_suggests_the_closest_name() {
    let region = zawa();
    let error = region.parse("Zaandstad").unwrap_err();
    assert_eq!(error.suggestion, Some("Zaanstad"));
    assert_eq!(
        error.to_string(),
        "onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?"
    );
    let error = region.parse("Groningen").unwrap_err();
    assert_eq!(
        error.to_string(),
        "onbekend gebied 'Groningen'; verwacht een gemeente van Zaanstreek-Waterland, de regio of een CBS-code zoals GM0479"
    );
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    let region = zawa();
    for input in ["", "   ", "-", "🦀", "GM", "\u{0}", &"x".repeat(10_000)] {
        assert!(region.parse(input).is_err(), "{input:?}");
    }
}

#[test]
fn gemeenten_by_name_and_by_period() {
    let region = zawa();
    let names = |areas: Vec<Area>| areas.iter().map(|a| a.name).collect::<Vec<_>>();
    assert_eq!(names(region.gemeenten().collect())[0], "Beemster");
    let current = names(region.current_gemeenten().collect());
    assert_eq!(current.len(), 7);
    assert_eq!(current[0], "Edam-Volendam");
    assert_eq!(current[6], "Zaanstad");
    assert_eq!(region.gemeenten_in(&Period::Year(2021)).count(), 8);
    assert_eq!(region.gemeenten_in(&Period::Quarter(2021, 4)).count(), 8);
    assert_eq!(region.gemeenten_in(&Period::Quarter(2022, 1)).count(), 7);
    let beemster = region.parse("Beemster").unwrap();
    assert!(region.holds(&beemster, &Period::Month(2021, 12)));
    assert!(!region.holds(&beemster, &Period::Month(2022, 1)));
    assert_eq!(region.display_order(&region.area()), 8);
    assert_eq!(region.display_order(&Area::nederland()), 9);
}

#[test]
fn colours_follow_todays_gemeenten() {
    let region = zawa();
    let colour = |name: &str| region.color(&region.parse(name).unwrap());
    assert_eq!(colour("Edam-Volendam"), 0xC27400);
    assert_eq!(colour("Zaanstad"), 0x332288);
    assert_eq!(
        colour("Beemster"),
        0x3F9D8E,
        "former gemeenten follow today's"
    );
    assert_eq!(region.color(&region.area()), 0x1B2430);
}

#[test]
fn each_gemeente_has_its_place_by_name_and_a_stranger_none() {
    let region = zawa();
    for (place, area) in region.gemeenten().enumerate() {
        assert_eq!(region.place(&area), Some(place));
        assert_eq!(region.display_order(&area), place);
        assert_eq!(region.member(&area).unwrap().area, area);
    }
    let stranger = Area::new("GM0363", "Amsterdam", AreaKind::Gemeente);
    assert_eq!(region.place(&stranger), None);
    assert!(region.member(&stranger).is_none());
    assert_eq!(region.display_order(&stranger), usize::MAX);
    assert!(!region.holds(&stranger, &Period::Year(2024)));
    assert_eq!(region.color(&stranger), NEDERLAND_COLOR);
}
