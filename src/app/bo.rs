//! The BO-pakket: the figures of the quarter before a BO, its notes and the stories, handed to the
//! report layer to lay out.

use chrono::NaiveDate;

use super::{AppError, DashboardChoice, IndicatorFigures, Workspace};
use crate::domain::{Event, EventKind, Layer, Note, Period, Story, dutch_datetime};
use crate::report::bo::{
    BoPackage, Change, Chart, ChartEvent, ChartLine, IndicatorPage, NoteLine, SignalLine,
    StoryLine, render,
};

/// Periods in the numbers table of an indicator page.
const TABLE_PERIODS: usize = 6;

impl Workspace {
    /// The BO-pakket for the BO on `bo_date`, as one HTML document.
    pub fn bo_report(&self, bo_date: NaiveDate) -> Result<String, AppError> {
        Ok(render(&self.bo_package(bo_date)?))
    }

    pub fn bo_package(&self, bo_date: NaiveDate) -> Result<BoPackage, AppError> {
        let latest = self.dashboard(DashboardChoice::default())?;
        // The quarter the BO looks at: the newest one that had ended before the meeting.
        let period = latest
            .periods
            .iter()
            .find(|p| p.end() < bo_date)
            .copied()
            .unwrap_or(latest.period);
        let dashboard = self.dashboard(DashboardChoice {
            period: Some(period),
            ..DashboardChoice::default()
        })?;
        let notes: Vec<Note> = self
            .notes()?
            .into_iter()
            .filter(|n| n.draft.bo_date == bo_date)
            .collect();
        let stories = self.stories()?;
        let mut strategic: Vec<&IndicatorFigures> = dashboard
            .indicators
            .iter()
            .filter(|f| f.indicator.layer == Layer::Strategisch)
            .collect();
        strategic.sort_by_key(|f| (f.indicator.domain, f.indicator.name.to_lowercase()));
        let indicators: Vec<IndicatorPage> = strategic
            .iter()
            .map(|f| self.page(f, &notes, &stories, &dashboard.events))
            .collect();
        let paged: Vec<&str> = strategic.iter().map(|f| f.indicator.id.as_str()).collect();
        let other_notes = notes
            .iter()
            .filter(|n| !paged.contains(&n.draft.indicator.as_str()))
            .map(|n| self.note_line(n))
            .collect();
        Ok(BoPackage {
            region: dashboard.region.name().to_string(),
            bo_date,
            period: dashboard.period.label(),
            freshness: dashboard
                .updated_at
                .as_deref()
                .map(|t| format!("bijgewerkt {}", dutch_datetime(t))),
            demo: dashboard.demo,
            signals: dashboard
                .signals
                .iter()
                .map(|row| SignalLine {
                    headline: row.headline(),
                    detail: row.detail(),
                    tone: row.signal.kind.tone(),
                    rising: row.signal.rising,
                })
                .collect(),
            indicators,
            other_notes,
            stories: stories.iter().map(story_line).collect(),
        })
    }

    fn page(
        &self,
        figures: &IndicatorFigures,
        notes: &[Note],
        stories: &[Story],
        events: &[Event],
    ) -> IndicatorPage {
        let indicator = &figures.indicator;
        let latest = figures.latest;
        let shown: Vec<Period> = figures
            .periods()
            .into_iter()
            .filter(|p| latest.is_none_or(|l| *p <= l))
            .collect();
        let columns = &shown[shown.len().saturating_sub(TABLE_PERIODS)..];
        let areas = std::iter::once(&figures.region).chain(&figures.gemeenten);
        let rows = areas
            .clone()
            .map(|area| {
                let cells = columns
                    .iter()
                    .map(|p| figures.point_text(area.series.points.get(p)))
                    .collect();
                (area.area.name.to_string(), area.color, cells)
            })
            .collect();
        let lines = figures
            .gemeenten
            .iter()
            .chain([&figures.region])
            .map(|area| ChartLine {
                name: area.area.name.to_string(),
                color: area.color,
                thick: area.area == figures.region.area,
                points: area
                    .series
                    .points
                    .iter()
                    .filter(|(p, _)| latest.is_none_or(|l| **p <= l))
                    .map(|(p, point)| (p.position(), point.value))
                    .collect(),
            })
            .collect();
        let source = indicator.source.label();
        IndicatorPage {
            id: indicator.id.clone(),
            name: indicator.name.clone(),
            domain: indicator.domain.label().to_string(),
            description: indicator.description.clone(),
            supplier: indicator.supplier.clone(),
            source,
            facts: format!(
                "{} · {}",
                indicator.frequency.label(),
                indicator.polarity.label()
            ),
            value: figures.value_text(),
            period: latest.map_or("nog geen cijfers".to_string(), |p| p.label()),
            change: figures
                .movement()
                .zip(figures.year_on_year)
                .map(|(m, c)| Change {
                    direction: m.direction,
                    tone: m.tone,
                    size: m.size,
                    from: c.from.label(),
                }),
            chart: Chart {
                unit: "aantal".to_string(),
                lines,
                events: events
                    .iter()
                    .filter(|e| e.applies_to(indicator, None))
                    .map(|e| ChartEvent {
                        x: Period::Date(e.draft.date).position(),
                        label: e.draft.label.clone(),
                        breaks: e.draft.kind == EventKind::Breuk,
                    })
                    .collect(),
            },
            columns: columns
                .iter()
                .map(|p| (p.label(), p.short_label()))
                .collect(),
            rows,
            notes: notes
                .iter()
                .filter(|n| n.draft.indicator == indicator.id)
                .map(|n| self.note_line(n))
                .collect(),
            stories: stories
                .iter()
                .filter(|s| s.belongs_beside(indicator))
                .map(|s| s.draft.title.clone())
                .collect(),
        }
    }

    fn note_line(&self, note: &Note) -> NoteLine {
        let name = self
            .catalog()
            .get(&note.draft.indicator)
            .map_or(note.draft.indicator.clone(), |i| i.name.clone());
        NoteLine {
            subject: note.subject(&name),
            author: note.draft.author.clone(),
            status: note.status.code().to_string(),
            text: note.draft.text.clone(),
            edited: format!("bewerkt {}", dutch_datetime(&note.updated_at)),
        }
    }
}

fn story_line(story: &Story) -> StoryLine {
    StoryLine {
        title: story.draft.title.clone(),
        kind: story.draft.kind.label().to_string(),
        summary: story.draft.summary.clone(),
        url: story.draft.url.as_str().to_string(),
        host: story.draft.url.host().to_string(),
        demo: story.demo,
    }
}
