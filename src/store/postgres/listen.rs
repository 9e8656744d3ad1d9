//! Listening for other users' changes: a thread with its own connection waits on the channel every
//! write announces (`regio_changes`, see `schema/postgres/v7.sql`) and counts what it hears, so the
//! window learns of another supplier's import within a second without asking the server each frame.
//! When the connection drops, the thread says so and connects again, every few seconds, until the
//! store is closed.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;

use super::ServerAddress;

/// How long one wait for a notification lasts: also how soon the thread notices the store closed.
const WAIT: Duration = Duration::from_millis(250);

/// Between attempts to connect again.
const RETRY: Duration = Duration::from_secs(3);

/// Waits between two pings of the server, which notice a server that went away without closing the
/// connection (keepalives alone take minutes): every 5 seconds.
const PING_EVERY: u32 = 20;

/// What the thread and the store share.
#[derive(Default)]
struct Shared {
    /// Changes heard; also counted up on reconnecting, since changes may have been missed meanwhile.
    version: AtomicI64,
    /// Why the connection is down; `None` while listening.
    lost: Mutex<Option<String>>,
    stop: AtomicBool,
    /// Called on every change heard and every change of state (the window's repaint).
    wake: Mutex<Option<Box<dyn Fn() + Send>>>,
}

impl Shared {
    fn wake(&self) {
        if let Some(wake) = self.wake.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            wake();
        }
    }

    fn set_lost(&self, reason: Option<String>) {
        let mut lost = self.lost.lock().unwrap_or_else(|e| e.into_inner());
        if *lost != reason {
            *lost = reason;
            drop(lost);
            self.wake();
        }
    }
}

pub(in crate::store) struct Listener {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Listener {
    pub fn start(server: &ServerAddress) -> Listener {
        let shared = Arc::new(Shared::default());
        let thread = {
            let shared = Arc::clone(&shared);
            let server = server.clone();
            std::thread::Builder::new()
                .name("regio-luisteraar".into())
                .spawn(move || listen(&server, &shared))
                .ok()
        };
        Listener { shared, thread }
    }

    pub fn version(&self) -> i64 {
        self.shared.version.load(Ordering::Acquire)
    }

    /// Why the server cannot be heard; `None` while it can.
    pub fn lost(&self) -> Option<String> {
        self.shared
            .lost
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn on_change(&self, wake: Box<dyn Fn() + Send>) {
        *self.shared.wake.lock().unwrap_or_else(|e| e.into_inner()) = Some(wake);
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn listen(server: &ServerAddress, shared: &Shared) {
    let mut first = true;
    while !shared.stop.load(Ordering::Acquire) {
        match server.connect().and_then(|mut client| {
            client.batch_execute("LISTEN regio_changes")?;
            Ok(client)
        }) {
            Ok(mut client) => {
                shared.set_lost(None);
                if !first {
                    shared.version.fetch_add(1, Ordering::AcqRel);
                    shared.wake();
                }
                first = false;
                let reason = hear(&mut client, shared);
                if let Some(reason) = reason {
                    shared.set_lost(Some(reason));
                }
            }
            Err(error) => {
                first = false;
                shared.set_lost(Some(error.to_string()));
            }
        }
        sleep_unless_stopped(shared, RETRY);
    }
}

/// Counts notifications until the connection drops (the reason) or the store closes (`None`).
fn hear(client: &mut postgres::Client, shared: &Shared) -> Option<String> {
    let mut waits = 0u32;
    while !shared.stop.load(Ordering::Acquire) {
        let mut heard = 0;
        {
            let mut notifications = client.notifications();
            let mut waiting = notifications.timeout_iter(WAIT);
            loop {
                match waiting.next() {
                    Ok(Some(_)) => heard += 1,
                    Ok(None) => break,
                    Err(error) => return Some(crate::store::StoreError::from(error).to_string()),
                }
            }
        }
        if heard > 0 {
            shared.version.fetch_add(heard, Ordering::AcqRel);
            shared.wake();
        }
        if client.is_closed() {
            return Some("de verbinding met de databaseserver is verbroken".to_string());
        }
        waits += 1;
        if waits.is_multiple_of(PING_EVERY)
            && let Err(error) = client.batch_execute("")
        {
            return Some(crate::store::StoreError::from(error).to_string());
        }
    }
    None
}

fn sleep_unless_stopped(shared: &Shared, total: Duration) {
    let mut slept = Duration::ZERO;
    while slept < total && !shared.stop.load(Ordering::Acquire) {
        std::thread::sleep(WAIT);
        slept += WAIT;
    }
}
