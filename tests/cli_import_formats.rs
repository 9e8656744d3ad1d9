//! `regio-in-beeld import` of the forms files really come in: Excel's CSV and Unicode text, other
//! separators and encodings, every line-end convention, the wide layout, XLSX and ODS, and files
//! large enough to be read in parts; rows and columns always numbered as in the file.

mod support;

use support::{export_all, exported, import_fixture, run, temp_store};

#[test]
fn an_excel_nl_csv_with_title_bom_crlf_quotes_and_empty_rows_is_read() {
    let store = temp_store();
    let out = run(
        &store.path,
        &[
            "import",
            &import_fixture("excel-nl.csv"),
            "--user",
            "Politie ZaWa",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("5 waarden (lang formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("opgeslagen als batch 2"),
        "{}",
        out.stdout
    );
    let get = |area: &str| exported(&store.path, "huiselijk_geweld_incidenten", area, "2026 K1");
    assert_eq!(
        get("Zaanstad").unwrap(),
        "190;definitief;\"inclusief \"\"ernstige\"\" incidenten; telling 2 april\""
    );
    assert_eq!(get("Purmerend").unwrap(), "81;voorlopig;");
    assert_eq!(get("Edam-Volendam").unwrap(), "1034;definitief;");
    assert_eq!(
        get("Landsmeer").unwrap(),
        ";afgeschermd;door leverancier afgeschermd"
    );
    assert_eq!(get("Oostzaan").unwrap(), ";niet geleverd;");
    let batches = run(&store.path, &["batches"]).stdout;
    assert!(batches.contains("\thandmatige import\t5\t"), "{batches}");
    assert!(
        batches.contains("\tPolitie ZaWa\texcel-nl.csv\tactief"),
        "{batches}"
    );
}

#[test]
fn separators_encodings_and_units_are_recognised() {
    let store = temp_store();
    for file in ["comma.csv", "tabs.csv", "windows-1252.csv"] {
        let out = run(&store.path, &["import", &import_fixture(file)]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
    }
    let get = |indicator: &str, area: &str, period: &str| {
        exported(&store.path, indicator, area, period).unwrap()
    };
    assert_eq!(
        get(
            "zvh_aanmeldingen_binnen_twee_weken",
            "Zaanstreek-Waterland",
            "2026 K1"
        ),
        "84,5;definitief;"
    );
    assert_eq!(
        get("gemeentelijke_bijdrage_zvh", "Zaanstad", "2026"),
        "143100;definitief;"
    );
    assert_eq!(
        get("gemeentelijke_bijdrage_zvh", "Purmerend", "2026"),
        "83300;definitief;"
    );
    assert_eq!(
        get("zvh_aanmeldingen", "Zaanstad", "2026 K1"),
        "31;definitief;"
    );
    assert_eq!(
        get("zvh_aanmeldingen", "Wormerland", "2026 K1"),
        ";afgeschermd;"
    );
    assert_eq!(
        get("zvh_aanmeldingen", "Waterland", "2026 K1"),
        ";niet geleverd;"
    );
    assert_eq!(
        get("wmo_clienten", "Zaanstad", "2026 H1"),
        "10890;definitief;Cliënten met één of meer voorzieningen"
    );
}

#[test]
fn the_wide_layout_is_read_from_csv_with_the_indicator_above_the_table() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["import", &import_fixture("breed-zvh_aanmeldingen.csv")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("15 waarden (breed formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 lege waarde overgeslagen (rij 6)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("rij 11, kolom 2025 K4: regiowaarde 67 voor zvh_aanmeldingen in 2025 K4 wijkt af van de som van de gemeenten (66)"), "{}", out.stdout);
    let get = |area: &str, period: &str| exported(&store.path, "zvh_aanmeldingen", area, period);
    assert_eq!(get("Zaanstad", "2026 K1").unwrap(), "33;definitief;");
    assert_eq!(get("Landsmeer", "2026 K1").unwrap(), ";afgeschermd;");
    assert_eq!(
        get("Oostzaan", "2026 K1"),
        None,
        "an empty cell is no delivery"
    );
}

#[test]
fn xlsx_sheets_give_numbers_dates_and_cached_formula_values() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["import", &import_fixture("zvh-kwartaal.xlsx")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("werkblad 'Dossiers': 4 waarden (lang formaat)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("werkblad 'zvh_aanmeldingen': 16 waarden (breed formaat)")
    );
    assert!(
        out.stdout
            .contains("werkblad 'Toelichting': werkblad overgeslagen")
    );
    assert!(
        out.stdout
            .contains("werkblad 'zvh_aanmeldingen', rij 7, kolom B (2025 K4): vervangt 23 door 17"),
        "{}",
        out.stdout
    );
    let dossiers = |area: &str| {
        exported(
            &store.path,
            "zvh_dossiers_in_behandeling",
            area,
            "2026-01-01",
        )
        .unwrap()
    };
    assert_eq!(dossiers("Zaanstad"), "51;definitief;");
    assert_eq!(dossiers("Zaanstreek-Waterland"), "95;definitief;");
    assert_eq!(
        exported(
            &store.path,
            "zvh_aanmeldingen",
            "Zaanstreek-Waterland",
            "2026 K1"
        )
        .unwrap(),
        "73;definitief;"
    );
}

#[test]
fn ods_sheets_are_read() {
    let store = temp_store();
    let out = run(
        &store.path,
        &["import", &import_fixture("veilig-thuis.ods")],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        exported(
            &store.path,
            "veilig_thuis_meldingen",
            "Purmerend",
            "2026 K1"
        )
        .unwrap(),
        "84;definitief;"
    );
    assert_eq!(
        exported(
            &store.path,
            "zvh_dossiers_in_behandeling",
            "Waterland",
            "2026-01-01"
        )
        .unwrap(),
        "7;definitief;"
    );
}

/// Large files are read on every core, in parts: what the user sees must not show the seams.
#[test]
fn a_large_file_is_checked_in_parts_with_rows_numbered_as_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    // 8 indicators × 8 areas × 1,000 months: 64,000 rows, about 2 MB.
    let (indicators, csv) = support::synthetic::write_delivery(dir.path(), 8, 1000);
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert_eq!(lines.len(), 64_001);
    lines[2] = lines[2].replace("Landsmeer", "Landsmeerr");
    lines[62_999] = format!("{};veel", lines[62_999].rsplit_once(';').unwrap().0);
    lines.push(lines[1].replace(";0", ";7"));
    std::fs::write(&csv, lines.join("\r\n")).unwrap();
    let db = dir.path().join("regio.sqlite");

    let out = support::regio_with_indicators(&db, &indicators)
        .args(["import", csv.to_str().unwrap()])
        .output()
        .unwrap();
    let file = csv.display();
    let expected = [
        format!(
            "{file}, rij 3, kolom gebied: onbekend gebied 'Landsmeerr'; bedoelt u 'Landsmeer'?"
        ),
        format!(
            "{file}, rij 63000, kolom waarde: 'veel' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5"
        ),
        format!(
            "{file}, rij 64002, kolom waarde: synthetisch_000 voor Edam-Volendam in januari 1990 staat al eerder in het bestand (rij 2)"
        ),
        "3 problemen gevonden; er is niets gewijzigd.".to_string(),
    ];
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .lines()
            .collect::<Vec<_>>(),
        expected
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn rows_are_numbered_as_in_the_file_whatever_the_line_ends() {
    let store = temp_store();
    for (name, end) in [
        ("windows.csv", "\r\n"),
        ("mac.csv", "\r"),
        ("unix.csv", "\n"),
    ] {
        let file = store.path.with_file_name(name);
        let lines = [
            "indicator;gebied;periode;waarde",
            "zvh_aanmeldingen;Zaanstad;2026 K1;5",
            "zvh_aanmeldingen;Zaandstad;2026 K1;5",
        ];
        std::fs::write(&file, lines.join(end) + end).unwrap();
        let out = run(&store.path, &["import", file.to_str().unwrap()]);
        assert_eq!(
            out.stderr.lines().next(),
            Some(
                format!(
                    "{}, rij 3, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?",
                    file.display()
                )
                .as_str()
            ),
            "{name}"
        );
    }
}

/// The same text as UTF-16 with the given byte order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

/// Excel's "Opslaan als Unicode-tekst" writes UTF-16LE with a BOM, tab-separated, CRLF; it must read
/// exactly as the same text in UTF-8, and so must UTF-16BE.
#[test]
fn excel_unicode_text_reads_as_its_utf8_equivalent() {
    let fixture = std::fs::read(import_fixture("unicode-tekst.txt")).unwrap();
    let units: Vec<u16> = fixture[2..]
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    let mut exports = Vec::new();
    for (name, bytes) in [
        ("unicode-tekst.txt", fixture.clone()),
        ("utf-8.txt", text.clone().into_bytes()),
        ("utf-16be.txt", utf16(&text, true)),
    ] {
        let store = temp_store();
        let file = store.path.with_file_name(name);
        std::fs::write(&file, bytes).unwrap();
        let out = run(&store.path, &["import", file.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert!(
            out.stdout.contains("4 waarden (lang formaat)"),
            "{name}: {}",
            out.stdout
        );
        let get = |area: &str| exported(&store.path, "wmo_clienten", area, "2026 H1").unwrap();
        assert_eq!(
            get("Zaanstad"),
            "10890;definitief;Cliënten met één of meer voorzieningen"
        );
        assert_eq!(
            get("Purmerend"),
            "4321;definitief;\"telling \"\"na correctie\"\" – 3 juli\""
        );
        assert_eq!(get("Edam-Volendam"), "1034;definitief;Zoë’s team ✓ 😀");
        assert_eq!(get("Landsmeer"), ";afgeschermd;");
        exports.push(export_all(&store.path));
    }
    assert_eq!(exports[0], exports[1]);
    assert_eq!(exports[0], exports[2]);
}

#[test]
fn a_utf16_file_names_rows_and_columns_as_in_the_file() {
    let store = temp_store();
    let lines = [
        "Aanlevering ZVH 😀\t\t\t",
        "indicator\tgebied\tperiode\twaarde",
        "zvh_aanmeldingen\tZaanstad\t2026 K1\t5",
        "zvh_aanmeldingen\tZaandstad\t2026 K1\t5",
        "zvh_aanmeldingen\tOostzaan\t2026 K1\tveel",
    ];
    for (name, big_endian) in [("le.txt", false), ("be.txt", true)] {
        let file = store.path.with_file_name(name);
        std::fs::write(&file, utf16(&(lines.join("\r\n") + "\r\n"), big_endian)).unwrap();
        let before = export_all(&store.path);
        let out = run(&store.path, &["import", file.to_str().unwrap()]);
        assert_eq!(out.code, 1, "{name}");
        let file = file.display();
        assert_eq!(
            out.stderr.lines().collect::<Vec<_>>(),
            [
                format!(
                    "{file}, rij 4, kolom gebied: onbekend gebied 'Zaandstad'; bedoelt u 'Zaanstad'?"
                ),
                format!(
                    "{file}, rij 5, kolom waarde: 'veel' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5"
                ),
                "2 problemen gevonden; er is niets gewijzigd.".to_string(),
            ],
            "{name}"
        );
        assert_eq!(export_all(&store.path), before);
    }
}

/// Cut off mid-character, or with half a surrogate pair: refused, naming file and line, not read
/// with a replacement character.
#[test]
fn damaged_utf16_is_refused_naming_the_file() {
    let store = temp_store();
    let text = "indicator\tgebied\tperiode\twaarde\r\nzvh_aanmeldingen\tZaanstad\t2026 K1\t5\r\n";
    let file = store.path.with_file_name("afgebroken.txt");
    let mut cut = utf16(text, false);
    cut.pop();
    std::fs::write(&file, cut).unwrap();
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "{}: het bestand is Unicode-tekst (UTF-16), maar houdt op midden in een teken",
            file.display()
        )),
        "{}",
        out.stderr
    );
    let file = store.path.with_file_name("half-teken.txt");
    let mut bytes = utf16(text, false);
    bytes.extend([0x3D, 0xD8]);
    bytes.extend(&utf16("\r\n", false)[2..]);
    std::fs::write(&file, bytes).unwrap();
    let out = run(&store.path, &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "{}: regel 3 is geen geldige Unicode-tekst (UTF-16)",
            file.display()
        )),
        "{}",
        out.stderr
    );
}
