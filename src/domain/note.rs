//! Duiding: a note by a named author that interprets an indicator (optionally for one gebied and
//! period) for a Bestuurlijk Overleg. A definitive note is locked until it is reopened.

use chrono::NaiveDate;

use super::{Area, Period, check_required};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteStatus {
    Concept,
    Definitief,
}

impl NoteStatus {
    pub fn code(self) -> &'static str {
        match self {
            NoteStatus::Concept => "concept",
            NoteStatus::Definitief => "definitief",
        }
    }

    pub fn from_code(code: &str) -> Option<NoteStatus> {
        [NoteStatus::Concept, NoteStatus::Definitief]
            .into_iter()
            .find(|s| s.code() == code.trim().to_lowercase())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoteId(pub i64);

/// What a writer fills in.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDraft {
    pub indicator: String,
    /// `None`: the whole region.
    pub area: Option<Area>,
    pub period: Option<Period>,
    /// The BO the note is written for.
    pub bo_date: NaiveDate,
    pub author: String,
    pub text: String,
}

impl NoteDraft {
    /// What is wrong with the texts of a note, typed or imported: author and text must be there and
    /// hold no control characters. The indicator is checked against the catalog by the caller.
    pub fn text_problems(author: &str, text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        check_required("auteur", author, &mut problems);
        check_required("tekst", text, &mut problems);
        problems
    }

    pub fn problems(&self) -> Vec<String> {
        NoteDraft::text_problems(&self.author, &self.text)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: NoteId,
    pub draft: NoteDraft,
    pub status: NoteStatus,
    /// UTC, RFC 3339.
    pub created_at: String,
    pub updated_at: String,
    /// Part of the demo data set.
    pub demo: bool,
}

impl Note {
    /// What the note is about: "Meldingen Veilig Thuis · Zaanstad · 2025 K4", given the indicator's
    /// name.
    pub fn subject(&self, indicator_name: &str) -> String {
        let scope: Vec<String> = [
            Some(indicator_name.to_string()),
            self.draft.area.map(|a| a.name.to_string()),
            self.draft.period.map(|p| p.label()),
        ]
        .into_iter()
        .flatten()
        .collect();
        scope.join(" · ")
    }
}

/// An earlier version of a note, kept when it was edited, locked or reopened.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteVersion {
    pub author: String,
    pub status: NoteStatus,
    pub text: String,
    /// When this version was written (UTC, RFC 3339).
    pub written_at: String,
}

/// "6 november 2025".
pub fn dutch_date(date: NaiveDate) -> String {
    Period::Date(date).label()
}

/// Reads a BO date as people write it: `6-11-2025`, `06-11-2025` or `2025-11-06`.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    match Period::parse(input.trim()) {
        Ok(Period::Date(date)) => Some(date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bo_dates_read_the_dutch_way() {
        let date = NaiveDate::from_ymd_opt(2025, 11, 6).unwrap();
        assert_eq!(parse_date("6-11-2025"), Some(date));
        assert_eq!(parse_date(" 2025-11-06 "), Some(date));
        assert_eq!(parse_date("2025 K3"), None);
        assert_eq!(parse_date("31-2-2025"), None);
        assert_eq!(dutch_date(date), "6 november 2025");
        assert_eq!(
            NoteStatus::from_code("Definitief"),
            Some(NoteStatus::Definitief)
        );
    }

    #[test]
    fn a_note_needs_an_author_and_text_without_control_characters() {
        assert!(NoteDraft::text_problems("Marieke", "Twee\n\nalinea's\tmet tab.").is_empty());
        assert_eq!(
            NoteDraft::text_problems(" ", "a\u{1b}[2J"),
            [
                "auteur ontbreekt",
                "tekst bevat een stuurteken (U+001B) in veld 'tekst'"
            ]
        );
        assert_eq!(
            NoteDraft::text_problems("Mar\u{0}ieke", ""),
            [
                "tekst bevat een stuurteken (U+0000) in veld 'auteur'",
                "tekst ontbreekt"
            ]
        );
    }
}
