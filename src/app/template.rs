//! The template an ambtenaar fills in for a period: CSV in the long layout, XLSX in the wide layout
//! (one sheet per indicator, gebieden down, the period across).

use rust_xlsxwriter::{Format, FormatBorder, Workbook};

use super::{AppError, Workspace};
use crate::domain::{Area, Indicator, Period, Region, Source, to_spreadsheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFormat {
    Csv,
    Xlsx,
}

impl TemplateFormat {
    /// By the extension of the file to write.
    pub fn for_path(path: &std::path::Path) -> Option<TemplateFormat> {
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "csv" => Some(TemplateFormat::Csv),
            "xlsx" => Some(TemplateFormat::Xlsx),
            _ => None,
        }
    }
}

impl TemplateFormat {
    /// The rules for the file it is written to.
    pub fn output(self) -> super::OutputFormat {
        match self {
            TemplateFormat::Csv => super::OutputFormat::CSV,
            TemplateFormat::Xlsx => super::OutputFormat::XLSX,
        }
    }
}

/// The rows of a template: every gemeente that exists in `period`, and the region.
fn template_areas<'r>(region: &'r Region, period: &Period) -> impl Iterator<Item = Area> + 'r {
    region.gemeenten_in(period).chain([region.area()])
}

impl Workspace {
    /// The indicators delivered by hand for `period`.
    pub fn manual_indicators_for(&self, period: &Period) -> Vec<&Indicator> {
        self.catalog()
            .indicators()
            .iter()
            .filter(|i| i.source == Source::Manual && i.frequency.fits(period))
            .collect()
    }

    pub fn template(&self, period: &Period, format: TemplateFormat) -> Result<Vec<u8>, AppError> {
        let indicators = self.manual_indicators_for(period);
        if indicators.is_empty() {
            return Err(AppError::Refused(format!(
                "geen handmatige indicatoren voor {}; kies een kwartaal (2024-K3), jaar, halfjaar, maand of peildatum",
                period.label()
            )));
        }
        match format {
            TemplateFormat::Csv => Ok(long_csv(&indicators, period, self.region())),
            TemplateFormat::Xlsx => wide_xlsx(&indicators, period, self.region()).map_err(|e| {
                AppError::Refused(format!("het sjabloon kan niet gemaakt worden: {e}"))
            }),
        }
    }
}

fn long_csv(indicators: &[&Indicator], period: &Period, region: &Region) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows = vec![[
        "indicator".to_string(),
        "gebied".into(),
        "periode".into(),
        "waarde".into(),
        "status".into(),
        "opmerking".into(),
    ]];
    for indicator in indicators {
        for area in template_areas(region, period) {
            // In spreadsheet form like every text cell the program writes (see `to_spreadsheet`);
            // ids, names and periods never start with a formula character today, so this guards
            // the future rather than changing any current template.
            rows.push([
                to_spreadsheet(&indicator.id).into_owned(),
                to_spreadsheet(area.name).into_owned(),
                to_spreadsheet(&period.short_label()).into_owned(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    // A BOM so that Excel opens the UTF-8 file with the right characters.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(writer.into_inner().expect("writing to memory"));
    bytes
}

fn wide_xlsx(
    indicators: &[&Indicator],
    period: &Period,
    region: &Region,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let muted = Format::new().set_font_color("#4A5563").set_italic();
    let header = Format::new()
        .set_bold()
        .set_background_color("#E2E5EA")
        .set_border(FormatBorder::Thin);
    let input = Format::new()
        .set_border(FormatBorder::Thin)
        .set_background_color("#FFF9E6");
    for indicator in indicators {
        let sheet = workbook.add_worksheet();
        let name: String = indicator.id.chars().take(31).collect();
        sheet.set_name(&name)?;
        sheet.set_column_width(0, 26)?;
        sheet.set_column_width(1, 16)?;
        // Text from the catalog (a custom one may name an indicator `=…`) is written as string
        // cells, never as formulas: a string cell is shown as it is, whatever it starts with.
        sheet.write_string_with_format(0, 0, "Indicator", &bold)?;
        sheet.write_string(0, 1, indicator.id.as_str())?;
        sheet.write_string(1, 0, indicator.name.as_str())?;
        sheet.write_string_with_format(
            2,
            0,
            format!(
                "Leverancier: {}. Vul per gebied de waarde in; leeg = niets geleverd, <5 = afgeschermd, - = niet geleverd.",
                indicator.supplier
            ),
            &muted,
        )?;
        sheet.write_string_with_format(4, 0, "Gebied", &header)?;
        sheet.write_string_with_format(4, 1, period.short_label(), &header)?;
        for (row, area) in (5u32..).zip(template_areas(region, period)) {
            sheet.write_string(row, 0, area.name)?;
            sheet.write_blank(row, 1, &input)?;
        }
    }
    workbook.save_to_buffer()
}
