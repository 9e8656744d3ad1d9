//! `Session::handle`: the one place a command changes what the window shows or what the store holds.
//! A command that only changes the view (theme, layer, gemeente, a bar closed) reads nothing; one
//! that changes the figures' choice or the data reads the dashboard again, once.

use super::{Command, Message, Request, Screen, Session};
use crate::app::{AppError, OutputFormat, Replace, TemplateFor, Workspace};
use crate::domain::dutch_date;

/// What a command needs read again afterwards.
pub(super) enum Reread {
    Nothing,
    /// The views of the open screen (the Gegevens delivery, the Duiding history).
    Views,
    /// The dashboard and the views.
    All,
}

impl Session {
    /// Carries out `command`; returns what only the window can do next (open a dialog, a link).
    pub fn handle(&mut self, command: Command) -> Option<Request> {
        if command.changes_store()
            && let Some(publication) = self.workspace.as_ref().and_then(Workspace::publication)
        {
            self.view.message = Some(Err(publication.refusal()));
            return None;
        }
        let mut request = None;
        let reread = match command {
            Command::Show(screen) => self.show(screen),
            Command::OpenIndicator(id) => {
                self.view.settings.indicator = Some(id);
                self.show(Screen::Tactisch)
            }
            Command::PickGemeente(area) => {
                self.view.settings.gemeente = area.code.to_string();
                Reread::Nothing
            }
            Command::PickPeriod(period) => {
                self.view.period = Some(period);
                Reread::All
            }
            Command::Per1000(on) => {
                self.view.settings.per_1000 = on;
                Reread::All
            }
            Command::Dark(on) => {
                self.view.settings.dark = on;
                Reread::Nothing
            }
            Command::AskOpenLink(title, url) => {
                self.view.pending_link = Some((title, url));
                Reread::Nothing
            }
            Command::OpenLink => {
                request = self
                    .view
                    .pending_link
                    .take()
                    .map(|(_, url)| Request::OpenUrl(url));
                Reread::Nothing
            }
            Command::CancelLink => {
                self.view.pending_link = None;
                Reread::Nothing
            }
            Command::Tell(message) => {
                self.view.message = Some(message);
                Reread::Nothing
            }
            Command::Undo(batch) => {
                let undone = self.with_workspace(|workspace| workspace.undo(batch));
                self.tell(undone.map(|undone| undone.to_string()))
            }
            Command::Preview(files) => {
                self.view.settings.screen = Screen::Gegevens;
                self.start_import_check(files);
                Reread::Views
            }
            Command::CommitImport => {
                self.start_import_save();
                Reread::Nothing
            }
            Command::DiscardImport => {
                self.view.pending = None;
                self.view.message = Some(Ok("Import geannuleerd; er is niets opgeslagen.".into()));
                Reread::Nothing
            }
            Command::StartFetch => {
                self.start_fetch();
                Reread::Nothing
            }
            Command::CancelFetch => {
                self.cancel_fetch();
                Reread::Nothing
            }
            Command::DescribeCbsTable(table) => {
                self.start_describe(table);
                Reread::Nothing
            }
            Command::HideCbsTable => {
                self.view.cbs_table = None;
                Reread::Nothing
            }
            Command::PickFiles => {
                request = Some(Request::PickImportFiles);
                Reread::Nothing
            }
            Command::SaveTemplate(supplier, format) => {
                request = self.view.data.as_ref().map(|data| {
                    Request::SaveTemplate(TemplateFor {
                        period: data.period,
                        supplier,
                        format,
                    })
                });
                Reread::Nothing
            }
            Command::SaveReport => {
                request = Some(Request::SaveReport(self.view.bo()));
                Reread::Nothing
            }
            Command::WriteTemplate(wanted, path) => {
                let written = self.with_workspace(|workspace| {
                    let template = workspace.template(&wanted)?;
                    // The save dialog asked before replacing a file.
                    workspace.write_output(
                        &path,
                        wanted.format.output(),
                        &template.bytes,
                        Replace::Allowed,
                    )
                });
                let whose = wanted
                    .supplier
                    .as_ref()
                    .map(|s| format!(" van {s}"))
                    .unwrap_or_default();
                self.tell(written.map(|()| {
                    format!(
                        "Sjabloon{whose} voor {} opgeslagen als {}",
                        wanted.period.label(),
                        path.display()
                    )
                }));
                Reread::Nothing
            }
            Command::WriteReport(bo, path) => {
                // The save dialog asked before replacing a file.
                let written = self.with_workspace(|workspace| {
                    workspace.write_bo_report(bo, &path, Replace::Allowed)
                });
                self.tell(written.map(|()| {
                    format!(
                        "BO-pakket voor {} opgeslagen als {}",
                        dutch_date(bo),
                        path.display()
                    )
                }));
                Reread::Nothing
            }
            Command::WritePng(path, bytes) => {
                let written = self.with_workspace(|workspace| {
                    workspace.write_output(&path, OutputFormat::PNG, &bytes, Replace::Allowed)
                });
                self.tell(written.map(|()| format!("Grafiek opgeslagen als {}", path.display())));
                Reread::Nothing
            }
            Command::Text(text) => self.handle_text(text),
            Command::Catalog(catalog) => self.handle_catalog(catalog),
            Command::Delivery(delivery) => self.handle_delivery(delivery, &mut request),
        };
        match reread {
            Reread::Nothing => {}
            Reread::Views => self.refresh_views(),
            Reread::All => self.refresh(),
        }
        request
    }

    /// Opens `screen`, with what it shows beside the dashboard.
    pub(super) fn show(&mut self, screen: Screen) -> Reread {
        self.view.settings.screen = screen;
        Reread::Views
    }

    /// Runs `work` on the open store; refused when none could be opened.
    pub(super) fn with_workspace<T>(
        &mut self,
        work: impl FnOnce(&mut Workspace) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        match self.workspace.as_mut() {
            Some(workspace) => work(workspace),
            None => Err(AppError::Refused(
                "Er is geen database geopend; kies er een met --db of REGIO_DB.".to_string(),
            )),
        }
    }

    /// Shows the outcome of a change to the store; it is read again when the change was made.
    pub(super) fn tell(&mut self, outcome: Result<String, AppError>) -> Reread {
        let changed = outcome.is_ok();
        let message: Message = outcome.map_err(|e| self.told(e));
        self.view.message = Some(message);
        if changed {
            Reread::All
        } else {
            Reread::Nothing
        }
    }
}
