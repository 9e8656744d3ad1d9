//! The window on a shared store: it says with whom it is connected, and shows another user's import
//! without being asked.

mod support;

use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::OpenOptions;
use regio_in_beeld::store::StoreLocation;
use support::postgres::test_database;
use support::window::open_window_with;

#[test]
fn the_window_shows_another_users_import_and_with_whom_it_is_connected() {
    let Some(db) = test_database("ui_server::the_window_shows_another_users_import") else {
        return;
    };
    let url = db.url();
    let init = support::finish(support::regio().args(["--db", url, "server", "init"]));
    assert_eq!(init.code, 0, "{}", init.stderr);
    let options = OpenOptions {
        db: StoreLocation::parse(url.as_ref()).unwrap(),
        indicators: None,
        today: Some(support::today()),
    };
    let mut harness = open_window_with(options);
    assert!(
        harness.query_by_label_contains("Verbonden met").is_some(),
        "the status bar names the server"
    );
    assert!(
        harness.query_by_label("293").is_none(),
        "a new shared store holds no figures (and no demo data)"
    );

    // Another user (a CLI import, as a supplier's script runs it) writes to the same store.
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/observations.csv");
    let import = support::finish(support::regio().args(["--db", url, "import", demo]));
    assert_eq!(import.code, 0, "{}", import.stderr);

    // The window is told by the server; each frame only looks at what its listener heard.
    let mut shown = false;
    for _ in 0..200 {
        harness.run();
        if harness.query_by_label("293").is_some() {
            shown = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(shown, "the Meldpunt tile shows the imported 2025 K4 figure");
}
