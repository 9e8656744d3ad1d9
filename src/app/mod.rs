//! Application state and operations, shared by both front ends (window and command line).
//! Knows no egui: the UI calls these and renders what they return.

mod completeness;
mod demo;
mod error;
mod fetch;
mod import;
mod jobs;
mod overview;
mod signals;
mod template;
mod workspace;

pub use completeness::Completeness;
pub use error::AppError;
pub use fetch::{FetchOptions, FetchProgress, FetchReport};
pub use import::{
    ImportPreview, ImportReport, MAX_FILE_BYTES, default_user, describe_earlier, read_paths,
};
pub use jobs::{FetchEvent, FetchJob};
pub use overview::{IndicatorLatest, Overview};
pub use signals::SignalRow;
pub use template::TemplateFormat;
pub use workspace::{OpenOptions, Undone, Workspace, default_db_path, load_catalog};
