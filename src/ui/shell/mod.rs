//! The window: eframe's `App` for the session. `logic` takes in what background work and dialogs
//! reported; `ui` draws the bars and the open screen and collects what the user asked for, which is
//! carried out after drawing, never in the middle of a layout. State changes only in
//! `Session::handle`; what stays here is what only a window can do (dialogs, pictures, links).

mod bars;
mod central;
mod keys;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use eframe::egui::{self, Theme};

use super::chart_image::{Capture, ChartUse, png_bytes};
use super::dialogs::{Chosen, Dialog, NoDialog};
use super::theme;
use crate::app::{
    AppError, Command, DeliveredFiles, OpenOptions, Request, Session, Settings, Workspace,
    read_delivered, read_paths,
};

const SETTINGS_KEY: &str = "regio-in-beeld";

/// How often an idle window checks whether another program changed the store.
const CHANGE_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

/// What drawing asked for: a command for the session, or a picture of the plot, which only the
/// window can take.
enum Action {
    App(Command),
    Chart(ChartUse, egui::Rect),
}

pub struct Shell {
    session: Session,
    dialog: Option<Dialog>,
    /// A picture of the plot on its way.
    capture: Option<Capture>,
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
        let ctx = cc.egui_ctx.clone();
        theme::apply(&ctx, theme_of(&settings));
        ctx.set_zoom_factor(settings.zoom.clamp(0.5, 3.0));
        let waker = ctx.clone();
        let session = Session::new(
            opened,
            settings,
            options,
            cbs_base_url,
            Arc::new(move || waker.request_repaint()),
        );
        Shell {
            session,
            dialog: None,
            capture: None,
            ctx,
        }
    }

    /// What the window holds, for tests that check what it read.
    pub fn session(&self) -> &Session {
        &self.session
    }

    fn carry_out(&mut self, action: Action) {
        match action {
            Action::App(command) => {
                if let Some(request) = self.session.handle(command) {
                    self.request(request);
                }
            }
            Action::Chart(purpose, region) => {
                self.capture = Some(Capture::request(&self.ctx, purpose, region));
            }
        }
    }

    /// Does what the session asked of the window.
    fn request(&mut self, request: Request) {
        match request {
            Request::OpenUrl(url) => self.ctx.open_url(egui::OpenUrl::new_tab(url.as_str())),
            Request::PickImportFiles => self.open_dialog(Dialog::pick_import),
            Request::SaveTemplate(wanted) => {
                self.open_dialog(|ctx| Dialog::save_template(ctx, wanted));
            }
            Request::SaveReport(bo) => self.open_dialog(|ctx| Dialog::save_report(ctx, bo)),
            Request::CopyText(text) => self.ctx.copy_text(text),
            Request::OpenMail(link) => self.ctx.open_url(egui::OpenUrl::same_tab(link)),
        }
    }

    /// One dialog at a time: while one is open, asking for another says so.
    fn open_dialog(&mut self, open: impl FnOnce(&egui::Context) -> Dialog) {
        if self.dialog.is_some() {
            self.session.handle(Command::Tell(Err(
                "Er staat al een venster open om een bestand te kiezen of op te slaan; sluit dat \
                 eerst."
                    .to_string(),
            )));
            return;
        }
        self.dialog = Some(open(&self.ctx));
    }

    /// What a closed file dialog chose, as a command.
    fn poll_dialog(&mut self) -> Option<Command> {
        let outcome = self.dialog.as_ref()?.poll()?;
        self.dialog = None;
        match outcome {
            Err(NoDialog(Some(instead))) => Some(Command::Tell(Err(format!(
                "De bestandskiezer van het systeem kan niet geopend worden. Op de opdrachtregel: \
                 {instead}"
            )))),
            Err(NoDialog(None)) => Some(Command::Tell(Err(
                "De bestandskiezer van het systeem kan niet geopend worden. Sleep het bestand in \
                 dit venster, of gebruik regio-in-beeld import of template op de opdrachtregel."
                    .to_string(),
            ))),
            Ok(None) => None,
            Ok(Some(Chosen::Import(paths))) => Some(Command::Preview(read_paths(&paths))),
            Ok(Some(Chosen::Template(wanted, path))) => Some(Command::WriteTemplate(wanted, path)),
            Ok(Some(Chosen::Report(bo, path))) => Some(Command::WriteReport(bo, path)),
            Ok(Some(Chosen::Png(path, bytes))) => Some(Command::WritePng(path, bytes)),
        }
    }

    /// Takes in the picture of the plot: to the clipboard, or on to a file dialog.
    fn poll_capture(&mut self, pixels_per_point: f32) -> Option<Command> {
        let image = self.capture.as_ref()?.poll(pixels_per_point)?;
        let capture = self.capture.take()?;
        match capture.purpose {
            ChartUse::Copy => {
                self.ctx.copy_image(image);
                Some(Command::Tell(Ok(
                    "Grafiek gekopieerd; plak haar in een document of e-mail.".to_string(),
                )))
            }
            ChartUse::Save => match png_bytes(&image) {
                Ok(bytes) => {
                    let settings = &self.session.view().settings;
                    let name = settings.indicator.as_deref().unwrap_or("grafiek");
                    let name = format!("{name}.png");
                    self.open_dialog(|ctx| Dialog::save_png(ctx, name, bytes));
                    None
                }
                Err(error) => Some(Command::Tell(Err(format!(
                    "De grafiek kan niet bewaard worden: {error}"
                )))),
            },
        }
    }
}

impl Shell {
    /// The chosen theme, also when something else (a test harness, the system) set another.
    fn apply_theme(&self) {
        let theme = theme_of(&self.session.view().settings);
        if self.ctx.theme() != theme {
            self.ctx.set_theme(theme);
        }
    }
}

fn theme_of(settings: &Settings) -> Theme {
    if settings.dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Files dropped on the window this frame, read by the same rules as chosen files and named by their
/// file name.
fn dropped_files(ctx: &egui::Context) -> DeliveredFiles {
    let dropped = ctx.input(|input| input.raw.dropped_files.clone());
    dropped
        .iter()
        .filter_map(|file| {
            let name = file.path().file_name()?.to_string_lossy().into_owned();
            Some(read_delivered(file.path(), name))
        })
        .collect()
}

impl eframe::App for Shell {
    /// Before drawing: what the jobs, the dialog, the screenshot and the window system brought.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.session.poll();
        let mut commands: Vec<Command> = self.poll_dialog().into_iter().collect();
        commands.extend(self.poll_capture(ctx.pixels_per_point()));
        let dropped = dropped_files(ctx);
        if self.session.view().has_store && !dropped.is_empty() {
            commands.push(Command::Preview(dropped));
        }
        for command in commands {
            self.carry_out(Action::App(command));
        }
        self.apply_theme();
        // Look again now and then: another program (a CLI import) may write to the same file.
        ctx.request_repaint_after(CHANGE_CHECK);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut actions = Vec::new();
        let keyed = keys::commands(ui.ctx(), self.session.view());
        actions.extend(keyed.into_iter().map(Action::App));
        bars::show(ui, self.session.view(), &mut actions);
        central::show(ui, &mut self.session, &mut actions);
        keys::focus_ring(ui);
        for action in actions {
            self.carry_out(action);
        }
        self.apply_theme();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.session.remember_zoom(self.ctx.zoom_factor());
        eframe::set_value(storage, SETTINGS_KEY, &self.session.view().settings);
    }
}
