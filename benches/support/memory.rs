//! What a benchmark's process holds in memory, for the benchmarks that measure it.

/// Resident memory now (`VmRSS:`) or at its peak (`VmHWM:`), from Linux's `/proc/self/status`.
pub fn memory_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(field))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
