//! What a user can ask of the window, as plain data. The drawing code sends these; `Session::handle`
//! is the one place they are carried out. Knows no egui.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CatalogCommand, DeliveryCommand};
use crate::app::{TemplateFor, TemplateFormat};
use crate::domain::{Area, BatchId, EventId, NoteId, Period, StoryId, WebUrl};
use crate::ingest::ImportProblem;

/// The layers and screens of the window, in the order of its tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Screen {
    Strategisch,
    Tactisch,
    Gemeenten,
    Gegevens,
    Duiding,
    Verhalen,
    Indicatoren,
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Strategisch,
        Screen::Tactisch,
        Screen::Gemeenten,
        Screen::Gegevens,
        Screen::Duiding,
        Screen::Verhalen,
        Screen::Indicatoren,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Screen::Strategisch => "Strategisch",
            Screen::Tactisch => "Tactisch",
            Screen::Gemeenten => "Gemeenten",
            Screen::Gegevens => "Gegevens",
            Screen::Duiding => "Duiding",
            Screen::Verhalen => "Verhalen",
            Screen::Indicatoren => "Indicatoren",
        }
    }
}

/// What the window remembers between sessions, besides its size and place: view choices only, never
/// data (that lives in the store).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub screen: Screen,
    /// The indicator of the tactical layer.
    pub indicator: Option<String>,
    /// CBS code of the gemeente of the Gemeenten layer.
    pub gemeente: String,
    pub per_1000: bool,
    pub dark: bool,
    pub zoom: f32,
    /// The BO of the Duiding screen (`2026-02-12`).
    pub bo: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            screen: Screen::Strategisch,
            indicator: None,
            gemeente: "GM0479".to_string(),
            per_1000: false,
            dark: false,
            zoom: 1.0,
            bo: None,
        }
    }
}

/// The outcome of the last action, in Dutch: `Ok` for a confirmation, `Err` for a refusal.
pub type Message = Result<String, String>;

/// Something the user asked to remove, waiting for "Ja, verwijderen".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Story(StoryId),
    Event(EventId),
}

/// Files as delivered: named, with their bytes, or why they could not be read.
pub type DeliveredFiles = Vec<Result<(String, Vec<u8>), ImportProblem>>;

/// One intent of the user.
#[derive(Debug)]
pub enum Command {
    /// Open a layer or screen.
    Show(Screen),
    /// The tactical layer of this indicator.
    OpenIndicator(String),
    PickGemeente(Area),
    PickPeriod(Period),
    Per1000(bool),
    Dark(bool),
    /// Show where a story's link goes and wait for "Openen in browser".
    AskOpenLink(String, WebUrl),
    OpenLink,
    CancelLink,
    /// A confirmation or refusal from the window itself (a dialog that failed, a picture copied).
    Tell(Message),
    Undo(BatchId),
    /// Files dropped on the window or chosen in the dialog: check them and show what an import
    /// would do.
    Preview(DeliveredFiles),
    CommitImport,
    DiscardImport,
    StartFetch,
    CancelFetch,
    /// Ask CBS what this table publishes (dimensions, categories, topics), shown beside the
    /// indicator whose source it is.
    DescribeCbsTable(String),
    HideCbsTable,
    /// Choose files to import in the system's dialog.
    PickFiles,
    /// Choose where to write the template of the Gegevens screen's period: for one supplier (as
    /// the catalog names it), or for every manual indicator.
    SaveTemplate(Option<String>, TemplateFormat),
    WriteTemplate(TemplateFor, PathBuf),
    /// Choose where to write the BO-pakket of the Duiding screen's BO.
    SaveReport,
    WriteReport(NaiveDate, PathBuf),
    WritePng(PathBuf, Vec<u8>),
    /// A note, story or event: written, changed, removed.
    Text(TextCommand),
    /// A definition of the catalog: chosen, written, changed, retired.
    Catalog(CatalogCommand),
    Delivery(DeliveryCommand),
}

impl Command {
    /// Whether carrying it out changes the store (or starts what would): refused in a publication
    /// before anything is read or asked.
    pub fn changes_store(&self) -> bool {
        match self {
            Command::Undo(_)
            | Command::Preview(_)
            | Command::CommitImport
            | Command::StartFetch => true,
            Command::Text(text) => matches!(
                text,
                TextCommand::WriteNote(_)
                    | TextCommand::NewNote
                    | TextCommand::EditNote(_)
                    | TextCommand::SaveNote
                    | TextCommand::FinalizeNote(_)
                    | TextCommand::ReopenNote(_)
                    | TextCommand::NewStory
                    | TextCommand::EditStory(_)
                    | TextCommand::SaveStory
                    | TextCommand::AddEvent(_)
                    | TextCommand::Remove(_)
                    | TextCommand::ConfirmRemoval
            ),
            Command::Catalog(catalog) => matches!(
                catalog,
                CatalogCommand::New
                    | CatalogCommand::Edit(_)
                    | CatalogCommand::Save
                    | CatalogCommand::Retire(_)
                    | CatalogCommand::ConfirmRetire
            ),
            _ => false,
        }
    }
}

/// The commands on the texts beside the figures: duiding notes, stories and events.
#[derive(Debug)]
pub enum TextCommand {
    /// The BO the Duiding screen is about.
    PickBo(NaiveDate),
    /// A BO date typed that is no date.
    BadBoDate(String),
    /// Write a note on this indicator: the Duiding screen with the form filled in.
    WriteNote(String),
    NewNote,
    EditNote(NoteId),
    SaveNote,
    FinalizeNote(NoteId),
    ReopenNote(NoteId),
    NewStory,
    EditStory(StoryId),
    SaveStory,
    /// Add the event of the form to the time axis of this indicator.
    AddEvent(String),
    /// Ask whether to remove this; nothing is removed yet.
    Remove(Removal),
    ConfirmRemoval,
    CancelRemoval,
}

/// What only the window can do, asked for by a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    OpenUrl(WebUrl),
    PickImportFiles,
    SaveTemplate(TemplateFor),
    SaveReport(NaiveDate),
    /// Put a text on the clipboard.
    CopyText(String),
    /// Open a `mailto:` link in the mail program.
    OpenMail(String),
}
