//! Duiding notes (write, edit, lock, reopen, history) and stories (links, themes), through the same
//! calls the window and the command line use.

use chrono::NaiveDate;
use regio_in_beeld::app::Workspace;
use regio_in_beeld::catalog::builtin_region;
use regio_in_beeld::domain::{NoteDraft, NoteStatus, StoryDraft, StoryKind, WebUrl};

#[macro_use]
mod support;

use support::backends::Backend;

on_both_backends!(
    a_note_is_written_edited_locked_and_reopened_with_its_history,
    a_note_needs_a_known_indicator_an_author_and_text,
    the_demo_store_holds_example_notes_and_stories_marked_as_demo,
    a_story_links_only_to_known_themes_and_indicators,
    notes_and_stories_move_between_stores_as_json_and_twice_changes_nothing,
    an_import_with_one_bad_record_adds_nothing_and_names_every_problem,
    typed_text_with_a_control_character_is_refused_with_the_field_named,
);

/// The demo store as it is early in 2026, whatever the date.
fn workspace(backend: &Backend) -> Workspace {
    backend.demo_workspace(support::TODAY)
}

fn draft(text: &str) -> NoteDraft {
    NoteDraft {
        indicator: "veilig_thuis_meldingen".to_string(),
        area: Some(builtin_region().parse("Zaanstad").unwrap()),
        period: None,
        bo_date: NaiveDate::from_ymd_opt(2026, 4, 9).unwrap(),
        author: "Marieke".to_string(),
        text: text.to_string(),
    }
}

fn a_note_is_written_edited_locked_and_reopened_with_its_history(backend: &Backend) {
    let mut workspace = workspace(backend);
    let id = workspace.add_note(&draft("Eerste versie.")).unwrap();
    workspace.edit_note(id, "Jeroen", "Tweede versie.").unwrap();

    let note = workspace
        .notes()
        .unwrap()
        .into_iter()
        .find(|n| n.id == id)
        .unwrap();
    assert_eq!(note.status, NoteStatus::Concept);
    assert_eq!(note.draft.text, "Tweede versie.");
    assert_eq!(note.draft.author, "Jeroen");
    assert!(!note.demo);

    workspace.finalize_note(id, "Jeroen").unwrap();
    let refused = workspace
        .edit_note(id, "Jeroen", "Stiekem aangepast.")
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        format!("duiding {} is definitief; heropen haar eerst", id.0)
    );
    assert!(workspace.finalize_note(id, "Jeroen").is_err());

    workspace.reopen_note(id, "Marieke").unwrap();
    workspace.edit_note(id, "Marieke", "Derde versie.").unwrap();
    let history: Vec<(String, NoteStatus, String)> = workspace
        .note_history(id)
        .unwrap()
        .into_iter()
        .map(|v| (v.author, v.status, v.text))
        .collect();
    assert_eq!(
        history,
        [
            (
                "Marieke".into(),
                NoteStatus::Concept,
                "Eerste versie.".into()
            ),
            (
                "Jeroen".into(),
                NoteStatus::Concept,
                "Tweede versie.".into()
            ),
            (
                "Jeroen".into(),
                NoteStatus::Definitief,
                "Tweede versie.".into()
            ),
            (
                "Marieke".into(),
                NoteStatus::Concept,
                "Tweede versie.".into()
            ),
        ]
    );
}

fn a_note_needs_a_known_indicator_an_author_and_text(backend: &Backend) {
    let mut workspace = workspace(backend);
    let before = workspace.notes().unwrap().len();
    let mut unknown = draft("Tekst.");
    unknown.indicator = "bestaat_niet".to_string();
    assert!(workspace.add_note(&unknown).is_err());
    assert_eq!(
        workspace.add_note(&draft("  ")).unwrap_err().to_string(),
        "tekst ontbreekt"
    );
    let mut anonymous = draft("Tekst.");
    anonymous.author = String::new();
    assert!(workspace.add_note(&anonymous).is_err());
    assert_eq!(workspace.notes().unwrap().len(), before);
}

fn the_demo_store_holds_example_notes_and_stories_marked_as_demo(backend: &Backend) {
    let workspace = workspace(backend);
    let notes = workspace.notes().unwrap();
    assert_eq!(notes.len(), 3);
    assert!(notes.iter().all(|n| n.demo));
    assert_eq!(
        notes
            .iter()
            .filter(|n| n.status == NoteStatus::Definitief)
            .count(),
        1
    );
    let stories = workspace.stories().unwrap();
    assert_eq!(stories.len(), 4);
    assert!(stories.iter().all(|s| s.demo));
    assert!(
        stories
            .iter()
            .all(|s| s.draft.url.host().ends_with("example.org"))
    );
    let beside_e33 = workspace
        .stories_for("verward_gedrag_meldingen_e33")
        .unwrap();
    assert_eq!(beside_e33.len(), 1);
    // Linked by theme: huiselijk geweld.
    let beside_huisverboden = workspace.stories_for("tijdelijk_huisverboden").unwrap();
    assert_eq!(beside_huisverboden[0].draft.title, "Eindelijk één plan");
}

fn a_story_links_only_to_known_themes_and_indicators(backend: &Backend) {
    let mut workspace = workspace(backend);
    let story = StoryDraft {
        title: "Een nieuw verhaal".to_string(),
        summary: "Samenvatting.".to_string(),
        kind: StoryKind::Ervaringsverhaal,
        url: WebUrl::parse("https://www.example.org/nieuw").unwrap(),
        themes: vec!["verzonnen-thema".to_string()],
        indicators: vec!["bestaat_niet".to_string()],
        area: None,
    };
    let refused = workspace.add_story(&story).unwrap_err().to_string();
    assert_eq!(
        refused,
        "onbekend thema 'verzonnen-thema'\nonbekende indicator 'bestaat_niet'"
    );
    let fixed = StoryDraft {
        themes: vec!["mensenhandel".to_string()],
        indicators: vec!["mensenhandel_signalen".to_string()],
        ..story
    };
    let id = workspace.add_story(&fixed).unwrap();
    assert_eq!(
        workspace.stories_for("mensenhandel_signalen").unwrap()[0].id,
        id
    );
    workspace.remove_story(id).unwrap();
    assert!(
        workspace
            .stories_for("mensenhandel_signalen")
            .unwrap()
            .is_empty()
    );
}

fn notes_and_stories_move_between_stores_as_json_and_twice_changes_nothing(backend: &Backend) {
    let source = workspace(backend);
    let notes = source.export_notes().unwrap();
    let stories = source.export_stories().unwrap();
    assert!(notes.contains("\"bo_datum\": \"2026-02-12\""), "{notes}");

    let b = backend.another();
    let mut target = workspace(&b);
    // The target has the demo set too: every record is already on record.
    assert_eq!(
        target
            .import_notes("duiding.json", notes.as_bytes())
            .unwrap(),
        0
    );
    let mut extra = source.notes().unwrap()[0].clone();
    extra.draft.text = "Aanvulling na het BO.".to_string();
    target.add_note(&extra.draft).unwrap();
    let with_extra = target.export_notes().unwrap();

    let c = backend.another();
    let mut third = workspace(&c);
    assert_eq!(
        third
            .import_notes("duiding.json", with_extra.as_bytes())
            .unwrap(),
        1
    );
    assert_eq!(
        third
            .import_notes("duiding.json", with_extra.as_bytes())
            .unwrap(),
        0
    );
    assert_eq!(third.export_notes().unwrap(), with_extra);
    assert_eq!(
        third
            .import_stories("verhalen.json", stories.as_bytes())
            .unwrap(),
        0
    );
}

fn an_import_with_one_bad_record_adds_nothing_and_names_every_problem(backend: &Backend) {
    let mut workspace = workspace(backend);
    let before = workspace.export_stories().unwrap();
    let json = r#"[
        {"titel": "Goed", "samenvatting": "", "soort": "video", "url": "https://example.org/a"},
        {"titel": "Fout", "samenvatting": "", "soort": "podcast", "url": "javascript:alert(1)"}
    ]"#;
    let refused = workspace
        .import_stories("verhalen.json", json.as_bytes())
        .unwrap_err()
        .to_string();
    assert_eq!(
        refused,
        "verhalen.json, verhaal 2: onbekende soort 'podcast' (video, klantreis of ervaringsverhaal)\n\
         verhalen.json, verhaal 2: ongeldige link 'javascript:alert(1)': alleen http- en https-links zijn toegestaan\n\
         er is niets ingelezen"
    );
    assert_eq!(workspace.export_stories().unwrap(), before);
    assert!(
        workspace
            .import_notes("duiding.json", b"{\"geen\": \"lijst\"}")
            .is_err()
    );
}

/// What the window sends (typed text) goes through the same checks as an import.
fn typed_text_with_a_control_character_is_refused_with_the_field_named(backend: &Backend) {
    use regio_in_beeld::domain::{EventDraft, EventKind, EventScope};
    let mut workspace = workspace(backend);
    let notes = workspace.notes().unwrap().len();
    assert_eq!(
        workspace
            .add_note(&draft("Regel\u{7} een"))
            .unwrap_err()
            .to_string(),
        "tekst bevat een stuurteken (U+0007) in veld 'tekst'"
    );
    let id = workspace.add_note(&draft("Twee\n\nalinea's.")).unwrap();
    assert_eq!(
        workspace
            .edit_note(id, "Jeroen\u{0}", "Nieuw.")
            .unwrap_err()
            .to_string(),
        "tekst bevat een stuurteken (U+0000) in veld 'auteur'"
    );
    assert_eq!(
        workspace
            .finalize_note(id, "Jeroen\u{1b}")
            .unwrap_err()
            .to_string(),
        "tekst bevat een stuurteken (U+001B) in veld 'auteur'"
    );
    assert_eq!(workspace.notes().unwrap().len(), notes + 1);

    let story = StoryDraft {
        title: "Titel\u{8}".to_string(),
        summary: "Samen\u{7f}vatting".to_string(),
        kind: StoryKind::Video,
        url: WebUrl::parse("https://www.example.org/nieuw").unwrap(),
        themes: vec![],
        indicators: vec![],
        area: None,
    };
    assert_eq!(
        workspace.add_story(&story).unwrap_err().to_string(),
        "tekst bevat een stuurteken (U+0008) in veld 'titel'\n\
         tekst bevat een stuurteken (U+007F) in veld 'samenvatting'"
    );
    let event = EventDraft {
        date: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        label: "Start".to_string(),
        kind: EventKind::Beleid,
        scope: EventScope::Indicator("bestaat_niet".to_string()),
        description: Some("\u{2}".to_string()),
    };
    assert_eq!(
        workspace.add_event(&event).unwrap_err().to_string(),
        "tekst bevat een stuurteken (U+0002) in veld 'omschrijving'\n\
         onbekende indicator 'bestaat_niet'; zie regio-in-beeld check voor de lijst"
    );
}
