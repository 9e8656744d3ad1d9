//! The points of a series: sorted by period in one vector. A dashboard holds tens of thousands of
//! short series; a vector keeps them at their own size, where a tree map's nodes would add half again.

use std::ops::{Bound, Index, RangeBounds};

use super::Point;
use crate::domain::Period;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Points(Vec<(Period, Point)>);

impl Points {
    pub fn get(&self, period: &Period) -> Option<&Point> {
        self.0
            .binary_search_by(|(p, _)| p.cmp(period))
            .ok()
            .map(|i| &self.0[i].1)
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Period, &Point)> + '_ {
        self.0.iter().map(|(period, point)| (period, point))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Period> + '_ {
        self.0.iter().map(|(period, _)| period)
    }

    /// The points whose period lies in `range`, in order.
    pub fn range(
        &self,
        range: impl RangeBounds<Period>,
    ) -> impl DoubleEndedIterator<Item = (&Period, &Point)> + '_ {
        let start = match range.start_bound() {
            Bound::Included(p) => self.0.partition_point(|(q, _)| q < p),
            Bound::Excluded(p) => self.0.partition_point(|(q, _)| q <= p),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(p) => self.0.partition_point(|(q, _)| q <= p),
            Bound::Excluded(p) => self.0.partition_point(|(q, _)| q < p),
            Bound::Unbounded => self.0.len(),
        };
        self.0[start..end.max(start)]
            .iter()
            .map(|(period, point)| (period, point))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl Index<&Period> for Points {
    type Output = Point;

    fn index(&self, period: &Period) -> &Point {
        self.get(period).expect("a point for this period")
    }
}

/// Like a map: sorted by period, and of two points for one period the later one counts.
impl FromIterator<(Period, Point)> for Points {
    fn from_iter<I: IntoIterator<Item = (Period, Point)>>(iter: I) -> Points {
        let mut points: Vec<(Period, Point)> = iter.into_iter().collect();
        points.sort_by_key(|(period, _)| *period);
        let mut kept: Vec<(Period, Point)> = Vec::with_capacity(points.len());
        for (period, point) in points {
            match kept.last_mut() {
                Some(last) if last.0 == period => last.1 = point,
                _ => kept.push((period, point)),
            }
        }
        kept.shrink_to_fit();
        Points(kept)
    }
}

impl<'a> IntoIterator for &'a Points {
    type Item = (&'a Period, &'a Point);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Period, Point)>,
        fn(&'a (Period, Point)) -> (&'a Period, &'a Point),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(period, point)| (period, point))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(value: f64) -> Point {
        Point {
            value: Some(value),
            derived: false,
            provisional: false,
            shielded: false,
        }
    }

    #[test]
    fn behaves_like_a_sorted_map() {
        let p = |text| Period::parse(text).unwrap();
        let points: Points = [
            (p("2024 K3"), point(3.0)),
            (p("2024 K1"), point(1.0)),
            (p("2024 K3"), point(33.0)),
            (p("2024 K2"), point(2.0)),
        ]
        .into_iter()
        .collect();
        assert_eq!(points.len(), 3);
        assert_eq!(points[&p("2024 K3")].value, Some(33.0));
        assert!(points.get(&p("2024 K4")).is_none());
        let before: Vec<&Period> = points.range(..p("2024 K3")).map(|(q, _)| q).collect();
        assert_eq!(before, [&p("2024 K1"), &p("2024 K2")]);
        assert_eq!(
            points.range(..=p("2024 K2")).next_back().map(|(q, _)| *q),
            Some(p("2024 K2"))
        );
        assert_eq!(points.keys().next(), Some(&p("2024 K1")));
    }
}
