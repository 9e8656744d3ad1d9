//! Regio in beeld: the dashboard Zorg & Veiligheid of Zaanstreek-Waterland.
//!
//! Layers, dependencies pointing down only: `ui` and `cli` (front ends) → `app` (state and
//! operations) → `report`, `analysis`, `ingest`, `store`, `catalog` → `domain`.

pub mod analysis;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod domain;
pub mod ingest;
pub mod report;
pub mod store;
pub mod ui;
