//! The BO-pakket as PDF/A, as poppler's tools read it: every number and note of the HTML report is
//! in its text, shielded cells as `<5`, tagged, fonts embedded, PDF/A-2 claimed, the page count in
//! every footer, and no table row split across two pages.

#[macro_use]
mod support;

use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;
use support::backends::Backend;

/// Whether poppler's tools are here; without them the test says it skipped, except in CI.
fn poppler(test: &str) -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs {test}: pdftotext (poppler-utils) not found"
        );
        println!("overgeslagen (geen pdftotext, installeer poppler-utils): {test}");
    }
    found
}

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the HTML report shows in its tables and notes.
#[derive(Default)]
struct Html {
    /// Each row of a numbers table: area name and its cells.
    rows: Vec<Vec<String>>,
    /// Every cell of the overview table.
    overview: Vec<String>,
    /// Every paragraph of every duiding note.
    paragraphs: Vec<String>,
}

/// Reads the HTML back as XML and keeps the text of table cells and note paragraphs.
fn read_html(html: &str) -> Html {
    let mut reader = Reader::from_str(html.strip_prefix("<!DOCTYPE html>").unwrap());
    let mut found = Html::default();
    // (element, class) from the root down.
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut text = String::new();
    let mut row: Vec<String> = Vec::new();
    let inside = |stack: &[(String, String)], name: &str, class: &str| {
        stack.iter().any(|(n, c)| n == name && c == class)
    };
    loop {
        match reader.read_event().expect("well-formed markup") {
            Event::Start(start) => {
                let class = start
                    .attributes()
                    .filter_map(Result::ok)
                    .find(|a| a.key.as_ref() == "class")
                    .map(|a| a.value.to_string())
                    .unwrap_or_default();
                let name = start.name().as_ref().to_string();
                if name == "td" || name == "p" {
                    text.clear();
                }
                stack.push((name, class));
            }
            Event::Text(t) => {
                let t: &str = &t;
                text.push_str(t);
            }
            Event::GeneralRef(r) => {
                let name: &str = &r;
                text.push_str(match name {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "#39" => "'",
                    other => panic!("unknown entity &{other};"),
                });
            }
            Event::End(_) => {
                let (name, class) = stack.pop().unwrap();
                match name.as_str() {
                    "td" if inside(&stack, "table", "numbers") => row.push(text.clone()),
                    "td" if inside(&stack, "table", "overview") => {
                        found.overview.push(text.clone())
                    }
                    "tr" if inside(&stack, "table", "numbers") && !row.is_empty() => {
                        found.rows.push(std::mem::take(&mut row))
                    }
                    "p" if class.is_empty() && inside(&stack, "article", "note") => {
                        found.paragraphs.push(text.clone())
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// The text of the PDF's pages in drawing order, without the footer (page furniture that would
/// otherwise sit in the middle of a paragraph that continues on the next page).
fn page_texts(pdf: &str, pages: usize) -> Vec<String> {
    (1..=pages)
        .map(|page| {
            let page = page.to_string();
            let text = tool("pdftotext", &["-raw", "-f", &page, "-l", &page, pdf, "-"]);
            let kept: Vec<&str> = text.lines().filter(|l| !l.contains(" · BO ")).collect();
            normalised(&kept.join("\n"))
        })
        .collect()
}

#[test]
fn the_pdf_holds_every_number_and_note_of_the_html_report() {
    if !poppler("the_pdf_holds_every_number_and_note_of_the_html_report") {
        return;
    }
    let store = Backend::sqlite("the_pdf_holds_every_number_and_note_of_the_html_report");
    store.init_demo();
    let html_path = store.bo_pakket("bo.html");
    let pdf_path = store.bo_pakket("bo.pdf");
    let pdf = pdf_path.to_str().unwrap();
    let html = read_html(&std::fs::read_to_string(&html_path).unwrap());
    assert!(html.rows.len() > 60, "{} rows", html.rows.len());
    assert!(html.paragraphs.len() >= 3, "{:?}", html.paragraphs);

    let info = tool("pdfinfo", &[pdf]);
    assert!(
        info.lines().any(|l| normalised(l) == "Tagged: yes"),
        "{info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages > 12, "{pages} pages");
    let whole = tool("pdftotext", &["-raw", pdf, "-"]);
    // The expected range in words under E33's figure, as in the HTML, and in the chart's legend.
    assert!(
        whole.contains("verwacht 713–847: hoger dan verwacht, tweede kwartaal op rij"),
        "{whole}"
    );
    assert!(whole.contains("Verwacht bereik (95 %)"));
    let footers: Vec<&str> = whole.lines().filter(|l| l.contains(" · BO ")).collect();
    assert_eq!(footers.len(), pages);
    for (index, footer) in footers.iter().enumerate() {
        assert_eq!(
            *footer,
            format!(
                "Zaanstreek-Waterland · BO 12 februari 2026 Pagina {} van {pages}",
                index + 1
            )
        );
    }

    // Fonts: every one embedded.
    let fonts = tool("pdffonts", &[pdf]);
    let rows: Vec<Vec<&str>> = fonts
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        assert_eq!(row[row.len() - 5], "yes", "not embedded: {fonts}");
    }
    // The XMP metadata claims PDF/A-2 (and PDF/UA-1).
    let bytes = std::fs::read(&pdf_path).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>") || raw.contains("pdfaid:part=\"2\""),
        "no PDF/A-2 claim"
    );
    assert!(raw.contains("pdfuaid:part"));

    let texts = page_texts(pdf, pages);
    let all = texts.join(" ");
    // Every row of every numbers table on one page, area name and all its cells together.
    let mut shielded = 0;
    for row in &html.rows {
        let line = normalised(&row.join(" "));
        assert!(
            texts.iter().any(|page| page.contains(&line)),
            "row not whole on one page: {line}"
        );
        shielded += row.iter().filter(|c| *c == "<5").count();
    }
    assert!(shielded > 0, "a shielded cell is in the report");
    let tokens: Vec<&str> = all.split(' ').collect();
    for cell in html
        .overview
        .iter()
        .filter(|c| c.starts_with(|c: char| c.is_ascii_digit() || c == '<'))
    {
        let first = cell.split_whitespace().next().unwrap();
        assert!(tokens.contains(&first), "overview cell {cell}");
    }
    for paragraph in &html.paragraphs {
        assert!(
            all.contains(&normalised(paragraph)),
            "note paragraph missing: {paragraph}"
        );
    }
    // The table of contents names every indicator with its page.
    assert!(
        texts[0].contains("Inhoud Signalen 2 Strategisch overzicht 2"),
        "{}",
        texts[0]
    );
}

#[test]
fn a_report_that_is_neither_pdf_nor_html_is_refused() {
    let store = Backend::sqlite("a_report_that_is_neither_pdf_nor_html_is_refused");
    store.init_demo();
    let out = store.dir().join("bo.txt");
    let refused = store.run(&[
        "report",
        "--bo",
        "12-2-2026",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.code, 1);
    assert_eq!(
        refused.stderr,
        format!(
            "{}: het BO-pakket wordt een PDF (.pdf) of HTML (.html of .htm); kies een bestandsnaam die daarop eindigt\n",
            out.display()
        )
    );
    assert!(!out.exists());
}

#[test]
fn open_data_with_a_national_figure_is_shown_per_1000_beside_nederland() {
    let store =
        Backend::sqlite("open_data_with_a_national_figure_is_shown_per_1000_beside_nederland");
    store.init_demo();
    let server = support::cbs::all_tables_server();
    let fetched = store.run(&["fetch", "--base-url", &server.url()]);
    assert_eq!(fetched.code, 0, "{}", fetched.stderr);
    let html = std::fs::read_to_string(store.bo_pakket("bo.html")).unwrap();
    let page = html
        .split("<section class=\"page indicator\" id=\"indicator-geregistreerde_misdrijven\">")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(
        page.contains("-title\">Trend, per 1.000 inwoners: Edam-Volendam,"),
        "{page}"
    );
    assert!(page.contains("stroke-dasharray=\"6 4\"><title>Nederland</title>"));
    assert!(page.contains("<li class=\"reference\"><span class=\"swatch\" style=\"background:#8C93A0\"></span>Nederland</li>"));
    // The numbers table in the chart's unit, with Nederland as a row of its own.
    assert!(page.contains("</span>Nederland</th>"), "{page}");
    // An indicator of the region's own suppliers stays in counts.
    let e33 = html
        .split("id=\"indicator-verward_gedrag_meldingen_e33\">")
        .nth(1)
        .unwrap();
    assert!(e33.contains("-title\">Trend, aantal: "));
}
