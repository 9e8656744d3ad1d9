//! Values read on several threads, kept in the pieces they were read in: copying a million of them
//! into one vector took longer than checking them.

use std::fmt;
use std::ops::Index;

/// A sequence stored as consecutive pieces.
#[derive(Clone)]
pub(super) struct Pieces<T> {
    pieces: Vec<Vec<T>>,
}

impl<T> Default for Pieces<T> {
    fn default() -> Pieces<T> {
        Pieces { pieces: Vec::new() }
    }
}

impl<T> Pieces<T> {
    pub fn len(&self) -> usize {
        self.pieces.iter().map(Vec::len).sum()
    }

    pub fn get(&self, mut index: usize) -> Option<&T> {
        for piece in &self.pieces {
            match piece.get(index) {
                Some(item) => return Some(item),
                None => index -= piece.len(),
            }
        }
        None
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.pieces.iter().flatten()
    }

    pub(super) fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.pieces.iter_mut().flatten()
    }

    pub(super) fn push(&mut self, item: T) {
        match self.pieces.last_mut() {
            Some(last) => last.push(item),
            None => self.pieces.push(vec![item]),
        }
    }

    /// Makes room for `additional` more at the end at once.
    pub(super) fn reserve(&mut self, additional: usize) {
        match self.pieces.last_mut() {
            Some(last) => last.reserve(additional),
            None => self.pieces.push(Vec::with_capacity(additional)),
        }
    }

    /// Puts `other` after these, without copying.
    pub(super) fn append(&mut self, other: Pieces<T>) {
        self.pieces.extend(other.pieces);
    }
}

impl<T> Index<usize> for Pieces<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        self.get(index).expect("index within the pieces")
    }
}

impl<'a, T> IntoIterator for &'a Pieces<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.pieces.iter().flatten()
    }
}

impl<T> IntoIterator for Pieces<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.pieces.into_iter().flatten()
    }
}

impl<T: PartialEq> PartialEq for Pieces<T> {
    fn eq(&self, other: &Pieces<T>) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<T: fmt::Debug> fmt::Debug for Pieces<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::Pieces;

    #[test]
    fn pieces_read_as_one_sequence() {
        let piece = |items: &[i32]| {
            let mut piece = Pieces::default();
            items.iter().for_each(|i| piece.push(*i));
            piece
        };
        let mut pieces = piece(&[1, 2]);
        pieces.append(Pieces::default());
        pieces.append(piece(&[3]));
        pieces.push(4);
        assert_eq!(pieces.pieces.len(), 2, "appended, not copied");
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces.iter().copied().collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!((pieces[0], pieces[2], pieces[3]), (1, 3, 4));
        assert_eq!(pieces.get(4), None);
        assert_eq!(pieces, piece(&[1, 2, 3, 4]));
        assert_eq!(Pieces::<u8>::default().len(), 0);
    }
}
