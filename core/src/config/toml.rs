//! A small TOML 1.0 reader that keeps the byte span of every key and value.
//!
//! `stowage.toml` files are small and their errors must point at the exact key, so the reader
//! builds a spanned tree and `decode.rs` maps it onto [`super::Config`]. It replaces the `toml`
//! crate (its parser, serde glue and date-time types were a sixth of the WebAssembly module).
//! Linear in the input; nesting is capped so hostile input cannot exhaust the stack.

use std::collections::HashMap;
use std::ops::Range;

/// A value with the span of its text.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// Kept as written: no setting takes a date.
    Datetime(String),
    Array(Vec<Node>),
    Table(Table),
}

/// Entries in file order, with how the table came to be (TOML forbids redefining some).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Table {
    pub entries: Vec<(Key, Node)>,
    /// Position of each key in `entries`, so a table with many keys is read in linear time.
    index: HashMap<String, usize>,
    /// Opened by a `[header]` (a second one is an error).
    explicit: bool,
    /// An inline `{ … }` table or a plain value: closed to later headers and dotted keys.
    frozen: bool,
    /// Created by dotted keys (`a.b = 1`): a later `[a]` header may not reopen it.
    dotted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Key {
    pub name: String,
    pub span: Range<usize>,
}

/// A syntax error: what and where (byte span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Error {
    pub message: String,
    pub span: Range<usize>,
}

type Result<T> = std::result::Result<T, Error>;

impl Table {
    fn position(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// Appends an entry (the caller checked the key is new) and returns its position.
    fn push(&mut self, key: Key, node: Node) -> usize {
        let i = self.entries.len();
        self.index.insert(key.name.clone(), i);
        self.entries.push((key, node));
        i
    }
}

const MAX_DEPTH: usize = 64;

/// Parses a document into its root table.
pub(super) fn parse(text: &str) -> Result<Node> {
    let mut p = Parser {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let mut root = Table::default();
    // Path (keys, with the index into arrays of tables) of the table that receives key/values.
    let mut current: Vec<String> = Vec::new();
    loop {
        p.skip_blank_lines();
        let Some(b) = p.peek() else { break };
        if b == b'[' {
            let start = p.pos;
            let array = matches!(p.bytes.get(p.pos + 1), Some(b'['));
            p.pos += if array { 2 } else { 1 };
            p.skip_ws();
            let keys = p.key_path()?;
            p.skip_ws();
            let close = if array { "]]" } else { "]" };
            if !p.rest().starts_with(close) {
                return Err(p.error_here(format!("expected `{close}` to close the table header")));
            }
            p.pos += close.len();
            let header = start..p.pos;
            p.end_of_line()?;
            open_table(&mut root, &keys, array, header)?;
            current = keys.into_iter().map(|k| k.name).collect();
        } else {
            let (keys, value) = p.key_value(0)?;
            p.end_of_line()?;
            let Some(table) = navigate(&mut root, &current) else {
                return Err(Error {
                    message: "this key's table could not be found".into(),
                    span: keys.first().map_or(0..0, |k| k.span.clone()),
                });
            };
            insert_dotted(table, keys, value)?;
        }
    }
    Ok(Node {
        span: 0..text.len(),
        kind: Kind::Table(root),
    })
}

/// The table at `path` (`open_table` made it), the last element of arrays of tables.
/// Recursive, but key paths are at most `MAX_DEPTH` long.
fn navigate<'t>(t: &'t mut Table, path: &[String]) -> Option<&'t mut Table> {
    let Some((first, rest)) = path.split_first() else {
        return Some(t);
    };
    let i = t.position(first)?;
    let node = &mut t.entries.get_mut(i)?.1;
    let sub = match &mut node.kind {
        Kind::Table(sub) => sub,
        Kind::Array(items) => match &mut items.last_mut()?.kind {
            Kind::Table(sub) => sub,
            _ => return None,
        },
        _ => return None,
    };
    navigate(sub, rest)
}

/// `[a.b]` or `[[a.b]]`: creates (or, for arrays, appends to) the table.
fn open_table(root: &mut Table, keys: &[Key], array: bool, header: Range<usize>) -> Result<()> {
    let Some((last, prefix)) = keys.split_last() else {
        return Ok(());
    };
    let mut t = root;
    for key in prefix {
        t = descend(t, key, true)?;
    }
    let existing = t.position(&last.name);
    match (existing, array) {
        (None, false) => {
            t.push(last.clone(), table_node(header, true));
            Ok(())
        }
        (None, true) => {
            let span = header.clone();
            t.push(
                last.clone(),
                Node {
                    span,
                    kind: Kind::Array(vec![table_node(header, true)]),
                },
            );
            Ok(())
        }
        (Some(i), false) => match &mut t.entries[i].1.kind {
            Kind::Table(sub) if !sub.explicit && !sub.frozen && !sub.dotted => {
                sub.explicit = true;
                Ok(())
            }
            _ => Err(Error {
                message: format!("`{}` is defined twice", last.name),
                span: last.span.clone(),
            }),
        },
        (Some(i), true) => {
            let entry = &mut t.entries[i].1;
            match &mut entry.kind {
                Kind::Array(items)
                    if items
                        .iter()
                        .all(|n| matches!(&n.kind, Kind::Table(s) if s.explicit))
                        && !items.is_empty() =>
                {
                    items.push(table_node(header, true));
                    Ok(())
                }
                _ => Err(Error {
                    message: format!("`{}` is already a value, not an array of tables", last.name),
                    span: last.span.clone(),
                }),
            }
        }
    }
}

fn table_node(span: Range<usize>, explicit: bool) -> Node {
    Node {
        span,
        kind: Kind::Table(Table {
            explicit,
            ..Table::default()
        }),
    }
}

/// The sub-table `key` of `t`, created when missing. `header`: walking a `[a.b]` header (which
/// may enter arrays of tables); otherwise walking a dotted key (which may not).
fn descend<'t>(t: &'t mut Table, key: &Key, header: bool) -> Result<&'t mut Table> {
    let i = match t.position(&key.name) {
        Some(i) => i,
        None => {
            let mut node = table_node(key.span.clone(), false);
            if let Kind::Table(sub) = &mut node.kind {
                sub.dotted = !header;
            }
            t.push(key.clone(), node)
        }
    };
    let clash = || Error {
        message: format!("`{}` is already a value, not a table", key.name),
        span: key.span.clone(),
    };
    match &mut t.entries[i].1.kind {
        Kind::Table(sub) if !sub.frozen && (header || !sub.explicit || sub.dotted) => Ok(sub),
        Kind::Array(items) if header => match items.last_mut().map(|n| &mut n.kind) {
            Some(Kind::Table(sub)) if !sub.frozen => Ok(sub),
            _ => Err(clash()),
        },
        _ => Err(clash()),
    }
}

/// `a.b.c = value` inside `t`.
fn insert_dotted(t: &mut Table, keys: Vec<Key>, value: Node) -> Result<()> {
    let mut keys = keys;
    let Some(last) = keys.pop() else {
        return Ok(());
    };
    let mut t = t;
    for key in &keys {
        t = descend(t, key, false)?;
    }
    if t.position(&last.name).is_some() {
        return Err(Error {
            message: format!("duplicate key `{}`", last.name),
            span: last.span,
        });
    }
    t.push(last, value);
    Ok(())
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn rest(&self) -> &str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn error_here(&self, message: String) -> Error {
        let end = (self.pos + 1).min(self.bytes.len());
        let mut end = end.max(self.pos);
        while end < self.bytes.len() && !self.src.is_char_boundary(end) {
            end += 1;
        }
        Error {
            message,
            span: self.pos..end,
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            while !matches!(self.peek(), None | Some(b'\n')) {
                self.pos += 1;
            }
        }
    }

    /// Whitespace, comments and newlines.
    fn skip_blank_lines(&mut self) {
        loop {
            self.skip_ws();
            self.skip_comment();
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'\r') if matches!(self.bytes.get(self.pos + 1), Some(b'\n')) => self.pos += 2,
                _ => return,
            }
        }
    }

    /// After a key/value or header: only a comment may follow on the line.
    fn end_of_line(&mut self) -> Result<()> {
        self.skip_ws();
        self.skip_comment();
        match self.peek() {
            None | Some(b'\n') => Ok(()),
            Some(b'\r') if matches!(self.bytes.get(self.pos + 1), Some(b'\n')) => Ok(()),
            Some(_) => Err(self.error_here(
                "unexpected text after the value; put each setting on its own line".into(),
            )),
        }
    }

    /// `key = value`, at the top level (`depth` 0) or inside an inline table.
    fn key_value(&mut self, depth: usize) -> Result<(Vec<Key>, Node)> {
        let keys = self.key_path()?;
        self.skip_ws();
        if self.peek() != Some(b'=') {
            return Err(self.error_here("expected `=` after the key".into()));
        }
        self.pos += 1;
        self.skip_ws();
        Ok((keys, self.value(depth)?))
    }

    /// `a`, `"a b"`, `'a'`, `a.b."c"`.
    fn key_path(&mut self) -> Result<Vec<Key>> {
        let mut keys = vec![self.key()?];
        loop {
            self.skip_ws();
            if self.peek() != Some(b'.') {
                return Ok(keys);
            }
            if keys.len() >= MAX_DEPTH {
                return Err(self.error_here(format!("keys nest deeper than {MAX_DEPTH} levels")));
            }
            self.pos += 1;
            self.skip_ws();
            keys.push(self.key()?);
        }
    }

    fn key(&mut self) -> Result<Key> {
        let start = self.pos;
        let name = match self.peek() {
            Some(b'"') => {
                if self.rest().starts_with("\"\"\"") {
                    return Err(self.error_here("a key cannot be a multi-line string".into()));
                }
                self.basic_string()?
            }
            Some(b'\'') => {
                if self.rest().starts_with("'''") {
                    return Err(self.error_here("a key cannot be a multi-line string".into()));
                }
                self.literal_string()?
            }
            _ => {
                while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                {
                    self.pos += 1;
                }
                if self.pos == start {
                    return Err(self.error_here(
                        "expected a key (letters, digits, `-`, `_`, or a quoted string)".into(),
                    ));
                }
                self.src.get(start..self.pos).unwrap_or("").to_owned()
            }
        };
        Ok(Key {
            name,
            span: start..self.pos,
        })
    }

    fn value(&mut self, depth: usize) -> Result<Node> {
        if depth > MAX_DEPTH {
            return Err(self.error_here(format!("values nest deeper than {MAX_DEPTH} levels")));
        }
        let start = self.pos;
        let kind = match self.peek() {
            None | Some(b'\n' | b'\r' | b'#') => {
                return Err(self.error_here("expected a value after `=`".into()));
            }
            Some(b'"') if self.rest().starts_with("\"\"\"") => {
                Kind::String(self.multiline_basic_string()?)
            }
            Some(b'"') => Kind::String(self.basic_string()?),
            Some(b'\'') if self.rest().starts_with("'''") => {
                Kind::String(self.multiline_literal_string()?)
            }
            Some(b'\'') => Kind::String(self.literal_string()?),
            Some(b'[') => self.array(depth)?,
            Some(b'{') => self.inline_table(depth)?,
            Some(_) => self.scalar()?,
        };
        Ok(Node {
            span: start..self.pos,
            kind,
        })
    }

    fn array(&mut self, depth: usize) -> Result<Kind> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank_lines();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Kind::Array(items));
                }
                None => {
                    return Err(Error {
                        message: "unclosed array: expected `]`".into(),
                        span: open..open + 1,
                    });
                }
                _ => {}
            }
            items.push(self.value(depth + 1)?);
            self.skip_blank_lines();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                None => {
                    return Err(Error {
                        message: "unclosed array: expected `]`".into(),
                        span: open..open + 1,
                    });
                }
                _ => return Err(self.error_here("expected `,` or `]` in the array".into())),
            }
        }
    }

    fn inline_table(&mut self, depth: usize) -> Result<Kind> {
        self.pos += 1;
        let mut table = Table::default();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            table.frozen = true;
            return Ok(Kind::Table(table));
        }
        loop {
            self.skip_ws();
            let (keys, value) = self.key_value(depth + 1)?;
            insert_dotted(&mut table, keys, value)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    freeze(&mut table);
                    return Ok(Kind::Table(table));
                }
                _ => {
                    return Err(self.error_here(
                        "expected `,` or `}` in the inline table (it must fit on one line)".into(),
                    ));
                }
            }
        }
    }

    /// `"…"` with escapes.
    fn basic_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(unterminated(open));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => self.escape(&mut out)?,
                '\n' | '\r' => return Err(unterminated(open)),
                c => {
                    self.pos += c.len_utf8();
                    out.push(c);
                }
            }
        }
    }

    /// `"""…"""`: a newline right after the opening quotes is dropped; a backslash at the end
    /// of a line joins it to the next non-blank text.
    fn multiline_basic_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 3;
        self.skip_first_newline();
        let mut out = String::new();
        loop {
            if self.rest().starts_with("\"\"\"") {
                // Up to two quotes may end the content: `""""` is `"` then the delimiter.
                let mut quotes = 3;
                while quotes < 5 && matches!(self.bytes.get(self.pos + quotes), Some(b'"')) {
                    quotes += 1;
                }
                out.extend(std::iter::repeat_n('"', quotes - 3));
                self.pos += quotes;
                return Ok(out);
            }
            let Some(c) = self.rest().chars().next() else {
                return Err(unterminated(open));
            };
            if c == '\\' {
                let after = self.rest()[1..].trim_start_matches([' ', '\t']);
                if after.starts_with('\n') || after.starts_with("\r\n") {
                    let skipped = self.rest().len() - after.len();
                    self.pos += skipped;
                    while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                    continue;
                }
                self.escape(&mut out)?;
            } else {
                self.pos += c.len_utf8();
                out.push(c);
            }
        }
    }

    /// `'…'`: no escapes.
    fn literal_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 1;
        let rest = self.rest();
        let end = rest
            .find(['\'', '\n'])
            .filter(|&i| rest.as_bytes()[i] == b'\'');
        let Some(end) = end else {
            return Err(unterminated(open));
        };
        let s = rest[..end].to_owned();
        self.pos += end + 1;
        Ok(s)
    }

    fn multiline_literal_string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 3;
        self.skip_first_newline();
        let rest = self.rest();
        let Some(end) = rest.find("'''") else {
            return Err(unterminated(open));
        };
        let mut close = end + 3;
        while close < end + 5 && matches!(rest.as_bytes().get(close), Some(b'\'')) {
            close += 1;
        }
        let s = rest[..close - 3].to_owned();
        self.pos += close;
        Ok(s)
    }

    fn skip_first_newline(&mut self) {
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        } else if self.rest().starts_with("\r\n") {
            self.pos += 2;
        }
    }

    /// A backslash escape at `pos`, appended to `out`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let start = self.pos;
        self.pos += 1;
        let Some(ch) = self.rest().chars().next() else {
            return Err(unterminated(start));
        };
        self.pos += ch.len_utf8();
        let c = u8::try_from(ch).unwrap_or(0);
        let simple = match c {
            b'b' => Some('\u{8}'),
            b't' => Some('\t'),
            b'n' => Some('\n'),
            b'f' => Some('\u{c}'),
            b'r' => Some('\r'),
            b'e' => Some('\u{1b}'),
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            _ => None,
        };
        if let Some(ch) = simple {
            out.push(ch);
            return Ok(());
        }
        let digits = match c {
            b'x' => 2,
            b'u' => 4,
            b'U' => 8,
            _ => {
                return Err(Error {
                    message:
                        "invalid escape; use \\n, \\t, \\\", \\\\, \\uXXXX or a 'literal string'"
                            .into(),
                    span: start..self.pos,
                });
            }
        };
        let hex = self.src.get(self.pos..self.pos + digits).unwrap_or("");
        let ch = (hex.len() == digits && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        let Some(ch) = ch else {
            return Err(Error {
                message: format!(
                    "invalid escape: expected {digits} hex digits of a Unicode scalar value"
                ),
                span: start..(self.pos + hex.len()).min(self.bytes.len()),
            });
        };
        self.pos += digits;
        out.push(ch);
        Ok(())
    }

    /// Booleans, numbers and date-times: a bare token.
    fn scalar(&mut self) -> Result<Kind> {
        let start = self.pos;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'_' | b'.' | b':'))
        {
            self.pos += 1;
        }
        // A date-time may have a space between date and time: `1979-05-27 07:32:00`.
        let token = self.src.get(start..self.pos).unwrap_or("");
        if is_date(token)
            && self.peek() == Some(b' ')
            && self.bytes.get(self.pos + 1).is_some_and(u8::is_ascii_digit)
        {
            self.pos += 1;
            while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b':'))
            {
                self.pos += 1;
            }
        }
        let token = self.src.get(start..self.pos).unwrap_or("");
        let bad = || {
            if token.is_empty() {
                self.error_here(
                    "expected a value: a \"string\", number, true/false, [array] or { table }"
                        .into(),
                )
            } else {
                Error {
                    message: format!(
                        "`{token}` is not a value; quote it if it is text: \"{token}\""
                    ),
                    span: start..self.pos,
                }
            }
        };
        match token {
            "true" => return Ok(Kind::Boolean(true)),
            "false" => return Ok(Kind::Boolean(false)),
            "inf" | "+inf" => return Ok(Kind::Float(f64::INFINITY)),
            "-inf" => return Ok(Kind::Float(f64::NEG_INFINITY)),
            "nan" | "+nan" | "-nan" => return Ok(Kind::Float(f64::NAN)),
            _ => {}
        }
        if token.contains(':') || is_date(token) {
            return Ok(Kind::Datetime(token.to_owned()));
        }
        number(token).ok_or_else(bad)
    }
}

fn unterminated(open: usize) -> Error {
    Error {
        message: "unterminated string: close it with the same quote on the same line".into(),
        span: open..open + 1,
    }
}

fn freeze(t: &mut Table) {
    t.frozen = true;
    for (_, v) in &mut t.entries {
        if let Kind::Table(sub) = &mut v.kind {
            freeze(sub);
        }
    }
}

/// `YYYY-MM-DD…`
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// Integers (decimal with `_` separators, `0x`, `0o`, `0b`) and floats.
fn number(token: &str) -> Option<Kind> {
    let digits_ok = |s: &str, radix: u32| {
        !s.is_empty()
            && !s.starts_with('_')
            && !s.ends_with('_')
            && !s.contains("__")
            && s.chars().all(|c| c == '_' || c.is_digit(radix))
    };
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = token.strip_prefix(prefix) {
            return digits_ok(rest, radix)
                .then(|| i64::from_str_radix(&rest.replace('_', ""), radix).ok())
                .flatten()
                .map(Kind::Integer);
        }
    }
    let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
    let is_float = unsigned.contains(['.', 'e', 'E']);
    if !is_float {
        // No leading zeros: `007` is not TOML.
        if !digits_ok(unsigned, 10) || (unsigned.len() > 1 && unsigned.starts_with('0')) {
            return None;
        }
        return token.replace('_', "").parse().ok().map(Kind::Integer);
    }
    // Float: digits around `.` and in the exponent, each part well formed.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let ok = digits_ok(int, 10)
        && !(int.len() > 1 && int.starts_with('0'))
        && frac.is_none_or(|f| digits_ok(f, 10))
        && exponent.is_none_or(|e| digits_ok(e.strip_prefix(['+', '-']).unwrap_or(e), 10));
    if !ok {
        return None;
    }
    crate::util::float::parse_f64(&token.replace('_', "")).map(Kind::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Table {
        match parse(text).map(|n| n.kind) {
            Ok(Kind::Table(t)) => t,
            other => panic!("{text:?}: {other:?}"),
        }
    }

    fn get<'t>(t: &'t Table, key: &str) -> &'t Kind {
        &t.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .unwrap_or_else(|| panic!("no {key}"))
            .1
            .kind
    }

    fn err(text: &str) -> Error {
        parse(text).expect_err(text)
    }

    #[test]
    fn scalars_and_strings() {
        let t = root(
            "a = \"x\\ty\\u00e9\"\nb = 'c:\\\\path'\nc = 1_000\nd = -0.5e2\ne = true\nf = 0x1F\ng = 1979-05-27 07:32:00Z\nh = \"\"\"\nline \\\n   joined\"\"\"\ni = '''\nraw\\n'''\n",
        );
        assert_eq!(get(&t, "a"), &Kind::String("x\tyé".into()));
        assert_eq!(get(&t, "b"), &Kind::String("c:\\\\path".into()));
        assert_eq!(get(&t, "c"), &Kind::Integer(1000));
        assert_eq!(get(&t, "d"), &Kind::Float(-50.0));
        assert_eq!(get(&t, "e"), &Kind::Boolean(true));
        assert_eq!(get(&t, "f"), &Kind::Integer(31));
        assert_eq!(get(&t, "g"), &Kind::Datetime("1979-05-27 07:32:00Z".into()));
        assert_eq!(get(&t, "h"), &Kind::String("line joined".into()));
        assert_eq!(get(&t, "i"), &Kind::String("raw\\n".into()));
    }

    #[test]
    fn tables_arrays_and_spans() {
        let text = "top = [1, [2, 3],\n  # c\n  4,]\n[rules.\"image-size-budget\"]\nmax-bytes = 5\n[[overrides]]\nfiles = [\"a\"]\n[[overrides]]\nfiles = []\npolicy.strict-labels = true\ninline = { a.b = 1, c = \"d\" }\n";
        let t = root(text);
        let Kind::Table(rules) = get(&t, "rules") else {
            panic!()
        };
        let Kind::Table(budget) = get(rules, "image-size-budget") else {
            panic!()
        };
        assert_eq!(get(budget, "max-bytes"), &Kind::Integer(5));
        let Kind::Array(o) = get(&t, "overrides") else {
            panic!()
        };
        assert_eq!(o.len(), 2);
        let Kind::Table(second) = &o[1].kind else {
            panic!()
        };
        assert!(matches!(get(second, "policy"), Kind::Table(_)));
        let (key, node) = &t.entries[0];
        assert_eq!(&text[key.span.clone()], "top");
        assert_eq!(&text[node.span.clone()], "[1, [2, 3],\n  # c\n  4,]");
    }

    #[test]
    fn errors_are_positioned() {
        for (text, at, what) in [
            ("a = 1\na = 2\n", 6, "duplicate key"),
            ("[a]\n[a]\n", 5, "defined twice"),
            ("a = \"open\n", 4, "unterminated"),
            ("a = 1 2\n", 6, "unexpected text"),
            ("a = bare\n", 4, "not a value"),
            ("a = 007\n", 4, "not a value"),
            ("a = \"\\q\"\n", 5, "invalid escape"),
            ("a = [1, 2\n", 4, "unclosed array"),
            ("a = { b = 1 }\n[a]\n", 15, "defined twice"),
            ("a.b = 1\n[a]\n", 9, "defined twice"),
            ("= 1\n", 0, "expected a key"),
            ("a 1\n", 2, "expected `=`"),
        ] {
            let e = err(text);
            assert_eq!(e.span.start, at, "{text:?}: {e:?}");
            assert!(e.message.contains(what), "{text:?}: {e:?}");
        }
    }

    #[test]
    fn hostile_input_is_an_error_not_a_crash() {
        let deep = format!("a = {}", "[".repeat(10_000));
        assert!(err(&deep).message.contains("nest"));
        for text in [
            "\"",
            "'",
            "[",
            "[[",
            "a=\"\\u",
            "a=\"\\UFFFFFFFF\"",
            "a = '''x",
            "é = 1",
            "a=\"é",
            "a = 1979-05-27 ",
        ] {
            let _ = parse(text);
        }
    }

    /// Every prefix of a realistic file, and the file with each special character inserted at
    /// every position: never a panic, and every error span lies on character boundaries.
    #[test]
    fn mutations_never_panic() {
        let doc = "# é\nselect = [\"all\", 'x']\n[rules.\"a b\"]\nmax = 1_0\nf = 1.5e3\ns = \"\"\"\nq\\\n r\"\"\"\n[[overrides]]\nfiles = [\"ç/**\"]\np = { a = [ { b = 1 } ] }\nd = 1979-05-27T07:32:00Z\n";
        let check = |text: &str| {
            if let Err(e) = parse(text) {
                assert!(
                    e.span.start <= e.span.end && e.span.end <= text.len(),
                    "{text:?}: {e:?}"
                );
                assert!(
                    text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
                    "{text:?}: {e:?}"
                );
            }
        };
        let inserts = [
            "\"", "'", "[", "]", "{", "}", "=", ".", ",", "\\", "\n", "#", "é", "\"\"\"", "'''",
        ];
        for i in (0..=doc.len()).filter(|&i| doc.is_char_boundary(i)) {
            check(&doc[..i]);
            for ins in inserts {
                check(&format!("{}{ins}{}", &doc[..i], &doc[i..]));
            }
        }
        assert!(parse(doc).is_ok(), "{:?}", parse(doc));
    }
}
