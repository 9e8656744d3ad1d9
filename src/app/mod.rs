//! Application state and operations, shared by both front ends (window and command line).
//! Knows no egui: the UI calls these and renders what they return.

mod accounts;
mod bo;
mod catalog_edit;
mod catalog_source;
mod completeness;
mod connection;
mod dashboard;
mod delivered;
mod demo;
mod error;
mod events;
mod expected_text;
mod fetch;
mod import;
mod interchange;
mod jobs;
mod movement;
mod notes;
mod output_file;
mod publish;
mod receipt;
mod record_shape;
mod region;
mod reminders;
mod session;
mod signal_source;
mod signals;
mod stories;
mod suppliers;
mod template;
mod trend_text;
mod workspace;

pub use crate::domain::{Account, Direction, Role, Tone};
pub use crate::store::{CatalogSummary, DefinitionVersion};
pub use bo::ReportFormat;
pub use catalog_edit::{CatalogEntry, DefinitionDetail, DefinitionInput, ExportedDefinitions};
pub use catalog_source::load_catalog;
pub use completeness::Completeness;
pub use connection::{ConnectionLine, Permissions};
pub use dashboard::{AreaFigures, Dashboard, DashboardChoice, IndicatorFigures, SPARKLINE_PERIODS};
pub use delivered::Delivered;
pub use error::AppError;
pub use expected_text::{expected_spoken, expected_words};
pub use fetch::{FetchOptions, FetchProgress, FetchReport, TableDescription, describe_cbs_table};
pub use import::{
    ImportPreview, ImportReport, IndicatorCounts, default_user, describe_earlier, read_delivered,
    read_json_file, read_paths,
};
pub use interchange::EventRecord;
pub use jobs::{FetchEvent, FetchJob, WorkJob};
pub use movement::{Movement, rate_text};
pub use output_file::{OutputFormat, Replace};
pub use publish::Published;
pub use receipt::ReceiptFormat;
pub use region::{load_region, merger_events};
pub use reminders::{Owed, Reminder, SupplierRound};
pub use session::{
    CatalogCommand, CatalogFilter, CbsTableView, Command, DataView, DeliveredFiles,
    DeliveryCommand, DuidingView, EventEditor, Forms, ImportStage, IndicatorEditor,
    IndicatorenView, Message, NoteEditor, Reads, Removal, Request, ScopeChoice, Screen, Session,
    Settings, SourceKind, StoryEditor, TextCommand, View, Waker,
};
pub use signals::SignalRow;
pub use template::{Template, TemplateFor, TemplateFormat};
pub use trend_text::at_period;
pub use workspace::{Counted, OpenOptions, Undone, Workspace, default_db_path};
