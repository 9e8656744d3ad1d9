//! Timestamps are stored in UTC (RFC 3339) and shown in local time, the Dutch way.

use chrono::{DateTime, Datelike, Local};

use super::period::MONTHS;

/// "3 maart 2025 14:05" in local time; the input as it is when it is no RFC 3339 timestamp.
pub fn dutch_datetime(rfc3339: &str) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(time) => {
            let local = time.with_timezone(&Local);
            let month = MONTHS[local.month0() as usize];
            format!(
                "{} {month} {} {}",
                local.day(),
                local.year(),
                local.format("%H:%M")
            )
        }
        Err(_) => rfc3339.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shows_a_dutch_date_and_time() {
        let shown = super::dutch_datetime("2025-03-03T12:05:00Z");
        assert!(shown.contains("maart 2025"), "{shown}");
        assert_eq!(super::dutch_datetime("gisteren"), "gisteren");
    }
}
