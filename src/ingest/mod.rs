//! Reading delivered files into observations. Parses and validates only: never opens the store, so a
//! file with any problem writes nothing.

mod cell;
mod long_csv;
mod problem;

pub use long_csv::read_long_csv;
pub use problem::ImportProblem;
