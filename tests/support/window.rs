//! Driving the window as a user does: open it on a store, click, drop files, wait for work that runs
//! on another thread.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use regio_in_beeld::app::{OpenOptions, Workspace};
use regio_in_beeld::ui::Shell;

pub fn open_window(db: &std::path::Path) -> Harness<'static, Shell> {
    open_window_with_cbs(db, "http://127.0.0.1:9")
}

pub fn open_window_with_cbs(db: &std::path::Path, cbs_base_url: &str) -> Harness<'static, Shell> {
    open(db, cbs_base_url, false, super::TODAY)
}

/// The window on `day` (`2026-06-01`) over a store made on [`super::TODAY`]: the demo data end with
/// 2025 K4, and delivery is judged against `day`.
pub fn open_window_on(db: &std::path::Path, day: &str) -> Harness<'static, Shell> {
    drop(Workspace::open(&options(db, super::TODAY)).unwrap());
    open(db, "http://127.0.0.1:9", false, day)
}

/// The window on `day` over a brand-new store: its demo data run up to the last period that is over
/// on that day.
pub fn open_new_window_on(db: &std::path::Path, day: &str) -> Harness<'static, Shell> {
    open(db, "http://127.0.0.1:9", false, day)
}

/// The same, drawn by wgpu, for snapshots: on [`super::TODAY`], so that pictures do not change with
/// the date they are taken on.
pub fn open_rendered_window(db: &std::path::Path) -> Harness<'static, Shell> {
    open(db, "http://127.0.0.1:9", true, super::TODAY)
}

/// How the tests open `db`, with `day` as today.
pub fn options(db: &std::path::Path, day: &str) -> OpenOptions {
    OpenOptions {
        db: db.into(),
        indicators: None,
        today: Some(day.parse().unwrap()),
    }
}

fn open(
    db: &std::path::Path,
    cbs_base_url: &str,
    rendered: bool,
    day: &str,
) -> Harness<'static, Shell> {
    open_with(options(db, day), cbs_base_url, rendered)
}

/// The window on the store `options` name (a file or a server).
pub fn open_window_with(options: OpenOptions) -> Harness<'static, Shell> {
    open_with(options, "http://127.0.0.1:9", false)
}

fn open_with(options: OpenOptions, cbs_base_url: &str, rendered: bool) -> Harness<'static, Shell> {
    let opened = Workspace::open(&options);
    let cbs_base_url = cbs_base_url.to_string();
    let mut builder = Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 820.0))
        // Scrolling to a widget animates over a few frames.
        .with_max_steps(16);
    if rendered {
        builder = builder.wgpu();
    }
    let mut harness = builder.build_eframe(move |cc| Shell::new(cc, opened, options, cbs_base_url));
    harness.run();
    harness
}

pub fn pick_period(harness: &mut Harness<'static, Shell>, wanted: &str) {
    harness.get_by_label("Periode").click();
    harness.run();
    click_below(harness, wanted);
}

/// Scrolls to `label`, as a user would, and clicks it.
pub fn click_below(harness: &mut Harness<'static, Shell>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
pub struct Dropped(std::path::PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn drop_file(harness: &mut Harness<'static, Shell>, name: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.step();
}

/// Steps the window (as frames do) until `label` shows up, for work that runs on another thread.
pub fn step_until(harness: &mut Harness<'static, Shell>, label: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.query_by_label_contains(label).is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "'{label}' never appeared"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Scrolls to the text field named `label`, clicks in it and types, as a user would.
pub fn type_into(harness: &mut Harness<'static, Shell>, label: &str, text: &str) {
    click_below(harness, label);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// The card or row that screen readers know by `name` (a story's title, "Duiding: …").
pub fn group<'h>(harness: &'h Harness<'static, Shell>, name: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(eframe::egui::accesskit::Role::Group, name)
}

/// Scrolls to the button `label` inside the card or row `name`, and clicks it: buttons read
/// "Bewerken" in every card, so the card says which.
pub fn click_in(harness: &mut Harness<'static, Shell>, name: &str, label: &str) {
    group(harness, name).get_by_label(label).scroll_to_me();
    harness.run();
    group(harness, name).get_by_label(label).click();
    harness.run();
}
