//! How an import compares with its floor measured in the same run: the lines the import benchmarks
//! print, the same for SQLite's and PostgreSQL's.

use std::time::Duration;

/// Prints the floor (`floor_name` says what it is), the import and their ratio against the 2× target;
/// `extra` follows the ratio on its line.
pub fn print_import_against_floor(
    floor_name: &str,
    floor: Duration,
    import: Duration,
    rows: usize,
    extra: &str,
) {
    let per_second = |d: Duration| rows as f64 / d.as_secs_f64();
    println!(
        "floor ({floor_name}): {:.2} s, {:.0} rows/s",
        floor.as_secs_f64(),
        per_second(floor)
    );
    println!(
        "import (read, validate, preview, commit): {:.2} s, {:.0} rows/s",
        import.as_secs_f64(),
        per_second(import)
    );
    println!(
        "ratio import / floor: {:.2} (target ≤ 2.00){extra}",
        import.as_secs_f64() / floor.as_secs_f64()
    );
}
