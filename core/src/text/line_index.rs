use super::TextRange;

/// How a column is counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: what VS Code, LSP and JavaScript strings use.
    #[default]
    Utf16,
    /// Unicode scalar values: what a person counts, used in CLI output.
    Utf32,
}

/// A 0-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one file, built once in linear time.
///
/// Line terminators are `\n`, `\r\n` and a lone `\r` (as BuildKit's scanner counts them),
/// so line numbers agree with every editor.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    ascii: bool,
    len: u32,
    /// For text that is not all ASCII: the characters and UTF-16 units before each
    /// [`CHUNK`]-byte boundary, so a column costs at most one chunk of counting, not the
    /// line up to it (a finding far into a huge non-ASCII line would make reports quadratic).
    chunk_counts: Vec<(u32, u32)>,
}

/// Bytes between two entries of [`LineIndex::chunk_counts`].
const CHUNK: usize = 256;

/// Characters and UTF-16 units that start in `bytes` (valid UTF-8 cut anywhere): every byte
/// but a continuation byte starts a character, and 4-byte characters take two UTF-16 units.
fn count_units(bytes: &[u8]) -> (u32, u32) {
    let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let astral = bytes.iter().filter(|&&b| b >= 0xF0).count();
    (to_u32(chars), to_u32(chars + astral))
}

impl LineIndex {
    #[must_use]
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        let mut i = 0;
        while let Some(at) = bytes
            .get(i..)
            .and_then(|rest| crate::util::text::find_either(rest, b'\n', b'\r'))
        {
            i += at;
            if matches!(bytes.get(i), Some(b'\r')) && matches!(bytes.get(i + 1), Some(b'\n')) {
                i += 1;
            }
            i += 1;
            line_starts.push(to_u32(i));
        }
        let ascii = source.is_ascii();
        let mut chunk_counts = Vec::new();
        if !ascii {
            let (mut chars, mut units) = (0, 0);
            for chunk in bytes.chunks(CHUNK) {
                chunk_counts.push((chars, units));
                let (c, u) = count_units(chunk);
                chars += c;
                units += u;
            }
            // The end of a text of whole chunks is the start of one more.
            chunk_counts.push((chars, units));
        }
        Self {
            line_starts,
            ascii,
            len: to_u32(bytes.len()),
            chunk_counts,
        }
    }

    /// Characters and UTF-16 units that start before byte `offset` (a character boundary).
    fn units_before(&self, offset: usize, source: &str) -> (u32, u32) {
        let chunk = offset / CHUNK;
        let (chars, units) = self.chunk_counts.get(chunk).copied().unwrap_or_default();
        let (c, u) = count_units(
            source
                .as_bytes()
                .get(chunk * CHUNK..offset)
                .unwrap_or_default(),
        );
        (chars + c, units + u)
    }

    /// Number of lines; a file ending in a newline has an empty last line that counts.
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where `line` (0-based) starts; the end of the text when past the last line.
    #[must_use]
    pub fn line_start(&self, line: u32) -> u32 {
        self.line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.len)
    }

    /// The 0-based line holding `offset`.
    #[must_use]
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => to_u32(line),
            Err(next) => to_u32(next.saturating_sub(1)),
        }
    }

    /// Byte range of a line's content, without its terminator.
    #[must_use]
    pub fn line_range(&self, line: u32, source: &str) -> TextRange {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1);
        let bytes = source.as_bytes();
        if end > start && matches!(bytes.get(end as usize - 1), Some(b'\n')) {
            end -= 1;
        }
        if end > start && matches!(bytes.get(end as usize - 1), Some(b'\r')) {
            end -= 1;
        }
        TextRange::new(start, end)
    }

    /// Converts a byte offset to a 0-based line and a column in `encoding`.
    /// Offsets inside a multi-byte character are rounded down to its start.
    #[must_use]
    pub fn line_col(&self, offset: u32, source: &str, encoding: PositionEncoding) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        if self.ascii || encoding == PositionEncoding::Utf8 {
            return LineCol {
                line,
                col: offset - start,
            };
        }
        let mut end = offset as usize;
        while end > start as usize && !source.is_char_boundary(end) {
            end -= 1;
        }
        let (c1, u1) = self.units_before(end, source);
        let (c0, u0) = self.units_before(start as usize, source);
        let col = match encoding {
            PositionEncoding::Utf16 => u1.saturating_sub(u0),
            _ => c1.saturating_sub(c0),
        };
        LineCol { line, col }
    }

    /// Converts a 0-based line and column back to a byte offset, clamped to the line.
    #[must_use]
    pub fn offset(&self, pos: LineCol, source: &str, encoding: PositionEncoding) -> u32 {
        let range = self.line_range(pos.line, source);
        if self.ascii || encoding == PositionEncoding::Utf8 {
            return (range.start + pos.col).min(range.end);
        }
        let mut units = 0u32;
        for (i, ch) in range.slice(source).char_indices() {
            if units >= pos.col {
                return range.start + to_u32(i);
            }
            units += match encoding {
                PositionEncoding::Utf16 => to_u32(ch.len_utf16()),
                _ => 1,
            };
        }
        range.end
    }
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "sources are checked to be < 4 GiB"
)]
const fn to_u32(n: usize) -> u32 {
    n as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_terminator_kind() {
        let src = "a\nb\r\nc\rd";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_of(7), 3);
        assert_eq!(idx.line_range(1, src).slice(src), "b");
        assert_eq!(idx.line_range(2, src).slice(src), "c");
    }

    #[test]
    fn utf16_and_scalar_columns() {
        let src = "LABEL x=\"😀é\" y\n";
        let idx = LineIndex::new(src);
        let y = u32::try_from(src.find(" y").unwrap() + 1).unwrap();
        assert_eq!(idx.line_col(y, src, PositionEncoding::Utf8).col, 17);
        assert_eq!(idx.line_col(y, src, PositionEncoding::Utf16).col, 14);
        assert_eq!(idx.line_col(y, src, PositionEncoding::Utf32).col, 13);
        let back = idx.offset(LineCol { line: 0, col: 14 }, src, PositionEncoding::Utf16);
        assert_eq!(back, y);
    }

    /// Columns by counting from the line start, as before the chunk table (lines come from
    /// the index, which the table does not touch).
    fn reference(idx: &LineIndex, src: &str, offset: u32, encoding: PositionEncoding) -> LineCol {
        let line = idx.line_of(offset.min(to_u32(src.len())));
        let start = idx.line_start(line) as usize;
        let mut end = (offset as usize).min(src.len());
        while end > start && !src.is_char_boundary(end) {
            end -= 1;
        }
        let text = &src[start..end];
        let col = match encoding {
            PositionEncoding::Utf8 => text.len(),
            PositionEncoding::Utf16 => text.encode_utf16().count(),
            PositionEncoding::Utf32 => text.chars().count(),
        };
        LineCol {
            line,
            col: to_u32(col),
        }
    }

    #[test]
    fn columns_agree_with_counting_from_the_line_start() {
        let parts = [
            "a",
            "bc ",
            "é",
            "日本",
            "😀",
            "\u{301}",
            "\n",
            "\r\n",
            "\r",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ];
        let mut rng = crate::util::test_rng();
        for _ in 0..300 {
            let src = crate::util::random_text(&mut rng, &parts, 120);
            let idx = LineIndex::new(&src);
            for offset in 0..=to_u32(src.len()) {
                for enc in [PositionEncoding::Utf16, PositionEncoding::Utf32] {
                    assert_eq!(
                        idx.line_col(offset, &src, enc),
                        reference(&idx, &src, offset, enc),
                        "{src:?} {offset}"
                    );
                }
            }
        }
    }
}
