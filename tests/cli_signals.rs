//! `regio-in-beeld signals`: the indicators whose latest region value breaks from their own history.

mod support;

use support::{run, temp_store};

#[test]
fn the_demo_store_signals_the_rise_in_e33_reports() {
    let store = temp_store();
    let out = run(&store.path, &["signals"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = out.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("▲ Meldingen overlast verward persoon (E33): verslechtering in 2025 K4: 859, +17% t.o.v. 2024 K4"),
        "{}",
        out.stdout
    );
}

#[test]
fn signals_can_look_back_from_an_earlier_period() {
    let store = temp_store();
    let out = run(&store.path, &["signals", "--period", "2024-K4"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // What was known then: a drop in the share picked up within two weeks, a year before E33 rose.
    assert_eq!(
        out.stdout,
        "▼ Aanmeldingen ZVH binnen twee weken opgepakt: verslechtering in 2024 K4: 82,7 %, -2% t.o.v. 2023 K4 (2,1 standaardafwijkingen)\n"
    );
    let bad = run(&store.path, &["signals", "--period", "K5"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("onbekende periode 'K5'"),
        "{}",
        bad.stderr
    );
}
