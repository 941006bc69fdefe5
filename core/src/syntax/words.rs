//! BuildKit's word splitters, reimplemented with byte offsets.
//!
//! All functions work on `&str` slices of a logical line and return offsets relative to it.

/// A word found in a logical line: `[start, end)` in that line plus its processed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawWord {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Go's `unicode.IsSpace`.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// BuildKit's `reWhitespace` class: `[\t\v\f\r ]`.
pub(crate) const fn is_ws_class(b: u8) -> bool {
    matches!(b, b'\t' | 0x0b | 0x0c | b'\r' | b' ')
}

/// `reWhitespace.Split(s, -1)` with offsets; `base` is added to every offset.
pub(crate) fn split_whitespace_class(s: &str, base: usize) -> Vec<RawWord> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || is_ws_class(bytes[i]) {
            let end = i;
            out.push(RawWord {
                start: base + start,
                end: base + end,
                text: s[start..end].to_owned(),
            });
            while i < bytes.len() && is_ws_class(bytes[i]) {
                i += 1;
            }
            start = i;
            if i == bytes.len() {
                break;
            }
            continue;
        }
        i += 1;
    }
    out
}

/// BuildKit's `parseWords`: splits on whitespace outside quotes, keeping quotes and escapes in
/// the words (used by ARG, ENV, LABEL).
///
/// Every character of a word is kept, so a word's text is its slice of `rest`, except for a
/// lone escape at the very end, which BuildKit drops. Stepping over bytes and slicing once per
/// word replaces a char-by-char copy (this runs on every ENV, ARG and LABEL).
pub(crate) fn parse_words(rest: &str, escape: char, base: usize) -> Vec<RawWord> {
    let bytes = rest.as_bytes();
    let escape = u8::try_from(escape).ok();
    let mut words = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && space_len(rest, i) > 0 {
            i += space_len(rest, i);
        }
        if i >= bytes.len() {
            return words;
        }
        let start = i;
        let mut text_end = None;
        let mut quote: Option<u8> = None;
        let mut blank_ok = false;
        while let Some(&b) = bytes.get(i) {
            if quote == Some(b) {
                quote = None;
                i += 1;
            } else if quote.is_none() && (b == b'\'' || b == b'"') {
                quote = Some(b);
                blank_ok = true;
                i += 1;
            } else if Some(b) == escape && quote != Some(b'\'') {
                if i + 1 >= bytes.len() {
                    text_end = Some(i);
                    i += 1;
                } else {
                    i += 1 + char_len(rest, i + 1);
                }
            } else if quote.is_none() && space_len(rest, i) > 0 {
                break;
            } else {
                i += char_len(rest, i);
            }
        }
        let text = rest.get(start..text_end.unwrap_or(i)).unwrap_or("");
        if blank_ok || !text.is_empty() {
            words.push(RawWord {
                start: base + start,
                end: base + i,
                text: text.to_owned(),
            });
        }
    }
}

// `char_len` and `space_len` run for every byte of every instruction's arguments: their
// ASCII answer is inlined (in the size-optimised build it would stay a call), the rest is not.

/// The byte length of the char at `i` of `s` (1 past the end or off a boundary).
#[inline(always)]
fn char_len(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i) {
        Some(b) if b.is_ascii() => 1,
        _ => char_len_non_ascii(s, i),
    }
}

fn char_len_non_ascii(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8)
}

/// The byte length of the whitespace char (Go's `unicode.IsSpace`) at `i` of `s`, 0 if none.
#[inline(always)]
fn space_len(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => usize::from(matches!(b, b'\t'..=b'\r' | b' ')),
        _ => space_len_non_ascii(s, i),
    }
}

fn space_len_non_ascii(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .filter(|c| is_space(*c))
        .map_or(0, char::len_utf8)
}

/// BuildKit's `extractBuilderFlags`: leading `--flag` words (quotes removed, `\` escapes
/// resolved) and the offset where the arguments start.
pub(crate) fn extract_flags(line: &str, base: usize) -> (Vec<RawWord>, usize) {
    let bytes = line.as_bytes();
    let mut words = Vec::new();
    let mut pos = 0;
    loop {
        while pos < bytes.len() && (bytes[pos] as char).is_ascii_whitespace()
            || bytes.get(pos) == Some(&0x0b)
        {
            pos += 1;
        }
        if pos >= bytes.len() {
            return (words, bytes.len());
        }
        if !(bytes[pos] == b'-' && matches!(bytes.get(pos + 1), Some(b'-'))) {
            return (words, pos);
        }
        // Read one flag word.
        let start = pos;
        let mut word: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        let mut blank_ok = false;
        while pos < bytes.len() {
            let b = bytes[pos];
            if let Some(q) = quote {
                if b == q {
                    quote = None;
                } else if b == b'\\' && pos + 1 < bytes.len() {
                    pos += 1;
                    word.push(bytes[pos]);
                } else if b != b'\\' {
                    word.push(b);
                }
                pos += 1;
                continue;
            }
            if (b as char).is_ascii_whitespace() || b == 0x0b {
                break;
            }
            if b == b'\'' || b == b'"' {
                quote = Some(b);
                blank_ok = true;
            } else if b == b'\\' {
                if pos + 1 < bytes.len() {
                    pos += 1;
                    word.push(bytes[pos]);
                }
            } else {
                word.push(b);
            }
            pos += 1;
        }
        let text = String::from_utf8_lossy(&word).into_owned();
        if text == "--" {
            return (words, pos);
        }
        if blank_ok || !text.is_empty() {
            words.push(RawWord {
                start: base + start,
                end: base + pos,
                text,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BuildKit's `parseWords` transcribed char by char (the shape of its Go source): the
    /// reference the byte-stepping version must agree with.
    fn parse_words_reference(rest: &str, escape: char, base: usize) -> Vec<RawWord> {
        #[derive(PartialEq)]
        enum Phase {
            Spaces,
            Word,
            Quote,
        }
        let mut words = Vec::new();
        let mut phase = Phase::Spaces;
        let mut word = String::new();
        let mut word_start = 0;
        let mut quote = '\0';
        let mut blank_ok = false;
        let mut chars = rest.char_indices().peekable();
        loop {
            let Some((pos, ch)) = chars.next() else {
                if phase != Phase::Spaces && (blank_ok || !word.is_empty()) {
                    words.push(RawWord {
                        start: base + word_start,
                        end: base + rest.len(),
                        text: word,
                    });
                }
                break;
            };
            if phase == Phase::Spaces {
                if is_space(ch) {
                    continue;
                }
                phase = Phase::Word;
                word_start = pos;
            }
            if phase == Phase::Word {
                if is_space(ch) {
                    phase = Phase::Spaces;
                    if blank_ok || !word.is_empty() {
                        words.push(RawWord {
                            start: base + word_start,
                            end: base + pos,
                            text: std::mem::take(&mut word),
                        });
                    }
                    blank_ok = false;
                    continue;
                }
                if ch == '\'' || ch == '"' {
                    quote = ch;
                    blank_ok = true;
                    phase = Phase::Quote;
                    word.push(ch);
                    continue;
                }
                if ch == escape {
                    if let Some((_, next)) = chars.next() {
                        word.push(ch);
                        word.push(next);
                    }
                    continue;
                }
                word.push(ch);
                continue;
            }
            if ch == quote {
                phase = Phase::Word;
                word.push(ch);
                continue;
            }
            if ch == escape && quote != '\'' {
                match chars.next() {
                    None => phase = Phase::Word,
                    Some((_, next)) => {
                        word.push(ch);
                        word.push(next);
                    }
                }
                continue;
            }
            word.push(ch);
        }
        words
    }

    #[test]
    fn parse_words_agrees_with_the_reference() {
        let alphabet = [
            "a", "b", "=", " ", "\t", "\\", "`", "'", "\"", "\u{a0}", "\u{85}", "\u{2003}", "é",
            "😀", "\n", "\u{b}",
        ];
        let mut rng = crate::util::test_rng();
        for n in 0..20_000 {
            let text = crate::util::random_text(&mut rng, &alphabet, 12);
            let escape = if n % 3 == 0 { '`' } else { '\\' };
            assert_eq!(
                parse_words(&text, escape, 7),
                parse_words_reference(&text, escape, 7),
                "{text:?} with escape {escape:?}"
            );
        }
    }

    #[test]
    fn words_keep_quotes() {
        let w = parse_words(r#"a="b c" d\ e 'f'"#, '\\', 0);
        let texts: Vec<_> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, [r#"a="b c""#, r"d\ e", "'f'"]);
        assert_eq!((w[1].start, w[1].end), (8, 12));
    }

    #[test]
    fn flags_stop_at_first_argument() {
        let (flags, rest) = extract_flags("--from=build --chown=1:1 src dst", 0);
        assert_eq!(flags.len(), 2);
        assert_eq!(flags[1].text, "--chown=1:1");
        assert_eq!(rest, 25);
    }

    #[test]
    fn whitespace_class_split() {
        let w = split_whitespace_class("a  b\tc", 10);
        assert_eq!(
            w.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>(),
            [(10, 11), (13, 14), (15, 16)]
        );
    }
}
