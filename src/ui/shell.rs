//! The window: top bar with the layers, period and view choices, the demo banner, and the open layer.
//! Actions the user asks for are collected while drawing and carried out after it, never in the
//! middle of a layout.

use chrono::NaiveDate;
use eframe::egui::{self, Frame, Margin, RichText, ScrollArea, Theme};
use serde::{Deserialize, Serialize};

use super::chart_image::{Capture, ChartUse, png_bytes};
use super::data::{DataAction, DataView, data_screen, import_preview};
use super::dialogs::{Chosen, Dialog, NoDialog};
use super::duiding::{DuidingAction, DuidingView, NoteEditor, duiding};
use super::events::{EventAction, EventEditor};
use super::gemeenten::gemeenten;
use super::strategic::strategic;
use super::tactical::{TacticalAction, tactical};
use super::theme;
use super::verhalen::{StoryAction, StoryEditor, verhalen};
use crate::app::{
    AppError, Dashboard, DashboardChoice, FetchEvent, FetchJob, FetchOptions, FetchProgress,
    FetchReport, ImportPreview, ImportReport, OpenOptions, OutputFormat, Replace, TemplateFormat,
    WorkJob, Workspace, default_user, read_delivered, read_paths,
};
use crate::domain::{Area, BatchId, Period, WebUrl, count_of, dutch_date, dutch_datetime};
use crate::ingest::ImportProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum Screen {
    Strategisch,
    Tactisch,
    Gemeenten,
    Gegevens,
    Duiding,
    Verhalen,
}

impl Screen {
    const ALL: [Screen; 6] = [
        Screen::Strategisch,
        Screen::Tactisch,
        Screen::Gemeenten,
        Screen::Gegevens,
        Screen::Duiding,
        Screen::Verhalen,
    ];

    fn label(self) -> &'static str {
        match self {
            Screen::Strategisch => "Strategisch",
            Screen::Tactisch => "Tactisch",
            Screen::Gemeenten => "Gemeenten",
            Screen::Gegevens => "Gegevens",
            Screen::Duiding => "Duiding",
            Screen::Verhalen => "Verhalen",
        }
    }
}

/// What the window remembers between sessions (eframe persistence), besides its size and place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Settings {
    screen: Screen,
    /// The indicator of the tactical layer.
    indicator: Option<String>,
    /// CBS code of the gemeente of the Gemeenten layer.
    gemeente: String,
    per_1000: bool,
    dark: bool,
    zoom: f32,
    /// The BO of the Duiding screen (`2026-02-12`).
    bo: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            screen: Screen::Strategisch,
            indicator: None,
            gemeente: "GM0479".to_string(),
            per_1000: false,
            dark: false,
            zoom: 1.0,
            bo: None,
        }
    }
}

const SETTINGS_KEY: &str = "regio-in-beeld";

/// How often an idle window checks whether another program changed the store.
const CHANGE_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

/// What the user asked for during a frame.
enum Command {
    Show(Screen),
    OpenIndicator(String),
    PickGemeente(Area),
    PickPeriod(Period),
    Per1000(bool),
    Dark(bool),
    Undo(BatchId),
    /// Files dropped on the window or chosen in the dialog: check them and show what an import
    /// would do.
    Preview(Vec<Result<(String, Vec<u8>), ImportProblem>>),
    CommitImport,
    DiscardImport,
    StartFetch,
    CancelFetch,
    PickFiles,
    SaveTemplate(TemplateFormat),
    WriteTemplate(Period, std::path::PathBuf, TemplateFormat),
    Duiding(DuidingAction),
    /// Write a note on this indicator: the Duiding screen with the form filled in.
    WriteNote(String),
    Story(StoryAction),
    OpenLink,
    CancelLink,
    Capture(ChartUse, egui::Rect),
    WriteReport(NaiveDate, std::path::PathBuf),
    WritePng(std::path::PathBuf, Vec<u8>),
    /// Add or remove an event, from the tactical view of this indicator.
    Event(String, EventAction),
}

/// An import being checked or saved on a worker thread.
enum ImportWork {
    Checking(WorkJob<ImportPreview>),
    Saving(WorkJob<ImportReport>),
}

pub struct Shell {
    workspace: Option<Workspace>,
    /// What the layers show, or why the store could not be opened.
    state: Result<Dashboard, AppError>,
    settings: Settings,
    /// The quarter chosen in the top bar; `None` until the user picks one.
    period: Option<Period>,
    data: Option<DataView>,
    /// The outcome of the last action, in Dutch: `Ok` for a confirmation, `Err` for a refusal.
    message: Option<Result<String, String>>,
    /// A checked import waiting for the user to save or discard it.
    pending: Option<ImportPreview>,
    /// A CBS fetch running on its own thread, with its latest progress.
    fetch: Option<(FetchJob, Option<FetchProgress>)>,
    import: Option<ImportWork>,
    dialog: Option<Dialog>,
    duiding: Option<DuidingView>,
    note_editor: NoteEditor,
    story_editor: StoryEditor,
    event_editor: EventEditor,
    /// A link the user asked to open, waiting for "Openen in browser": the title and where it goes.
    pending_link: Option<(String, WebUrl)>,
    /// A picture of the plot on its way.
    capture: Option<Capture>,
    /// The day delivery is judged against, when not today (tests, demonstrations).
    today: Option<NaiveDate>,
    options: OpenOptions,
    cbs_base_url: String,
    /// To wake the window from worker threads.
    ctx: egui::Context,
}

impl Shell {
    /// Restores the remembered settings, applies the theme and shows what `opened` holds: the
    /// dashboard or why it failed.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        opened: Result<Workspace, AppError>,
        options: OpenOptions,
        cbs_base_url: String,
    ) -> Shell {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            .unwrap_or_default();
        let ctx = &cc.egui_ctx;
        theme::apply(
            ctx,
            if settings.dark {
                Theme::Dark
            } else {
                Theme::Light
            },
        );
        ctx.set_zoom_factor(settings.zoom.clamp(0.5, 3.0));
        let (workspace, state) = match opened {
            Ok(workspace) => {
                let state = workspace.dashboard(DashboardChoice {
                    per_1000: settings.per_1000,
                    ..DashboardChoice::default()
                });
                (Some(workspace), state)
            }
            Err(error) => (None, Err(error)),
        };
        let mut shell = Shell {
            workspace,
            state,
            settings,
            period: None,
            data: None,
            message: None,
            pending: None,
            fetch: None,
            import: None,
            dialog: None,
            duiding: None,
            note_editor: NoteEditor {
                author: default_user(),
                ..NoteEditor::default()
            },
            story_editor: StoryEditor::default(),
            event_editor: EventEditor::default(),
            pending_link: None,
            capture: None,
            today: None,
            options,
            cbs_base_url,
            ctx: ctx.clone(),
        };
        // The dashboard was just read; only the views of a remembered screen are still missing.
        shell.refresh_views();
        shell
    }

    /// Takes in what a running fetch reported; when it ended, shows the outcome and the new figures.
    fn poll_fetch(&mut self) {
        let Some((job, progress)) = self.fetch.as_mut() else {
            return;
        };
        let mut finished = None;
        for event in job.poll() {
            match event {
                FetchEvent::Progress(step) => *progress = Some(step),
                FetchEvent::Finished(result) => finished = Some(result),
            }
        }
        let Some(result) = finished else { return };
        if let Some((job, _)) = self.fetch.take() {
            job.join();
        }
        self.message = Some(match result {
            Ok(report) => Ok(fetch_message(&report)),
            Err(error) => Err(told(error, &self.options.db)),
        });
        self.refresh();
    }

    /// Takes in a finished import check (shown for the user to save or discard) or save.
    fn poll_import(&mut self) {
        let finished = match self.import.as_mut() {
            Some(ImportWork::Checking(job)) => job.poll().map(|outcome| match outcome {
                Ok(preview) => {
                    self.message = None;
                    self.pending = Some(preview);
                }
                Err(error) => self.message = Some(Err(told(error, &self.options.db))),
            }),
            Some(ImportWork::Saving(job)) => job.poll().map(|outcome| {
                self.message = Some(match outcome {
                    Ok(report) => Ok(import_message(&report)),
                    Err(error) => Err(told(error, &self.options.db)),
                });
            }),
            None => None,
        };
        if finished.is_some() {
            self.import = None;
            self.refresh();
        }
    }

    fn waker(&self) -> impl Fn() + Send + 'static {
        let ctx = self.ctx.clone();
        move || ctx.request_repaint()
    }

    /// What a closed file dialog chose, as a command.
    fn poll_dialog(&mut self) -> Option<Command> {
        let outcome = self.dialog.as_ref()?.poll()?;
        self.dialog = None;
        match outcome {
            Err(NoDialog) => {
                self.message = Some(Err(
                    "De bestandskiezer van het systeem kan niet geopend worden. Sleep het bestand in \
                     dit venster, of gebruik regio-in-beeld import of template op de opdrachtregel."
                        .to_string(),
                ));
                None
            }
            Ok(None) => None,
            Ok(Some(Chosen::Import(paths))) => Some(Command::Preview(read_paths(&paths))),
            Ok(Some(Chosen::Template(period, path, format))) => {
                Some(Command::WriteTemplate(period, path, format))
            }
            Ok(Some(Chosen::Report(bo, path))) => Some(Command::WriteReport(bo, path)),
            Ok(Some(Chosen::Png(path, bytes))) => Some(Command::WritePng(path, bytes)),
        }
    }

    fn handle(&mut self, command: Command) {
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        match command {
            Command::Show(screen) => self.settings.screen = screen,
            Command::OpenIndicator(id) => {
                self.settings.indicator = Some(id);
                self.settings.screen = Screen::Tactisch;
            }
            Command::PickGemeente(area) => self.settings.gemeente = area.code.to_string(),
            Command::PickPeriod(period) => self.period = Some(period),
            Command::Per1000(on) => self.settings.per_1000 = on,
            Command::Dark(on) => {
                self.settings.dark = on;
                self.ctx
                    .set_theme(if on { Theme::Dark } else { Theme::Light });
            }
            Command::Undo(batch) => {
                self.message = Some(
                    workspace
                        .undo(batch)
                        .map(|undone| undone.to_string())
                        .map_err(|e| told(e, &self.options.db)),
                );
            }
            Command::Preview(files) if self.import.is_none() => {
                self.settings.screen = Screen::Gegevens;
                self.pending = None;
                self.message = None;
                let user = default_user();
                let job = WorkJob::start(
                    self.options.clone(),
                    move |workspace| workspace.preview_import(files, &user),
                    self.waker(),
                );
                self.import = Some(ImportWork::Checking(job));
            }
            Command::CommitImport if self.import.is_none() => {
                if let Some(preview) = self.pending.take() {
                    let job = WorkJob::start(
                        self.options.clone(),
                        move |workspace| workspace.commit_import(&preview),
                        self.waker(),
                    );
                    self.import = Some(ImportWork::Saving(job));
                }
            }
            Command::Preview(_) | Command::CommitImport => {
                self.message = Some(Err(
                    "Er wordt al een bestand ingelezen; wacht tot dat klaar is.".to_string(),
                ));
            }
            Command::StartFetch if self.fetch.is_none() => {
                let options = FetchOptions {
                    indicator: None,
                    base_url: self.cbs_base_url.clone(),
                    timeout: std::time::Duration::from_secs(60),
                    user: default_user(),
                };
                let job = FetchJob::start(self.options.clone(), options, self.waker());
                self.message = None;
                self.fetch = Some((job, None));
            }
            Command::StartFetch => {}
            Command::CancelFetch => {
                if let Some((job, _)) = &self.fetch {
                    job.cancel();
                }
            }
            Command::DiscardImport => {
                self.pending = None;
                self.message = Some(Ok("Import geannuleerd; er is niets opgeslagen.".to_string()));
            }
            Command::PickFiles if self.dialog.is_none() => {
                self.dialog = Some(Dialog::pick_import(&self.ctx));
            }
            Command::SaveTemplate(format) if self.dialog.is_none() => {
                if let Some(view) = &self.data {
                    self.dialog = Some(Dialog::save_template(&self.ctx, view.period, format));
                }
            }
            Command::PickFiles | Command::SaveTemplate(_) => {}
            Command::WriteTemplate(period, path, format) => {
                let written = workspace.template(&period, format).and_then(|bytes| {
                    // The save dialog asked before replacing a file.
                    workspace.write_output(&path, format.output(), &bytes, Replace::Allowed)
                });
                self.message = Some(match written {
                    Ok(()) => Ok(format!(
                        "Sjabloon voor {} opgeslagen als {}",
                        period.label(),
                        path.display()
                    )),
                    Err(error) => Err(told(error, &self.options.db)),
                });
            }
            Command::Duiding(action) => self.on_duiding(action),
            Command::WriteNote(indicator) => {
                self.note_editor.start(Some(indicator));
                self.settings.screen = Screen::Duiding;
            }
            Command::Story(action) => self.on_story(action),
            Command::Event(indicator, EventAction::Add) => {
                let added = match self.event_editor.draft(&indicator) {
                    Ok(draft) => workspace.add_event(&draft).map(|id| {
                        self.event_editor = EventEditor::default();
                        format!(
                            "Gebeurtenis {} '{}' staat op de tijdas ({}).",
                            id.0,
                            draft.label,
                            dutch_date(draft.date)
                        )
                    }),
                    Err(problem) => Err(AppError::Refused(problem)),
                };
                self.message = Some(added.map_err(|e| told(e, &self.options.db)));
            }
            Command::Event(_, EventAction::Remove(id)) => {
                self.message = Some(
                    workspace
                        .remove_event(id)
                        .map(|()| format!("Gebeurtenis {} is verwijderd.", id.0))
                        .map_err(|e| told(e, &self.options.db)),
                );
            }
            Command::OpenLink => {
                if let Some((_, url)) = self.pending_link.take() {
                    self.ctx.open_url(egui::OpenUrl::new_tab(url.as_str()));
                }
            }
            Command::CancelLink => self.pending_link = None,
            Command::Capture(purpose, region) => {
                self.capture = Some(Capture::request(&self.ctx, purpose, region));
            }
            Command::WriteReport(bo, path) => {
                let written = workspace.bo_report(bo).and_then(|html| {
                    let bytes = html.as_bytes();
                    workspace.write_output(&path, OutputFormat::REPORT, bytes, Replace::Allowed)
                });
                self.message = Some(
                    written
                        .map(|()| {
                            format!(
                                "BO-pakket voor {} opgeslagen als {}",
                                dutch_date(bo),
                                path.display()
                            )
                        })
                        .map_err(|e| told(e, &self.options.db)),
                );
            }
            Command::WritePng(path, bytes) => {
                self.message = Some(
                    workspace
                        .write_output(&path, OutputFormat::PNG, &bytes, Replace::Allowed)
                        .map(|()| format!("Grafiek opgeslagen als {}", path.display()))
                        .map_err(|e| told(e, &self.options.db)),
                );
            }
        }
        self.refresh();
    }

    /// Saves, edits, locks and reopens notes; picks the BO; starts the BO-pakket.
    fn on_duiding(&mut self, action: DuidingAction) {
        let bo = self.bo();
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let author = self.note_editor.author.clone();
        let outcome = match action {
            DuidingAction::PickBo(date) => {
                self.settings.bo = Some(date.to_string());
                self.note_editor.other_bo.clear();
                return;
            }
            DuidingAction::BadDate(text) => Err(AppError::Refused(format!(
                "'{text}' is geen datum; schrijf bijvoorbeeld 12-2-2026"
            ))),
            DuidingAction::NewNote => {
                self.note_editor.start(None);
                return;
            }
            DuidingAction::Edit(id) => {
                if let Ok(Some(note)) = workspace.store().note(id) {
                    self.note_editor.edit(&note);
                }
                return;
            }
            DuidingAction::Save => {
                let saved = match self.note_editor.editing {
                    Some(id) => workspace
                        .edit_note(id, &author, &self.note_editor.text)
                        .map(|()| id),
                    None => workspace.add_note(&self.note_editor.draft(bo)),
                };
                saved.map(|id| {
                    self.note_editor.start(None);
                    format!(
                        "Duiding {} opgeslagen voor het BO van {}.",
                        id.0,
                        dutch_date(bo)
                    )
                })
            }
            DuidingAction::Finalize(id) => workspace
                .finalize_note(id, &author)
                .map(|()| format!("Duiding {} is definitief en vergrendeld.", id.0)),
            DuidingAction::Reopen(id) => workspace
                .reopen_note(id, &author)
                .map(|()| format!("Duiding {} is heropend als concept.", id.0)),
            DuidingAction::SaveReport => {
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::save_report(&self.ctx, bo));
                }
                return;
            }
        };
        self.message = Some(outcome.map_err(|e| told(e, &self.options.db)));
    }

    fn on_story(&mut self, action: StoryAction) {
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        let outcome = match action {
            StoryAction::Open(title, url) => {
                self.pending_link = Some((title, url));
                return;
            }
            StoryAction::Remove(id) => workspace
                .remove_story(id)
                .map(|()| format!("Verhaal {} is verwijderd.", id.0)),
            StoryAction::Edit(id) => {
                if let Some(story) = workspace
                    .stories()
                    .ok()
                    .and_then(|all| all.into_iter().find(|s| s.id == id))
                {
                    self.story_editor = StoryEditor::edit(&story);
                }
                return;
            }
            StoryAction::NewStory => {
                self.story_editor = StoryEditor::default();
                return;
            }
            StoryAction::Save => match self.story_editor.draft() {
                Ok(draft) => {
                    let saved = match self.story_editor.editing {
                        Some(id) => workspace.update_story(id, &draft).map(|()| id),
                        None => workspace.add_story(&draft),
                    };
                    saved.map(|id| {
                        self.story_editor = StoryEditor::default();
                        format!("Verhaal {} '{}' is opgeslagen.", id.0, draft.title)
                    })
                }
                Err(problem) => Err(AppError::Refused(problem)),
            },
        };
        self.message = Some(outcome.map_err(|e| told(e, &self.options.db)));
    }

    /// Judges delivery against `today` instead of the real date: for tests and demonstrations that
    /// must look the same on every day.
    pub fn with_today(mut self, today: NaiveDate) -> Shell {
        self.today = Some(today);
        self.refresh();
        self
    }

    fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The BO of the Duiding screen: the chosen one, else the newest with notes, else today.
    fn bo(&self) -> NaiveDate {
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

    /// Takes in the picture of the plot: to the clipboard, or on to a file dialog.
    fn poll_capture(&mut self, pixels_per_point: f32) {
        let Some(image) = self.capture.as_ref().and_then(|c| c.poll(pixels_per_point)) else {
            return;
        };
        let Some(capture) = self.capture.take() else {
            return;
        };
        match capture.purpose {
            ChartUse::Copy => {
                self.ctx.copy_image(image);
                self.message = Some(Ok(
                    "Grafiek gekopieerd; plak haar in een document of e-mail.".to_string(),
                ));
            }
            ChartUse::Save => match png_bytes(&image) {
                Ok(bytes) if self.dialog.is_none() => {
                    let name = self
                        .settings
                        .indicator
                        .clone()
                        .unwrap_or_else(|| "grafiek".into());
                    self.dialog = Some(Dialog::save_png(&self.ctx, format!("{name}.png"), bytes));
                }
                Ok(_) => {}
                Err(error) => {
                    self.message = Some(Err(format!("De grafiek kan niet bewaard worden: {error}")))
                }
            },
        }
    }

    /// Reads again what the layers show, after a change or a new choice.
    fn refresh(&mut self) {
        let Some(workspace) = self.workspace.as_ref() else {
            return;
        };
        self.state = workspace.dashboard(DashboardChoice {
            period: self.period,
            per_1000: self.settings.per_1000,
            today: self.today,
        });
        self.refresh_views();
    }

    /// Reads what the open screen shows beside the dashboard: the notes' history, the delivery.
    fn refresh_views(&mut self) {
        let Some(workspace) = self.workspace.as_ref() else {
            return;
        };
        self.duiding = match (self.settings.screen, &self.state) {
            (Screen::Duiding, Ok(dashboard)) => {
                let bo = self.bo();
                let histories = dashboard
                    .notes
                    .iter()
                    .filter(|n| n.draft.bo_date == bo)
                    .filter_map(|n| Some((n.id, workspace.note_history(n.id).ok()?)))
                    .collect();
                Some(DuidingView { bo, histories })
            }
            _ => None,
        };
        self.data = match (self.settings.screen, &self.state) {
            (Screen::Gegevens, Ok(dashboard)) => {
                data_view(workspace, self.period, self.today(), dashboard)
                    .map_err(|e| self.message = Some(Err(told(e, &self.options.db))))
                    .ok()
            }
            _ => None,
        };
    }

    fn gemeente(&self) -> Area {
        Area::from_code(&self.settings.gemeente)
            .filter(|a| a.kind == crate::domain::AreaKind::Gemeente)
            .unwrap_or_else(|| Area::gemeenten().last().unwrap_or(Area::region()))
    }
}

/// "kwartaal.csv: opgeslagen als batch 7 (12 toegevoegd, 3 gewijzigd)" per file.
fn import_message(report: &ImportReport) -> String {
    let lines: Vec<String> = report
        .files
        .iter()
        .map(|(file, summary)| match summary.batch {
            Some(batch) => format!(
                "{file}: opgeslagen als batch {batch} ({} toegevoegd, {} gewijzigd)",
                summary.added, summary.changed
            ),
            None => format!("{file}: niets gewijzigd"),
        })
        .collect();
    lines.join("; ")
}

/// "CBS 83648NED: 32 waarden opgehaald, batch 2" per table.
fn fetch_message(report: &FetchReport) -> String {
    let lines: Vec<String> = report
        .tables
        .iter()
        .map(|(table, summary)| {
            let values = count_of(table.observations.len() as u64, "waarde", "waarden");
            match summary.batch {
                Some(batch) => format!("CBS {}: {values} opgehaald, batch {batch}", table.table),
                None => format!("CBS {}: {values} opgehaald, niets gewijzigd", table.table),
            }
        })
        .collect();
    lines.join("; ")
}

/// Files dropped on the window this frame, read by the same rules as chosen files and named by their
/// file name.
fn dropped_files(ctx: &egui::Context) -> Vec<Result<(String, Vec<u8>), ImportProblem>> {
    let dropped = ctx.input(|input| input.raw.dropped_files.clone());
    dropped
        .iter()
        .filter_map(|file| {
            let name = file.path().file_name()?.to_string_lossy().into_owned();
            Some(read_delivered(file.path(), name))
        })
        .collect()
}

/// What was delivered for the chosen quarter, or else for the newest quarter on record (the round
/// that is coming in), and every batch.
fn data_view(
    workspace: &Workspace,
    chosen: Option<Period>,
    today: NaiveDate,
    dashboard: &Dashboard,
) -> Result<DataView, AppError> {
    let period = match chosen {
        Some(period) => period,
        None => workspace.latest_quarter()?.unwrap_or(dashboard.period),
    };
    Ok(DataView {
        completeness: workspace.completeness(&period, today)?,
        batches: workspace.batches()?,
        period,
    })
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The chosen theme, also when something else (a test harness, the system) set another.
        let theme = if self.settings.dark {
            Theme::Dark
        } else {
            Theme::Light
        };
        if ui.ctx().theme() != theme {
            ui.ctx().set_theme(theme);
        }
        self.poll_fetch();
        self.poll_import();
        if self
            .workspace
            .as_mut()
            .is_some_and(Workspace::changed_elsewhere)
        {
            self.refresh();
        }
        // Look again now and then: another program (a CLI import) may write to the same file.
        ui.ctx().request_repaint_after(CHANGE_CHECK);
        self.poll_capture(ui.ctx().pixels_per_point());
        let palette = theme::palette(ui);
        let mut commands: Vec<Command> = self.poll_dialog().into_iter().collect();
        let can_switch = self.workspace.is_some();
        let dropped = dropped_files(ui.ctx());
        if can_switch && !dropped.is_empty() {
            commands.push(Command::Preview(dropped));
        }
        egui::Panel::top("top_bar")
            .frame(
                Frame::new()
                    .fill(palette.card)
                    .inner_margin(Margin::symmetric(20, 10)),
            )
            .show(ui, |ui| {
                top_bar(ui, self, can_switch, &mut commands);
            });
        egui::Panel::bottom("status_bar")
            .frame(
                Frame::new()
                    .fill(palette.card)
                    .inner_margin(Margin::symmetric(20, 4)),
            )
            .show(ui, |ui| status_bar(ui, self, &mut commands));
        if let Ok(dashboard) = &self.state
            && dashboard.demo
        {
            egui::Panel::top("demo_banner")
                .frame(
                    Frame::new()
                        .fill(palette.attention_background)
                        .inner_margin(Margin::symmetric(20, 6)),
                )
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new("Voorbeelddata — geen officiële cijfers")
                                .color(palette.attention)
                                .strong(),
                        );
                        ui.label(
                            RichText::new(
                                "Gegenereerd voor demonstratie; lees echte cijfers in via Gegevens.",
                            )
                            .color(palette.attention),
                        );
                    });
                });
        }
        if self.workspace.as_ref().is_some_and(Workspace::is_read_only) {
            egui::Panel::top("read_only_banner")
                .frame(
                    Frame::new()
                        .fill(palette.attention_background)
                        .inner_margin(Margin::symmetric(20, 6)),
                )
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(
                            "Alleen-lezen: het databasebestand of de map is niet schrijfbaar. \
                             Bekijken en exporteren kan; inlezen, ongedaan maken en schrijven niet.",
                        )
                        .color(palette.attention)
                        .strong(),
                    );
                });
        }
        if let Some(message) = &self.message {
            let (text, color, fill) = match message {
                Ok(text) => (text, palette.better, palette.better_background),
                Err(text) => (text, palette.worse, palette.worse_background),
            };
            egui::Panel::top("message")
                .frame(
                    Frame::new()
                        .fill(fill)
                        .inner_margin(Margin::symmetric(20, 8)),
                )
                .show(ui, |ui| {
                    ui.label(RichText::new(text).color(color));
                });
        }
        if let Some((title, url)) = &self.pending_link {
            egui::Panel::top("open_link")
                .frame(
                    Frame::new()
                        .fill(palette.selected)
                        .inner_margin(Margin::symmetric(20, 8)),
                )
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "'{title}' opent in uw browser op {}",
                                url.host()
                            ))
                            .strong(),
                        );
                        ui.label(
                            RichText::new(url.as_str())
                                .size(theme::META)
                                .color(palette.text_secondary),
                        );
                        if ui.button("Openen in browser").clicked() {
                            commands.push(Command::OpenLink);
                        }
                        if ui.button("Niet openen").clicked() {
                            commands.push(Command::CancelLink);
                        }
                    });
                });
        }
        egui::CentralPanel::default()
            .frame(
                Frame::new()
                    .fill(palette.background)
                    .inner_margin(Margin::same(20)),
            )
            .show(ui, |ui| self.central(ui, &mut commands));
        for command in commands {
            self.handle(command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.zoom = self.ctx.zoom_factor();
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

impl Shell {
    fn central(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let dashboard = match &self.state {
            Err(error) => return error_state(ui, error, &self.options.db),
            Ok(dashboard) => dashboard,
        };
        match (self.settings.screen, &self.data) {
            (Screen::Gegevens, Some(view)) => {
                ScrollArea::vertical().show(ui, |ui| {
                    if let Some(work) = &self.import {
                        import_progress(ui, work);
                    }
                    if let Some(preview) = &self.pending {
                        match import_preview(ui, preview) {
                            Some(true) => commands.push(Command::CommitImport),
                            Some(false) => commands.push(Command::DiscardImport),
                            None => {}
                        }
                    }
                    let fetching = self.fetch.as_ref().map(|(_, progress)| progress.as_ref());
                    commands.extend(data_screen(ui, view, fetching).map(|action| match action {
                        DataAction::Undo(batch) => Command::Undo(batch),
                        DataAction::StartFetch => Command::StartFetch,
                        DataAction::CancelFetch => Command::CancelFetch,
                        DataAction::PickFiles => Command::PickFiles,
                        DataAction::SaveTemplate(format) => Command::SaveTemplate(format),
                    }));
                });
            }
            _ if dashboard.observation_count == 0 => empty_state(ui, &self.options.db),
            (Screen::Tactisch, _) => {
                let selected = self.settings.indicator.as_deref().unwrap_or_default();
                commands.extend(
                    tactical(ui, dashboard, selected, &mut self.event_editor).map(|action| {
                        match action {
                            TacticalAction::Pick(id) => Command::OpenIndicator(id),
                            TacticalAction::WriteNote(id) => Command::WriteNote(id),
                            TacticalAction::Open(title, url) => {
                                Command::Story(StoryAction::Open(title, url))
                            }
                            TacticalAction::Chart(purpose, region) => {
                                Command::Capture(purpose, region)
                            }
                            TacticalAction::Event(indicator, action) => {
                                Command::Event(indicator, action)
                            }
                        }
                    }),
                );
            }
            (Screen::Duiding, _) => {
                if let Some(view) = &self.duiding {
                    let editor = &mut self.note_editor;
                    ScrollArea::vertical().show(ui, |ui| {
                        commands.extend(duiding(ui, dashboard, view, editor).map(Command::Duiding));
                    });
                }
            }
            (Screen::Verhalen, _) => {
                let editor = &mut self.story_editor;
                ScrollArea::vertical().show(ui, |ui| {
                    commands.extend(verhalen(ui, dashboard, editor).map(Command::Story));
                });
            }
            (Screen::Gemeenten, _) => {
                ScrollArea::vertical().show(ui, |ui| {
                    commands.extend(
                        gemeenten(ui, dashboard, self.gemeente()).map(Command::PickGemeente),
                    );
                });
            }
            _ => {
                ScrollArea::vertical().show(ui, |ui| {
                    commands.extend(strategic(ui, dashboard).map(Command::OpenIndicator));
                });
            }
        }
    }
}

/// The app name, the layer tabs, and on the right the period, the per-1.000 toggle, the theme and how
/// fresh the figures are.
fn top_bar(ui: &mut egui::Ui, shell: &Shell, can_switch: bool, commands: &mut Vec<Command>) {
    let palette = theme::palette(ui);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.label(
                RichText::new("Regio in beeld")
                    .size(theme::APP_NAME)
                    .strong()
                    .color(palette.accent),
            );
            ui.label(
                RichText::new("Zorg & Veiligheid Zaanstreek-Waterland")
                    .size(theme::META)
                    .color(palette.text_secondary),
            );
        });
        ui.add_space(24.0);
        ui.add_enabled_ui(can_switch, |ui| {
            for screen in Screen::ALL {
                let current = screen == shell.settings.screen;
                let tab = RichText::new(screen.label()).size(theme::CARD_TITLE);
                if ui.selectable_label(current, tab).clicked() && !current {
                    commands.push(Command::Show(screen));
                }
            }
        });
        let Ok(dashboard) = &shell.state else { return };
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut per_1000 = shell.settings.per_1000;
            if ui.checkbox(&mut per_1000, "Per 1.000 inwoners").changed() {
                commands.push(Command::Per1000(per_1000));
            }
            let shown = match (&shell.data, shell.settings.screen) {
                (Some(view), Screen::Gegevens) => view.period,
                _ => dashboard.period,
            };
            egui::ComboBox::from_id_salt("period_picker")
                .selected_text(shown.label())
                .height(400.0)
                .show_ui(ui, |ui| {
                    for period in &dashboard.periods {
                        let chosen = *period == shown;
                        if ui.selectable_label(chosen, period.label()).clicked() && !chosen {
                            commands.push(Command::PickPeriod(*period));
                        }
                    }
                })
                .response
                .accessible_name("Periode");
            // Painted: the picker itself carries the name "Periode" for screen readers and tests.
            painted_label(ui, "Periode", palette.text_muted);
        });
    });
}

fn import_progress(ui: &mut egui::Ui, work: &ImportWork) {
    let text = match work {
        ImportWork::Checking(_) => "Bestand wordt gecontroleerd…",
        ImportWork::Saving(_) => "Import wordt opgeslagen…",
    };
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(text);
    });
    ui.add_space(12.0);
}

/// Text that is seen but not read out: for a caption whose widget already carries it.
fn painted_label(ui: &mut egui::Ui, text: &str, color: egui::Color32) {
    let galley = ui.painter().layout_no_wrap(
        text.to_string(),
        egui::FontId::proportional(theme::BODY),
        color,
    );
    let (rect, _) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    ui.painter().galley(rect.min, galley, color);
}

/// At the bottom: how many indicators and signals, how fresh the figures are, and the theme.
fn status_bar(ui: &mut egui::Ui, shell: &Shell, commands: &mut Vec<Command>) {
    let palette = theme::palette(ui);
    ui.horizontal(|ui| {
        if let Ok(dashboard) = &shell.state {
            let mut parts = vec![
                count_of(
                    dashboard.indicators.len() as u64,
                    "indicator",
                    "indicatoren",
                ),
                count_of(dashboard.signals.len() as u64, "signaal", "signalen"),
            ];
            if let Some(updated) = &dashboard.updated_at {
                parts.push(format!("bijgewerkt {}", dutch_datetime(updated)));
            }
            ui.label(
                RichText::new(parts.join(" · "))
                    .size(theme::META)
                    .color(palette.text_muted),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dark = shell.settings.dark;
            if ui
                .button(if dark { "Licht thema" } else { "Donker thema" })
                .clicked()
            {
                commands.push(Command::Dark(!dark));
            }
            ui.label(
                RichText::new("Ctrl + / Ctrl − zoomen")
                    .size(theme::META)
                    .color(palette.text_muted),
            );
        });
    });
}

fn empty_state(ui: &mut egui::Ui, db_path: &std::path::Path) {
    let palette = theme::palette(ui);
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.label(
            RichText::new("Nog geen cijfers in deze database")
                .size(theme::PAGE_TITLE)
                .strong(),
        );
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("Database: {}", db_path.display())).color(palette.text_secondary),
        );
        ui.label("Ga naar Gegevens om een bestand in te lezen of open data op te halen,");
        ui.label("of laad de voorbeelddata met: regio-in-beeld demo");
    });
}

fn error_state(ui: &mut egui::Ui, error: &AppError, db_path: &std::path::Path) {
    let palette = theme::palette(ui);
    ui.vertical(|ui| {
        ui.label(
            RichText::new("De gegevens kunnen niet geopend worden")
                .size(theme::PAGE_TITLE)
                .strong()
                .color(palette.worse),
        );
        ui.add_space(8.0);
        ui.label(format!("Database: {}", db_path.display()));
        ui.add_space(8.0);
        for line in error.lines() {
            ui.label(line);
        }
        ui.add_space(8.0);
        ui.label(
            RichText::new("Er is niets gewijzigd. Kies een ander bestand met --db of REGIO_DB.")
                .color(palette.text_secondary),
        );
    });
}

/// A refusal as the window shows it: a store error names the store's file.
fn told(error: AppError, db: &std::path::Path) -> String {
    error.naming_store(db).to_string()
}
