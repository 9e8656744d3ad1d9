//! Tactisch, as a user reads one indicator: the change against the period before beside the one
//! against a year earlier, and a smoothed line on the plot.

mod support;

use egui_kittest::kittest::Queryable;
use support::window::{click_below, open_window, open_window_with_cbs, step_until};

const SMOOTHED: &str = "Zaanstreek-Waterland, gemiddelde van 4 kwartalen";

#[test]
fn the_numbers_table_compares_with_the_previous_quarter_and_a_year_earlier() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();

    harness.get_by_label("t.o.v. 2025 K3");
    // The year-on-year column, and the same change under the figure itself.
    assert_eq!(harness.query_all_by_label("t.o.v. 2024 K4").count(), 2);
    // The region went from 313 to 373; Zaanstad from 144 to 178. Each chip shows "19,2%" beside
    // its arrow and says its direction in words.
    harness.get_by_label("19,2 procent hoger dan 2025 K3");
    harness.get_by_label("23,6 procent hoger dan 2025 K3");
    // Counts below 50 change in numbers: Edam-Volendam from 35 to 28.
    harness.get_by_label("7 lager dan 2025 K3");
}

#[test]
fn a_monthly_table_heads_its_columns_with_short_months_so_it_fits() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Bijstandsuitkeringen").click();
    harness.run();
    for header in ["jul 2025", "dec 2025", "t.o.v. nov 2025", "t.o.v. dec 2024"] {
        harness.get_by_label(header);
    }
    // The columns end inside the window: the last change is not cut off at its right edge.
    let last = harness.get_by_label("t.o.v. dec 2024").rect();
    assert!(last.max.x < 900.0, "{last:?}");
}

#[test]
fn the_moving_average_adds_a_smoothed_region_line_with_its_legend() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    assert!(harness.query_by_label(SMOOTHED).is_none());

    click_below(&mut harness, "Voortschrijdend gemiddelde");
    harness.get_by_label(SMOOTHED);

    // The choice stays when another indicator is picked, as the hidden lines do.
    harness.get_by_label("Indicator").click();
    harness.run();
    harness.get_by_label("Incidenten huiselijk geweld").click();
    harness.run();
    harness.get_by_label(SMOOTHED);

    click_below(&mut harness, "Voortschrijdend gemiddelde");
    assert!(harness.query_by_label(SMOOTHED).is_none());
}

#[test]
fn yearly_figures_have_no_moving_average_and_no_second_change_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    harness.get_by_label("Meldingen Veilig Thuis").click();
    harness.run();
    harness.get_by_label("Voortschrijdend gemiddelde");
    harness.get_by_label("Indicator").click();
    harness.run();
    click_below(&mut harness, "Geregistreerde misdrijven");
    // One column against 2024, beside the change under the figure itself: no second, equal one.
    assert_eq!(harness.query_all_by_label("t.o.v. 2024").count(), 2);
    assert!(
        harness
            .query_by_label("Voortschrijdend gemiddelde")
            .is_none()
    );
}

#[test]
fn a_cbs_indicator_shows_what_its_table_publishes_on_request() {
    let server = support::cbs::all_tables_server();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window_with_cbs(&dir.path().join("regio.sqlite"), &server.url());
    harness.get_by_label("Bijstandsuitkeringen").click();
    harness.run();
    harness
        .get_by_label("Tabel 82015NED bij CBS bekijken")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label("Tabel 82015NED bij CBS bekijken")
        .click();
    // Stepped, not run: the spinner repaints while CBS is asked.
    harness.step();
    step_until(
        &mut harness,
        "CBS-tabel 82015NED: Bijstandsuitkeringen; uitkeringsgrondslag, regio's",
    );
    // One label holds the description, as `cbs describe` prints it.
    harness.get_by_label_contains(
        "  UitkeringenInRelatieMetDeAOW (Uitkeringen in relatie met de AOW)\n    T001022 Totaal (totaal)\n",
    );
    harness.get_by_label_contains(
        "  AantalBijstandsuitkeringen_1 (Aantal bijstandsuitkeringen) [aantal]",
    );
    click_below(&mut harness, "Tabelbeschrijving verbergen");
    assert!(
        harness
            .query_by_label_contains("CBS-tabel 82015NED")
            .is_none()
    );
    harness.get_by_label("Tabel 82015NED bij CBS bekijken");
}

#[test]
fn the_plot_draws_the_expected_range_and_the_header_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_window(&dir.path().join("regio.sqlite"));
    click_below(&mut harness, "Meldingen overlast verward persoon (E33)");
    // The second quarter in a row above the range: a signal, said under the figure.
    harness.get_by_label("verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij");
    harness.get_by_label("Verwacht bereik (95 %)");
    // Shown per 1.000 inwoners, the range is too.
    harness.get_by_label("Per 1.000 inwoners").click();
    harness.run();
    harness.get_by_label_contains("verwacht 2,");
}
