use std::path::PathBuf;

use chrono::NaiveDate;

use super::catalog_source::{self, CatalogOrigin};
use super::interchange::{EventRecord, NoteRecord, StoryRecord, read_list};
use super::{AppError, demo};
use crate::catalog::{Catalog, builtin_region};
use crate::domain::{Batch, BatchId, BatchKind, Indicator, Region, count_of, visible};
use crate::report::{ExportFormat, Shielding, export};
use crate::store::{ObservationFilter, Store, StoreLocation, UndoSummary, WriteSummary};

/// Where the store and the indicator definitions come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenOptions {
    /// A file (SQLite) or a server (PostgreSQL).
    pub db: StoreLocation,
    /// A directory of `*.toml` definitions that this process uses instead of the store's catalog
    /// (scripts, tests): registered for the values as before, while the catalog kept in the store and
    /// its history stay as they are, and changing that catalog is refused. `None`: the store's
    /// catalog, seeded from the definitions built into the app when the store has none yet.
    pub indicators: Option<PathBuf>,
    /// The day to take as today (tests, demonstrations): how far the demo data of a new store run
    /// and what counts as late. `None`: the real date.
    pub today: Option<NaiveDate>,
}

/// `~/.local/share/regio-in-beeld/regio.sqlite` on Linux, the matching data folder elsewhere.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("nl", "Zaanstreek-Waterland", "regio-in-beeld")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."))
        .join("regio.sqlite")
}

/// A batch that was undone; its `Display` is the Dutch confirmation both front ends show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undone {
    pub batch: BatchId,
    pub summary: UndoSummary,
    /// What the summary counts.
    pub counted: Counted,
}

/// What an undone batch had written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Values,
    /// A catalog batch of indicator definitions.
    Definitions,
    /// A catalog batch that gave a supplier its contact person or e-mail address.
    SupplierContacts,
}

impl std::fmt::Display for Undone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (one, many) = match self.counted {
            Counted::Values => ("waarde", "waarden"),
            Counted::Definitions => ("indicatordefinitie", "indicatordefinities"),
            Counted::SupplierContacts => ("leveranciersgegeven", "leveranciersgegevens"),
        };
        write!(
            f,
            "Batch {} is ongedaan gemaakt: {} hersteld, {} verwijderd.",
            self.batch,
            count_of(self.summary.restored, one, many),
            count_of(self.summary.removed, one, many)
        )
    }
}

/// An open store with its indicator catalog: what every operation works on.
pub struct Workspace {
    catalog: Catalog,
    catalog_origin: CatalogOrigin,
    store: Store,
    /// The store's region: which gemeenten there are, and when.
    region: Region,
    /// Chosen with `init`: a store for real figures, never filled with the demo data.
    region_chosen: bool,
    /// Set when opening found a brand-new store and filled it with the demo data.
    demo_loaded_on_open: Option<WriteSummary>,
    /// The store's data version when last looked at, to notice writes by others.
    seen_version: Option<i64>,
    /// See [`OpenOptions::today`].
    today: Option<NaiveDate>,
}

impl Workspace {
    /// Opens the store, registers the indicators and, for a brand-new store, loads the demo data.
    pub fn open(options: &OpenOptions) -> Result<Workspace, AppError> {
        let opened = Store::open_at(&options.db)
            .map_err(AppError::from)
            .and_then(|store| Workspace::on_store(store, options));
        opened.map_err(|e| e.naming_store(&options.db))
    }

    /// The same on a store opened already: the catalog from `options.indicators`, else the store's.
    pub(super) fn on_store(store: Store, options: &OpenOptions) -> Result<Workspace, AppError> {
        match &options.indicators {
            Some(dir) => {
                let catalog = catalog_source::load_catalog(Some(dir))?;
                Workspace::with_store(catalog, store, options.today).map(|mut workspace| {
                    workspace.catalog_origin =
                        CatalogOrigin::Given(format!("de map {}", dir.display()));
                    workspace
                })
            }
            None => Workspace::from_store(store, options.today),
        }
    }

    /// Opens with the store's own catalog: a store without one is first given the built-in
    /// definitions, in one catalog batch. A read-only store without one is shown with the built-in
    /// definitions, as the version that wrote it did.
    pub fn from_store(mut store: Store, today: Option<NaiveDate>) -> Result<Workspace, AppError> {
        if !store.has_catalog()? {
            if store.is_read_only() {
                let builtin = catalog_source::load_catalog(None)?;
                return Workspace::with_store(builtin, store, today);
            }
            catalog_source::seed(&mut store)?;
        }
        let catalog = catalog_source::stored_catalog(&store)?;
        let mut workspace = Workspace::with_store(catalog, store, today)?;
        workspace.catalog_origin = CatalogOrigin::Store;
        Ok(workspace)
    }

    /// Opened for viewing and exporting only: the store's file or folder is read-only.
    pub fn is_read_only(&self) -> bool {
        self.store.is_read_only()
    }

    /// The same on an open store with a catalog given for this process only (see
    /// [`OpenOptions::indicators`]); `today` as in [`OpenOptions::today`].
    pub fn with_store(
        catalog: Catalog,
        mut store: Store,
        today: Option<NaiveDate>,
    ) -> Result<Workspace, AppError> {
        let read_only = store.is_read_only();
        if !read_only {
            store.sync_indicators(catalog.all())?;
        }
        let (region, region_chosen, seeded) = match store.region()? {
            Some(stored) => (stored.region, stored.chosen, false),
            // A new store, or one from before regions were stored: Zaanstreek-Waterland, as it was.
            None => {
                let region = builtin_region();
                if !read_only {
                    store.set_region(&region, false)?;
                }
                (region, false, !read_only)
            }
        };
        let mut workspace = Workspace {
            catalog,
            catalog_origin: CatalogOrigin::Given("de ingebouwde definities".to_string()),
            store,
            region,
            region_chosen,
            demo_loaded_on_open: None,
            seen_version: None,
            today,
        };
        // A user with no role in a shared store is refused here, before anything is shown.
        workspace.store.account()?;
        // A store whose only batch is its catalog is new: it gets the demo data.
        if !read_only && workspace.takes_demo() && !workspace.store.has_value_batches()? {
            // Another process may be filling the same new store: one fills it, the others wait and
            // then find it filled.
            let _lock = workspace.store.setup_lock()?;
            if !workspace.store.has_value_batches()? {
                workspace.demo_loaded_on_open = Some(workspace.load_demo()?);
            }
        }
        if seeded {
            workspace.record_mergers()?;
        }
        Ok(workspace)
    }

    /// Remembers the store's state as now seen, so `changed_elsewhere` reports only later writes:
    /// called before the dashboard is read.
    pub fn mark_seen(&mut self) {
        if let Ok(version) = self.store.data_version() {
            self.seen_version = Some(version);
        }
    }

    /// Whether another process or a background job wrote to the store since the last call (or the
    /// last `mark_seen`).
    pub fn changed_elsewhere(&mut self) -> bool {
        let Ok(version) = self.store.data_version() else {
            return false;
        };
        let changed = self.seen_version.is_some_and(|seen| seen != version);
        self.seen_version = Some(version);
        if changed && self.catalog_origin == CatalogOrigin::Store {
            // Another process may have changed the catalog. A catalog this version cannot read
            // (written by a newer one) leaves the one in memory; the next open reports it.
            if let Ok(catalog) = catalog_source::stored_catalog(&self.store) {
                self.catalog = catalog;
            }
        }
        changed
    }

    /// The day delivery is judged against and the demo data run up to.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    pub fn demo_loaded_on_open(&self) -> Option<WriteSummary> {
        self.demo_loaded_on_open
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn region(&self) -> &Region {
        &self.region
    }

    /// The demo data is about Zaanstreek-Waterland: only a store that was not set up with `init`
    /// for that region or another gets it.
    fn takes_demo(&self) -> bool {
        !self.region_chosen && self.region.code() == demo::REGION_CODE
    }

    /// Who is connected to a shared store (asked at opening); `None` for a file.
    pub fn account(&self) -> Option<crate::domain::Account> {
        self.store.account().ok().flatten()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// A new connection in place of one the server closed: no change to the data.
    pub(super) fn reconnect_store(&mut self) -> Result<(), crate::store::StoreError> {
        self.store.reconnect()
    }

    /// The store, to change it: refused for a publication before anything is asked of it, so every
    /// change says why in the same words, whichever front end asked.
    pub(super) fn store_mut(&mut self) -> Result<&mut Store, AppError> {
        self.refuse_if_published()?;
        Ok(&mut self.store)
    }

    pub(super) fn catalog_origin(&self) -> &CatalogOrigin {
        &self.catalog_origin
    }

    /// Replaces the catalog in memory, after a write to the store's.
    pub(super) fn set_catalog(&mut self, catalog: Catalog) {
        self.catalog = catalog;
    }

    /// Loads the demo data set, carried on to [`Workspace::today`]; refused when the store already
    /// holds values, so demo figures never mix with real ones.
    pub fn load_demo(&mut self) -> Result<WriteSummary, AppError> {
        self.refuse_if_published()?;
        if self.region.code() != demo::REGION_CODE {
            return Err(AppError::Refused(format!(
                "de voorbeelddata gaan over Zaanstreek-Waterland; deze database is voor {}",
                self.region.name()
            )));
        }
        let count = self.store.observation_count()?;
        if count > 0 {
            return Err(AppError::Refused(format!(
                "de database bevat al {count} waarnemingen; voorbeelddata wordt alleen in een lege database geladen"
            )));
        }
        let observations = demo::observations(&self.catalog, self.today())?;
        let summary = self.store.write_batch(&demo::source(), &observations)?;
        self.seed_demo_texts()?;
        Ok(summary)
    }

    /// The example stories and notes, marked as demo, once: with another indicator set, those that
    /// name unknown indicators are left out.
    fn seed_demo_texts(&mut self) -> Result<(), AppError> {
        let on_record = self.store.events()?;
        let demo_on_record = self.store.stories()?.iter().any(|s| s.demo)
            || self.store.notes()?.iter().any(|n| n.demo)
            || on_record.iter().any(|e| e.demo);
        if demo_on_record {
            return Ok(());
        }
        let records: Vec<NoteRecord> = read_list(demo::NOTES_FILE, demo::NOTES)?;
        let notes: Vec<_> = records
            .iter()
            .filter_map(|r| r.to_note(&self.region).ok())
            .filter(|(draft, _)| self.catalog.get(&draft.indicator).is_some())
            .collect();
        let stories: Vec<_> = read_list::<StoryRecord>(demo::STORIES_FILE, demo::STORIES)?
            .iter()
            .filter_map(|r| r.to_story(&self.region).ok())
            .filter(|d| d.indicators.iter().all(|i| self.catalog.get(i).is_some()))
            .collect();
        // A herindeling the region recorded already is not told twice.
        let events: Vec<_> = read_list::<EventRecord>(demo::EVENTS_FILE, demo::EVENTS)?
            .iter()
            .filter_map(|r| r.to_event(&self.region).ok())
            .filter(|draft| !super::region::told_already(&on_record, draft))
            .collect();
        self.store.add_notes(&notes, true)?;
        self.store.add_stories(&stories, true)?;
        self.store.add_events(&events, true)?;
        Ok(())
    }

    /// Every batch, newest first: imports, fetches, demo data and catalog changes.
    pub fn batches(&self) -> Result<Vec<Batch>, AppError> {
        Ok(self.store.batches()?)
    }

    /// The batches that wrote values, newest first: what the Gegevens screen lists.
    pub fn value_batches(&self) -> Result<Vec<Batch>, AppError> {
        let mut batches = self.store.batches()?;
        batches.retain(|b| b.source.kind != BatchKind::Catalog);
        Ok(batches)
    }

    /// Restores the state before batch `id` (see [`Store::undo_batch`]); for a catalog batch the
    /// definitions before it, refused where that would make stored values wrong.
    pub fn undo(&mut self, id: BatchId) -> Result<Undone, AppError> {
        self.refuse_if_published()?;
        let catalog = self
            .store
            .batch(id)?
            .is_some_and(|b| b.source.kind == BatchKind::Catalog);
        if catalog {
            return self.undo_catalog_batch(id);
        }
        let summary = self.store.undo_batch(id)?;
        Ok(Undone {
            batch: id,
            summary,
            counted: Counted::Values,
        })
    }

    pub fn holds_demo_values(&self) -> Result<bool, AppError> {
        Ok(self.store.holds_demo_values()?)
    }

    /// All current observations (or one indicator's) in the long format, stable order.
    pub fn export(
        &self,
        indicator: Option<&str>,
        format: ExportFormat,
        shield: bool,
    ) -> Result<String, AppError> {
        if let Some(id) = indicator {
            self.indicator(id)?;
        }
        let filter = ObservationFilter {
            indicator: indicator.map(str::to_string),
        };
        let observations = self.store.observations(&filter)?;
        let shielding = match (shield, self.store.publication()) {
            (false, _) => Shielding::Off,
            (true, None) => Shielding::On,
            (true, Some(_)) => Shielding::Published,
        };
        Ok(export(&observations, self.catalog.all(), format, shielding))
    }

    pub fn indicator(&self, id: &str) -> Result<&Indicator, AppError> {
        self.catalog.get(id).ok_or_else(|| {
            AppError::Refused(format!(
                "onbekende indicator '{}'; zie regio-in-beeld check voor de lijst",
                visible(id, 80)
            ))
        })
    }
}
