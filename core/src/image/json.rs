//! A small, strict (RFC 8259) JSON parser that keeps byte ranges for every value and key.
//!
//! It never panics, runs in linear time and caps nesting at [`MAX_DEPTH`] so hostile input
//! yields an error instead of a stack overflow.

use std::collections::HashMap;

use serde::Serialize;

use crate::text::TextRange;

/// Deepest array/object nesting accepted.
pub const MAX_DEPTH: usize = 128;

/// A JSON number: its value as `f64` and the exact source text (for lossless integers).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JsonNumber {
    pub value: f64,
    pub raw: String,
}

/// An object key with its range (quotes included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Key {
    pub name: String,
    pub range: TextRange,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum JsonValue {
    Null,
    Bool(bool),
    Number(JsonNumber),
    String(String),
    Array(Vec<JsonNode>),
    Object(Vec<(Key, JsonNode)>),
}

/// A value and the byte range it spans in the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JsonNode {
    pub value: JsonValue,
    pub range: TextRange,
}

/// A key that appeared twice in one object; the last occurrence wins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DuplicateKey {
    pub name: String,
    /// The earlier, discarded key.
    pub first: TextRange,
    /// The later key, whose value is kept.
    pub second: TextRange,
}

/// A syntax error at `range` (usually one character, or empty at end of input).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct JsonError {
    pub range: TextRange,
    pub message: String,
}

/// A parsed document: the root value plus the duplicate keys that were dropped.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParsedJson {
    pub root: JsonNode,
    pub duplicates: Vec<DuplicateKey>,
}

impl JsonValue {
    /// A short name for messages: "string", "number", "object", ….
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "boolean",
            Self::Number(_) => "number",
            Self::String(_) => "string",
            Self::Array(_) => "array",
            Self::Object(_) => "object",
        }
    }
}

impl JsonNode {
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_array(&self) -> Option<&[JsonNode]> {
        match &self.value {
            JsonValue::Array(a) => Some(a),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_object(&self) -> Option<&[(Key, JsonNode)]> {
        match &self.value {
            JsonValue::Object(o) => Some(o),
            _ => None,
        }
    }

    #[must_use]
    pub const fn as_bool(&self) -> Option<bool> {
        match &self.value {
            JsonValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    #[must_use]
    pub const fn is_null(&self) -> bool {
        matches!(self.value, JsonValue::Null)
    }

    /// The number as an exact `i64` if it is an integer literal in range.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match &self.value {
            JsonValue::Number(n) => n.raw.parse::<i64>().ok(),
            _ => None,
        }
    }

    /// The number as an exact `u64` if it is a non-negative integer literal in range.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match &self.value {
            JsonValue::Number(n) => n.raw.parse::<u64>().ok(),
            _ => None,
        }
    }

    /// The member `key` of an object (the last one if duplicated, which the parser already kept).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&JsonNode> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    /// The key range of member `key`, if present.
    #[must_use]
    pub fn key_range(&self, key: &str) -> Option<TextRange> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k.name == key)
            .map(|(k, _)| k.range)
    }

    /// Resolves an RFC 6901 JSON Pointer such as `/config/User` or `/layers/0/digest`.
    #[must_use]
    pub fn pointer_get(&self, pointer: &str) -> Option<&JsonNode> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        let mut node = self;
        for raw in rest.split('/') {
            let token = raw.replace("~1", "/").replace("~0", "~");
            node = match &node.value {
                JsonValue::Object(_) => node.get(&token)?,
                JsonValue::Array(items) => {
                    if token.len() > 1 && token.starts_with('0') {
                        return None;
                    }
                    items.get(token.parse::<usize>().ok()?)?
                }
                _ => return None,
            };
        }
        Some(node)
    }
}

/// Escapes one JSON Pointer reference token (`~` → `~0`, `/` → `~1`).
#[must_use]
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Parses `source` strictly. Stops at the first syntax error.
///
/// # Errors
/// Returns the first syntax error with its position.
pub fn parse(source: &str) -> Result<ParsedJson, JsonError> {
    if u32::try_from(source.len()).is_err() {
        return Err(JsonError {
            range: TextRange::empty(0),
            message: "input larger than 4 GiB".to_owned(),
        });
    }
    let mut p = Parser {
        src: source,
        bytes: source.as_bytes(),
        pos: 0,
        duplicates: Vec::new(),
    };
    // A UTF-8 byte order mark is tolerated (RFC 8259 §8.1 allows ignoring it).
    if source.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws()?;
    let root = p.value(0)?;
    p.skip_ws()?;
    if p.pos < p.bytes.len() {
        return Err(p.err_here("unexpected text after the JSON value"));
    }
    Ok(ParsedJson {
        root,
        duplicates: p.duplicates,
    })
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    duplicates: Vec<DuplicateKey>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn err_at(&self, start: usize, end: usize, message: impl Into<String>) -> JsonError {
        JsonError {
            range: TextRange::from_usize(start, end.min(self.bytes.len())),
            message: message.into(),
        }
    }

    /// An error covering the current character (or empty at the end of input).
    fn err_here(&self, message: impl Into<String>) -> JsonError {
        let len = self
            .src
            .get(self.pos..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        self.err_at(self.pos, self.pos + len, message)
    }

    fn describe_here(&self) -> String {
        match self.src.get(self.pos..).and_then(|s| s.chars().next()) {
            None => "end of input".to_owned(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", u32::from(c)),
            Some(c) => format!("'{c}'"),
        }
    }

    fn skip_ws(&mut self) -> Result<(), JsonError> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\t' | b'\n' | b'\r' => self.pos += 1,
                b'/' if matches!(self.bytes.get(self.pos + 1), Some(b'/' | b'*')) => {
                    return Err(self.err_at(
                        self.pos,
                        self.pos + 2,
                        "comments are not allowed in JSON",
                    ));
                }
                _ => break,
            }
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<JsonNode, JsonError> {
        let start = self.pos;
        match self.peek() {
            None => Err(self.err_here("unexpected end of input, expected a value")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                let s = self.string()?;
                Ok(JsonNode {
                    value: JsonValue::String(s),
                    range: TextRange::from_usize(start, self.pos),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", JsonValue::Bool(true)),
            Some(b'f') => self.literal("false", JsonValue::Bool(false)),
            Some(b'n') => self.literal("null", JsonValue::Null),
            Some(_) => Err(self.err_here(format!(
                "expected a JSON value, found {}",
                self.describe_here()
            ))),
        }
    }

    fn literal(&mut self, word: &str, value: JsonValue) -> Result<JsonNode, JsonError> {
        let start = self.pos;
        if self.bytes.get(start..start + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            if matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric()) {
                return Err(self.err_here(format!("unexpected character after '{word}'")));
            }
            Ok(JsonNode {
                value,
                range: TextRange::from_usize(start, self.pos),
            })
        } else {
            let mut end = start;
            while matches!(self.bytes.get(end), Some(b) if b.is_ascii_alphanumeric()) {
                end += 1;
            }
            Err(self.err_at(
                start,
                end.max(start + 1),
                "invalid literal (expected true, false or null)",
            ))
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - from
    }

    fn number(&mut self) -> Result<JsonNode, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.err_here("leading zeros are not allowed in numbers"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err_here("invalid number: expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.err_here("invalid number: expected a digit after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.err_here("invalid number: expected a digit in the exponent"));
            }
        }
        if matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'.') {
            return Err(self.err_here("invalid number"));
        }
        let raw = self.src.get(start..self.pos).unwrap_or("").to_owned();
        let value = crate::util::float::parse_f64(&raw).unwrap_or(f64::NAN);
        Ok(JsonNode {
            value: JsonValue::Number(JsonNumber { value, raw }),
            range: TextRange::from_usize(start, self.pos),
        })
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.err_here("invalid \\u escape: expected 4 hex digits")),
            };
            v = v * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(v)
    }

    /// Parses a string starting at the opening quote; returns its unescaped content.
    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut chunk_start = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.err_at(open, self.pos, "unterminated string"));
            };
            match b {
                b'"' => {
                    out.push_str(self.src.get(chunk_start..self.pos).unwrap_or(""));
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.src.get(chunk_start..self.pos).unwrap_or(""));
                    let esc_start = self.pos;
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                // A high surrogate: combine with a following low surrogate.
                                let is_low_next = matches!(self.bytes.get(self.pos), Some(b'\\'))
                                    && matches!(self.bytes.get(self.pos + 1), Some(b'u'));
                                let save = self.pos;
                                let mut combined = None;
                                if is_low_next {
                                    self.pos += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        combined = char::from_u32(
                                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                        );
                                    } else {
                                        self.pos = save;
                                    }
                                }
                                combined.unwrap_or('\u{FFFD}')
                            } else {
                                char::from_u32(hi).unwrap_or('\u{FFFD}')
                            };
                            out.push(c);
                            chunk_start = self.pos;
                            continue;
                        }
                        _ => {
                            return Err(self.err_at(
                                esc_start,
                                self.pos + 1,
                                "invalid escape sequence in string",
                            ));
                        }
                    };
                    out.push(c);
                    self.pos += 1;
                    chunk_start = self.pos;
                }
                0..=0x1f => {
                    return Err(
                        self.err_here(format!("unescaped control character U+{b:04X} in string"))
                    );
                }
                _ => self.pos += 1,
            }
        }
    }

    fn enter(&self, depth: usize) -> Result<usize, JsonError> {
        if depth >= MAX_DEPTH {
            Err(self.err_here(format!("JSON nesting deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(depth + 1)
        }
    }

    fn array(&mut self, depth: usize) -> Result<JsonNode, JsonError> {
        let depth = self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(JsonNode {
                value: JsonValue::Array(items),
                range: TextRange::from_usize(start, self.pos),
            });
        }
        loop {
            self.skip_ws()?;
            if self.peek() == Some(b']') && !items.is_empty() {
                return Err(self.err_here("trailing comma before ']'"));
            }
            items.push(self.value(depth)?);
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(JsonNode {
                        value: JsonValue::Array(items),
                        range: TextRange::from_usize(start, self.pos),
                    });
                }
                _ => {
                    return Err(self.err_here(format!(
                        "expected ',' or ']' after array element, found {}",
                        self.describe_here()
                    )));
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<JsonNode, JsonError> {
        let depth = self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mut members: Vec<(Key, JsonNode)> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        self.skip_ws()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(JsonNode {
                value: JsonValue::Object(members),
                range: TextRange::from_usize(start, self.pos),
            });
        }
        loop {
            self.skip_ws()?;
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !members.is_empty() => {
                    return Err(self.err_here("trailing comma before '}'"));
                }
                _ => {
                    return Err(self.err_here(format!(
                        "expected a string key, found {}",
                        self.describe_here()
                    )));
                }
            }
            let key_start = self.pos;
            let name = self.string()?;
            let key = Key {
                name,
                range: TextRange::from_usize(key_start, self.pos),
            };
            self.skip_ws()?;
            if self.peek() != Some(b':') {
                return Err(self.err_here(format!(
                    "expected ':' after object key, found {}",
                    self.describe_here()
                )));
            }
            self.pos += 1;
            self.skip_ws()?;
            let value = self.value(depth)?;
            if let Some(&idx) = seen.get(&key.name) {
                if let Some(slot) = members.get_mut(idx) {
                    self.duplicates.push(DuplicateKey {
                        name: key.name.clone(),
                        first: slot.0.range,
                        second: key.range,
                    });
                    *slot = (key, value);
                }
            } else {
                seen.insert(key.name.clone(), members.len());
                members.push((key, value));
            }
            self.skip_ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(JsonNode {
                        value: JsonValue::Object(members),
                        range: TextRange::from_usize(start, self.pos),
                    });
                }
                _ => {
                    return Err(self.err_here(format!(
                        "expected ',' or '}}' after object member, found {}",
                        self.describe_here()
                    )));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> JsonNode {
        match parse(s) {
            Ok(p) => p.root,
            Err(e) => panic!("parse failed for {s:?}: {e:?}"),
        }
    }

    fn err(s: &str) -> JsonError {
        match parse(s) {
            Ok(p) => panic!("expected error for {s:?}, got {p:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn parses_values_with_ranges() {
        let src = r#" {"a": [1, -2.5e3, true, null], "b": "x\u00e9\n"} "#;
        let root = ok(src);
        assert_eq!(root.range.slice(src), &src[1..src.len() - 1]);
        let a = root.pointer_get("/a/1").unwrap();
        assert_eq!(a.range.slice(src), "-2.5e3");
        assert_eq!(root.pointer_get("/b").unwrap().as_str(), Some("xé\n"));
        assert!(root.pointer_get("/a/9").is_none());
        assert!(root.pointer_get("/a/01").is_none());
    }

    #[test]
    fn pointer_escapes() {
        let root = ok(r#"{"a/b": {"c~d": 1}}"#);
        assert_eq!(root.pointer_get("/a~1b/c~0d").unwrap().as_i64(), Some(1));
    }

    #[test]
    fn surrogates() {
        assert_eq!(ok(r#""\ud83d\ude00""#).as_str(), Some("😀"));
        assert_eq!(ok(r#""\ud83dx""#).as_str(), Some("\u{FFFD}x"));
        assert_eq!(ok(r#""\ude00""#).as_str(), Some("\u{FFFD}"));
        assert_eq!(ok(r#""\ud83d\u0041""#).as_str(), Some("\u{FFFD}A"));
    }

    #[test]
    fn strictness() {
        assert!(err("[1,]").message.contains("trailing comma"));
        assert!(err(r#"{"a":1,}"#).message.contains("trailing comma"));
        assert!(err("// x\n{}").message.contains("comments"));
        assert!(err("\"a\tb\"").message.contains("control character"));
        assert!(err("01").message.contains("leading zeros"));
        assert!(err("{} {}").message.contains("after the JSON value"));
        assert!(err("'a'").message.contains("expected a JSON value"));
        assert!(err("\"\\x\"").message.contains("escape"));
        assert!(err("tru").message.contains("literal"));
        assert!(err("").message.contains("end of input"));
        let e = err(r#"{"a":1 "b":2}"#);
        assert!(
            e.message
                .starts_with("expected ',' or '}' after object member")
        );
        assert_eq!(e.range, TextRange::new(7, 8));
    }

    #[test]
    fn duplicates_keep_last() {
        let p = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(p.root.get("a").unwrap().as_i64(), Some(3));
        assert_eq!(p.root.as_object().unwrap().len(), 2);
        assert_eq!(p.duplicates.len(), 1);
        assert_eq!(p.duplicates[0].name, "a");
    }

    #[test]
    fn depth_limit() {
        let deep = "[".repeat(100_000);
        assert!(err(&deep).message.contains("nesting deeper"));
        let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
        ok(&fine);
    }

    #[test]
    fn big_integers_are_exact() {
        let n = ok("9007199254740993");
        assert_eq!(n.as_u64(), Some(9_007_199_254_740_993));
        assert_eq!(ok("-1").as_u64(), None);
    }
}
