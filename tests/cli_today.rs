//! "Today" on the command line (`--today`, `REGIO_TODAY`): a new store's demo data run up to the
//! last period that is over on that day, and lateness is judged against it.

mod support;

use support::{finish, regio, temp_store};

fn on(day: &str, db: &std::path::Path, args: &[&str]) -> support::Run {
    finish(
        regio()
            .env("REGIO_TODAY", day)
            .arg("--db")
            .arg(db)
            .args(args),
    )
}

fn periods(export: &str, indicator: &str) -> Vec<String> {
    export
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(';');
            let id = fields.next()?;
            let area = fields.next()?;
            (id == indicator && area == "Zaanstreek-Waterland")
                .then(|| fields.next().unwrap().into())
        })
        .collect()
}

#[test]
fn a_store_made_in_december_2026_has_demo_figures_up_to_2026_k3() {
    let store = temp_store();
    let export = on("2026-12-02", &store.path, &["export"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let meldingen = periods(&export.stdout, "veilig_thuis_meldingen");
    assert_eq!(meldingen.first().map(String::as_str), Some("2021 K1"));
    assert_eq!(meldingen.last().map(String::as_str), Some("2026 K3"));
    assert_eq!(meldingen.len(), 23);
    // The yearly figures wait for the year to end.
    let misdrijven = periods(&export.stdout, "geregistreerde_misdrijven");
    assert_eq!(misdrijven.last().map(String::as_str), Some("2025"));

    let status = on(
        "2026-12-02",
        &store.path,
        &["status", "--period", "2026-K3"],
    );
    assert!(
        status
            .stdout
            .ends_with("15 van 15 indicatoren compleet, 0 te laat.\n"),
        "{}",
        status.stdout
    );
    // The demo's bijstand is a month behind.
    let october = on(
        "2026-12-02",
        &store.path,
        &["status", "--period", "2026-10"],
    );
    assert!(
        october.stdout.contains(
            "Bijstandsuitkeringen (bijstandsuitkeringen, CBS): 0 van 7 gemeenten geleverd, \
             regio ontbreekt"
        ),
        "{}",
        october.stdout
    );
    assert!(
        october
            .stdout
            .contains("uiterlijk 30 november 2026, 2 dagen te laat"),
        "{}",
        october.stdout
    );
}

#[test]
fn two_stores_made_on_the_same_day_hold_the_same_demo_figures() {
    let (first, second) = (temp_store(), temp_store());
    let export = |db: &std::path::Path| on("2027-03-10", db, &["export", "--unshielded"]).stdout;
    let figures = export(&first.path);
    assert_eq!(figures, export(&second.path));
    assert!(
        figures.contains(";2026 K4;"),
        "2026 K4 is over by March 2027"
    );
    // `--today` says the same as REGIO_TODAY, and wins over it.
    let third = temp_store();
    let pinned = finish(
        regio()
            .env("REGIO_TODAY", "2026-02-01")
            .args(["--today", "10-3-2027", "--db"])
            .arg(&third.path)
            .args(["export", "--unshielded"]),
    );
    assert_eq!(pinned.stdout, figures);
}

#[test]
fn a_today_that_is_no_date_is_a_usage_error_in_dutch() {
    let store = temp_store();
    let bad = on("31-2-2026", &store.path, &["batches"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .starts_with("fout: '31-2-2026' is geen geldige waarde voor --today <DATUM>"),
        "{}",
        bad.stderr
    );
    assert!(!store.path.exists(), "nothing was opened");
    let help = finish(regio().arg("--help"));
    assert!(
        help.stdout.contains("[omgevingsvariabele: REGIO_TODAY"),
        "{}",
        help.stdout
    );
}
