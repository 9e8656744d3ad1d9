//! Outputs for people and other programs: the long-format export and the BO-pakket.

pub mod bo;
mod export;
mod markup;
mod receipt;

pub use export::{ExportFormat, LONG_HEADER, Shielding, export};
pub use receipt::{Receipt, ReceiptFile, ReceiptIndicator, StillMissing};
