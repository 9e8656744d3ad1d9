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
