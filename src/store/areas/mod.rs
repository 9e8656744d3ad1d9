//! The areas a value may name, and the region the store belongs to: its gemeenten and the days
//! each existed (see `schema/v6.sql`).

use chrono::NaiveDate;

use super::connection::Sql;
use super::{Store, StoreError, now_utc};
use crate::domain::{Area, AreaKind, FastHashMap, Member, Region};

/// Every registered area by its number and by its code: what stored rows are turned back into.
#[derive(Debug, Default, Clone)]
pub(super) struct AreaRegister {
    /// With the area's place in the listing order (gemeenten, region, Nederland).
    by_number: FastHashMap<i64, (Area, i64)>,
    by_code: FastHashMap<String, Area>,
}

impl AreaRegister {
    pub fn by_number(&self, number: i64) -> Option<Area> {
        self.by_number.get(&number).map(|(area, _)| *area)
    }

    /// The place of the area numbered `number` in the listing order; unknown numbers come last.
    pub fn sort_order(&self, number: i64) -> i64 {
        self.by_number
            .get(&number)
            .map_or(i64::MAX, |(_, order)| *order)
    }

    pub fn by_code(&self, code: &str) -> Option<Area> {
        self.by_code.get(code).copied()
    }
}

/// The region as stored, and whether it was chosen with `init`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRegion {
    pub region: Region,
    pub chosen: bool,
}

impl Store {
    /// Reads the areas table again; after every change to it.
    pub(super) fn load_areas(&mut self) -> Result<(), StoreError> {
        let mut register = AreaRegister::default();
        self.conn.each(
            "SELECT number, code, name, kind, sort_order FROM areas",
            &[],
            &mut |row| {
                let (number, code, name, kind, order): (i64, String, String, String, i64) = (
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                );
                let kind = AreaKind::from_code(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("gebied {code}: soort '{kind}'")))?;
                let area = Area::new(&code, &name, kind);
                register.by_number.insert(number, (area, order));
                register.by_code.insert(code, area);
                Ok(())
            },
        )?;
        self.areas = register;
        Ok(())
    }

    /// The area stored under `code`, if any.
    pub(super) fn area_of_code(&self, code: &str) -> Option<Area> {
        self.areas.by_code(code)
    }

    /// The store's region; `None` for a store made before regions were stored (the caller decides
    /// what it belongs to). Reads the areas again first: another process may have just set the
    /// region of a new store.
    pub fn region(&mut self) -> Result<Option<StoredRegion>, StoreError> {
        self.load_areas()?;
        let head: Option<(String, bool)> =
            self.conn.row("SELECT code, chosen FROM region", &[], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let Some((code, chosen)) = head else {
            return Ok(None);
        };
        if self.area_of_code(&code).is_none() {
            // Another process set the region between reading the areas and the region: its areas
            // were committed with it.
            self.load_areas()?;
        }
        let area = self.area_of_code(&code).ok_or_else(|| {
            StoreError::Corrupt(format!("regio {code} staat niet bij de gebieden"))
        })?;
        let rows: Vec<[Option<String>; 4]> =
            self.conn.rows(include_str!("members.sql"), &[], |row| {
                Ok([row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?])
            })?;
        let mut members = Vec::new();
        for [code, valid_from, valid_until, merged_into] in rows {
            let code = code.unwrap_or_default();
            let day = |text: Option<String>| -> Result<Option<NaiveDate>, StoreError> {
                text.map(|t| {
                    NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                        .map_err(|_| StoreError::Corrupt(format!("gemeente {code}: datum '{t}'")))
                })
                .transpose()
            };
            let area = |code: &str| {
                self.area_of_code(code)
                    .ok_or_else(|| StoreError::Corrupt(format!("onbekend gebied '{code}'")))
            };
            members.push(Member {
                area: area(&code)?,
                valid_from: day(valid_from)?,
                valid_until: day(valid_until)?,
                merged_into: merged_into.as_deref().map(area).transpose()?,
            });
        }
        Ok(Some(StoredRegion {
            region: Region::new(area.code, area.name, members),
            chosen,
        }))
    }

    /// Makes `region` the store's, in one transaction: its areas registered (a known code keeps its
    /// number and takes the new name), its gemeenten and their days replaced.
    pub fn set_region(&mut self, region: &Region, chosen: bool) -> Result<(), StoreError> {
        self.conn.transaction(|tx| {
            for (order, area) in region.areas().enumerate() {
                tx.exec(
                    include_str!("sync.sql"),
                    &[&area.code, &area.name, &area.kind.as_str(), &(order as i64)],
                )?;
            }
            tx.exec("DELETE FROM region_gemeenten", &[])?;
            tx.exec("DELETE FROM region", &[])?;
            tx.exec(
                "INSERT INTO region (only_one, code, name, chosen, set_at) VALUES (1, ?1, ?2, ?3, ?4)",
                &[&region.code(), &region.name(), &chosen, &now_utc()],
            )?;
            let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
            for m in region.members() {
                tx.exec(
                    include_str!("insert_member.sql"),
                    &[
                        &m.area.code,
                        &day(m.valid_from),
                        &day(m.valid_until),
                        &m.merged_into.map(|a| a.code),
                    ],
                )?;
            }
            Ok(())
        })?;
        self.load_areas()
    }
}
