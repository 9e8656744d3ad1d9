//! Events on the time axis and their history.

use chrono::NaiveDate;
use rusqlite::{Row, TransactionBehavior, params};

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
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(drafts.len());
        {
            let mut insert = tx.prepare_cached(include_str!("insert.sql"))?;
            for draft in drafts {
                let (indicator, area) = scope_columns(&draft.scope);
                insert.execute(params![
                    draft.date.to_string(),
                    draft.label,
                    draft.kind.code(),
                    indicator,
                    area,
                    draft.description,
                    demo,
                    now
                ])?;
                ids.push(EventId(tx.last_insert_rowid()));
            }
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Removes an event, keeping it in the history.
    pub fn remove_event(&mut self, id: EventId) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let kept = tx.execute(include_str!("keep_removed.sql"), params![id.0, now_utc()])?;
        if kept == 0 {
            return Err(StoreError::Refused(format!(
                "gebeurtenis {} bestaat niet",
                id.0
            )));
        }
        tx.execute("DELETE FROM events WHERE id = ?1", [id.0])?;
        tx.commit()?;
        Ok(())
    }

    /// Every event, oldest first.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        let mut query = self.conn.prepare_cached(include_str!("all.sql"))?;
        let rows = query.query_map([], |row| row_to_event(self, row))?;
        rows.map(|row| row?).collect()
    }

    /// How many removed or changed versions of events are kept.
    pub fn event_history_len(&self) -> Result<u64, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM event_history", [], |r| r.get(0))?;
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

fn row_to_event(store: &Store, row: &Row) -> rusqlite::Result<Result<Event, StoreError>> {
    let id: i64 = row.get("id")?;
    let corrupt = |what: String| {
        Ok(Err(StoreError::Corrupt(format!(
            "gebeurtenis {id}: {what}"
        ))))
    };
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
    Ok(Ok(Event {
        id: EventId(id),
        draft: EventDraft {
            date,
            label: row.get("label")?,
            kind,
            scope,
            description: row.get("description")?,
        },
        demo: row.get("demo")?,
    }))
}
