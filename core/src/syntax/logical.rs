//! A logical line: an instruction's text with continuations and inner comment lines removed,
//! plus the map from its offsets back to offsets in the file.

use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// Offset of this piece in the logical text.
    logical: u32,
    /// Offset of the same bytes in the file.
    file: u32,
    len: u32,
}

/// Text plus an offset map into the original source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogicalLine {
    text: String,
    segments: Vec<Segment>,
}

impl LogicalLine {
    /// An empty line with room for `text` bytes in `segments` pieces.
    #[must_use]
    pub(crate) fn with_capacity(text: usize, segments: usize) -> Self {
        Self {
            text: String::with_capacity(text),
            segments: Vec::with_capacity(segments),
        }
    }

    /// Appends a contiguous piece of the file.
    pub(crate) fn push(&mut self, source: &str, range: TextRange) {
        let piece = range.slice(source);
        if piece.is_empty() {
            return;
        }
        let logical = to_u32(self.text.len());
        if let Some(last) = self.segments.last_mut()
            && last.file + last.len == range.start
            && last.logical + last.len == logical
        {
            last.len += range.len();
        } else {
            self.segments.push(Segment {
                logical,
                file: range.start,
                len: range.len(),
            });
        }
        self.text.push_str(piece);
    }

    /// The logical text (what BuildKit and the shell see).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Maps a logical offset to a file offset. The end of the text maps to the end of the last piece.
    #[must_use]
    pub fn to_file(&self, offset: u32) -> u32 {
        let idx = self
            .segments
            .partition_point(|s| s.logical <= offset)
            .saturating_sub(1);
        match self.segments.get(idx) {
            Some(seg) => seg.file + (offset - seg.logical).min(seg.len),
            None => 0,
        }
    }

    /// Maps a logical range to a file range. A range that crosses a continuation covers it.
    #[must_use]
    pub fn range_to_file(&self, range: TextRange) -> TextRange {
        let start = self.to_file(range.start);
        if range.is_empty() {
            return TextRange::empty(start);
        }
        // Map the last byte, then step past it, so an end at a piece boundary stays in that piece.
        let end = self.to_file(range.end - 1) + 1;
        TextRange::new(start, end.max(start))
    }

    /// The file range of the whole logical text.
    #[must_use]
    pub fn file_range(&self) -> TextRange {
        match (self.segments.first(), self.segments.last()) {
            (Some(first), Some(last)) => TextRange::new(first.file, last.file + last.len),
            _ => TextRange::default(),
        }
    }

    /// The file range of the first piece (the instruction's first line).
    #[must_use]
    pub fn first_segment_range(&self) -> Option<TextRange> {
        self.segments
            .first()
            .map(|s| TextRange::new(s.file, s.file + s.len))
    }

    /// The sub-line covering `range` of this line (offsets relative to this line's text).
    #[must_use]
    pub fn slice(&self, range: TextRange) -> Self {
        let (start, end) = (range.start, range.end.min(to_u32(self.text.len())));
        // The logical text is contiguous: one copy; only the segments need cutting.
        let text = self
            .text
            .get(start as usize..end as usize)
            .unwrap_or_default()
            .to_owned();
        let mut segments = Vec::with_capacity(self.segments.len());
        for seg in &self.segments {
            let s = seg.logical.max(start);
            let e = (seg.logical + seg.len).min(end);
            if s < e {
                segments.push(Segment {
                    logical: s - start,
                    file: seg.file + (s - seg.logical),
                    len: e - s,
                });
            }
        }
        Self { text, segments }
    }

    /// A line made of one contiguous file range (heredoc bodies).
    #[must_use]
    pub fn contiguous(source: &str, range: TextRange) -> Self {
        let mut out = Self::default();
        out.push(source, range);
        out
    }
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "sources are checked to be < 4 GiB"
)]
pub(crate) const fn to_u32(n: usize) -> u32 {
    n as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_across_continuations() {
        let src = "RUN a \\\n  b";
        let mut line = LogicalLine::default();
        line.push(src, TextRange::new(0, 6));
        line.push(src, TextRange::new(8, 11));
        assert_eq!(line.as_str(), "RUN a   b");
        let b = u32::try_from(line.as_str().find('b').unwrap()).unwrap();
        assert_eq!(line.to_file(b), 10);
        assert_eq!(
            line.range_to_file(TextRange::new(4, 9)),
            TextRange::new(4, 11)
        );
        let sub = line.slice(TextRange::new(4, 9));
        assert_eq!(sub.as_str(), "a   b");
        assert_eq!(sub.to_file(4), 10);
    }
}
