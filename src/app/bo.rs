//! The BO-pakket: the figures of the quarter before a BO, its notes and the stories, handed to the
//! report layer to lay out.

use std::path::Path;

use chrono::NaiveDate;

use super::{AppError, DashboardChoice, IndicatorFigures, OutputFormat, Replace, Workspace};
use crate::domain::{Event, EventKind, Layer, Note, Period, Story, dutch_datetime};
use crate::report::bo::{
    BoPackage, Change, Chart, ChartEvent, ChartLine, IndicatorPage, LineStyle, NoteLine,
    SignalLine, StoryLine, render, render_pdf,
};

/// Periods in the numbers table of an indicator page.
const TABLE_PERIODS: usize = 6;

/// The BO-pakket's two forms; the file name's extension chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    /// PDF/A-2a and PDF/UA-1.
    Pdf,
}

impl ReportFormat {
    pub fn of(path: &Path) -> Result<ReportFormat, AppError> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        match extension.as_deref() {
            Some("html" | "htm") => Ok(ReportFormat::Html),
            Some("pdf") => Ok(ReportFormat::Pdf),
            _ => Err(AppError::Refused(format!(
                "{}: het BO-pakket wordt een PDF (.pdf) of HTML (.html of .htm); kies een bestandsnaam die daarop eindigt",
                path.display()
            ))),
        }
    }

    fn output(self) -> OutputFormat {
        match self {
            ReportFormat::Html => OutputFormat::REPORT,
            ReportFormat::Pdf => OutputFormat::REPORT_PDF,
        }
    }
}

impl Workspace {
    /// Writes the BO-pakket for the BO on `bo_date` to `path`, as PDF or HTML by its extension.
    pub fn write_bo_report(
        &self,
        bo_date: NaiveDate,
        path: &Path,
        replace: Replace,
    ) -> Result<(), AppError> {
        let format = ReportFormat::of(path)?;
        let package = self.bo_package(bo_date)?;
        let bytes = match format {
            ReportFormat::Html => render(&package).into_bytes(),
            ReportFormat::Pdf => {
                render_pdf(&package).map_err(|e| AppError::Refused(e.to_string()))?
            }
        };
        self.write_output(path, format.output(), &bytes, replace)
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
        let choice = DashboardChoice {
            period: Some(period),
            ..DashboardChoice::default()
        };
        let dashboard = self.dashboard(choice)?;
        // Open data with a national figure is shown per 1.000 inwoners beside Nederland: a
        // bestuurder compares the region with the country, which only rates allow. Everything
        // else stays in counts, as the dashboard's default shows it.
        let rated = self.dashboard(DashboardChoice {
            per_1000: true,
            ..choice
        })?;
        let with_nederland = |figures: &'_ IndicatorFigures| {
            rated
                .indicators
                .iter()
                .find(|r| r.indicator.id == figures.indicator.id && r.nederland.is_some())
        };
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
            .map(|f| with_nederland(f).unwrap_or(f))
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
        let areas = std::iter::once(&figures.region)
            .chain(&figures.gemeenten)
            .chain(&figures.nederland);
        let areas: Vec<_> = areas.collect();
        let rows = areas
            .iter()
            .map(|area| {
                let cells = columns
                    .iter()
                    .map(|p| figures.point_text(area.series.points.get(p)))
                    .collect();
                (area.area.name.to_string(), area.color, cells)
            })
            .collect();
        // The chart's data as a table, a period per row: what the chart shows, for who cannot see it.
        let history = shown
            .iter()
            .map(|p| {
                let cells = areas
                    .iter()
                    .map(|area| figures.point_text(area.series.points.get(p)))
                    .collect();
                (p.label(), cells)
            })
            .collect();
        let lines = figures
            .gemeenten
            .iter()
            .chain(&figures.nederland)
            .chain([&figures.region])
            .map(|area| ChartLine {
                name: area.area.name.to_string(),
                color: area.color,
                style: if area.area == figures.region.area {
                    LineStyle::Region
                } else if figures
                    .nederland
                    .as_ref()
                    .is_some_and(|nl| nl.area == area.area)
                {
                    LineStyle::Reference
                } else {
                    LineStyle::Gemeente
                },
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
            expected: figures.expected_words(),
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
                unit: if figures.per_1000 {
                    "per 1.000 inwoners"
                } else {
                    "aantal"
                }
                .to_string(),
                lines,
                summary: figures.trend_text(&shown, "de tabel onder de grafiek"),
                band: figures.region.band_runs(),
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
            history,
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
