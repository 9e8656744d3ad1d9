//! Events on the time axis and their history.

use chrono::NaiveDate;

use super::connection::{Row, Sql};
use super::{Store, StoreError, now_utc};
use crate::domain::{Event, EventDraft, EventId, EventKind, EventScope};

impl Store {
    /// Adds events in one transaction: all or none.
    pub fn add_events(
        &mut self,
        drafts: &[EventDraft],
        demo: bool,
    ) -> Result<Vec<EventId>, StoreError> {
        let now = now_utc();
        self.conn.transaction(|tx| {
            let mut ids = Vec::with_capacity(drafts.len());
            for draft in drafts {
                let (indicator, area) = scope_columns(&draft.scope);
                ids.push(EventId(tx.value(
                    include_str!("insert.sql"),
                    &[
                        &draft.date.to_string(),
                        &draft.label,
                        &draft.kind.code(),
                        &indicator,
                        &area,
                        &draft.description,
                        &demo,
                        &now,
                    ],
                )?));
            }
            Ok(ids)
        })
    }

    /// Removes an event, keeping it in the history.
    pub fn remove_event(&mut self, id: EventId) -> Result<(), StoreError> {
        self.conn.transaction(|tx| {
            let kept = tx.exec(include_str!("keep_removed.sql"), &[&id.0, &now_utc()])?;
            if kept == 0 {
                return Err(StoreError::Refused(format!(
                    "gebeurtenis {} bestaat niet",
                    id.0
                )));
            }
            tx.exec("DELETE FROM events WHERE id = ?1", &[&id.0])?;
            Ok(())
        })
    }

    /// Every event, oldest first.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        self.conn
            .rows(include_str!("all.sql"), &[], |row| row_to_event(self, row))
    }

    /// How many removed or changed versions of events are kept.
    pub fn event_history_len(&self) -> Result<u64, StoreError> {
        let count: i64 = self.conn.value("SELECT count(*) FROM event_history", &[])?;
        Ok(count.max(0) as u64)
    }
}

fn scope_columns(scope: &EventScope) -> (Option<&str>, Option<&str>) {
    match scope {
        EventScope::All => (None, None),
        EventScope::Indicator(id) => (Some(id.as_str()), None),
        EventScope::Area(area) => (None, Some(area.code)),
    }
}

fn row_to_event(store: &Store, row: &Row) -> Result<Event, StoreError> {
    let id: i64 = row.get("id")?;
    let corrupt = |what: String| Err(StoreError::Corrupt(format!("gebeurtenis {id}: {what}")));
    let date_text: String = row.get("date")?;
    let Ok(date) = date_text.parse::<NaiveDate>() else {
        return corrupt(format!("onbekende datum '{date_text}'"));
    };
    let kind_text: String = row.get("kind")?;
    let Some(kind) = EventKind::from_code(&kind_text) else {
        return corrupt(format!("onbekende soort '{kind_text}'"));
    };
    let indicator: Option<String> = row.get("indicator_id")?;
    let area: Option<String> = row.get("area_code")?;
    let scope = match (indicator, area) {
        (Some(id), _) => EventScope::Indicator(id),
        (None, Some(code)) => match store.area_of_code(&code) {
            Some(area) => EventScope::Area(area),
            None => return corrupt(format!("onbekend gebied '{code}'")),
        },
        (None, None) => EventScope::All,
    };
    Ok(Event {
        id: EventId(id),
        draft: EventDraft {
            date,
            label: row.get("label")?,
            kind,
            scope,
            description: row.get("description")?,
        },
        demo: row.get("demo")?,
    })
}
