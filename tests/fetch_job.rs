//! A CBS fetch in the background, as the window runs it: progress arrives, the waker is called, the
//! store is written by the worker, and a cancelled fetch writes nothing.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use regio_in_beeld::app::{FetchEvent, FetchJob, FetchOptions};
use support::{export_all, temp_store};

fn options(base_url: &str) -> FetchOptions {
    FetchOptions {
        indicator: None,
        base_url: base_url.to_string(),
        timeout: Duration::from_secs(10),
        user: "test".to_string(),
    }
}

/// Polls until the job finishes, like the UI does once per frame.
fn wait(job: &FetchJob) -> (Vec<FetchEvent>, FetchEvent) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut progress = Vec::new();
    loop {
        for event in job.poll() {
            match event {
                FetchEvent::Progress(_) => progress.push(event),
                FetchEvent::Finished(_) => return (progress, event),
            }
        }
        assert!(Instant::now() < deadline, "the fetch never finished");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_background_fetch_reports_progress_wakes_the_ui_and_writes() {
    let server = support::cbs::all_tables_server();
    let store = temp_store();
    let open = support::window::options(&store.path, support::TODAY);
    let before = export_all(&store.path);
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let job = FetchJob::start(open, options(&server.url()), move || {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let (progress, finished) = wait(&job);
    job.join();
    assert_eq!(progress.len(), 5, "one event per CBS table");
    let FetchEvent::Finished(Ok(report)) = finished else {
        panic!("{finished:?}")
    };
    assert_eq!(report.tables.len(), 5);
    assert_eq!(wakes.load(Ordering::Relaxed), 6, "after every event");
    assert_ne!(export_all(&store.path), before);
}

#[test]
fn a_cancelled_fetch_writes_nothing() {
    let server = support::cbs::all_tables_server();
    let store = temp_store();
    let before = export_all(&store.path);
    let open = support::window::options(&store.path, support::TODAY);
    let job = FetchJob::start(open, options(&server.url()), || {});
    job.cancel();
    let (_, finished) = wait(&job);
    job.join();
    let FetchEvent::Finished(Err(error)) = finished else {
        panic!("{finished:?}")
    };
    assert!(error.to_string().contains("ophalen afgebroken"), "{error}");
    assert_eq!(export_all(&store.path), before);
}
