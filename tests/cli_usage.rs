//! The command line speaks Dutch, also in clap's own texts (usage, help headings, usage errors), and
//! shows text from files and the store without letting it steer the terminal.

mod support;

use support::{import_fixture, run, temp_store};

fn regio(args: &[&str]) -> support::Run {
    support::finish(support::regio().args(args))
}

const ENGLISH: [&str; 9] = [
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print",
    "[OPTIONS]",
    "error:",
    "help",
    "For more",
];

fn assert_dutch(text: &str) {
    for word in ENGLISH {
        // `--help` is the flag's own name; any other "help" is English text.
        let without_flag = text.replace("--help", "");
        assert!(!without_flag.contains(word), "'{word}' in:\n{text}");
    }
}

#[test]
fn help_is_in_dutch_for_the_program_and_each_command() {
    let help = regio(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout
            .contains("Gebruik: regio-in-beeld [OPTIES] [OPDRACHT]"),
        "{}",
        help.stdout
    );
    for heading in [
        "Opdrachten:",
        "Opties:",
        "Toon deze uitleg",
        "Toon het versienummer",
    ] {
        assert!(help.stdout.contains(heading), "{heading}:\n{}", help.stdout);
    }
    assert!(help.stdout.contains("--first-frame"));
    assert_dutch(&help.stdout);

    assert_eq!(regio(&["help"]).stdout, help.stdout, "help as a command");
    let import = regio(&["import", "--help"]);
    assert_eq!(regio(&["help", "import"]).stdout, import.stdout);
    assert_eq!(import.code, 0);
    assert!(import.stdout.contains("Argumenten:"), "{}", import.stdout);
    assert!(
        import
            .stdout
            .contains("Eén of meer bestanden; ze worden samen gecontroleerd"),
        "{}",
        import.stdout
    );
    assert_dutch(&import.stdout);
    for command in ["report", "template", "events", "notes", "export", "fetch"] {
        let help = regio(&[command, "--help"]);
        assert_eq!(help.code, 0, "{command}");
        assert_dutch(&help.stdout);
    }
}

#[test]
fn usage_errors_are_told_in_dutch_with_the_usage_and_exit_2() {
    let cases: [(&[&str], &str); 6] = [
        (&["batches", "--foo"], "fout: onbekende optie '--foo'"),
        (
            &["importeer"],
            "fout: onbekende opdracht 'importeer'; bedoelt u 'export', 'report' of 'import'?",
        ),
        (
            &["template", "--out", "x.csv"],
            "fout: ontbreekt: --period <PERIODE>",
        ),
        (
            &["export", "--format", "xml"],
            "fout: 'xml' is geen geldige waarde voor --format <FORMAT>; kies uit: csv, json",
        ),
        (
            &["undo", "abc"],
            "fout: 'abc' is geen geldige waarde voor <BATCH_ID>",
        ),
        (
            &["report", "--bo"],
            "fout: --bo <DATUM> heeft een waarde nodig",
        ),
    ];
    for (args, first_line) in cases {
        let out = regio(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert_eq!(
            out.stderr.lines().next(),
            Some(first_line),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("\nGebruik: regio-in-beeld"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("Meer uitleg: regio-in-beeld"),
            "{}",
            out.stderr
        );
        assert_dutch(&out.stderr);
    }
}

#[test]
fn a_file_name_with_a_tab_or_an_escape_does_not_break_the_batches_table() {
    let store = temp_store();
    let name = store.path.with_file_name("kwar\ttaal\n\u{1b}[31mrood.csv");
    std::fs::copy(import_fixture("excel-nl.csv"), &name).unwrap();
    let imported = run(&store.path, &["import", name.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(!imported.stdout.contains('\u{1b}'), "{}", imported.stdout);

    let batches = run(&store.path, &["batches"]);
    assert!(!batches.stdout.contains('\u{1b}'));
    let rows: Vec<&str> = batches.stdout.lines().collect();
    assert_eq!(
        rows.len(),
        3,
        "header, demo and the import:\n{}",
        batches.stdout
    );
    assert!(
        rows.iter().all(|row| row.split('\t').count() == 7),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("kwar\\u{0009}taal\\u{000A}\\u{001B}[31mrood.csv"),
        "newest first: {}",
        rows[1]
    );
}

#[test]
fn without_a_display_the_window_says_so_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let output = support::regio()
        .arg("--db")
        .arg(dir.path().join("regio.sqlite"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("Het venster kan niet geopend worden: er is geen grafische omgeving"),
        "{stderr}"
    );
    assert!(!stderr.contains(".rs"), "no source path: {stderr}");
    assert!(!stderr.contains('/'), "no path at all: {stderr}");
}

#[test]
fn the_version_is_shown_with_the_long_and_the_short_flag() {
    for flag in ["--version", "-V"] {
        let out = regio(&[flag]);
        assert_eq!(out.code, 0, "{flag}");
        assert_eq!(
            out.stdout.trim(),
            format!("regio-in-beeld {}", env!("CARGO_PKG_VERSION")),
            "{flag}"
        );
    }
}
