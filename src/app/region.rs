//! The region a store belongs to: read from a region file, chosen with `init`, and the herindelingen
//! it records shown as events on the time axis.

use std::path::Path;

use super::{AppError, OpenOptions, Workspace};
use crate::catalog::{CatalogError, parse_region};
use crate::domain::{Event, EventDraft, EventKind, EventScope, Region};
use crate::ingest::read_input_file;
use crate::store::{Store, StoreLocation};

/// A region file is a page per few hundred gemeenten; a larger file is no region.
const MAX_REGION_BYTES: u64 = 4 << 20;

/// Reads and checks a region file; every problem names the file and the key.
pub fn load_region(path: &Path) -> Result<Region, AppError> {
    let name = path.display().to_string();
    let bytes = read_input_file(path, MAX_REGION_BYTES)
        .map_err(|refused| AppError::Catalog(vec![CatalogError::file(&name, refused.message)]))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        AppError::Catalog(vec![CatalogError::file(
            &name,
            "het bestand is geen UTF-8-tekst".to_string(),
        )])
    })?;
    parse_region(&name, &text).map_err(AppError::Catalog)
}

/// The herindelingen of `region` as events on the merged-into gemeente's time axis, on the first day
/// of the new boundary.
pub fn merger_events(region: &Region) -> Vec<EventDraft> {
    region
        .members()
        .iter()
        .filter_map(|member| {
            let into = member.merged_into?;
            let date = member.valid_until?.succ_opt()?;
            Some(EventDraft {
                date,
                label: format!("{} + {}", into.name, member.area.name),
                kind: EventKind::Indeling,
                scope: EventScope::Area(into),
                description: Some(format!(
                    "{} gaat op in {}; cijfers van {} vóór {} gelden voor de oude gemeentegrens.",
                    member.area.name,
                    into.name,
                    into.name,
                    date.format("%Y")
                )),
            })
        })
        .collect()
}

/// Whether `events` tell what `draft` tells: the same kind on the same day for the same scope. A
/// herindeling is told once, whether the region or the demo data recorded it first.
pub(super) fn told_already(events: &[Event], draft: &EventDraft) -> bool {
    events.iter().any(|e| {
        (e.draft.kind, e.draft.date, &e.draft.scope) == (draft.kind, draft.date, &draft.scope)
    })
}

impl Workspace {
    /// Makes the store at `options.db` one for `region` (Zaanstreek-Waterland when `None`), for real
    /// figures: it never gets the demo data. Refused on a store that already holds figures, whose
    /// gemeenten could then be wrong.
    pub fn init(options: &OpenOptions, region: Option<Region>) -> Result<Workspace, AppError> {
        Workspace::init_region(options, region, false)
    }

    /// `server init`: creates or migrates the store on the server; a store that has its region keeps
    /// it (unless another is named), a new one gets `region` (Zaanstreek-Waterland when `None`) as
    /// with [`Workspace::init`]: a shared store is for real figures and never gets the demo data.
    pub fn init_server(
        options: &OpenOptions,
        region: Option<Region>,
    ) -> Result<Workspace, AppError> {
        let StoreLocation::Server(server) = &options.db else {
            return Err(AppError::Refused(format!(
                "{} is een bestand; server init richt een PostgreSQL-database in \
                 (--db postgres://gebruiker@server/database)",
                options.db
            )));
        };
        Store::init_server(server).map_err(|e| AppError::from(e).naming_store(&options.db))?;
        Workspace::init_region(options, region, true)
    }

    fn init_region(
        options: &OpenOptions,
        region: Option<Region>,
        keep_chosen: bool,
    ) -> Result<Workspace, AppError> {
        let mut store =
            Store::open_at(&options.db).map_err(|e| AppError::from(e).naming_store(&options.db))?;
        if let Some(publication) = store.publication() {
            return Err(AppError::Refused(publication.refusal()));
        }
        if store.is_read_only() {
            return Err(AppError::Refused(format!(
                "{} is alleen-lezen; er is niets gewijzigd",
                options.db
            )));
        }
        if keep_chosen && region.is_none() && store.region()?.is_some_and(|stored| stored.chosen) {
            return Workspace::on_store(store, options);
        }
        let count = store.observation_count()?;
        if count > 0 {
            return Err(AppError::Refused(format!(
                "{} bevat al {count} waarnemingen; een regio kiest u alleen voor een nieuwe database \
                 (kies een ander bestand met --db)",
                options.db
            )));
        }
        let region = region.unwrap_or_else(crate::catalog::builtin_region);
        store.set_region(&region, true)?;
        let mut workspace = Workspace::on_store(store, options)?;
        workspace.record_mergers()?;
        Ok(workspace)
    }

    /// Adds the region's herindelingen as events, once: one already on record (the same kind, day
    /// and gemeente, also from the demo data) is not added again.
    pub(super) fn record_mergers(&mut self) -> Result<(), AppError> {
        let on_record = self.store().events()?;
        let missing: Vec<EventDraft> = merger_events(self.region())
            .into_iter()
            .filter(|draft| !told_already(&on_record, draft))
            .collect();
        self.store_mut()?.add_events(&missing, false)?;
        Ok(())
    }
}
