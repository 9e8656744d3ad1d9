//! Outputs for people and other programs: the long-format export (and later the BO-pakket).

mod export;

pub use export::{ExportFormat, export};
