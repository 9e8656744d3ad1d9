//! Long work off the UI thread. A job runs on a worker thread with its own store connection (WAL lets
//! the window keep reading), reports through a channel and wakes the UI through an injected closure,
//! so this layer needs no GUI library.

use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

use super::{AppError, FetchOptions, FetchProgress, FetchReport, OpenOptions, Workspace};

/// What a running fetch reports.
#[derive(Debug)]
pub enum FetchEvent {
    Progress(FetchProgress),
    Finished(Result<FetchReport, AppError>),
}

/// A CBS fetch on a worker thread.
pub struct FetchJob {
    events: Receiver<FetchEvent>,
    cancel: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
}

impl FetchJob {
    /// Starts the fetch; `wake` is called after every event (the UI passes a repaint request).
    pub fn start(
        open: OpenOptions,
        options: FetchOptions,
        wake: impl Fn() + Send + 'static,
    ) -> FetchJob {
        let (sender, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let worker = std::thread::Builder::new()
            .name("cbs-fetch".to_string())
            .spawn(move || {
                let send = |event| {
                    let _ = sender.send(event);
                    wake();
                };
                let result = Workspace::open(&open).and_then(|mut workspace| {
                    workspace.fetch(&options, &mut |progress| {
                        send(FetchEvent::Progress(progress.clone()));
                        if stop.load(Ordering::Relaxed) {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    })
                });
                send(FetchEvent::Finished(result));
            })
            .expect("a thread can be started");
        FetchJob {
            events,
            cancel,
            worker: Some(worker),
        }
    }

    /// Everything reported since the last call, without waiting.
    pub fn poll(&self) -> Vec<FetchEvent> {
        self.events.try_iter().collect()
    }

    /// Asks the job to stop before the next table; it then finishes with an error and writes nothing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Waits for the worker to end (after `Finished` was received).
    pub fn join(mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// Other long work (checking or saving an import) on a worker thread with its own workspace.
pub struct WorkJob<T> {
    result: Receiver<Result<T, AppError>>,
    worker: Option<JoinHandle<()>>,
}

impl<T: Send + 'static> WorkJob<T> {
    /// Runs `work` on a fresh workspace for the store in `open`; `wake` is called when it is done.
    pub fn start(
        open: OpenOptions,
        work: impl FnOnce(&mut Workspace) -> Result<T, AppError> + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> WorkJob<T> {
        WorkJob::without_store(
            move || Workspace::open(&open).and_then(|mut workspace| work(&mut workspace)),
            wake,
        )
    }

    /// Runs `work`, which needs no store (asking CBS what a table holds), on a worker thread.
    pub fn without_store(
        work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> WorkJob<T> {
        let (sender, result) = channel();
        let worker = std::thread::Builder::new()
            .name("work".to_string())
            .spawn(move || {
                let _ = sender.send(work());
                wake();
            })
            .expect("a thread can be started");
        WorkJob {
            result,
            worker: Some(worker),
        }
    }

    /// The outcome once the work is done, without waiting.
    pub fn poll(&mut self) -> Option<Result<T, AppError>> {
        let outcome = self.result.try_recv().ok()?;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        Some(outcome)
    }
}
