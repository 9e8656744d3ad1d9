use super::*;

fn canonical(input: &str) -> String {
    Period::parse(input)
        .unwrap_or_else(|e| panic!("{input:?}: {e}"))
        .canonical()
}

#[test]
fn parses_every_spelling_of_the_design() {
    let cases = [
        ("2024", "2024"),
        ("2024JJ00", "2024"),
        ("2024-H1", "2024-H1"),
        ("2024 H2", "2024-H2"),
        ("2024HJ01", "2024-H1"),
        ("1e halfjaar 2024", "2024-H1"),
        ("2e halfjaar 2024*", "2024-H2"),
        ("2024-K3", "2024-K3"),
        ("2024 K3", "2024-K3"),
        ("2024K3", "2024-K3"),
        ("2024-Q3", "2024-K3"),
        ("2024 q3", "2024-K3"),
        ("Q3 2024", "2024-K3"),
        ("2024KW03", "2024-K3"),
        ("3e kwartaal 2024", "2024-K3"),
        ("2024-07", "2024-07"),
        ("2024MM07", "2024-07"),
        ("juli 2024", "2024-07"),
        ("07-2024", "2024-07"),
        ("2023-02-01", "2023-02-01"),
        ("1-2-2023", "2023-02-01"),
        ("01-02-2023", "2023-02-01"),
        ("1/2/2023", "2023-02-01"),
        ("1 februari 2023", "2023-02-01"),
        ("  2024 K3  ", "2024-K3"),
    ];
    for (input, expected) in cases {
        assert_eq!(canonical(input), expected, "{input:?}");
    }
}

#[test]
fn labels_are_dutch() {
    assert_eq!(Period::parse("2024-K3").unwrap().label(), "2024 K3");
    assert_eq!(
        Period::parse("2024-H1").unwrap().label(),
        "1e halfjaar 2024"
    );
    assert_eq!(Period::parse("2024-07").unwrap().label(), "juli 2024");
    assert_eq!(Period::parse("2025-03-03").unwrap().label(), "3 maart 2025");
    assert_eq!(Period::parse("2024-H2").unwrap().short_label(), "2024 H2");
}

#[test]
fn every_form_reads_back_as_the_same_period() {
    for input in ["2024", "2024-H2", "2024-K4", "2024-11", "2023-02-01"] {
        let period = Period::parse(input).unwrap();
        for spelling in [period.canonical(), period.label(), period.short_label()] {
            assert_eq!(Period::parse(&spelling).unwrap(), period, "{spelling:?}");
        }
    }
}

#[test]
fn ordinals_sort_like_periods() {
    let date = |y, m, d| Period::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let mut periods = vec![
        Period::Year(-40),
        Period::Year(1999),
        Period::Year(2024),
        Period::HalfYear(2023, 2),
        Period::HalfYear(2024, 1),
        Period::Quarter(2024, 4),
        Period::Quarter(2025, 1),
        Period::Month(2024, 12),
        Period::Month(2025, 1),
        date(1900, 1, 1),
        date(2023, 2, 1),
        date(2023, 12, 31),
    ];
    let sorted = periods.clone();
    periods.reverse();
    periods.sort_by_key(Period::ordinal);
    assert_eq!(periods, sorted);
    assert!(sorted.iter().all(|p| p.ordinal() < 1 << 40));
}

#[test]
fn canonical_text_is_written_as_format_would() {
    let date = |y, m, d| Period::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let cases = [
        (Period::Year(2024), "2024"),
        (Period::Year(7), "7"),
        (Period::Year(-12), "-12"),
        (Period::HalfYear(2024, 1), "2024-H1"),
        (Period::Quarter(2024, 3), "2024-K3"),
        (Period::Quarter(-1, 3), "-1-K3"),
        (Period::Month(2024, 7), "2024-07"),
        (Period::Month(2024, 12), "2024-12"),
        (Period::Month(-3, 2), "-3-02"),
        (date(2023, 2, 1), "2023-02-01"),
        (date(812, 12, 25), "0812-12-25"),
        (date(-5, 1, 1), "-005-01-01"),
        (date(12345, 6, 7), "12345-06-07"),
    ];
    for (period, text) in cases {
        assert_eq!(period.canonical(), text, "{period:?}");
    }
}

#[test]
fn canonical_text_sorts_chronologically_within_a_kind() {
    let mut quarters = ["2024-K1", "2023-K4", "2024-K3", "2021-K2"];
    quarters.sort();
    let parsed: Vec<_> = quarters
        .iter()
        .map(|q| Period::parse(q).unwrap().start())
        .collect();
    assert!(parsed.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    for input in [
        "",
        " ",
        "K3",
        "2024-K5",
        "2024-K0",
        "2024-13",
        "2024-H3",
        "31-2-2023",
        "2023-02-30",
        "20245",
        "99999999",
        "2024KW99",
        "2024XX01",
        "ééé",
        "2024 K3 K3",
        "0-0-0",
        "9999",
        "2024-K3; DROP",
        "🦀 2024",
        "1e kwartaal",
        "juli",
        "-",
        "x",
        "<5",
        "1,5",
        "2024JJ01",
        "\u{0}2024",
        "2024\u{202e}K3",
    ] {
        assert!(Period::parse(input).is_err(), "{input:?} should not parse");
    }
    let long = "2".repeat(100_000);
    assert!(Period::parse(&long).is_err());
}

#[test]
fn previous_and_year_before() {
    let p = |s: &str| Period::parse(s).unwrap();
    assert_eq!(p("2024 K1").previous(), Some(p("2023 K4")));
    assert_eq!(p("2024-01").previous(), Some(p("2023-12")));
    assert_eq!(p("2024 H1").previous(), Some(p("2023 H2")));
    assert_eq!(p("2024 K3").year_before(), Some(p("2023 K3")));
    assert_eq!(p("29-2-2024").year_before(), Some(p("28-2-2023")));
    assert_eq!(p("2023-02-01").previous(), None);
    assert_eq!(p("1900").previous(), None);
}

#[test]
fn periods_contain_their_parts() {
    let p = |s: &str| Period::parse(s).unwrap();
    assert!(p("2024 K3").contains(&p("2024-08-15")));
    assert!(p("2024 K3").contains(&p("2024-09")));
    assert!(!p("2024 K3").contains(&p("2024-10-01")));
    assert!(p("2024").contains(&p("2024 K4")));
    assert!(!p("2024 K3").contains(&p("2024")));
    assert_eq!(p("2024-02").end().to_string(), "2024-03-01");
    assert_eq!(p("2024 H2").end().to_string(), "2025-01-01");
}

#[test]
fn start_orders_mixed_kinds() {
    let year = Period::parse("2023").unwrap();
    let date = Period::parse("2023-02-01").unwrap();
    assert!(year.start() < date.start());
    assert_eq!(
        Period::parse("2024-H2").unwrap().start().to_string(),
        "2024-07-01"
    );
}

#[test]
fn header_labels_abbreviate_the_month_only() {
    let short = |text: &str| Period::parse(text).unwrap().header_label();
    assert_eq!(short("2026-08"), "aug 2026");
    assert_eq!(short("2026-05"), "mei 2026");
    assert_eq!(short("2026-03"), "mrt 2026");
    assert_eq!(short("2023-02-01"), "1 feb 2023");
    assert_eq!(short("2024-K3"), "2024 K3");
    assert_eq!(short("2024-H1"), "1e halfjaar 2024");
}
