//! `regio-in-beeld signals`: the indicators whose latest region value breaks from their own history.

#[macro_use]
mod support;

use support::backends::Backend;

on_both_backends!(
    the_demo_store_signals_the_rise_in_e33_reports,
    signals_can_look_back_from_an_earlier_period,
);

/// The demo store, made as `init` (or `server init`) and `demo` make it.
fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

fn the_demo_store_signals_the_rise_in_e33_reports(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&["signals"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = out.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("▲ Meldingen overlast verward persoon (E33): verslechtering in 2025 K4: 859, +17% t.o.v. 2024 K4"),
        "{}",
        out.stdout
    );
}

fn signals_can_look_back_from_an_earlier_period(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&["signals", "--period", "2024-K4"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // What was known then: a drop in the share picked up within two weeks, a year before E33 rose.
    assert_eq!(
        out.stdout,
        "▼ Aanmeldingen ZVH binnen twee weken opgepakt: verslechtering in 2024 K4: 82,7 %, -2% t.o.v. 2023 K4 (2,1 standaardafwijkingen)\n"
    );
    let bad = store.run(&["signals", "--period", "K5"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("onbekende periode 'K5'"),
        "{}",
        bad.stderr
    );
}
