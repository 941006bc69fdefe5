//! Exec-form detection: a JSON array of strings, with Go `encoding/json` semantics as BuildKit
//! uses them (the first JSON value is decoded; anything after it is ignored).

use super::words::RawWord;

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum JsonArray {
    /// A valid array of strings; `end` is where the array ends (text after it is ignored by Docker).
    Strings {
        items: Vec<RawWord>,
        start: usize,
        end: usize,
    },
    /// Valid JSON, but not every element is a string: Docker rejects the instruction.
    NotStrings { start: usize, end: usize },
    /// Not JSON: Docker falls back to the shell form.
    Invalid,
}

/// Parses `s` (offsets relative to `s`, shifted by `base`).
pub(crate) fn parse_json_array(s: &str, base: usize) -> JsonArray {
    let start = s.len() - s.trim_start().len();
    let b = s.as_bytes();
    if b.get(start) != Some(&b'[') {
        return JsonArray::Invalid;
    }
    let mut p = Parser { b, pos: start + 1 };
    let mut items = Vec::new();
    let mut all_strings = true;
    p.ws();
    if p.peek() == Some(b']') {
        return JsonArray::Strings {
            items,
            start: base + start,
            end: base + p.pos + 1,
        };
    }
    loop {
        p.ws();
        if p.peek() == Some(b'"') {
            let s0 = p.pos;
            let Some(text) = p.string() else {
                return JsonArray::Invalid;
            };
            items.push(RawWord {
                start: base + s0,
                end: base + p.pos,
                text,
            });
        } else {
            if !p.value() {
                return JsonArray::Invalid;
            }
            all_strings = false;
        }
        p.ws();
        match p.peek() {
            Some(b',') => p.pos += 1,
            Some(b']') => {
                p.pos += 1;
                break;
            }
            _ => return JsonArray::Invalid,
        }
    }
    if all_strings {
        JsonArray::Strings {
            items,
            start: base + start,
            end: base + p.pos,
        }
    } else {
        JsonArray::NotStrings {
            start: base + start,
            end: base + p.pos,
        }
    }
}

struct Parser<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A JSON string at `pos` (which holds `"`); returns the decoded text.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            let c = self.peek()?;
            match c {
                b'"' => {
                    out.push_str(std::str::from_utf8(self.b.get(run_start..self.pos)?).ok()?);
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(std::str::from_utf8(self.b.get(run_start..self.pos)?).ok()?);
                    self.pos += 1;
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let ch = if (0xD800..0xDC00).contains(&hi) {
                                // A high surrogate must pair with `\uDC00..DFFF`; otherwise U+FFFD, as Go does.
                                let save = self.pos;
                                if self.b.get(self.pos..self.pos + 2) == Some(b"\\u") {
                                    self.pos += 2;
                                    match self.hex4() {
                                        Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                            char::from_u32(
                                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                            )
                                        }
                                        _ => {
                                            self.pos = save;
                                            None
                                        }
                                    }
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(ch.unwrap_or('\u{FFFD}'));
                        }
                        _ => return None,
                    }
                    run_start = self.pos;
                }
                0..0x20 => return None,
                _ => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.pos..self.pos + 4)?;
        let mut v = 0;
        for d in digits {
            v = v * 16 + char::from(*d).to_digit(16)?;
        }
        self.pos += 4;
        Some(v)
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        if self.b.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> bool {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            _ => return false,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let d = self.pos;
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
            if self.pos == d {
                return false;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            let d = self.pos;
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
            if self.pos == d {
                return false;
            }
        }
        self.pos > start
    }

    /// Validates any JSON value without recursion (hostile nesting cannot overflow the stack).
    fn value(&mut self) -> bool {
        // Stack of open containers: b'[' or b'{'.
        let mut stack: Vec<u8> = Vec::new();
        loop {
            self.ws();
            // Parse one scalar or open a container.
            match self.peek() {
                Some(b'[') => {
                    self.pos += 1;
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        stack.push(b'[');
                        continue;
                    }
                }
                Some(b'{') => {
                    self.pos += 1;
                    self.ws();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        stack.push(b'{');
                        if !self.object_key() {
                            return false;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    if self.string().is_none() {
                        return false;
                    }
                }
                Some(b't') if self.literal(b"true") => {}
                Some(b'f') if self.literal(b"false") => {}
                Some(b'n') if self.literal(b"null") => {}
                _ => {
                    if !self.number() {
                        return false;
                    }
                }
            }
            // After a value: close containers or move to the next element.
            loop {
                let Some(&top) = stack.last() else {
                    return true;
                };
                self.ws();
                match (top, self.peek()) {
                    (_, Some(b',')) => {
                        self.pos += 1;
                        if top == b'{' {
                            self.ws();
                            if !self.object_key() {
                                return false;
                            }
                        }
                        break;
                    }
                    (b'[', Some(b']')) | (b'{', Some(b'}')) => {
                        self.pos += 1;
                        stack.pop();
                    }
                    _ => return false,
                }
            }
        }
    }

    /// `"key" :` inside an object.
    fn object_key(&mut self) -> bool {
        if self.peek() != Some(b'"') || self.string().is_none() {
            return false;
        }
        self.ws();
        if self.peek() != Some(b':') {
            return false;
        }
        self.pos += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Option<Vec<String>> {
        match parse_json_array(s, 0) {
            JsonArray::Strings { items, .. } => Some(items.into_iter().map(|w| w.text).collect()),
            _ => None,
        }
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            texts(r#"["a", "b\"c", "\u00e9\ud83d\ude00"]"#).unwrap(),
            ["a", "b\"c", "é😀"]
        );
        assert_eq!(texts("[]").unwrap(), Vec::<String>::new());
        assert_eq!(texts(r#"["a"] trailing"#).unwrap(), ["a"]);
    }

    #[test]
    fn invalid_falls_back() {
        assert_eq!(parse_json_array("['a']", 0), JsonArray::Invalid);
        assert_eq!(parse_json_array(r#"["a""#, 0), JsonArray::Invalid);
        assert_eq!(parse_json_array("echo [", 0), JsonArray::Invalid);
    }

    #[test]
    fn non_strings_are_rejected() {
        assert!(matches!(
            parse_json_array(r#"["a", ["b"]]"#, 0),
            JsonArray::NotStrings { .. }
        ));
        assert!(matches!(
            parse_json_array(r#"[1, {"a": [null, true]}]"#, 0),
            JsonArray::NotStrings { .. }
        ));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let s = format!("[{}", "[".repeat(200_000));
        assert_eq!(parse_json_array(&s, 0), JsonArray::Invalid);
    }
}
