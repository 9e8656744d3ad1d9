//! The window: top bar with the screens, the demo banner, and the open screen. Actions the user asks
//! for are collected while drawing and carried out after it, never in the middle of a layout.

use eframe::egui::{self, Frame, Margin, RichText, ScrollArea};

use super::data::{DataAction, DataView, data_screen, import_preview};
use super::overview::dashboard;
use super::theme;
use crate::app::{
    AppError, FetchEvent, FetchJob, FetchOptions, FetchProgress, FetchReport, ImportPreview,
    ImportReport, OpenOptions, Overview, Workspace, default_user,
};
use crate::domain::{BatchId, Period, count_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Overzicht,
    Gegevens,
}

impl Screen {
    const ALL: [Screen; 2] = [Screen::Overzicht, Screen::Gegevens];

    fn label(self) -> &'static str {
        match self {
            Screen::Overzicht => "Overzicht",
            Screen::Gegevens => "Gegevens",
        }
    }
}

/// What the user asked for during a frame.
enum Command {
    Show(Screen),
    Undo(BatchId),
    /// Files dropped on the window: check them and show what an import would do.
    Preview(Vec<(String, Vec<u8>)>),
    CommitImport,
    DiscardImport,
    StartFetch,
    CancelFetch,
}

pub struct Shell {
    workspace: Option<Workspace>,
    /// The overview, or why the store could not be opened.
    state: Result<Overview, AppError>,
    screen: Screen,
    data: Option<DataView>,
    /// The outcome of the last action, in Dutch: `Ok` for a confirmation, `Err` for a refusal.
    message: Option<Result<String, String>>,
    /// A checked import waiting for the user to save or discard it.
    pending: Option<ImportPreview>,
    /// A CBS fetch running on its own thread, with its latest progress.
    fetch: Option<(FetchJob, Option<FetchProgress>)>,
    options: OpenOptions,
    cbs_base_url: String,
    /// To wake the window from the fetch thread.
    ctx: egui::Context,
}

impl Shell {
    /// Applies the theme to `ctx` and shows what `opened` holds: the dashboard or why it failed.
    pub fn new(
        ctx: &egui::Context,
        opened: Result<Workspace, AppError>,
        options: OpenOptions,
        cbs_base_url: String,
    ) -> Shell {
        theme::apply(ctx);
        let (workspace, state) = match opened {
            Ok(workspace) => {
                let state = workspace.overview();
                (Some(workspace), state)
            }
            Err(error) => (None, Err(error)),
        };
        Shell {
            workspace,
            state,
            screen: Screen::Overzicht,
            data: None,
            message: None,
            pending: None,
            fetch: None,
            options,
            cbs_base_url,
            ctx: ctx.clone(),
        }
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
            Err(error) => Err(error.to_string()),
        });
        self.refresh();
    }

    fn handle(&mut self, command: Command) {
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        match command {
            Command::Show(screen) => self.screen = screen,
            Command::Undo(batch) => {
                self.message = Some(
                    workspace
                        .undo(batch)
                        .map(|undone| undone.to_string())
                        .map_err(|e| e.to_string()),
                );
            }
            Command::Preview(files) => {
                self.screen = Screen::Gegevens;
                let files = files.into_iter().map(Ok).collect();
                match workspace.preview_import(files, &default_user()) {
                    Ok(preview) => {
                        self.message = None;
                        self.pending = Some(preview);
                    }
                    Err(error) => self.message = Some(Err(error.to_string())),
                }
            }
            Command::CommitImport => {
                if let Some(preview) = self.pending.take() {
                    self.message = Some(match workspace.commit_import(&preview) {
                        Ok(report) => Ok(import_message(&report)),
                        Err(error) => Err(error.to_string()),
                    });
                }
            }
            Command::StartFetch if self.fetch.is_none() => {
                let options = FetchOptions {
                    indicator: None,
                    base_url: self.cbs_base_url.clone(),
                    timeout: std::time::Duration::from_secs(60),
                    user: default_user(),
                };
                let ctx = self.ctx.clone();
                let job =
                    FetchJob::start(self.options.clone(), options, move || ctx.request_repaint());
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
        }
        self.refresh();
    }

    /// Reads again what the screens show, after a change or when a screen opens.
    fn refresh(&mut self) {
        let Some(workspace) = self.workspace.as_ref() else {
            return;
        };
        self.state = workspace.overview();
        self.data = match self.screen {
            Screen::Gegevens => data_view(workspace)
                .map_err(|e| self.message = Some(Err(e.to_string())))
                .ok(),
            Screen::Overzicht => None,
        };
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

/// Files dropped on the window this frame, with their contents.
fn dropped_files(ctx: &egui::Context) -> Vec<(String, Vec<u8>)> {
    let dropped = ctx.input(|input| input.raw.dropped_files.clone());
    dropped
        .iter()
        .filter_map(|file| {
            let name = file.path().file_name()?.to_string_lossy().into_owned();
            file.bytes().ok().map(|bytes| (name, bytes))
        })
        .collect()
}

/// The latest quarter on record, what was delivered for it, and every batch.
fn data_view(workspace: &Workspace) -> Result<DataView, AppError> {
    let batches = workspace.batches()?;
    let period = workspace
        .latest_quarter()?
        .unwrap_or_else(|| Period::Quarter(chrono::Datelike::year(&chrono::Local::now()), 1));
    Ok(DataView {
        completeness: workspace.completeness(&period)?,
        period,
        batches,
    })
}

impl eframe::App for Shell {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.poll_fetch();
        let mut commands = Vec::new();
        let can_switch = self.workspace.is_some();
        let dropped = dropped_files(ui.ctx());
        if can_switch && !dropped.is_empty() {
            commands.push(Command::Preview(dropped));
        }
        egui::Panel::top("top_bar")
            .frame(
                Frame::new()
                    .fill(theme::CARD)
                    .inner_margin(Margin::symmetric(20, 12)),
            )
            .show(ui, |ui| {
                if let Some(screen) = top_bar(ui, self.screen, can_switch) {
                    commands.push(Command::Show(screen));
                }
            });
        if let Ok(overview) = &self.state
            && overview.demo
        {
            egui::Panel::top("demo_banner")
                .frame(
                    Frame::new()
                        .fill(theme::ATTENTION_BACKGROUND)
                        .inner_margin(Margin::symmetric(20, 8)),
                )
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("Voorbeelddata — geen officiële cijfers")
                            .color(theme::ATTENTION)
                            .strong(),
                    );
                });
        }
        if let Some(message) = &self.message {
            let (text, color, fill) = match message {
                Ok(text) => (text, theme::BETTER, theme::BETTER_BACKGROUND),
                Err(text) => (text, theme::WORSE, theme::WORSE_BACKGROUND),
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
        egui::CentralPanel::default()
            .frame(
                Frame::new()
                    .fill(theme::BACKGROUND)
                    .inner_margin(Margin::same(20)),
            )
            .show(ui, |ui| match (&self.state, self.screen, &self.data) {
                (Err(error), _, _) => error_state(ui, error, &self.options.db),
                (Ok(_), Screen::Gegevens, Some(view)) => {
                    ScrollArea::vertical().show(ui, |ui| {
                        if let Some(preview) = &self.pending {
                            match import_preview(ui, preview) {
                                Some(true) => commands.push(Command::CommitImport),
                                Some(false) => commands.push(Command::DiscardImport),
                                None => {}
                            }
                        }
                        let fetching = self.fetch.as_ref().map(|(_, progress)| progress.as_ref());
                        match data_screen(ui, view, fetching) {
                            Some(DataAction::Undo(batch)) => commands.push(Command::Undo(batch)),
                            Some(DataAction::StartFetch) => commands.push(Command::StartFetch),
                            Some(DataAction::CancelFetch) => commands.push(Command::CancelFetch),
                            None => {}
                        }
                    });
                }
                (Ok(overview), _, _) if overview.observation_count == 0 => {
                    empty_state(ui, &self.options.db)
                }
                (Ok(overview), _, _) => {
                    ScrollArea::vertical().show(ui, |ui| {
                        Frame::new()
                            .inner_margin(Margin {
                                right: 16,
                                ..Margin::ZERO
                            })
                            .show(ui, |ui| dashboard(ui, overview))
                    });
                }
            });
        for command in commands {
            self.handle(command);
        }
    }
}

/// The app name and the screen tabs; returns the screen the user picked.
fn top_bar(ui: &mut egui::Ui, current: Screen, can_switch: bool) -> Option<Screen> {
    let mut picked = None;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Regio in beeld")
                .size(theme::APP_NAME)
                .strong()
                .color(theme::ACCENT),
        );
        ui.label(
            RichText::new("Dashboard Zorg & Veiligheid · Zaanstreek-Waterland")
                .size(theme::BODY)
                .color(theme::TEXT_SECONDARY),
        );
        ui.add_space(24.0);
        ui.add_enabled_ui(can_switch, |ui| {
            for screen in Screen::ALL {
                let tab = RichText::new(screen.label()).size(theme::CARD_TITLE);
                if ui.selectable_label(screen == current, tab).clicked() && screen != current {
                    picked = Some(screen);
                }
            }
        });
    });
    picked
}

fn empty_state(ui: &mut egui::Ui, db_path: &std::path::Path) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.label(
            RichText::new("Nog geen cijfers in deze database")
                .size(26.0)
                .strong(),
        );
        ui.add_space(8.0);
        ui.label(format!("Database: {}", db_path.display()));
        ui.label("Laad de voorbeelddata met: regio-in-beeld demo");
    });
}

fn error_state(ui: &mut egui::Ui, error: &AppError, db_path: &std::path::Path) {
    ui.vertical(|ui| {
        ui.label(
            RichText::new("De gegevens kunnen niet geopend worden")
                .size(26.0)
                .strong()
                .color(theme::ERROR),
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
                .color(theme::TEXT_SECONDARY),
        );
    });
}
