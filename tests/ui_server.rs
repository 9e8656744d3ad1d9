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

#[test]
fn a_lost_connection_is_said_in_the_status_bar_and_restored() {
    let Some(db) = test_database("ui_server::a_lost_connection_is_said_in_the_status_bar") else {
        return;
    };
    let url = db.url();
    let init = support::finish(support::regio().args(["--db", url, "server", "init"]));
    assert_eq!(init.code, 0, "{}", init.stderr);
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/observations.csv");
    let import = support::finish(support::regio().args(["--db", url, "import", demo]));
    assert_eq!(import.code, 0, "{}", import.stderr);
    let options = OpenOptions {
        db: StoreLocation::parse(url.as_ref()).unwrap(),
        indicators: None,
        today: Some(support::today()),
    };
    let mut harness = open_window_with(options);
    assert!(harness.query_by_label("293").is_some());

    // The administrator (or a network fault) ends every connection of the window.
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .unwrap();
    let said = wait_for(&mut harness, |h| {
        h.query_by_label_contains("verbroken").is_some()
    });
    assert!(said, "the status bar says the connection is lost");
    assert!(
        harness.query_by_label("293").is_some(),
        "the figures stay on screen meanwhile"
    );

    // The listener connects again; the window's own connection follows and reads again.
    let restored = wait_for(&mut harness, |h| {
        h.query_by_label_contains("Verbonden met").is_some()
    });
    assert!(restored, "the status bar says it is connected again");
    let undo = support::finish(support::regio().args(["--db", url, "undo", "1"]));
    assert_eq!(undo.code, 0, "{}", undo.stderr);
    let emptied = wait_for(&mut harness, |h| h.query_by_label("293").is_none());
    assert!(emptied, "after reconnecting, changes are heard again");
}

/// Runs frames until `done` holds, for at most 20 seconds (the listener retries every 3).
fn wait_for(
    harness: &mut egui_kittest::Harness<'static, regio_in_beeld::ui::Shell>,
    done: impl Fn(&egui_kittest::Harness<'static, regio_in_beeld::ui::Shell>) -> bool,
) -> bool {
    for _ in 0..400 {
        harness.run();
        if done(harness) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

/// The window as `account` sees it, on the Gegevens screen: whether it offers to read in files and to
/// undo, and whether Duiding offers to write.
fn offered(store: &support::shared_store::SharedStore, account: &str) -> (bool, bool, bool) {
    let options = OpenOptions {
        db: StoreLocation::parse(store.url_of(account).as_ref()).unwrap(),
        indicators: None,
        today: Some(support::today()),
    };
    let mut harness = open_window_with(options);
    assert!(
        harness.query_by_label_contains("Verbonden met").is_some(),
        "{account}: the status bar names the account"
    );
    harness.get_by_label("Gegevens").click();
    harness.run();
    let import = harness.query_by_label("Bestanden kiezen…").is_some();
    let undo = harness.query_by_label("Batch 1 ongedaan maken").is_some();
    harness.get_by_label("Duiding").click();
    harness.run();
    let write = harness.query_by_label("Duiding opslaan").is_some();
    (import, undo, write)
}

#[test]
fn the_window_offers_each_role_only_what_it_may_do() {
    let Some(store) = support::shared_store::shared_store("ui_server::offers_each_role")
        .map(|s| s.with_accounts())
    else {
        return;
    };
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo/observations.csv");
    let import = store.owner(&["import", demo]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert_eq!(offered(&store, "beheer"), (true, true, true), "beheerder");
    assert_eq!(
        offered(&store, "politie"),
        (true, true, false),
        "leverancier"
    );
    assert_eq!(offered(&store, "bestuur"), (false, false, false), "lezer");
}
