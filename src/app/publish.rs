//! `regio-in-beeld publish`: a publication for bestuurders (see [`Publication`]). It holds what the
//! dashboard shows and nothing else: the current values shielded as on screen (a value shown as
//! `<5` is not in the file, only that it is shielded), the region's value of every period as shown
//! (derived from the gemeenten where the region was not delivered, since the gemeenten it would be
//! derived from may be shielded), the signals as measured on the numbers it withholds (see
//! `signal_source`), definitive notes, stories, events, the catalog and the region. No
//! history, no accounts, and one neutral batch instead of the deliveries with their files and users.
//! Read through the store's API, so a PostgreSQL store publishes the same as a file.

use std::collections::BTreeSet;
use std::path::Path;

use super::delivered::OnRecord;
use super::output_file::{check_output, temporary_beside};
use super::signal_source::measured_signals;
use super::{AppError, OutputFormat, Replace, Workspace};
use crate::analysis::Series;
use crate::catalog::indicator_toml;
use crate::domain::{
    BatchKind, BatchSource, Indicator, NoteStatus, Observation, Period, Publication, Reason, Shown,
    Value,
};
use crate::store::{DefinitionWrite, Store};

/// Who and what a publication's batches name: no person, no file.
const PUBLISHER: &str = "publicatie";

/// What `publish` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub publication: Publication,
    /// Values in it, shielded ones included.
    pub values: usize,
}

impl Workspace {
    /// What this store is as a publication; `None` for every other store.
    pub fn publication(&self) -> Option<&Publication> {
        self.store().publication()
    }

    /// Refuses a change of a publication, with why.
    pub(super) fn refuse_if_published(&self) -> Result<(), AppError> {
        match self.publication() {
            Some(publication) => Err(AppError::Refused(publication.refusal())),
            None => Ok(()),
        }
    }

    /// Writes the publication of this store's current state to `out` (`.rib`), by the rules of every
    /// file the program writes, and makes it read-only.
    pub fn publish(&self, out: &Path, replace: Replace) -> Result<Published, AppError> {
        check_output(out, OutputFormat::PUBLICATION, replace, self.store().path())?;
        let indicators = self.catalog().indicators();
        let (population, delivered) = self.delivered(indicators)?;
        let mut values = Vec::new();
        for (indicator, series) in indicators.iter().zip(&delivered) {
            values.extend(self.shown_values(indicator, &series.region)?);
        }
        let signals = measured_signals(
            OnRecord {
                population,
                series: delivered,
            },
            &self.events()?,
            self.region().area(),
            &self.signal_source()?,
        );
        let demo = self.holds_demo_values()?;
        let publication = Publication {
            published_on: self.today(),
            newest_period: values.iter().map(|o| o.period).max(),
            demo,
        };
        let copy = self.filled_copy(indicators, &values, demo)?;
        let temporary = temporary_beside(out).map_err(|e| cannot_write(out, &e))?;
        let written = copy
            .save_publication(&publication, &signals, &temporary)
            .map_err(AppError::from)
            .and_then(|()| seal(&temporary, out).map_err(|e| cannot_write(out, &e)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written?;
        Ok(Published {
            publication,
            values: values.len(),
        })
    }

    /// One indicator's values as the dashboard shows them: every stored value of the region, its
    /// gemeenten and Nederland, shielded; and the region's shown value of the periods it was not
    /// delivered for.
    fn shown_values(
        &self,
        indicator: &Indicator,
        region: &Series,
    ) -> Result<Vec<Observation>, AppError> {
        let areas: BTreeSet<&str> = self.region().areas().map(|a| a.code).collect();
        let stored = self
            .store()
            .observations(&crate::store::ObservationFilter {
                indicator: Some(indicator.id.clone()),
            })?;
        let region_area = self.region().area();
        let delivered: BTreeSet<Period> = stored
            .iter()
            .filter(|o| o.area == region_area)
            .map(|o| o.period)
            .collect();
        let mut shown: Vec<Observation> = stored
            .into_iter()
            .filter(|o| areas.contains(o.area.code))
            .map(|o| shielded(indicator, o))
            .collect();
        for (period, point) in region.points.iter() {
            if let (Some(value), false) = (point.value, delivered.contains(period)) {
                shown.push(shielded(
                    indicator,
                    Observation {
                        indicator: indicator.id.clone(),
                        area: region_area,
                        period: *period,
                        value: Value::Number(value),
                        provisional: point.provisional,
                        remark: None,
                    },
                ));
            }
        }
        Ok(shown)
    }

    /// A store in memory with what may be published: region, catalog, values, definitive notes,
    /// stories and events.
    fn filled_copy(
        &self,
        indicators: &[Indicator],
        values: &[Observation],
        demo: bool,
    ) -> Result<Store, AppError> {
        let mut copy = Store::open_in_memory()?;
        // Chosen: a publication is never taken for a new store to fill with the demo data.
        copy.set_region(self.region(), true)?;
        copy.sync_indicators(indicators)?;
        let texts: Vec<String> = indicators.iter().map(indicator_toml).collect();
        let writes: Vec<DefinitionWrite> = indicators
            .iter()
            .zip(&texts)
            .map(|(indicator, text)| DefinitionWrite {
                indicator,
                text,
                retired: false,
            })
            .collect();
        copy.seed_definitions(&source(BatchKind::Catalog), &writes)?;
        let kind = if demo {
            BatchKind::Demo
        } else {
            BatchKind::Manual
        };
        copy.write_batch(&source(kind), values)?;
        let published = |id: &str| indicators.iter().any(|i| i.id == id);
        for demo in [false, true] {
            let notes: Vec<_> = self
                .store()
                .notes()?
                .into_iter()
                .filter(|n| n.demo == demo && n.status == NoteStatus::Definitief)
                .filter(|n| published(n.draft.indicator.as_str()))
                .map(|n| (n.draft, n.status))
                .collect();
            copy.add_notes(&notes, demo)?;
            let stories: Vec<_> = self
                .store()
                .stories()?
                .into_iter()
                .filter(|s| {
                    s.demo == demo && s.draft.indicators.iter().all(|i| published(i.as_str()))
                })
                .map(|s| s.draft)
                .collect();
            copy.add_stories(&stories, demo)?;
            let events: Vec<_> = self
                .store()
                .events()?
                .into_iter()
                .filter(|e| e.demo == demo)
                .filter(|e| match &e.draft.scope {
                    crate::domain::EventScope::Indicator(id) => published(id.as_str()),
                    _ => true,
                })
                .map(|e| e.draft)
                .collect();
            copy.add_events(&events, demo)?;
        }
        Ok(copy)
    }
}

fn source(kind: BatchKind) -> BatchSource {
    BatchSource {
        kind,
        file_name: None,
        sha256: None,
        user: PUBLISHER.to_string(),
    }
}

/// The value as the dashboard shows it: a count below the threshold is kept only as shielded, and
/// its remark goes with it (a remark may tell the number).
fn shielded(indicator: &Indicator, observation: Observation) -> Observation {
    match observation.value {
        Value::Number(n) if matches!(indicator.shield(n), Shown::Shielded(_)) => Observation {
            value: Value::Unavailable(Reason::ShieldedBySupplier),
            remark: None,
            ..observation
        },
        Value::Unavailable(Reason::ShieldedBySupplier) => Observation {
            remark: None,
            ..observation
        },
        _ => observation,
    }
}

/// Makes the finished file read-only for everyone (0444) and renames it into place.
fn seal(temporary: &Path, out: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o444)
    };
    #[cfg(not(unix))]
    let permissions = {
        let mut permissions = std::fs::metadata(temporary)?.permissions();
        permissions.set_readonly(true);
        permissions
    };
    std::fs::set_permissions(temporary, permissions)?;
    std::fs::rename(temporary, out)
}

fn cannot_write(out: &Path, error: &std::io::Error) -> AppError {
    AppError::Refused(format!(
        "{} kan niet geschreven worden: {error}",
        out.display()
    ))
}
