//! The problems (or warnings) found in one file, in bounded memory: a file of two million rows with
//! the same mistake on every row lists the first few exactly and counts the rest, with the rows they
//! stand on, instead of holding two million messages.

use super::problem::{ImportProblem, ProblemKind, Repeated};
use crate::domain::FastHashMap;

/// Findings of one kind (same [`ProblemKind`], sheet, column and message) listed exactly; the rest
/// are counted.
const EXACT_PER_KIND: usize = 10;

/// Findings listed exactly in all, whatever their kind.
const MAX_LISTED: usize = 1_000;

/// Kinds kept apart; findings of further kinds are counted together.
const MAX_KINDS: usize = 1_000;

#[derive(Debug, Default)]
pub(super) struct Findings {
    /// In the order they were found.
    listed: Vec<ImportProblem>,
    kinds: FastHashMap<Key, usize>,
    groups: Vec<Group>,
    /// Findings of kinds beyond [`MAX_KINDS`].
    others: Option<Group>,
    total: u64,
}

/// A kind of finding: its [`ProblemKind`], then sheet, column and message in one string (one
/// allocation per finding, not three). The message is part of it, so that a counted line says what
/// every finding it stands for says.
type Key = (ProblemKind, String);

#[derive(Debug)]
struct Group {
    /// `None` for the findings of kinds beyond [`MAX_KINDS`].
    key: Option<Key>,
    /// The first finding of the kind, whose file, sheet, column and message the count shows.
    first: ImportProblem,
    listed: usize,
    more: u64,
    rows: Option<(u64, u64)>,
}

impl Group {
    fn new(key: Option<Key>, first: ImportProblem) -> Group {
        Group {
            key,
            first,
            listed: 0,
            more: 0,
            rows: None,
        }
    }

    fn count(&mut self, row: Option<u64>) {
        self.more += 1;
        self.widen(row);
    }

    fn widen(&mut self, row: Option<u64>) {
        if let Some(row) = row {
            self.rows = Some(match self.rows {
                Some((first, last)) => (first.min(row), last.max(row)),
                None => (row, row),
            });
        }
    }
}

impl Findings {
    pub fn push(&mut self, finding: ImportProblem) {
        self.total += 1;
        let key = key_of(&finding);
        let index = match self.kinds.get(&key) {
            Some(&index) => Some(index),
            None if self.groups.len() < MAX_KINDS => {
                self.kinds.insert(key.clone(), self.groups.len());
                self.groups.push(Group::new(Some(key), finding.clone()));
                Some(self.groups.len() - 1)
            }
            None => None,
        };
        let room = self.listed.len() < MAX_LISTED;
        match index.map(|i| &mut self.groups[i]) {
            Some(group) if room && group.listed < EXACT_PER_KIND => {
                group.listed += 1;
                self.listed.push(finding);
            }
            Some(group) => group.count(finding.row),
            None => {
                let row = finding.row;
                self.others
                    .get_or_insert_with(|| Group::new(None, finding))
                    .count(row);
            }
        }
    }

    /// Takes in what another part of the same file found, as if found after these.
    pub fn absorb(&mut self, other: Findings) {
        for finding in other.listed {
            self.push(finding);
        }
        for group in other.groups.into_iter().chain(other.others) {
            if group.more == 0 {
                continue;
            }
            self.total += group.more;
            let target = self.group_for(&group);
            target.more += group.more;
            if let Some((first, last)) = group.rows {
                target.widen(Some(first));
                target.widen(Some(last));
            }
        }
    }

    /// Where findings another part only counted are counted here.
    fn group_for(&mut self, counted: &Group) -> &mut Group {
        if let Some(key) = &counted.key {
            if let Some(&index) = self.kinds.get(key) {
                return &mut self.groups[index];
            }
            if self.groups.len() < MAX_KINDS {
                let index = self.groups.len();
                self.kinds.insert(key.clone(), index);
                self.groups
                    .push(Group::new(Some(key.clone()), counted.first.clone()));
                return &mut self.groups[index];
            }
        }
        self.others
            .get_or_insert_with(|| Group::new(None, counted.first.clone()))
    }

    /// Every finding, counted ones included.
    pub fn len(&self) -> u64 {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Orders the listed findings, e.g. as a person goes through the file.
    pub fn sort_listed_by_key<K: Ord>(&mut self, key: impl FnMut(&ImportProblem) -> K) {
        self.listed.sort_by_key(key);
    }

    /// The listed findings, then one line per kind for those only counted.
    pub fn into_vec(self) -> Vec<ImportProblem> {
        let mut out = self.listed;
        let counted = |group: Group, of_other_kinds: bool| ImportProblem {
            row: None,
            repeated: Some(Box::new(Repeated {
                times: group.more,
                rows: group.rows,
                of_other_kinds,
            })),
            ..group.first
        };
        out.extend(
            self.groups
                .into_iter()
                .filter(|g| g.more > 0)
                .map(|g| counted(g, false)),
        );
        out.extend(self.others.map(|g| counted(g, true)));
        out
    }
}

fn key_of(finding: &ImportProblem) -> Key {
    let place_and_message = format!(
        "{}\u{1}{}\u{1}{}",
        finding.sheet.as_deref().unwrap_or(""),
        finding.column.as_deref().unwrap_or(""),
        finding.message
    );
    (finding.kind, place_and_message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::problem::Finding;

    fn unknown_indicator(row: u64) -> ImportProblem {
        ImportProblem {
            row: Some(row),
            column: Some("A (indicator)".into()),
            ..ImportProblem::file(
                "groot.csv",
                Finding::new(ProblemKind::UnknownIndicator, "onbekende indicator 'x'"),
            )
        }
    }

    #[test]
    fn the_same_problem_on_many_rows_is_listed_ten_times_then_counted() {
        let mut findings = Findings::default();
        for row in 2..=200_001 {
            findings.push(unknown_indicator(row));
        }
        findings.push(ImportProblem::file(
            "groot.csv",
            Finding::new(ProblemKind::NoHeader, "iets anders"),
        ));
        assert_eq!(findings.len(), 200_001);
        let lines: Vec<String> = findings
            .into_vec()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(lines.len(), 12);
        assert_eq!(
            lines[0],
            "groot.csv, rij 2, kolom A (indicator): onbekende indicator 'x'"
        );
        assert_eq!(lines[10], "groot.csv: iets anders");
        assert_eq!(
            lines[11],
            "groot.csv, kolom A (indicator): … en nog 199.990 keer: onbekende indicator 'x' \
             (rijen 12–200.001)"
        );
    }

    #[test]
    fn parts_read_apart_count_as_one_file() {
        let (mut first, mut second) = (Findings::default(), Findings::default());
        for row in 1..=4 {
            first.push(unknown_indicator(row));
        }
        for row in 5..=30 {
            second.push(unknown_indicator(row));
        }
        first.absorb(second);
        assert_eq!(first.len(), 30);
        let found = first.into_vec();
        let rows: Vec<Option<u64>> = found.iter().take(10).map(|p| p.row).collect();
        assert_eq!(rows, (1..=10).map(Some).collect::<Vec<_>>());
        let counted = found[10].repeated.as_deref().unwrap();
        assert_eq!((counted.times, counted.rows), (20, Some((11, 30))));
    }

    #[test]
    fn kinds_beyond_the_limit_are_counted_together() {
        let mut findings = Findings::default();
        for n in 0..(MAX_KINDS as u64 + 5) {
            findings.push(ImportProblem {
                row: Some(n + 2),
                ..ImportProblem::file(
                    "veel.csv",
                    Finding::new(ProblemKind::UnknownArea, format!("onbekend gebied 'g{n}'")),
                )
            });
        }
        let found = findings.into_vec();
        assert_eq!(found.len(), MAX_LISTED + 1);
        assert_eq!(
            found.last().unwrap().to_string(),
            "veel.csv: … en nog 5 andere problemen (rijen 1.002–1.006)"
        );
    }
}
