//! The window's state without the window: what is shown, the forms, the running jobs, and the one
//! `handle` that carries out every command. Knows no egui; the window draws a `View` and sends
//! `Command`s, and wakes itself through the injected waker.

mod catalog;
mod command;
mod deliveries;
mod forms;
mod handling;
mod indicator_form;
mod jobs;
mod texts;
mod views;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use chrono::NaiveDate;

pub use catalog::{CatalogCommand, IndicatorenView};
pub use command::{
    Command, DeliveredFiles, Message, Removal, Request, Screen, Settings, TextCommand,
};
pub use deliveries::DeliveryCommand;
pub use forms::{EventEditor, Forms, NoteEditor, ScopeChoice, StoryEditor};
pub use indicator_form::{CatalogFilter, IndicatorEditor, SourceKind};
pub use jobs::{CbsTableView, ImportStage};
pub use views::{DataView, DuidingView};

use super::{
    AppError, Dashboard, DashboardChoice, FetchProgress, ImportPreview, OpenOptions, Workspace,
    default_user,
};
use crate::catalog::zawa;
use crate::domain::{Area, AreaKind, Member, Period, Region, WebUrl};
use jobs::Jobs;

/// Called from worker threads when they have news, so the window draws again.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What the window shows, read-only for the drawing code: it changes only through `Session::handle`
/// and `Session::poll`.
pub struct View {
    /// What the layers show, or why the store could not be opened.
    pub state: Result<Dashboard, AppError>,
    pub settings: Settings,
    /// The quarter chosen in the top bar; `None` until the user picks one.
    pub period: Option<Period>,
    /// The Gegevens screen, read while it is open.
    pub data: Option<DataView>,
    /// The Duiding screen, read while it is open.
    pub duiding: Option<DuidingView>,
    pub message: Option<Message>,
    /// A checked import waiting for the user to save or discard it.
    pub pending: Option<ImportPreview>,
    /// A running CBS fetch: `Some(None)` before its first table is reported.
    pub fetching: Option<Option<FetchProgress>>,
    pub import: Option<ImportStage>,
    /// A CBS table's description asked for from the tactical layer.
    pub cbs_table: Option<CbsTableView>,
    /// A link the user asked to open, waiting for "Openen in browser": the title and where it goes.
    pub pending_link: Option<(String, WebUrl)>,
    /// A story or event the user asked to remove, waiting for "Ja, verwijderen".
    pub removal: Option<Removal>,
    /// The Indicatoren screen, read while it is open.
    pub indicatoren: Option<IndicatorenView>,
    /// The definition chosen on the Indicatoren screen.
    pub chosen_definition: Option<String>,
    /// An indicator the user asked to retire, waiting for "Ja, intrekken".
    pub retiring: Option<String>,
    /// With whom a shared store is connected, or that the connection is lost; `None` for a file.
    pub connection: Option<crate::app::ConnectionLine>,
    /// What the window offers to this user (see [`crate::app::Permissions`]).
    pub may: crate::app::Permissions,
    /// The store's file or server, for the empty and error states.
    pub db: crate::store::StoreLocation,
    pub has_store: bool,
    pub read_only: bool,
    /// A publication for bestuurders: its banner replaces the read-only one.
    pub publication: Option<crate::domain::Publication>,
    /// The day delivery is judged against, when not today (`--today`: tests, demonstrations).
    pub today: Option<NaiveDate>,
    /// A reminder drafted for a late supplier, shown to copy or to open in the mail program.
    pub reminder: Option<crate::app::Reminder>,
    /// The receipt of the import just saved, as text, until the user closes it.
    pub receipt: Option<String>,
}

impl View {
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The BO of the Duiding screen: the chosen one, else the newest with notes, else today.
    pub fn bo(&self) -> NaiveDate {
        self.settings
            .bo
            .as_deref()
            .and_then(|d| d.parse().ok())
            .or_else(|| {
                self.state
                    .as_ref()
                    .ok()
                    .and_then(|d| d.bo_dates().first().copied())
            })
            .unwrap_or_else(|| self.today())
    }

    /// The store's region; Zaanstreek-Waterland while no store could be read.
    pub fn region(&self) -> &Region {
        match &self.state {
            Ok(dashboard) => &dashboard.region,
            Err(_) => zawa(),
        }
    }

    /// The gemeente of the Gemeenten layer: the remembered one while it exists, else the region's
    /// last by name.
    pub fn gemeente(&self) -> Area {
        let region = self.region();
        region
            .from_code(&self.settings.gemeente)
            .filter(|a| a.kind == AreaKind::Gemeente)
            .filter(|a| region.member(a).is_some_and(Member::is_current))
            .unwrap_or_else(|| region.current_gemeenten().last().unwrap_or(region.area()))
    }

    /// The period the top bar shows: the Gegevens screen's delivery round, else the dashboard's.
    pub fn shown_period(&self) -> Option<Period> {
        match (&self.data, self.settings.screen) {
            (Some(view), Screen::Gegevens) => Some(view.period),
            _ => self.state.as_ref().ok().map(|d| d.period),
        }
    }
}

/// How often the store was read, by kind: reading the dashboard is the costly one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reads {
    pub dashboard: u64,
    pub views: u64,
}

pub struct Session {
    view: View,
    forms: Forms,
    workspace: Option<Workspace>,
    jobs: Jobs,
    options: OpenOptions,
    cbs_base_url: String,
    waker: Waker,
    reads: Reads,
}

impl Session {
    /// Shows what `opened` holds (the dashboard, or why it failed) with the remembered `settings`.
    pub fn new(
        opened: Result<Workspace, AppError>,
        settings: Settings,
        options: OpenOptions,
        cbs_base_url: String,
        waker: Waker,
    ) -> Session {
        let mut reads = Reads::default();
        let (workspace, state) = match opened {
            Ok(mut workspace) => {
                reads.dashboard += 1;
                workspace.mark_seen();
                let state = workspace.dashboard(DashboardChoice {
                    per_1000: settings.per_1000,
                    today: options.today,
                    ..DashboardChoice::default()
                });
                (Some(workspace), state)
            }
            Err(error) => (None, Err(error)),
        };
        let mut forms = Forms::default();
        forms.note.author = default_user();
        let mut session = Session {
            view: View {
                state,
                settings,
                period: None,
                data: None,
                duiding: None,
                message: None,
                pending: None,
                reminder: None,
                receipt: None,
                fetching: None,
                import: None,
                cbs_table: None,
                pending_link: None,
                removal: None,
                indicatoren: None,
                chosen_definition: None,
                retiring: None,
                connection: workspace.as_ref().and_then(Workspace::connection_line),
                may: workspace
                    .as_ref()
                    .map(Workspace::permissions)
                    .unwrap_or_default(),
                db: options.db.clone(),
                has_store: workspace.is_some(),
                read_only: workspace.as_ref().is_some_and(Workspace::is_read_only),
                publication: workspace.as_ref().and_then(|w| w.publication().cloned()),
                today: options.today,
            },
            forms,
            workspace,
            jobs: Jobs::default(),
            options,
            cbs_base_url,
            waker,
            reads,
        };
        if let Some(workspace) = &session.workspace {
            // Another user's change on the server repaints the window, which then reads it.
            let waker = session.waker.clone();
            workspace.store().on_change(Box::new(move || waker()));
        }
        // The dashboard was just read; only the views of a remembered screen are still missing.
        session.refresh_views();
        session
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    /// What is shown beside the forms, for a screen that draws both.
    pub fn view_and_forms(&mut self) -> (&View, &mut Forms) {
        (&self.view, &mut self.forms)
    }

    /// How often the store was read since the window opened: view commands must not add to it.
    pub fn reads(&self) -> Reads {
        self.reads
    }

    /// The window's zoom, to be remembered with the settings.
    pub fn remember_zoom(&mut self, zoom: f32) {
        self.view.settings.zoom = zoom;
    }

    fn db(&self) -> &crate::store::StoreLocation {
        &self.options.db
    }

    /// A refusal as the window shows it: a store error names the store's file.
    fn told(&self, error: AppError) -> String {
        error.naming_store(self.db()).to_string()
    }
}
