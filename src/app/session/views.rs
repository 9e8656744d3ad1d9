//! Reading what the window shows: the dashboard after a change of data or of the figures' choice,
//! and the views of the open screen. Each read is counted, so tests can prove that a command which
//! only changes the view does not touch the store.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{IndicatorenView, Screen, Session};
use crate::app::{AppError, Completeness, Dashboard, DashboardChoice, SupplierRound, Workspace};
use crate::domain::{Area, Batch, NoteId, NoteVersion, Period};

/// What the Gegevens screen shows, read when the screen opens and after every change.
pub struct DataView {
    pub period: Period,
    /// The gemeenten that existed in the period: the delivery matrix's columns.
    pub gemeenten: Vec<Area>,
    pub completeness: Vec<Completeness>,
    /// Per supplier delivering by hand for the period: what it still owes.
    pub rounds: Vec<SupplierRound>,
    pub batches: Vec<Batch>,
}

/// The notes of the chosen BO with their earlier versions, read when the screen opens or changes.
pub struct DuidingView {
    pub bo: NaiveDate,
    pub histories: HashMap<NoteId, Vec<NoteVersion>>,
}

impl Session {
    /// Reads again what the layers show, after a change of the data or of the figures' choice.
    pub(super) fn refresh(&mut self) {
        let Some(workspace) = self.workspace.as_mut() else {
            return;
        };
        // Seen before reading: a write that lands while the dashboard is read is then still noticed
        // as a change by the next check, while this read's own version is not read twice.
        workspace.mark_seen();
        self.reads.dashboard += 1;
        self.view.state = workspace.dashboard(DashboardChoice {
            period: self.view.period,
            per_1000: self.view.settings.per_1000,
            today: self.view.today,
        });
        self.refresh_views();
    }

    /// Reads what the open screen shows beside the dashboard: the notes' history, the delivery.
    pub(super) fn refresh_views(&mut self) {
        let Some(workspace) = self.workspace.as_ref() else {
            return;
        };
        let view = &mut self.view;
        view.duiding = None;
        view.data = None;
        view.indicatoren = None;
        let Ok(dashboard) = &view.state else {
            return;
        };
        match view.settings.screen {
            Screen::Duiding => {
                self.reads.views += 1;
                let bo = view.bo();
                let histories = dashboard
                    .notes
                    .iter()
                    .filter(|n| n.draft.bo_date == bo)
                    .filter_map(|n| Some((n.id, workspace.note_history(n.id).ok()?)))
                    .collect();
                view.duiding = Some(DuidingView { bo, histories });
            }
            Screen::Gegevens => {
                self.reads.views += 1;
                match data_view(workspace, view.period, view.today(), dashboard) {
                    Ok(data) => view.data = Some(data),
                    Err(error) => {
                        view.message = Some(Err(error.naming_store(&view.db).to_string()))
                    }
                }
            }
            Screen::Indicatoren => {
                self.reads.views += 1;
                match indicatoren_view(workspace, view.chosen_definition.as_deref()) {
                    Ok(shown) => view.indicatoren = Some(shown),
                    Err(error) => {
                        view.message = Some(Err(error.naming_store(&view.db).to_string()))
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every definition, and the chosen one with its history.
fn indicatoren_view(
    workspace: &Workspace,
    chosen: Option<&str>,
) -> Result<IndicatorenView, AppError> {
    Ok(IndicatorenView {
        entries: workspace.catalog_entries()?,
        detail: chosen
            .map(|id| workspace.definition_detail(id))
            .transpose()?,
        given_by: workspace.catalog_given_by().map(str::to_string),
    })
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
    let completeness = workspace.completeness(&period, today)?;
    Ok(DataView {
        gemeenten: workspace.region().gemeenten_in(&period).collect(),
        rounds: workspace.rounds_in(&completeness, &period, None)?,
        completeness,
        batches: workspace.value_batches()?,
        period,
    })
}
