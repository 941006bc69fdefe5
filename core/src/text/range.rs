use serde::Serialize;

/// A half-open byte range `[start, end)` into the original source text.
///
/// Offsets are `u32`: inputs over 4 GiB are rejected before parsing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

const _: () = assert!(size_of::<TextRange>() == 8);

impl TextRange {
    #[must_use]
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// Builds a range from `usize` offsets; callers guarantee the source is below 4 GiB.
    #[must_use]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "sources are checked to be < 4 GiB"
    )]
    pub const fn from_usize(start: usize, end: usize) -> Self {
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    #[must_use]
    pub const fn empty(at: u32) -> Self {
        Self { start: at, end: at }
    }

    #[must_use]
    pub const fn len(self) -> u32 {
        self.end - self.start
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[must_use]
    pub const fn start_usize(self) -> usize {
        self.start as usize
    }

    #[must_use]
    pub const fn end_usize(self) -> usize {
        self.end as usize
    }

    /// The text this range covers in `source` (empty if the range is out of bounds).
    #[must_use]
    pub fn slice(self, source: &str) -> &str {
        source
            .get(self.start_usize()..self.end_usize())
            .unwrap_or("")
    }

    #[must_use]
    pub const fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    #[must_use]
    pub const fn contains_range(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[must_use]
    pub const fn intersects(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest range covering both.
    #[must_use]
    pub fn cover(self, other: Self) -> Self {
        Self {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Shifts the range by `offset` bytes (used to map sub-parser ranges into file coordinates).
    #[must_use]
    pub const fn shift(self, offset: u32) -> Self {
        Self {
            start: self.start + offset,
            end: self.end + offset,
        }
    }
}
