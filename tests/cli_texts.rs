//! `notes export|import` and `stories export|import` as scripts use them.

mod support;

use support::{run, temp_store};

#[test]
fn notes_and_stories_go_out_as_json_and_come_back_in_once() {
    let source = temp_store();
    let notes = run(&source.path, &["notes", "export"]);
    assert_eq!(notes.code, 0, "{}", notes.stderr);
    let stories = run(&source.path, &["stories", "export"]);
    assert!(
        stories
            .stdout
            .contains("\"url\": \"https://www.example.org/verhalen/terug-in-de-wijk\"")
    );

    let target = temp_store();
    let notes_file = target.path.with_file_name("duiding.json");
    let extra = notes.stdout.replacen(
        "\"tekst\": \"De meldingen bij Veilig Thuis",
        "\"tekst\": \"Na het BO: de meldingen bij Veilig Thuis",
        1,
    );
    std::fs::write(&notes_file, &extra).unwrap();
    let first = run(
        &target.path,
        &["notes", "import", notes_file.to_str().unwrap()],
    );
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(
        first.stdout,
        format!("{}: 1 duidingen toegevoegd\n", notes_file.display())
    );
    let again = run(
        &target.path,
        &["notes", "import", notes_file.to_str().unwrap()],
    );
    assert_eq!(
        again.stdout,
        format!("{}: 0 duidingen toegevoegd\n", notes_file.display())
    );
}

#[test]
fn a_story_with_a_script_link_is_refused_and_nothing_is_added() {
    let store = temp_store();
    let before = run(&store.path, &["stories", "export"]).stdout;
    let file = store.path.with_file_name("verhalen.json");
    std::fs::write(
        &file,
        r#"[{"titel": "Klik hier", "samenvatting": "", "soort": "video", "url": "javascript:alert(1)"}]"#,
    )
    .unwrap();
    let refused = run(&store.path, &["stories", "import", file.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains(
        "verhaal 1: ongeldige link 'javascript:alert(1)': alleen http- en https-links zijn toegestaan"
    ), "{}", refused.stderr);
    assert_eq!(run(&store.path, &["stories", "export"]).stdout, before);
}

/// Writes `json` to `name` next to the store, with a UTF-8 byte order mark as Notepad saves it.
fn with_bom(store: &support::TempStore, name: &str, json: &str) -> std::path::PathBuf {
    let file = store.path.with_file_name(name);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(json.as_bytes());
    std::fs::write(&file, bytes).unwrap();
    file
}

#[test]
fn a_notes_file_with_a_byte_order_mark_is_read() {
    let store = temp_store();
    let file = with_bom(
        &store,
        "duiding.json",
        r#"[{"indicator": "veilig_thuis_meldingen", "bo_datum": "2026-04-09",
             "auteur": "Marieke", "status": "concept", "tekst": "Na het BO."}]"#,
    );
    let imported = run(&store.path, &["notes", "import", file.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(imported.stdout.ends_with(": 1 duidingen toegevoegd\n"));
    let stories = with_bom(
        &store,
        "verhalen.json",
        &run(&store.path, &["stories", "export"]).stdout,
    );
    let again = run(
        &store.path,
        &["stories", "import", stories.to_str().unwrap()],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.ends_with(": 0 verhalen toegevoegd\n"));
}

#[test]
fn every_problem_of_every_note_is_named_with_file_and_record() {
    let store = temp_store();
    let before = run(&store.path, &["notes", "export"]).stdout;
    let file = with_bom(
        &store,
        "duiding.json",
        r#"[
            {"indicator": "veilig_thuis_meldingen", "bo_datum": "2026-04-09",
             "auteur": "Marieke", "status": "concept", "tekst": "Goed."},
            {"indicator": "bestaat_niet", "bo_datum": "31-2-2026", "auteur": "Jeroen",
             "status": "klaar", "tekst": "bel\u0007", "kleur": "rood"},
            {"indicator": "veilig_thuis_meldingen", "gebied": 3, "bo_datum": "2026-04-09",
             "auteur": 5, "status": "concept", "status": "concept"},
            42,
            {"indicator": "veilig_thuis_meldingen", "gebied": "Zaanstad", "periode": "2025 K9",
             "bo_datum": "2026-04-09", "auteur": "\u001b[2J", "status": "concept", "tekst": " "}
        ]"#,
    );
    let refused = run(&store.path, &["notes", "import", file.to_str().unwrap()]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    let f = file.display();
    let expected = [
        format!(
            "{f}, duiding 2: onbekend veld 'kleur'; bekende velden: indicator, gebied, periode, bo_datum, auteur, status, tekst"
        ),
        format!(
            "{f}, duiding 2: onbekende indicator 'bestaat_niet'; zie regio-in-beeld check voor de lijst"
        ),
        format!("{f}, duiding 2: onbekende BO-datum '31-2-2026'"),
        format!("{f}, duiding 2: onbekende status 'klaar' (concept of definitief)"),
        format!("{f}, duiding 2: tekst bevat een stuurteken (U+0007) in veld 'tekst'"),
        format!("{f}, duiding 3: veld 'gebied' moet een tekst (of null) zijn, maar is een getal"),
        format!("{f}, duiding 3: veld 'auteur' moet een tekst zijn, maar is een getal"),
        format!("{f}, duiding 3: veld 'status' staat er twee keer in"),
        format!("{f}, duiding 3: veld 'tekst' ontbreekt"),
        format!("{f}, duiding 4: verwacht een object {{ … }} met velden, maar dit is een getal"),
        format!("{f}, duiding 5: onbekende periode '2025 K9'"),
        format!("{f}, duiding 5: tekst bevat een stuurteken (U+001B) in veld 'auteur'"),
        format!("{f}, duiding 5: tekst ontbreekt"),
        "er is niets ingelezen".to_string(),
    ];
    assert_eq!(refused.stderr, expected.join("\n") + "\n");
    assert_eq!(run(&store.path, &["notes", "export"]).stdout, before);
}

#[test]
fn every_problem_of_every_story_is_named_with_file_and_record() {
    let store = temp_store();
    let before = run(&store.path, &["stories", "export"]).stdout;
    let file = store.path.with_file_name("verhalen.json");
    std::fs::write(
        &file,
        r#"[
            {"titel": "Ti\u0007tel", "samenvatting": "Sa\u0000men", "soort": "podcast",
             "url": "https://-/", "themas": ["verzonnen"], "indicatoren": ["bestaat_niet"],
             "gebied": "Atlantis"},
            {"titel": "Goed", "samenvatting": "", "soort": "video",
             "url": "https://a.nl:80:80/", "themas": "mensenhandel", "indicatoren": [1]},
            {"titel": "Omgekeerd", "samenvatting": "", "soort": "video",
             "url": "https://example.org/\u202Egpj.exe"}
        ]"#,
    )
    .unwrap();
    let refused = run(&store.path, &["stories", "import", file.to_str().unwrap()]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    let f = file.display();
    let lines: Vec<&str> = refused.stderr.lines().collect();
    let first: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with(&format!("{f}, verhaal 1: ")))
        .collect();
    assert_eq!(first.len(), 7, "{}", refused.stderr);
    for part in [
        "tekst bevat een stuurteken (U+0007) in veld 'titel'",
        "tekst bevat een stuurteken (U+0000) in veld 'samenvatting'",
        "onbekende soort 'podcast'",
        "ongeldige link 'https://-/': de link noemt geen geldige website",
        "Atlantis",
        "onbekend thema 'verzonnen'",
        "onbekende indicator 'bestaat_niet'",
    ] {
        assert!(
            first.iter().any(|l| l.contains(part)),
            "{part}\n{}",
            refused.stderr
        );
    }
    for line in [
        format!("{f}, verhaal 2: veld 'themas' moet een lijst van teksten zijn, maar is een tekst"),
        format!(
            "{f}, verhaal 2: veld 'indicatoren' moet een lijst van teksten zijn, maar is een lijst met iets anders dan tekst"
        ),
        format!(
            "{f}, verhaal 3: ongeldige link 'https://example.org/\\u{{202E}}gpj.exe': een link bevat geen onzichtbare tekens of tekens die de leesrichting omdraaien (U+202E)"
        ),
    ] {
        assert!(lines.contains(&line.as_str()), "{line}\n{}", refused.stderr);
    }
    assert!(!refused.stderr.contains('\u{202E}'));
    assert_eq!(lines.last(), Some(&"er is niets ingelezen"));
    assert_eq!(run(&store.path, &["stories", "export"]).stdout, before);
}

/// The binary with `args` and `REGIO_USER` set to `user`.
fn run_as(db: &std::path::Path, user: &str, args: &[&str]) -> support::Run {
    support::finish(
        support::regio()
            .arg("--db")
            .arg(db)
            .args(args)
            .env("REGIO_USER", user),
    )
}

#[test]
fn a_user_name_with_a_control_character_is_refused() {
    let store = temp_store();
    let file = store.path.with_file_name("kwartaal.csv");
    std::fs::write(
        &file,
        "indicator;gebied;periode;waarde\nzvh_aanmeldingen;Zaanstad;2010 K1;12\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let before = run(&store.path, &["batches"]).stdout;
    let refused = run(&store.path, &["import", path, "--user", "Mar\u{7}ieke"]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert_eq!(
        refused.stderr,
        "tekst bevat een stuurteken (U+0007) in veld 'gebruiker'\n"
    );
    let from_env = run_as(&store.path, "\u{1b}]0;titel\u{7}", &["import", path]);
    assert_eq!(from_env.code, 1, "{}", from_env.stdout);
    assert_eq!(
        from_env.stderr,
        "tekst bevat een stuurteken (U+001B) in veld 'gebruiker'\n"
    );
    // Refused before anything is fetched: the address below answers nobody.
    let fetch = run(
        &store.path,
        &[
            "fetch",
            "--base-url",
            "http://127.0.0.1:9",
            "--user",
            "a\u{8}b",
        ],
    );
    assert_eq!(fetch.code, 1);
    assert_eq!(
        fetch.stderr,
        "tekst bevat een stuurteken (U+0008) in veld 'gebruiker'\n"
    );
    assert_eq!(run(&store.path, &["batches"]).stdout, before);
    let accepted = run_as(&store.path, "Marieke de Vries", &["import", path]);
    assert_eq!(accepted.code, 0, "{}", accepted.stderr);
}
