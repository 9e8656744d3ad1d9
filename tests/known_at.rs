//! One rule for what was known at a chosen quarter: a value counts once its period has ended by the
//! end of that quarter. The tiles, the Signalen list (in the window and from `signals`), the
//! Gemeenten screen and the BO-pakket all pick the same latest value, at every quarter on record.

use regio_in_beeld::app::{Dashboard, DashboardChoice, SignalRow, Workspace};
use regio_in_beeld::domain::Period;

#[macro_use]
mod support;

use support::backends::Backend;

on_both_backends!(every_view_picks_the_same_latest_value_at_every_quarter);

/// The demo store made late in 2026: the published figures, the invented series of the CSV and
/// their continuation up to 2026 K3.
fn demo(backend: &Backend) -> Workspace {
    backend.demo_workspace("2026-12-02")
}

fn at(period: Period, per_1000: bool) -> DashboardChoice {
    DashboardChoice {
        period: Some(period),
        per_1000,
        today: None,
    }
}

fn headlines(rows: &[SignalRow]) -> Vec<(String, String)> {
    rows.iter().map(|r| (r.headline(), r.detail())).collect()
}

/// What the tiles and the Gemeenten screen show at `period` agrees with the Signalen rows.
fn tiles_agree_with_signals(dashboard: &Dashboard, signals: &[SignalRow]) {
    let period = dashboard.period;
    for figures in &dashboard.indicators {
        let id = &figures.indicator.id;
        let latest = figures.latest;
        assert!(
            latest.is_none_or(|l| l.end() <= period.end()),
            "{id} at {period}: {latest:?} had not ended yet"
        );
        let row = signals.iter().find(|r| r.indicator.id == *id);
        if let Some(row) = row {
            assert_eq!(
                Some(row.signal.period),
                latest,
                "{id} at {period}: the Signalen list looks at another period than the tile"
            );
            if !figures.per_1000 {
                assert_eq!(Some(row.value), figures.value(), "{id} at {period}");
            }
        }
        if !figures.per_1000 {
            let tile = figures.region.signal.filter(|s| s.kind.is_signal());
            assert_eq!(
                tile.map(|s| (s.period, s.kind)),
                row.map(|r| (r.signal.period, r.signal.kind)),
                "{id} at {period}: the tile's signal and the Signalen list differ"
            );
        }
        // The Gemeenten screen shows each gemeente at the tile's period, and its signals never
        // look past it.
        for gemeente in &figures.gemeenten {
            if let Some(signal) = gemeente.signal {
                assert!(
                    latest.is_some_and(|l| signal.period.end() <= l.end()),
                    "{id} in {} at {period}: signal at {}",
                    gemeente.area.name,
                    signal.period
                );
            }
        }
    }
}

fn every_view_picks_the_same_latest_value_at_every_quarter(backend: &Backend) {
    let workspace = demo(backend);
    let opened = workspace.dashboard(DashboardChoice::default()).unwrap();
    // Without a period the command line looks where the window opens.
    assert_eq!(
        headlines(&workspace.signals(None).unwrap()),
        headlines(&opened.signals)
    );
    assert!(opened.periods.len() > 12, "the demo spans years");
    for period in &opened.periods {
        let dashboard = workspace.dashboard(at(*period, false)).unwrap();
        assert_eq!(dashboard.period, *period);
        let signals = workspace.signals(Some(period)).unwrap();
        assert_eq!(
            headlines(&dashboard.signals),
            headlines(&signals),
            "{period}"
        );
        tiles_agree_with_signals(&dashboard, &signals);
        tiles_agree_with_signals(&workspace.dashboard(at(*period, true)).unwrap(), &signals);

        // A BO two weeks after the quarter ended looks at that quarter.
        let bo_date = period.end() + chrono::Days::new(14);
        let package = workspace.bo_package(bo_date).unwrap();
        assert_eq!(package.period, period.label());
        let lines: Vec<(String, String)> = package
            .signals
            .iter()
            .map(|s| (s.headline.clone(), s.detail.clone()))
            .collect();
        assert_eq!(lines, headlines(&signals), "BO of {bo_date}");
        for page in &package.indicators {
            let figures = dashboard
                .indicators
                .iter()
                .find(|f| f.indicator.id == page.id)
                .unwrap();
            let latest = figures
                .latest
                .map_or("nog geen cijfers".to_string(), |p| p.label());
            assert_eq!(
                (&page.period, &page.value),
                (&latest, &figures.value_text()),
                "{} in the BO of {bo_date}",
                page.id
            );
        }
    }
}
