use serde::Serialize;

use crate::text::TextRange;

/// Whether a fix may be applied without asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown to the user but never applied automatically.
    DisplayOnly,
    /// Changes behaviour: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Keeps behaviour (or only improves the build): applied by `--fix`.
    Safe,
}

impl Applicability {
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DisplayOnly => "display-only",
            Self::Unsafe => "unsafe",
            Self::Safe => "safe",
        }
    }
}

/// Replace `range` with `content`; an empty `content` deletes, an empty `range` inserts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: TextRange,
    pub content: String,
}

impl Edit {
    #[must_use]
    pub fn replace(range: TextRange, content: impl Into<String>) -> Self {
        Self {
            range,
            content: content.into(),
        }
    }

    #[must_use]
    pub fn insert(at: u32, content: impl Into<String>) -> Self {
        Self {
            range: TextRange::empty(at),
            content: content.into(),
        }
    }

    #[must_use]
    pub fn delete(range: TextRange) -> Self {
        Self {
            range,
            content: String::new(),
        }
    }
}

/// A titled set of disjoint edits, sorted by start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    #[must_use]
    pub fn new(
        title: impl Into<String>,
        applicability: Applicability,
        mut edits: Vec<Edit>,
    ) -> Self {
        crate::util::sort::sort_by_key(&mut edits, |e| (e.range.start, e.range.end));
        Self {
            title: title.into(),
            applicability,
            edits,
        }
    }

    #[must_use]
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self::new(title, Applicability::Safe, edits)
    }

    #[must_use]
    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self::new(title, Applicability::Unsafe, edits)
    }

    /// The range covering every edit (for overlap checks).
    #[must_use]
    pub fn range(&self) -> Option<TextRange> {
        let first = self.edits.first()?;
        Some(
            self.edits
                .iter()
                .fold(first.range, |acc, e| acc.cover(e.range)),
        )
    }
}
