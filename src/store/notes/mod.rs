//! Duiding notes and their history.

use chrono::NaiveDate;

use super::connection::{Row, Sql};
use super::{Store, StoreError, now_utc};
use crate::domain::{Note, NoteDraft, NoteId, NoteStatus, NoteVersion, Period};

impl Store {
    pub fn add_note(
        &mut self,
        draft: &NoteDraft,
        status: NoteStatus,
        demo: bool,
    ) -> Result<NoteId, StoreError> {
        let ids = self.add_notes(&[(draft.clone(), status)], demo)?;
        Ok(ids[0])
    }

    /// Adds notes in one transaction: all or none.
    pub fn add_notes(
        &mut self,
        notes: &[(NoteDraft, NoteStatus)],
        demo: bool,
    ) -> Result<Vec<NoteId>, StoreError> {
        let now = now_utc();
        self.conn.transaction(|tx| {
            let mut ids = Vec::with_capacity(notes.len());
            for (draft, status) in notes {
                ids.push(NoteId(tx.value(
                    include_str!("insert.sql"),
                    &[
                        &draft.indicator,
                        &draft.area.map(|a| a.code),
                        &draft.period.map(|p| p.canonical()),
                        &draft.bo_date.to_string(),
                        &draft.author,
                        &status.code(),
                        &draft.text,
                        &now,
                        &demo,
                    ],
                )?));
            }
            Ok(ids)
        })
    }

    pub fn note(&self, id: NoteId) -> Result<Option<Note>, StoreError> {
        self.conn.row(
            concat!(include_str!("select.sql"), "WHERE id = ?1"),
            &[&id.0],
            |row| row_to_note(self, row),
        )
    }

    /// Every note, newest BO first, then by indicator.
    pub fn notes(&self) -> Result<Vec<Note>, StoreError> {
        self.conn.rows(
            concat!(
                include_str!("select.sql"),
                "ORDER BY bo_date DESC, indicator_id, id"
            ),
            &[],
            |row| row_to_note(self, row),
        )
    }

    /// Replaces text, author and status in one transaction, keeping the version before in the
    /// history.
    pub fn update_note(
        &mut self,
        id: NoteId,
        author: &str,
        status: NoteStatus,
        text: &str,
    ) -> Result<(), StoreError> {
        self.conn.transaction(|tx| {
            let kept = tx.exec(include_str!("keep_version.sql"), &[&id.0])?;
            if kept == 0 {
                return Err(StoreError::Refused(format!(
                    "duiding {} bestaat niet",
                    id.0
                )));
            }
            tx.exec(
                "UPDATE notes SET author = ?2, status = ?3, text = ?4, updated_at = ?5 WHERE id = ?1",
                &[&id.0, &author, &status.code(), &text, &now_utc()],
            )?;
            Ok(())
        })
    }

    /// Earlier versions of a note, oldest first.
    pub fn note_history(&self, id: NoteId) -> Result<Vec<NoteVersion>, StoreError> {
        self.conn
            .rows(include_str!("history.sql"), &[&id.0], |row| {
                let status: String = row.get(1)?;
                let status = NoteStatus::from_code(&status)
                    .ok_or_else(|| StoreError::Corrupt("onbekende status".into()))?;
                Ok(NoteVersion {
                    author: row.get(0).unwrap_or_default(),
                    status,
                    text: row.get(2).unwrap_or_default(),
                    written_at: row.get(3).unwrap_or_default(),
                })
            })
    }
}

fn row_to_note(store: &Store, row: &Row) -> Result<Note, StoreError> {
    let id: i64 = row.get("id")?;
    let corrupt = |what: String| Err(StoreError::Corrupt(format!("duiding {id}: {what}")));
    let area_code: Option<String> = row.get("area_code")?;
    let area = match store.optional_area(area_code) {
        Ok(area) => area,
        Err(problem) => return corrupt(problem),
    };
    let period_text: Option<String> = row.get("period")?;
    let period = match period_text
        .as_deref()
        .map(|text| (text, Period::parse(text)))
    {
        None => None,
        Some((_, Ok(period))) => Some(period),
        Some((text, Err(_))) => return corrupt(format!("onbekende periode '{text}'")),
    };
    let bo_text: String = row.get("bo_date")?;
    let Ok(bo_date) = bo_text.parse::<NaiveDate>() else {
        return corrupt(format!("onbekende BO-datum '{bo_text}'"));
    };
    let status_text: String = row.get("status")?;
    let Some(status) = NoteStatus::from_code(&status_text) else {
        return corrupt(format!("onbekende status '{status_text}'"));
    };
    Ok(Note {
        id: NoteId(id),
        draft: NoteDraft {
            indicator: row.get("indicator_id")?,
            area,
            period,
            bo_date,
            author: row.get("author")?,
            text: row.get("text")?,
        },
        status,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
        demo: row.get("demo")?,
    })
}
