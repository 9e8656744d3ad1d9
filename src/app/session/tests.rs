//! The session without a window: what each command reads, and what it says when it cannot be done.

use std::sync::Arc;

use super::{
    CatalogCommand, Command, IndicatorEditor, Request, Screen, Session, Settings, TextCommand,
};
use crate::app::{AppError, OpenOptions, Workspace};
use crate::domain::Period;

fn session_on(db: &std::path::Path) -> Session {
    let options = OpenOptions {
        db: db.into(),
        indicators: None,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
    };
    let opened = Workspace::open(&options);
    Session::new(
        opened,
        Settings::default(),
        options,
        // Nothing listens on the discard port: a fetch fails at once.
        "http://127.0.0.1:9".to_string(),
        Arc::new(|| {}),
    )
}

/// Polls until `done` holds, as the window does every frame; fails after a minute.
fn poll_until(session: &mut Session, done: impl Fn(&Session) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !done(session) {
        assert!(std::time::Instant::now() < deadline, "the job never ended");
        std::thread::sleep(std::time::Duration::from_millis(10));
        session.poll();
    }
}

#[test]
fn commands_that_only_change_the_view_read_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    let opened = session.reads();
    assert_eq!(opened.dashboard, 1);
    let gemeente = crate::catalog::zawa().from_code("GM0415").unwrap();
    for command in [
        Command::Dark(true),
        Command::Dark(false),
        Command::PickGemeente(gemeente),
        Command::OpenIndicator("veilig_thuis_meldingen".to_string()),
        Command::Show(Screen::Verhalen),
        Command::Show(Screen::Strategisch),
        Command::CancelLink,
        Command::Tell(Ok("Grafiek gekopieerd".to_string())),
        Command::Text(TextCommand::NewStory),
        Command::Text(TextCommand::CancelRemoval),
    ] {
        session.handle(command);
    }
    session.poll();
    assert_eq!(session.reads(), opened);
    assert!(session.view().settings.screen == Screen::Strategisch);
    assert_eq!(session.view().gemeente(), gemeente);

    // A screen that shows more than the dashboard reads only that.
    session.handle(Command::Show(Screen::Gegevens));
    assert_eq!(session.reads().dashboard, 1);
    assert_eq!(session.reads().views, opened.views + 1);
    // Another period changes the figures: the dashboard is read again, once.
    session.handle(Command::PickPeriod(Period::Quarter(2024, 4)));
    assert_eq!(session.reads().dashboard, 2);
    let dashboard = session.view().state.as_ref().unwrap();
    assert_eq!(dashboard.period, Period::Quarter(2024, 4));
}

#[test]
fn the_theme_changes_also_when_no_store_could_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let options = OpenOptions {
        db: dir.path().join("regio.sqlite").into(),
        indicators: None,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()),
    };
    let refused = Err(AppError::Refused("kapot".to_string()));
    let mut session = Session::new(
        refused,
        Settings::default(),
        options,
        String::new(),
        Arc::new(|| {}),
    );
    session.handle(Command::Dark(true));
    assert!(session.view().settings.dark);
    session.handle(Command::Undo(crate::domain::BatchId(1)));
    let message = session.view().message.clone().unwrap().unwrap_err();
    assert!(message.contains("Er is geen database geopend"), "{message}");
}

#[test]
fn a_second_fetch_while_one_runs_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    session.handle(Command::StartFetch);
    assert!(session.view().fetching.is_some());
    session.handle(Command::StartFetch);
    assert_eq!(
        session.view().message,
        Some(Err(
            "Er worden al open data opgehaald; wacht tot dat klaar is, of kies Afbreken.".into()
        ))
    );
    poll_until(&mut session, |s| s.view().fetching.is_none());
    // The first one ran to its end: nobody listens at the address, which it says.
    let message = session.view().message.clone().unwrap().unwrap_err();
    assert!(!message.contains("al open data"), "{message}");
}

#[test]
fn a_second_table_description_while_one_is_asked_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    session.handle(Command::DescribeCbsTable("82015NED".to_string()));
    session.handle(Command::DescribeCbsTable("83648NED".to_string()));
    assert_eq!(
        session.view().message,
        Some(Err(
            "Er wordt al een tabelbeschrijving bij het CBS opgevraagd; wacht tot die er is.".into()
        ))
    );
    // The first one is shown when it ends: nobody listens at the address, which it says.
    poll_until(&mut session, |s| {
        s.view()
            .cbs_table
            .as_ref()
            .is_some_and(|t| t.text.is_some())
    });
    let shown = session.view().cbs_table.as_ref().unwrap();
    assert_eq!(shown.table, "82015NED");
    assert!(shown.text.as_ref().unwrap().is_err());
}

#[test]
fn after_an_import_the_dashboard_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    let csv = "indicator,gebied,periode,waarde\nveilig_thuis_meldingen,Zaanstad,2026 K1,12\n";
    let files = vec![Ok(("kwartaal.csv".to_string(), csv.as_bytes().to_vec()))];
    session.handle(Command::Preview(files));
    poll_until(&mut session, |s| s.view().pending.is_some());
    session.handle(Command::CommitImport);
    let before = session.reads().dashboard;
    poll_until(&mut session, |s| s.view().import.is_none());
    for _ in 0..3 {
        session.poll();
    }
    assert_eq!(session.reads().dashboard, before + 1);
    let message = session.view().message.clone().unwrap().unwrap();
    assert!(
        message.starts_with("kwartaal.csv: opgeslagen als batch"),
        "{message}"
    );
}

#[test]
fn dialogs_and_links_are_asked_of_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    assert_eq!(
        session.handle(Command::PickFiles),
        Some(Request::PickImportFiles)
    );
    // The template is for the period the Gegevens screen shows.
    assert_eq!(
        session.handle(Command::SaveTemplate(None, crate::app::TemplateFormat::Csv)),
        None
    );
    session.handle(Command::Show(Screen::Gegevens));
    let period = session.view().data.as_ref().unwrap().period;
    assert_eq!(
        session.handle(Command::SaveTemplate(
            Some("GGZ".into()),
            crate::app::TemplateFormat::Csv
        )),
        Some(Request::SaveTemplate(crate::app::TemplateFor {
            period,
            supplier: Some("GGZ".into()),
            format: crate::app::TemplateFormat::Csv
        }))
    );
    let url = crate::domain::WebUrl::parse("https://example.org/verhaal").unwrap();
    session.handle(Command::AskOpenLink("Een verhaal".into(), url.clone()));
    assert_eq!(
        session.handle(Command::OpenLink),
        Some(Request::OpenUrl(url))
    );
    assert!(session.view().pending_link.is_none());
}

#[test]
fn a_new_indicator_under_an_existing_id_is_refused_at_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    session.handle(Command::Show(Screen::Indicatoren));
    session.handle(Command::Catalog(CatalogCommand::New));
    let form = session.forms.indicator.as_mut().unwrap();
    *form = IndicatorEditor {
        editing: None,
        name: "Tweede aanmeldingen".to_string(),
        ..IndicatorEditor::edit(
            session
                .workspace
                .as_ref()
                .unwrap()
                .catalog()
                .get("zvh_aanmeldingen")
                .unwrap(),
        )
    };
    session.handle(Command::Catalog(CatalogCommand::Save));
    let form = session.forms.indicator.as_ref().unwrap();
    assert_eq!(
        form.errors_at("id"),
        ["'zvh_aanmeldingen' bestaat al; kies een ander id of bewerk die indicator"]
    );
    let shown = session.view().indicatoren.as_ref().unwrap();
    let entry = shown
        .entries
        .iter()
        .find(|e| e.indicator.id == "zvh_aanmeldingen")
        .unwrap();
    assert_eq!(
        (entry.version, entry.indicator.name.as_str()),
        (1, "Aanmeldingen ZVH")
    );
}

#[test]
fn a_retired_indicator_can_no_longer_be_edited() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = session_on(&dir.path().join("regio.sqlite"));
    session.handle(Command::Show(Screen::Indicatoren));
    session.handle(Command::Catalog(CatalogCommand::Retire(
        "zvh_aanmeldingen".into(),
    )));
    session.handle(Command::Catalog(CatalogCommand::ConfirmRetire));
    assert!(session.view().retiring.is_none());
    session.handle(Command::Catalog(CatalogCommand::Edit(
        "zvh_aanmeldingen".into(),
    )));
    assert!(session.forms.indicator.is_none());
    assert_eq!(
        session.view().message,
        Some(Err(
            "Indicator 'Aanmeldingen ZVH' is ingetrokken en kan niet meer bewerkt worden.".into()
        ))
    );
}
