//! The work that runs on other threads while the window draws: an import being checked or saved, and
//! a CBS fetch. One slot each: a second one while the first runs is refused with a message.

use super::{DeliveredFiles, Session};
use crate::app::{
    AppError, FetchEvent, FetchJob, FetchOptions, ImportPreview, ImportReport, TableDescription,
    WorkJob, default_user, describe_cbs_table,
};

/// How far an import is, for the spinner's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStage {
    Checking,
    Saving,
}

impl ImportStage {
    pub fn label(self) -> &'static str {
        match self {
            ImportStage::Checking => "Bestand wordt gecontroleerd…",
            ImportStage::Saving => "Import wordt opgeslagen…",
        }
    }
}

/// An import being checked or saved on a worker thread.
enum ImportWork {
    Checking(WorkJob<ImportPreview>),
    Saving(WorkJob<(ImportReport, ImportPreview)>),
}

/// A CBS table's description: `text` is `None` while CBS is asked, then what it publishes or why
/// that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CbsTableView {
    pub table: String,
    pub text: Option<Result<String, String>>,
}

#[derive(Default)]
pub(super) struct Jobs {
    fetch: Option<FetchJob>,
    import: Option<ImportWork>,
    describe: Option<WorkJob<TableDescription>>,
}

const IMPORT_BUSY: &str = "Er wordt al een bestand ingelezen; wacht tot dat klaar is.";
const DESCRIBE_BUSY: &str =
    "Er wordt al een tabelbeschrijving bij het CBS opgevraagd; wacht tot die er is.";
const FETCH_BUSY: &str =
    "Er worden al open data opgehaald; wacht tot dat klaar is, of kies Afbreken.";

impl Session {
    /// Takes in what the background work reported, and reads again when another program (a CLI
    /// import) changed the store. Called before every frame is drawn.
    pub fn poll(&mut self) {
        self.poll_fetch();
        self.poll_import();
        self.poll_describe();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let reconnected = workspace.reconnect_if_due();
        let connection = workspace.connection_line();
        if self.view.connection != connection {
            self.view.connection = connection;
        }
        if workspace.changed_elsewhere() || reconnected {
            self.refresh();
        }
    }

    pub(super) fn start_import_check(&mut self, files: DeliveredFiles) {
        if self.jobs.import.is_some() {
            self.view.message = Some(Err(IMPORT_BUSY.to_string()));
            return;
        }
        self.view.pending = None;
        self.view.message = None;
        let user = default_user();
        let job = WorkJob::start(
            self.options.clone(),
            move |workspace| workspace.preview_import(files, &user),
            self.wake(),
        );
        self.jobs.import = Some(ImportWork::Checking(job));
        self.view.import = Some(ImportStage::Checking);
    }

    pub(super) fn start_import_save(&mut self) {
        if self.jobs.import.is_some() {
            self.view.message = Some(Err(IMPORT_BUSY.to_string()));
            return;
        }
        let Some(preview) = self.view.pending.take() else {
            return;
        };
        let job = WorkJob::start(
            self.options.clone(),
            // The preview comes back with the report, for the receipt.
            move |workspace| Ok((workspace.commit_import(&preview)?, preview)),
            self.wake(),
        );
        self.jobs.import = Some(ImportWork::Saving(job));
        self.view.import = Some(ImportStage::Saving);
    }

    pub(super) fn start_fetch(&mut self) {
        if self.jobs.fetch.is_some() {
            self.view.message = Some(Err(FETCH_BUSY.to_string()));
            return;
        }
        let options = FetchOptions {
            indicator: None,
            base_url: self.cbs_base_url.clone(),
            timeout: std::time::Duration::from_secs(60),
            user: default_user(),
        };
        self.jobs.fetch = Some(FetchJob::start(self.options.clone(), options, self.wake()));
        self.view.message = None;
        self.view.fetching = Some(None);
    }

    /// Asks CBS on a worker thread; a second request while one runs is refused with a message, and
    /// the running one is shown when it ends.
    pub(super) fn start_describe(&mut self, table: String) {
        if self.jobs.describe.is_some() {
            self.view.message = Some(Err(DESCRIBE_BUSY.to_string()));
            return;
        }
        let base_url = self.cbs_base_url.clone();
        let asked = table.clone();
        let region = self.view.region().clone();
        let job = WorkJob::without_store(
            move || {
                describe_cbs_table(
                    &base_url,
                    std::time::Duration::from_secs(60),
                    &asked,
                    &region,
                )
            },
            self.wake(),
        );
        self.jobs.describe = Some(job);
        self.view.cbs_table = Some(CbsTableView { table, text: None });
    }

    fn poll_describe(&mut self) {
        let Some(outcome) = self.jobs.describe.as_mut().and_then(WorkJob::poll) else {
            return;
        };
        self.jobs.describe = None;
        let text = outcome
            .map(|description| description.to_string().trim_end().to_string())
            .map_err(|e| self.told(e));
        if let Some(view) = self.view.cbs_table.as_mut() {
            view.text = Some(text);
        }
    }

    pub(super) fn cancel_fetch(&mut self) {
        if let Some(job) = &self.jobs.fetch {
            job.cancel();
        }
    }

    fn wake(&self) -> impl Fn() + Send + 'static {
        let waker = self.waker.clone();
        move || waker()
    }

    /// Takes in what a running fetch reported; when it ended, shows the outcome and the new figures.
    fn poll_fetch(&mut self) {
        let Some(job) = self.jobs.fetch.as_mut() else {
            return;
        };
        let mut finished = None;
        for event in job.poll() {
            match event {
                FetchEvent::Progress(step) => self.view.fetching = Some(Some(step)),
                FetchEvent::Finished(result) => finished = Some(result),
            }
        }
        let Some(result) = finished else { return };
        if let Some(job) = self.jobs.fetch.take() {
            job.join();
        }
        self.view.fetching = None;
        self.view.message = Some(
            result
                .map(|report| report.to_string())
                .map_err(|e| self.told(e)),
        );
        self.refresh();
    }

    /// Takes in a finished import check (shown for the user to save or discard) or save.
    fn poll_import(&mut self) {
        let done = match self.jobs.import.as_mut() {
            Some(ImportWork::Checking(job)) => job.poll().map(Done::Checked),
            Some(ImportWork::Saving(job)) => job.poll().map(Done::Saved),
            None => None,
        };
        let Some(done) = done else { return };
        self.jobs.import = None;
        self.view.import = None;
        self.view.message = match done {
            Done::Checked(Ok(preview)) => {
                self.view.pending = Some(preview);
                None
            }
            Done::Checked(Err(error)) => Some(Err(self.told(error))),
            Done::Saved(outcome) => Some(
                outcome
                    .map(|(report, preview)| {
                        // The values are saved; a receipt that cannot be made must not say otherwise.
                        self.view.receipt = self
                            .workspace
                            .as_ref()
                            .and_then(|w| w.receipt(&preview, &report).ok())
                            .map(|r| r.text());
                        report.to_string()
                    })
                    .map_err(|e| self.told(e)),
            ),
        };
        self.refresh();
    }
}

/// The outcome of an import job.
enum Done {
    Checked(Result<ImportPreview, AppError>),
    Saved(Result<(ImportReport, ImportPreview), AppError>),
}
