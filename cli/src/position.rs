//! 1-based line/column positions for output: lines count every physical line, columns count
//! characters (Unicode scalar values), end columns are exclusive (one past the last character).

use serde::Serialize;
use stowage_core::{LineIndex, PositionEncoding, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// A source file with its line index, for converting byte ranges.
pub struct SourceMap<'a> {
    pub source: &'a str,
    pub index: LineIndex,
}

impl<'a> SourceMap<'a> {
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            index: LineIndex::new(source),
        }
    }

    /// 1-based (line, column) of a byte offset.
    pub fn point(&self, offset: u32) -> (u32, u32) {
        let lc = self
            .index
            .line_col(offset, self.source, PositionEncoding::Utf32);
        (lc.line + 1, lc.col + 1)
    }

    pub fn span(&self, range: TextRange) -> Span {
        let (line, column) = self.point(range.start);
        let (end_line, end_column) = self.point(range.end.max(range.start));
        Span {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The text of a 0-based line, without its terminator.
    pub fn line_text(&self, line0: u32) -> &'a str {
        self.index.line_range(line0, self.source).slice(self.source)
    }

    pub fn line_count(&self) -> u32 {
        u32::try_from(self.index.line_count()).unwrap_or(u32::MAX)
    }
}
