//! Steering a delivery round from the command line: a supplier's contact kept as data, the
//! template per supplier read back (sheets, checks in the cells, protection, what was delivered),
//! a filled-in copy imported losslessly, reminders and receipts.

#[macro_use]
mod support;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use support::backends::Backend;

on_both_backends!(
    a_suppliers_contact_is_kept_shown_and_undone,
    a_supplier_template_checks_its_cells_and_holds_what_was_delivered,
    a_filled_in_template_imports_exactly_its_values,
    a_reminder_per_late_supplier_says_what_is_missing,
    an_import_writes_a_receipt_for_the_supplier,
);

fn demo_store(backend: &Backend) -> &Backend {
    backend.init_demo();
    backend
}

fn set_ggz_contact(store: &Backend) {
    let out = store.run(&[
        "suppliers",
        "set",
        "ggz",
        "--contact",
        "Jan Jansen",
        "--email",
        "jan@ggz.nl",
        "--user",
        "beheer",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("GGZ: contactpersoon Jan Jansen, e-mailadres jan@ggz.nl (batch "),
        "{}",
        out.stdout
    );
}

fn a_suppliers_contact_is_kept_shown_and_undone(backend: &Backend) {
    let store = demo_store(backend);
    set_ggz_contact(store);
    let list = store.run(&["suppliers", "list"]).stdout;
    assert!(list.starts_with("leverancier\tcontactpersoon\te-mailadres\thandmatige indicatoren\n"));
    assert!(
        list.contains("\nGGZ\tJan Jansen\tjan@ggz.nl\t2\n"),
        "{list}"
    );
    assert!(list.contains("\nPolitie\t-\t-\t2\n"), "{list}");

    // Only what is given changes; the rest stays.
    let out = store.run(&["suppliers", "set", "GGZ", "--contact", "Els de Boer"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("contactpersoon Els de Boer, e-mailadres jan@ggz.nl")
    );
    let batch = out
        .stdout
        .split("(batch ")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let same = store.run(&["suppliers", "set", "GGZ", "--contact", "Els de Boer"]);
    assert_eq!(same.stdout, "GGZ: niets gewijzigd.\n");

    let wrong = store.run(&["suppliers", "set", "GGZ", "--email", "els@ggz"]);
    assert_eq!(wrong.code, 1);
    assert!(
        wrong.stderr.contains("'els@ggz' is geen e-mailadres"),
        "{}",
        wrong.stderr
    );
    let unknown = store.run(&["suppliers", "set", "Brandweer", "--email", "a@b.nl"]);
    assert_eq!(unknown.code, 1);
    assert!(
        unknown
            .stderr
            .contains("de catalogus kent geen leverancier 'Brandweer'")
    );

    let undone = store.run(&["undo", &batch]);
    assert_eq!(undone.code, 0, "{}", undone.stderr);
    assert!(
        undone.stdout.contains("1 leveranciersgegeven hersteld"),
        "{}",
        undone.stdout
    );
    let list = store.run(&["suppliers", "list"]).stdout;
    assert!(
        list.contains("\nGGZ\tJan Jansen\tjan@ggz.nl\t2\n"),
        "{list}"
    );
}

/// The XML of one part of a workbook.
fn part(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn write_template(store: &Backend, supplier: &str, period: &str, file: &str) -> std::path::PathBuf {
    let out = store.dir().join(file);
    let written = store.run(&[
        "template",
        "--supplier",
        supplier,
        "--period",
        period,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    out
}

fn a_supplier_template_checks_its_cells_and_holds_what_was_delivered(backend: &Backend) {
    let store = demo_store(backend);
    set_ggz_contact(store);
    let path = write_template(store, "ZVH ZaWa", "2025-K4", "zvh.xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let sheets = workbook.sheet_names();
    assert_eq!(sheets[0], "Toelichting");
    assert!(
        sheets.contains(&"Aanmeldingen ZVH".to_string()),
        "sheets are named after the indicators: {sheets:?}"
    );
    assert!(sheets.iter().all(|s| s.chars().count() <= 31));
    // Only the supplier's own indicators: ZVH ZaWa's quarterly ones.
    assert_eq!(sheets.len(), 1 + 3, "{sheets:?}");
    let sheet = workbook.worksheet_range("Aanmeldingen ZVH").unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&Data::String("Indicator".into()))
    );
    assert_eq!(
        sheet.get_value((0, 1)),
        Some(&Data::String("zvh_aanmeldingen".into()))
    );
    assert_eq!(
        sheet.get_value((5, 0)),
        Some(&Data::String("Edam-Volendam".into()))
    );
    let exported = store
        .run(&["export", "--indicator", "zvh_aanmeldingen"])
        .stdout;
    let edam = exported
        .lines()
        .find(|l| l.contains(";Edam-Volendam;") && l.contains(";2025 K4;"))
        .expect("a delivered value");
    let value: f64 = edam.split(';').nth(3).unwrap().parse().unwrap();
    assert_eq!(sheet.get_value((5, 1)), Some(&Data::Float(value)), "{edam}");

    let instructions = workbook.worksheet_range("Toelichting").unwrap();
    let text: Vec<String> = instructions
        .cells()
        .map(|(_, _, c)| c.to_string())
        .collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("Invulsjabloon Regio in beeld 2025 K4"))
    );
    assert!(text.contains(&"ZVH ZaWa".to_string()));
    assert!(text.contains(&"<5".to_string()) && text.contains(&"n.v.t.".to_string()));
    assert!(text.contains(&"11 februari 2026".to_string()), "{text:?}");

    // The cells check what is typed, say so when entered, and only they can change.
    let xml = part(&path, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains(r#"<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0"/>"#),
        "protected without a password: {xml}"
    );
    assert!(xml.contains(r#"<dataValidation type="custom" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Deze waarde past niet""#), "{xml}");
    assert!(
        xml.contains(r#"sqref="B6:B13""#),
        "seven gemeenten and the region: {xml}"
    );
    assert!(
        xml.contains(
            "<formula1>IF(ISNUMBER(B6),AND(B6&gt;=0,B6=INT(B6)),OR(B6=\"x\",B6=\"-\",B6=\"n.v.t.\","
        ),
        "{xml}"
    );
    assert!(xml.contains(r#"promptTitle="Aanmeldingen ZVH""#), "{xml}");
    assert!(part(&path, "xl/worksheets/sheet1.xml").contains("<sheetProtection"));

    // A correction round returns the same file: importing it as it is changes nothing.
    let out = store.run(&["import", "--dry-run", path.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Samenvatting: 0 toegevoegd, 0 gewijzigd, 17 ongewijzigd"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("Toelichting"),
        "the instruction sheet is not read: {}",
        out.stdout
    );

    let none = store.run(&[
        "template",
        "--supplier",
        "CBS",
        "--period",
        "2025-K4",
        "--out",
        "x.xlsx",
    ]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr
            .contains("CBS levert geen handmatige indicatoren voor 2025 K4"),
        "{}",
        none.stderr
    );
}

fn a_filled_in_template_imports_exactly_its_values(backend: &Backend) {
    let store = demo_store(backend);
    let path = write_template(store, "GGZ", "2026-K1", "ggz.xlsx");
    // What Excel saves after the supplier filled it in: every cell as it was, the inputs typed.
    let mut template: Xlsx<_> = open_workbook(&path).unwrap();
    let typed = ["12", "<5", "-", "x", "n.v.t.", "0", "130", "143"];
    let mut filled = rust_xlsxwriter::Workbook::new();
    for name in template.sheet_names() {
        let range = template.worksheet_range(&name).unwrap();
        let sheet = filled.add_worksheet();
        sheet.set_name(&name).unwrap();
        for (row, column, cell) in range.used_cells() {
            let (row, column) = (row as u32, column as u16);
            match cell {
                Data::String(text) => sheet.write_string(row, column, text),
                Data::Float(n) => sheet.write_number(row, column, *n),
                _ => continue,
            }
            .unwrap();
        }
        if name != "Toelichting" {
            for (row, value) in (5u32..).zip(typed) {
                match value.parse::<f64>() {
                    Ok(n) => sheet.write_number(row, 1, n),
                    Err(_) => sheet.write_string(row, 1, value),
                }
                .unwrap();
            }
        }
    }
    let copy = store.dir().join("ggz-ingevuld.xlsx");
    filled.save(&copy).unwrap();
    let out = store.run(&["import", copy.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Samenvatting: 8 toegevoegd, 0 gewijzigd, 0 ongewijzigd"),
        "{}",
        out.stdout
    );
    let exported = store
        .run(&["export", "--indicator", "ggz_crisisbeoordelingen"])
        .stdout;
    let k1: Vec<&str> = exported
        .lines()
        .filter(|l| l.contains(";2026 K1;"))
        .collect();
    let expected = [
        ";Edam-Volendam;2026 K1;12;",
        ";Landsmeer;2026 K1;;afgeschermd;",
        ";Oostzaan;2026 K1;;niet geleverd;",
        ";Purmerend;2026 K1;;afgeschermd;",
        ";Waterland;2026 K1;;n.v.t.;",
        ";Wormerland;2026 K1;0;",
        ";Zaanstad;2026 K1;130;",
        ";Zaanstreek-Waterland;2026 K1;143;",
    ];
    assert_eq!(k1.len(), expected.len(), "{exported}");
    for (line, part) in k1.iter().zip(expected) {
        assert!(line.contains(part), "{line} should hold {part}");
    }
    // And the template of the next round holds them as delivered.
    let again = write_template(store, "GGZ", "2026-K1", "ggz-2.xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&again).unwrap();
    let sheet = workbook.worksheet_range("Crisisbeoordelingen GGZ").unwrap();
    let column: Vec<String> = (5..13)
        .map(|r| sheet.get_value((r, 1)).unwrap().to_string())
        .collect();
    assert_eq!(column, ["12", "<5", "-", "<5", "n.v.t.", "0", "130", "143"]);
}

fn a_reminder_per_late_supplier_says_what_is_missing(backend: &Backend) {
    let store = demo_store(backend);
    set_ggz_contact(store);
    let out = store.run(&[
        "--today",
        "1-6-2026",
        "remind",
        "--period",
        "2026-K1",
        "--supplier",
        "GGZ",
        "--user",
        "Els de Boer",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "Aan: Jan Jansen <jan@ggz.nl>\n\
         Onderwerp: Herinnering: cijfers 2026 K1 voor het dashboard Zorg & Veiligheid (GGZ)\n\n\
         Beste Jan Jansen,\n\n\
         Voor het dashboard Zorg & Veiligheid van Zaanstreek-Waterland ontbreken nog cijfers over 2026 K1:\n\n\
         - Crisisbeoordelingen GGZ: alle gemeenten (uiterlijk 12 mei 2026, 20 dagen te laat)\n\n\
         Wilt u ze aanleveren in het sjabloon sjabloon-ggz-2026-K1.xlsx? Wat al geleverd is, staat \
         daarin ingevuld; vul de lege cellen aan en stuur het bestand terug. Is een cijfer er niet, \
         vul dan - in; een klein aantal <5.\n\n\
         Met vriendelijke groet,\n\nEls de Boer\n"
    );
    // Every supplier with something missing, one message each.
    let all = store
        .run(&["--today", "1-6-2026", "remind", "--period", "2026-K1"])
        .stdout;
    assert_eq!(all.matches("Onderwerp: Herinnering:").count(), 9, "{all}");
    assert!(
        all.contains("Aan: (nog geen e-mailadres bekend voor Politie"),
        "{all}"
    );
    // A round that is complete needs none.
    let done = store.run(&["remind", "--period", "2025-K4", "--supplier", "GGZ"]);
    assert_eq!(done.code, 0);
    assert_eq!(
        done.stdout,
        "Geen herinnering nodig: GGZ heeft alles voor 2025 K4 geleverd.\n"
    );
}

fn an_import_writes_a_receipt_for_the_supplier(backend: &Backend) {
    let store = demo_store(backend);
    let template = store.dir().join("ggz.csv");
    assert_eq!(
        store
            .run(&[
                "template",
                "--supplier",
                "GGZ",
                "--period",
                "2026-K1",
                "--out",
                template.to_str().unwrap()
            ])
            .code,
        0
    );
    let text = std::fs::read_to_string(&template).unwrap();
    let filled = text.replace(
        "ggz_crisisbeoordelingen;Oostzaan;2026 K1;;;",
        "ggz_crisisbeoordelingen;Oostzaan;2026 K1;4;;",
    );
    std::fs::write(&template, filled).unwrap();

    // A receipt that cannot be written is refused before anything is saved.
    let before = store.export_all();
    let refused = store.run(&[
        "import",
        template.to_str().unwrap(),
        "--receipt",
        "ontvangst.pdf",
    ]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stderr
            .contains("een ontvangstbevestiging is een .txt- of .html-bestand"),
        "{}",
        refused.stderr
    );
    assert_eq!(store.export_all(), before);

    let receipt = store.dir().join("ontvangst.txt");
    let out = store.run(&[
        "--today",
        "1-6-2026",
        "import",
        template.to_str().unwrap(),
        "--user",
        "jan",
        "--receipt",
        receipt.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Ontvangstbevestiging geschreven naar"),
        "{}",
        out.stdout
    );
    let text = std::fs::read_to_string(&receipt).unwrap();
    assert!(
        text.starts_with(
            "Ontvangstbevestiging Regio in beeld Zaanstreek-Waterland\n\nBestand: ggz.csv (batch "
        ),
        "{text}"
    );
    assert!(text.contains(" door jan\n"), "{text}");
    assert!(
        text.contains(
            "- Crisisbeoordelingen GGZ (2026 K1): 1 toegevoegd, 0 gewijzigd, 0 ongewijzigd\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("7 lege waarden overgeslagen"),
        "the warnings: {text}"
    );
    assert!(
        text.contains("GGZ: nog niet binnen voor 2026 K1:\n- Crisisbeoordelingen GGZ: Edam-Volendam, Landsmeer, Purmerend, Waterland, Wormerland, Zaanstad (uiterlijk 12 mei 2026, 20 dagen te laat)\n"),
        "{text}"
    );

    let html = store.dir().join("ontvangst.html");
    let again = text_with_value(&template, "Landsmeer", "5");
    std::fs::write(&template, again).unwrap();
    let out = store.run(&[
        "import",
        template.to_str().unwrap(),
        "--receipt",
        html.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert!(page.contains("<th scope=\"row\">Crisisbeoordelingen GGZ</th><td>2026 K1</td><td class=\"number\">1</td><td class=\"number\">0</td><td class=\"number\">1</td>"), "{page}");
    // An existing receipt is only replaced with --force.
    let kept = store.run(&[
        "import",
        template.to_str().unwrap(),
        "--receipt",
        html.to_str().unwrap(),
    ]);
    assert_eq!(kept.code, 1);
    assert!(kept.stderr.contains("bestaat al"), "{}", kept.stderr);
}

fn text_with_value(template: &Path, area: &str, value: &str) -> String {
    std::fs::read_to_string(template).unwrap().replace(
        &format!("ggz_crisisbeoordelingen;{area};2026 K1;;;"),
        &format!("ggz_crisisbeoordelingen;{area};2026 K1;{value};;"),
    )
}
