//! The commands on the texts beside the figures: duiding notes, stories and events, from their forms.
//! A removal is asked first and carried out on "Ja, verwijderen".

use super::handling::Reread;
use super::{EventEditor, Removal, Session, StoryEditor, TextCommand};
use crate::app::AppError;
use crate::domain::dutch_date;

impl Session {
    pub(super) fn handle_text(&mut self, command: TextCommand) -> Reread {
        let bo = self.view.bo();
        let author = self.forms.note.author.clone();
        match command {
            TextCommand::PickBo(date) => {
                self.view.settings.bo = Some(date.to_string());
                self.forms.note.other_bo.clear();
                Reread::Views
            }
            TextCommand::BadBoDate(text) => {
                self.view.message = Some(Err(format!(
                    "'{text}' is geen datum; schrijf bijvoorbeeld 12-2-2026"
                )));
                Reread::Nothing
            }
            TextCommand::WriteNote(indicator) => {
                self.forms.note.start(Some(indicator));
                self.show(super::Screen::Duiding)
            }
            TextCommand::NewNote => {
                self.forms.note.start(None);
                Reread::Nothing
            }
            TextCommand::EditNote(id) => {
                // From what is shown: starting to edit reads nothing.
                let shown = self.view.state.as_ref().ok();
                if let Some(note) = shown.and_then(|d| d.notes.iter().find(|n| n.id == id)) {
                    self.forms.note.edit(note);
                }
                Reread::Nothing
            }
            TextCommand::SaveNote => {
                let form = self.forms.note.clone();
                let saved = self.with_workspace(|workspace| match form.editing {
                    Some(id) => workspace.edit_note(id, &author, &form.text).map(|()| id),
                    None => workspace.add_note(&form.draft(bo)),
                });
                if saved.is_ok() {
                    self.forms.note.start(None);
                }
                self.tell(saved.map(|id| {
                    format!(
                        "Duiding {} opgeslagen voor het BO van {}.",
                        id.0,
                        dutch_date(bo)
                    )
                }))
            }
            TextCommand::FinalizeNote(id) => {
                let done = self.with_workspace(|workspace| workspace.finalize_note(id, &author));
                self.tell(done.map(|()| format!("Duiding {} is definitief en vergrendeld.", id.0)))
            }
            TextCommand::ReopenNote(id) => {
                let done = self.with_workspace(|workspace| workspace.reopen_note(id, &author));
                self.tell(done.map(|()| format!("Duiding {} is heropend als concept.", id.0)))
            }
            TextCommand::NewStory => {
                self.forms.story = StoryEditor::default();
                Reread::Nothing
            }
            TextCommand::EditStory(id) => {
                let shown = self.view.state.as_ref().ok();
                if let Some(story) = shown.and_then(|d| d.stories.iter().find(|s| s.id == id)) {
                    self.forms.story = StoryEditor::edit(story);
                }
                Reread::Nothing
            }
            TextCommand::SaveStory => {
                let editing = self.forms.story.editing;
                let saved = self
                    .forms
                    .story
                    .draft()
                    .map_err(AppError::Refused)
                    .and_then(|draft| {
                        self.with_workspace(|workspace| match editing {
                            Some(id) => workspace.update_story(id, &draft).map(|()| id),
                            None => workspace.add_story(&draft),
                        })
                        .map(|id| (id, draft.title))
                    });
                if saved.is_ok() {
                    self.forms.story = StoryEditor::default();
                }
                self.tell(
                    saved.map(|(id, title)| format!("Verhaal {} '{title}' is opgeslagen.", id.0)),
                )
            }
            TextCommand::AddEvent(indicator) => {
                let added = self
                    .forms
                    .event
                    .draft(&indicator)
                    .map_err(AppError::Refused)
                    .and_then(|draft| {
                        let id = self.with_workspace(|workspace| workspace.add_event(&draft))?;
                        Ok(format!(
                            "Gebeurtenis {} '{}' staat op de tijdas ({}).",
                            id.0,
                            draft.label,
                            dutch_date(draft.date)
                        ))
                    });
                if added.is_ok() {
                    self.forms.event = EventEditor::default();
                }
                self.tell(added)
            }
            TextCommand::Remove(removal) => {
                self.view.removal = Some(removal);
                Reread::Nothing
            }
            TextCommand::CancelRemoval => {
                self.view.removal = None;
                Reread::Nothing
            }
            TextCommand::ConfirmRemoval => match self.view.removal.take() {
                Some(Removal::Story(id)) => {
                    let title = self.story_title(id);
                    let removed = self.with_workspace(|workspace| workspace.remove_story(id));
                    self.tell(removed.map(|()| format!("Verhaal '{title}' is verwijderd.")))
                }
                Some(Removal::Event(id)) => {
                    let label = self.event_label(id);
                    let removed = self.with_workspace(|workspace| workspace.remove_event(id));
                    self.tell(removed.map(|()| format!("Gebeurtenis '{label}' is verwijderd.")))
                }
                None => Reread::Nothing,
            },
        }
    }

    fn story_title(&self, id: crate::domain::StoryId) -> String {
        let shown = self.view.state.as_ref().ok();
        shown
            .and_then(|d| d.stories.iter().find(|s| s.id == id))
            .map_or_else(|| format!("{}", id.0), |s| s.draft.title.clone())
    }

    fn event_label(&self, id: crate::domain::EventId) -> String {
        let shown = self.view.state.as_ref().ok();
        shown
            .and_then(|d| d.events.iter().find(|e| e.id == id))
            .map_or_else(|| format!("{}", id.0), |e| e.draft.label.clone())
    }
}
