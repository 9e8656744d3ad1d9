//! The wide layout as an Excel workbook: first an instruction sheet, then one sheet per indicator
//! named after it. Every input cell checks what is typed (a number that fits the unit, or one of the
//! codes), says so when it is entered, and is the only cell that can change: headers, ids and area
//! names are protected (without a password, so nobody is locked out).

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

use super::Content;
use crate::domain::{Indicator, Observation, Reason, Unit, Value, dutch_date};
use crate::ingest::{INSTRUCTION_MARK, INSTRUCTION_SHEET};

/// Excel's limits on a sheet name and an input message's title.
const SHEET_NAME_CHARS: usize = 31;
const INPUT_TITLE_CHARS: usize = 32;

/// Rows (from 0) of an indicator sheet: the id beside "Indicator", the header, the first area.
const ID_ROW: u32 = 0;
const HEADER_ROW: u32 = 4;
const FIRST_AREA_ROW: u32 = 5;

struct Formats {
    title: Format,
    bold: Format,
    muted: Format,
    header: Format,
    locked_cell: Format,
    input: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin).set_border_color("#9AA3AE");
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            muted: Format::new().set_font_color("#4A5563").set_text_wrap(),
            header: border(Format::new().set_bold().set_background_color("#E2E5EA")),
            locked_cell: border(Format::new()),
            input: border(Format::new().set_background_color("#FFF4CC").set_unlocked()),
        }
    }
}

pub(super) fn write(content: &Content) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let names = sheet_names(&content.indicators);
    instructions(workbook.add_worksheet(), content, &names, &formats)?;
    for ((indicator, delivered), name) in content
        .indicators
        .iter()
        .zip(&content.delivered)
        .zip(&names)
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        indicator_sheet(sheet, content, indicator, delivered, &formats)?;
    }
    workbook.save_to_buffer()
}

/// Protected, but columns may be widened: a long gemeente name must stay readable. Printed on
/// landscape pages one page wide, so the instructions' table is not cut between its columns.
fn protect(sheet: &mut Worksheet) {
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        ..ProtectionOptions::default()
    });
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
}

fn instructions(
    sheet: &mut Worksheet,
    content: &Content,
    names: &[String],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTION_SHEET)?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 44)?;
    sheet.set_column_width(2, 30)?;
    sheet.set_column_width(3, 20)?;
    let period = content.period.label();
    sheet.write_string_with_format(0, 0, format!("{INSTRUCTION_MARK} {period}"), &formats.title)?;
    let mut row = 2;
    let mut line = |sheet: &mut Worksheet, label: &str, text: String| -> Result<(), XlsxError> {
        sheet.write_string_with_format(row, 0, label, &formats.bold)?;
        sheet.write_string(row, 1, text)?;
        row += 1;
        Ok(())
    };
    let supplier = match &content.supplier {
        Some(s) => s.name.clone(),
        None => "alle leveranciers van handmatige cijfers".to_string(),
    };
    line(sheet, "Leverancier", supplier)?;
    if let Some(addressee) = content.supplier.as_ref().and_then(|s| s.addressee()) {
        line(sheet, "Contactpersoon", addressee)?;
    }
    line(sheet, "Periode", period.clone())?;
    let due = content
        .indicators
        .iter()
        .map(|i| i.due_date(&content.period))
        .min();
    if let Some(due) = due {
        line(sheet, "Uiterlijk inleveren", dutch_date(due))?;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Zo vult u het in", &formats.bold)?;
    row += 1;
    let steps = [
        format!(
            "1. Elk volgend werkblad is één indicator. Vul in de gele cellen per gebied het cijfer over {period} in."
        ),
        "2. Schrijf getallen zoals u gewend bent (1.234 of 12,5). Excel controleert bij het invullen of het getal bij de indicator past.".to_string(),
        "3. Is er geen cijfer te geven, schrijf dan een van de tekens hieronder. Een lege cel betekent: nog niet ingevuld.".to_string(),
        "4. Wat al geleverd is, staat al ingevuld: verbeter het waar nodig en laat de rest staan.".to_string(),
        "5. Namen van werkbladen, ids en gebieden zijn beveiligd (zonder wachtwoord); verander ze niet.".to_string(),
        "6. Stuur het bestand terug. Het wordt eerst gecontroleerd; pas als alles klopt wordt het opgeslagen.".to_string(),
    ];
    for step in steps {
        sheet.write_string(row, 0, step)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Teken", &formats.header)?;
    sheet.write_string_with_format(row, 1, "Betekenis", &formats.header)?;
    row += 1;
    for (code, meaning) in CODES {
        sheet.write_string_with_format(row, 0, *code, &formats.locked_cell)?;
        sheet.write_string_with_format(row, 1, *meaning, &formats.locked_cell)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, "Werkbladen in dit sjabloon", &formats.bold)?;
    row += 1;
    for (column, title) in ["Werkblad", "Wat u invult", "Eenheid", "Uiterlijk"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string_with_format(row, column as u16, title, &formats.header)?;
    }
    row += 1;
    for (indicator, name) in content.indicators.iter().zip(names) {
        let cells = [
            name.clone(),
            indicator.name.clone(),
            unit_rule(indicator.unit).to_string(),
            dutch_date(indicator.due_date(&content.period)),
        ];
        for (column, text) in cells.into_iter().enumerate() {
            sheet.write_string_with_format(row, column as u16, text, &formats.locked_cell)?;
        }
        row += 1;
    }
    protect(sheet);
    Ok(())
}

/// How each absence is written in a cell, as the importer reads it.
const CODES: &[(&str, &str)] = &[
    ("<5", "klein aantal (minder dan 5), afgeschermd"),
    ("x", "afgeschermd om een andere reden"),
    ("-", "niet geleverd: het cijfer is er niet"),
    ("n.v.t.", "niet van toepassing voor dit gebied"),
];

fn unit_rule(unit: Unit) -> &'static str {
    match unit {
        Unit::Aantal => "geheel getal, 0 of meer",
        Unit::Percentage => "percentage van 0 tot en met 100",
        Unit::Euro => "bedrag in euro",
        Unit::Per1000 => "aantal per 1.000 inwoners, 0 of meer",
    }
}

fn indicator_sheet(
    sheet: &mut Worksheet,
    content: &Content,
    indicator: &Indicator,
    delivered: &std::collections::HashMap<&'static str, Observation>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 26)?;
    sheet.set_column_width(1, 16)?;
    // Text from the catalog (a custom one may name an indicator `=…`) is written as string cells,
    // never as formulas: a string cell is shown as it is, whatever it starts with.
    sheet.write_string_with_format(ID_ROW, 0, "Indicator", &formats.bold)?;
    sheet.write_string(ID_ROW, 1, indicator.id.as_str())?;
    sheet.write_string_with_format(1, 0, indicator.name.as_str(), &formats.bold)?;
    let mut hint = format!(
        "Vul per gebied in: {}, of <5, x, - of n.v.t. (zie Toelichting). Uiterlijk {}.",
        unit_rule(indicator.unit),
        dutch_date(indicator.due_date(&content.period))
    );
    if let Some(supplier) = &content.supplier {
        hint = format!("Leverancier: {}. {hint}", supplier.name);
    }
    sheet.merge_range(2, 0, 2, 3, &hint, &formats.muted)?;
    sheet.set_row_height(2, 30)?;
    sheet.write_string_with_format(HEADER_ROW, 0, "Gebied", &formats.header)?;
    sheet.write_string_with_format(HEADER_ROW, 1, content.period.short_label(), &formats.header)?;
    for (row, area) in (FIRST_AREA_ROW..).zip(&content.areas) {
        sheet.write_string_with_format(row, 0, area.name, &formats.locked_cell)?;
        match delivered.get(area.code).map(|o| o.value) {
            Some(Value::Number(n)) => sheet.write_number_with_format(row, 1, n, &formats.input)?,
            Some(Value::Unavailable(reason)) => {
                sheet.write_string_with_format(row, 1, code_of(reason), &formats.input)?
            }
            None => sheet.write_blank(row, 1, &formats.input)?,
        };
    }
    let last = FIRST_AREA_ROW + content.areas.len() as u32 - 1;
    sheet.add_data_validation(FIRST_AREA_ROW, 1, last, 1, &validation(indicator)?)?;
    protect(sheet);
    Ok(())
}

/// The code a reason is filled in with; read back as the same reason.
fn code_of(reason: Reason) -> &'static str {
    match reason {
        Reason::ShieldedBySupplier => "<5",
        Reason::NotDelivered => "-",
        Reason::NotApplicable => "n.v.t.",
    }
}

/// What a cell of `indicator` accepts: a number that fits its unit, or one of the codes. Written for
/// the first input cell (B6); Excel moves the reference along the range. A text is never compared as
/// a number (Excel would then answer with an error, which refuses every code).
fn validation(indicator: &Indicator) -> Result<DataValidation, XlsxError> {
    let cell = format!("B{}", FIRST_AREA_ROW + 1);
    let number = match indicator.unit {
        Unit::Aantal => format!("AND({cell}>=0,{cell}=INT({cell}))"),
        Unit::Percentage => format!("AND({cell}>=0,{cell}<=100)"),
        Unit::Per1000 => format!("{cell}>=0"),
        Unit::Euro => "TRUE".to_string(),
    };
    let codes = format!(
        "OR({cell}=\"x\",{cell}=\"-\",{cell}=\"n.v.t.\",AND(LEFT({cell},1)=\"<\",ISNUMBER(-MID({cell},2,9))))"
    );
    let rule = Formula::new(format!("IF(ISNUMBER({cell}),{number},{codes})"));
    let title: String = indicator.name.chars().take(INPUT_TITLE_CHARS).collect();
    let rule_text = unit_rule(indicator.unit);
    let mut first_upper = rule_text.chars();
    let rule_text = match first_upper.next() {
        Some(c) => c.to_uppercase().chain(first_upper).collect::<String>(),
        None => String::new(),
    };
    DataValidation::new()
        .allow_custom(rule)
        .set_input_title(title)?
        .set_input_message(format!(
            "{rule_text}. Of: <5 (klein aantal, afgeschermd), x (afgeschermd), - (niet geleverd), n.v.t. (niet van toepassing)."
        ))?
        .set_error_title("Deze waarde past niet")?
        .set_error_message(format!(
            "Verwacht: {}, of <5, x, - of n.v.t. Zie het werkblad Toelichting.",
            unit_rule(indicator.unit)
        ))
        .map(|v| v.set_error_style(DataValidationErrorStyle::Stop))
}

/// A sheet name per indicator: its name within Excel's 31 characters and rules (none of `[]:*?/\`,
/// no `'` at either end), unique without regard to case (Excel's rule), and never the instruction
/// sheet's. A name that would repeat one gets " (2)", " (3)", … within the limit.
pub(super) fn sheet_names(indicators: &[&Indicator]) -> Vec<String> {
    let mut taken: Vec<String> = vec![INSTRUCTION_SHEET.to_lowercase(), "history".to_string()];
    let mut names = Vec::with_capacity(indicators.len());
    for indicator in indicators {
        let cleaned: String = indicator
            .name
            .chars()
            .map(|c| {
                if "[]:*?/\\".contains(c) || c.is_control() {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let cleaned = cleaned.trim().trim_matches('\'').trim();
        let base = if cleaned.is_empty() {
            indicator.id.as_str()
        } else {
            cleaned
        };
        let mut name = truncated(base, SHEET_NAME_CHARS);
        let mut n = 2;
        while taken.contains(&name.to_lowercase()) {
            let suffix = format!(" ({n})");
            name = format!(
                "{}{suffix}",
                truncated(base, SHEET_NAME_CHARS - suffix.chars().count())
            );
            n += 1;
        }
        taken.push(name.to_lowercase());
        names.push(name);
    }
    names
}

/// At most `limit` characters, without a space or apostrophe left dangling at the end.
fn truncated(text: &str, limit: usize) -> String {
    let cut: String = text.chars().take(limit).collect();
    cut.trim_end().trim_end_matches('\'').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn sheet_names_fit_excel_and_never_repeat() {
        let catalog = Catalog::builtin().unwrap();
        let mut one = catalog.get("zvh_aanmeldingen").unwrap().clone();
        one.name = "Aanmeldingen: ZVH [totaal] / per gemeente, ook Beemster".to_string();
        let mut two = one.clone();
        two.name = "AANMELDINGEN: ZVH [TOTAAL] / per gemeente, ook Beemster".to_string();
        let mut three = one.clone();
        three.name = "Toelichting".to_string();
        let mut four = one.clone();
        four.name = "'  '".to_string();
        let names = sheet_names(&[&one, &two, &three, &four]);
        assert_eq!(
            names,
            [
                "Aanmeldingen- ZVH -totaal- - pe",
                "AANMELDINGEN- ZVH -TOTAAL- (2)",
                "Toelichting (2)",
                "zvh_aanmeldingen",
            ]
        );
        assert!(names.iter().all(|n| n.chars().count() <= SHEET_NAME_CHARS));
    }
}
