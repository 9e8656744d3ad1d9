//! Turning stored figures into timely signals: series per area, the region value, per 1.000
//! inwoners, changes, moving averages and signals. Pure functions over domain types; no store, no UI.

mod baseline;
mod breaks;
mod change;
mod distribution;
mod points;
mod population;
mod regression;
mod series;
mod signal;

pub use breaks::{averages_within, break_dates, change_within, previous_within, signal_within};
pub use change::{
    Change, change_vs_previous, change_vs_year_before, moving_average, moving_averages,
    previous_period,
};
pub use points::Points;
pub use population::{POPULATION_INDICATOR, Population};
pub use series::{Point, Series, area_series, per_1000, region_series};
pub use signal::{EXPECTED_TAIL, NOISE_SIGNALS, Signal, SignalKind, signal};

#[cfg(test)]
mod tests;
