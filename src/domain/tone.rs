//! How a change reads: its direction, and whether that is good news by the indicator's polarity.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Flat,
}

/// Whether a change is good news, by the indicator's polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Better,
    Worse,
    Neutral,
}
