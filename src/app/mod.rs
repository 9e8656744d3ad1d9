//! Application state and operations, shared by both front ends (window and command line).
//! Knows no egui: the UI calls these and renders what they return.

mod bo;
mod completeness;
mod dashboard;
mod demo;
mod error;
mod events;
mod fetch;
mod import;
mod interchange;
mod jobs;
mod movement;
mod notes;
mod signals;
mod stories;
mod template;
mod workspace;

pub use crate::domain::{Direction, Tone};
pub use completeness::Completeness;
pub use dashboard::{AreaFigures, Dashboard, DashboardChoice, IndicatorFigures, SPARKLINE_PERIODS};
pub use error::AppError;
pub use fetch::{FetchOptions, FetchProgress, FetchReport};
pub use import::{
    ImportPreview, ImportReport, MAX_FILE_BYTES, check_size, default_user, describe_earlier,
    read_paths,
};
pub use interchange::EventRecord;
pub use jobs::{FetchEvent, FetchJob, WorkJob};
pub use movement::{Movement, rate_text};
pub use signals::SignalRow;
pub use template::TemplateFormat;
pub use workspace::{OpenOptions, Undone, Workspace, default_db_path, load_catalog};
