//! Stories and the themes and indicators they are linked to.

use rusqlite::{Row, Transaction, params};

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
        let tx = self.conn.transaction()?;
        let mut ids = Vec::with_capacity(drafts.len());
        for draft in drafts {
            tx.execute(
                include_str!("insert.sql"),
                params![
                    draft.title,
                    draft.summary,
                    draft.kind.code(),
                    draft.url.as_str(),
                    draft.area.map(|a| a.code),
                    demo,
                    now
                ],
            )?;
            let id = StoryId(tx.last_insert_rowid());
            write_links(&tx, id, draft)?;
            ids.push(id);
        }
        tx.commit()?;
        Ok(ids)
    }

    pub fn update_story(&mut self, id: StoryId, draft: &StoryDraft) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            include_str!("update.sql"),
            params![
                id.0,
                draft.title,
                draft.summary,
                draft.kind.code(),
                draft.url.as_str(),
                draft.area.map(|a| a.code)
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::Refused(format!(
                "verhaal {} bestaat niet",
                id.0
            )));
        }
        tx.execute("DELETE FROM story_links WHERE story_id = ?1", [id.0])?;
        write_links(&tx, id, draft)?;
        tx.commit()?;
        Ok(())
    }

    pub fn remove_story(&mut self, id: StoryId) -> Result<(), StoreError> {
        let removed = self
            .conn
            .execute("DELETE FROM stories WHERE id = ?1", [id.0])?;
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
        let mut links = self
            .conn
            .prepare_cached("SELECT story_id, kind, target FROM story_links ORDER BY target")?;
        let links: Vec<(i64, String, String)> = links
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut query = self.conn.prepare_cached(include_str!("all.sql"))?;
        let rows = query.query_map([], |row| row_to_story(self, row, &links))?;
        rows.map(|row| row?).collect()
    }
}

fn write_links(tx: &Transaction, id: StoryId, draft: &StoryDraft) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(include_str!("insert_link.sql"))?;
    for theme in &draft.themes {
        insert.execute(params![id.0, "thema", theme])?;
    }
    for indicator in &draft.indicators {
        insert.execute(params![id.0, "indicator", indicator])?;
    }
    Ok(())
}

fn row_to_story(
    store: &Store,
    row: &Row,
    links: &[(i64, String, String)],
) -> rusqlite::Result<Result<Story, StoreError>> {
    let id: i64 = row.get("id")?;
    let corrupt = |what: String| Ok(Err(StoreError::Corrupt(format!("verhaal {id}: {what}"))));
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
    Ok(Ok(Story {
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
    }))
}
