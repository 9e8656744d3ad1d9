use super::*;

fn demo() -> Workspace {
    crate::app::demo::workspace_on(crate::app::demo::CSV_DAY)
}

fn quarter(text: &str) -> Period {
    Period::parse(text).unwrap()
}

fn figures<'a>(dashboard: &'a Dashboard, id: &str) -> &'a IndicatorFigures {
    dashboard
        .indicators
        .iter()
        .find(|f| f.indicator.id == id)
        .unwrap()
}

#[test]
fn opens_on_the_latest_complete_quarter_and_offers_every_quarter_newest_first() {
    let dashboard = demo().dashboard(DashboardChoice::default()).unwrap();
    assert_eq!(dashboard.period, quarter("2025 K4"));
    assert_eq!(dashboard.periods.first(), Some(&quarter("2025 K4")));
    assert_eq!(dashboard.periods.last(), Some(&quarter("2021 K1")));
    assert!(dashboard.demo);
    assert!(dashboard.updated_at.is_some());
}

#[test]
fn each_indicator_shows_what_was_known_at_the_chosen_quarter() {
    let choice = DashboardChoice {
        period: Some(quarter("2025 K3")),
        per_1000: false,
        today: None,
    };
    let dashboard = demo().dashboard(choice).unwrap();
    let meldingen = figures(&dashboard, "veilig_thuis_meldingen");
    assert_eq!(meldingen.latest, Some(quarter("2025 K3")));
    assert_eq!(meldingen.value_text(), "313");
    // A yearly figure counts once its year has ended: 2025 is not known in 2025 K3.
    let misdrijven = figures(&dashboard, "geregistreerde_misdrijven");
    assert_eq!(misdrijven.latest, Some(Period::Year(2024)));
    // A stock figure at a date counts from that date.
    let dossiers = figures(&dashboard, "zvh_dossiers_in_behandeling");
    assert!(
        dossiers
            .latest
            .is_some_and(|p| p.end() <= quarter("2025 K3").end())
    );
    let sparkline = meldingen.sparkline();
    assert_eq!(sparkline.len(), SPARKLINE_PERIODS);
    assert_eq!(sparkline.last().map(|(p, _)| *p), Some(quarter("2025 K3")));
    assert_eq!(sparkline.first().map(|(p, _)| *p), Some(quarter("2022 K4")));
}

#[test]
fn a_quarter_not_on_record_falls_back_to_the_latest_complete_one() {
    let choice = DashboardChoice {
        period: Some(quarter("2030 K1")),
        per_1000: false,
        today: None,
    };
    assert_eq!(demo().dashboard(choice).unwrap().period, quarter("2025 K4"));
}

#[test]
fn per_1000_divides_by_the_inhabitants_and_keeps_the_counts_and_the_shield() {
    let choice = DashboardChoice {
        period: None,
        per_1000: true,
        today: None,
    };
    let dashboard = demo().dashboard(choice).unwrap();
    let meldingen = figures(&dashboard, "veilig_thuis_meldingen");
    assert!(meldingen.per_1000);
    // 373 over 348.144 inwoners.
    assert_eq!(meldingen.value_text(), "1,07");
    let counts = meldingen.region.counts.as_ref().unwrap();
    assert_eq!(counts.value(&quarter("2025 K4")), Some(373.0));
    let oostzaan = meldingen
        .area(&crate::catalog::zawa().parse("Oostzaan").unwrap())
        .unwrap();
    let shielded = oostzaan.series.points.get(&quarter("2021 K4"));
    assert_eq!(meldingen.point_text(shielded), "<5");
    // Without national figures on record there is no reference: absent, not zero.
    assert!(meldingen.nederland.is_none());
    assert_eq!(
        figures(&dashboard, "bijstandsuitkeringen").national_text(),
        None
    );
    // An indicator without a per-1.000 view keeps its counts.
    let verhalen = figures(&dashboard, "ervaringsverhalen_besproken");
    assert!(!verhalen.per_1000);
    assert!(verhalen.region.counts.is_none());
}

#[test]
fn provenance_names_the_batch_the_values_came_from() {
    let dashboard = demo().dashboard(DashboardChoice::default()).unwrap();
    let meldingen = figures(&dashboard, "veilig_thuis_meldingen");
    let (batch, count) = &meldingen.provenance[0];
    assert_eq!(batch.source.kind, crate::domain::BatchKind::Demo);
    assert_eq!(*count, 160);
}
