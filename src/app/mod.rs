//! Application state and operations, shared by both front ends (window and command line).
//! Knows no egui: the UI calls these and renders what they return.

mod demo;
mod error;
mod overview;
mod workspace;

pub use error::AppError;
pub use overview::{IndicatorLatest, Overview};
pub use workspace::{OpenOptions, Workspace, default_db_path, load_catalog};
