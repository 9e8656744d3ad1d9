//! Stories and the themes and indicators they are linked to.

use super::connection::{Row, Sql, Tx};
use super::{Store, StoreError, now_utc};
use crate::domain::{Story, StoryDraft, StoryId, StoryKind, WebUrl};

impl Store {
    pub fn add_story(&mut self, draft: &StoryDraft, demo: bool) -> Result<StoryId, StoreError> {
        let ids = self.add_stories(std::slice::from_ref(draft), demo)?;
        Ok(ids[0])
    }

    /// Adds stories in one transaction: all or none.
    pub fn add_stories(
        &mut self,
        drafts: &[StoryDraft],
        demo: bool,
    ) -> Result<Vec<StoryId>, StoreError> {
        let now = now_utc();
        self.conn.transaction(|tx| {
            let mut ids = Vec::with_capacity(drafts.len());
            for draft in drafts {
                let id = StoryId(tx.value(
                    include_str!("insert.sql"),
                    &[
                        &draft.title,
                        &draft.summary,
                        &draft.kind.code(),
                        &draft.url.as_str(),
                        &draft.area.map(|a| a.code),
                        &demo,
                        &now,
                    ],
                )?);
                write_links(tx, id, draft)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    pub fn update_story(&mut self, id: StoryId, draft: &StoryDraft) -> Result<(), StoreError> {
        self.conn.transaction(|tx| {
            let changed = tx.exec(
                include_str!("update.sql"),
                &[
                    &id.0,
                    &draft.title,
                    &draft.summary,
                    &draft.kind.code(),
                    &draft.url.as_str(),
                    &draft.area.map(|a| a.code),
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::Refused(format!(
                    "verhaal {} bestaat niet",
                    id.0
                )));
            }
            tx.exec("DELETE FROM story_links WHERE story_id = ?1", &[&id.0])?;
            write_links(tx, id, draft)
        })
    }

    pub fn remove_story(&mut self, id: StoryId) -> Result<(), StoreError> {
        let removed = self
            .conn
            .exec("DELETE FROM stories WHERE id = ?1", &[&id.0])?;
        if removed == 0 {
            return Err(StoreError::Refused(format!(
                "verhaal {} bestaat niet",
                id.0
            )));
        }
        Ok(())
    }

    /// Every story, oldest first.
    pub fn stories(&self) -> Result<Vec<Story>, StoreError> {
        let links: Vec<(i64, String, String)> = self.conn.rows(
            "SELECT story_id, kind, target FROM story_links ORDER BY target",
            &[],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        self.conn.rows(include_str!("all.sql"), &[], |row| {
            row_to_story(self, row, &links)
        })
    }
}

fn write_links(tx: &mut Tx, id: StoryId, draft: &StoryDraft) -> Result<(), StoreError> {
    for theme in &draft.themes {
        tx.exec(include_str!("insert_link.sql"), &[&id.0, &"thema", theme])?;
    }
    for indicator in &draft.indicators {
        tx.exec(
            include_str!("insert_link.sql"),
            &[&id.0, &"indicator", indicator],
        )?;
    }
    Ok(())
}

fn row_to_story(
    store: &Store,
    row: &Row,
    links: &[(i64, String, String)],
) -> Result<Story, StoreError> {
    let id: i64 = row.get("id")?;
    let corrupt = |what: String| Err(StoreError::Corrupt(format!("verhaal {id}: {what}")));
    let kind_text: String = row.get("kind")?;
    let Some(kind) = StoryKind::from_code(&kind_text) else {
        return corrupt(format!("onbekende soort '{kind_text}'"));
    };
    let url_text: String = row.get("url")?;
    let url = match WebUrl::parse(&url_text) {
        Ok(url) => url,
        Err(error) => return corrupt(error.to_string()),
    };
    let area_code: Option<String> = row.get("area_code")?;
    let area = match store.optional_area(area_code) {
        Ok(area) => area,
        Err(problem) => return corrupt(problem),
    };
    let linked = |kind: &str| -> Vec<String> {
        links
            .iter()
            .filter(|(story, k, _)| *story == id && k == kind)
            .map(|(_, _, target)| target.clone())
            .collect()
    };
    Ok(Story {
        id: StoryId(id),
        draft: StoryDraft {
            title: row.get("title")?,
            summary: row.get("summary")?,
            kind,
            url,
            themes: linked("thema"),
            indicators: linked("indicator"),
            area,
        },
        demo: row.get("demo")?,
    })
}
