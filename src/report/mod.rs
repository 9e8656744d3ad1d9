//! Outputs for people and other programs: the long-format export and the BO-pakket.

pub mod bo;
mod export;

pub use export::{ExportFormat, Shielding, export};
