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
    // The second quarter in a row above its expected range, with the range and the run in words.
    assert_eq!(
        out.stdout,
        "▲ Meldingen overlast verward persoon (E33): verslechtering in 2025 K4: 859, verwacht \
         713–847: hoger dan verwacht, tweede kwartaal op rij · +17% t.o.v. 2024 K4\n"
    );
}

fn signals_can_look_back_from_an_earlier_period(backend: &Backend) {
    let store = demo_store(backend);
    let out = store.run(&["signals", "--period", "2025-K3"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // What was known then: one quarter of Veilig Thuis advice far above its range, before E33
    // had risen twice.
    assert_eq!(
        out.stdout,
        "▲ Adviezen Veilig Thuis: opvallend in 2025 K3: 296, verwacht 188–273: hoger dan verwacht · \
         +33% t.o.v. 2024 K3\n"
    );
    let bad = store.run(&["signals", "--period", "K5"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("onbekende periode 'K5'"),
        "{}",
        bad.stderr
    );
}
