//! The receipt of a saved import (see `report::Receipt`): filled in from what the import did and
//! from what each supplier of its indicators still owes afterwards.

use std::collections::BTreeMap;
use std::path::Path;

use super::import::file_name;
use super::{AppError, ImportPreview, ImportReport, OutputFormat, Replace, Workspace};
use crate::domain::{Period, dutch_datetime};
use crate::report::{Receipt, ReceiptFile, ReceiptIndicator, StillMissing};

/// How a receipt is written: as text or as an HTML page, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptFormat {
    Text,
    Html,
}

impl ReceiptFormat {
    /// By the extension of `path`; a refusal naming the extensions otherwise.
    pub fn for_path(path: &Path) -> Result<ReceiptFormat, AppError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        match extension.as_deref() {
            Some("txt") => Ok(ReceiptFormat::Text),
            Some("html" | "htm") => Ok(ReceiptFormat::Html),
            _ => Err(AppError::Refused(format!(
                "{}: een ontvangstbevestiging is een .txt- of .html-bestand",
                path.display()
            ))),
        }
    }

    fn output(self) -> OutputFormat {
        match self {
            ReceiptFormat::Text => OutputFormat::RECEIPT_TEXT,
            ReceiptFormat::Html => OutputFormat::RECEIPT_HTML,
        }
    }
}

impl Workspace {
    /// Writes `receipt` to `path` in the form its extension asks for (see [`Workspace::write_output`]).
    pub fn write_receipt(
        &self,
        path: &Path,
        receipt: &Receipt,
        replace: Replace,
    ) -> Result<(), AppError> {
        let format = ReceiptFormat::for_path(path)?;
        let text = match format {
            ReceiptFormat::Text => receipt.text(),
            ReceiptFormat::Html => receipt.html(),
        };
        self.write_output(path, format.output(), text.as_bytes(), replace)
    }

    /// The receipt of `report`, the saved form of `preview`.
    pub fn receipt(
        &self,
        preview: &ImportPreview,
        report: &ImportReport,
    ) -> Result<Receipt, AppError> {
        let first_batch = report.files.iter().find_map(|(_, summary)| summary.batch);
        let saved_at = match first_batch {
            Some(batch) => self
                .store()
                .batch(batch)?
                .map(|b| b.written_at().to_string())
                .unwrap_or_else(now_utc_text),
            None => now_utc_text(),
        };
        // The newest period delivered per supplier: what the round it belongs to still lacks.
        let mut newest: BTreeMap<&str, Period> = BTreeMap::new();
        let mut indicators = Vec::new();
        for counts in &preview.per_indicator {
            let Some(indicator) = self.catalog().get(&counts.indicator) else {
                continue;
            };
            let period = newest.entry(&indicator.supplier).or_insert(counts.last);
            *period = (*period).max(counts.last);
            indicators.push(ReceiptIndicator {
                name: indicator.name.clone(),
                periods: if counts.first == counts.last {
                    counts.first.short_label()
                } else {
                    format!(
                        "{} t/m {}",
                        counts.first.short_label(),
                        counts.last.short_label()
                    )
                },
                added: counts.added,
                changed: counts.changed,
                unchanged: counts.unchanged,
            });
        }
        // One read of the delivery per period, however many of its suppliers delivered.
        let mut by_period: BTreeMap<Period, Vec<&str>> = BTreeMap::new();
        for (supplier, period) in newest {
            by_period.entry(period).or_default().push(supplier);
        }
        let mut still_missing = Vec::new();
        for (period, suppliers) in by_period {
            let entries = self.completeness(&period, self.today())?;
            for supplier in suppliers {
                for round in self.rounds_in(&entries, &period, Some(supplier))? {
                    still_missing.push(StillMissing {
                        supplier: round.supplier.name.clone(),
                        period: period.short_label(),
                        lines: round.owed.iter().map(|o| o.line()).collect(),
                    });
                }
            }
        }
        still_missing.sort_by(|a, b| a.supplier.cmp(&b.supplier));
        Ok(Receipt {
            region: self.region().name().to_string(),
            files: report
                .files
                .iter()
                .map(|(name, summary)| ReceiptFile {
                    name: file_name(name),
                    batch: summary.batch.map(|b| b.0),
                })
                .collect(),
            saved_at: dutch_datetime(&saved_at),
            user: preview.user.clone(),
            indicators,
            warnings: preview.warnings.iter().map(ToString::to_string).collect(),
            unlisted_warnings: preview.unlisted_warnings,
            still_missing,
        })
    }
}

/// Now, as the store writes a batch's time.
fn now_utc_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
