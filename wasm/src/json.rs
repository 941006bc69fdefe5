//! The results as JSON text, which `js/index.js` turns into objects with `JSON.parse`.
//!
//! Building the JS objects field by field with serde-wasm-bindgen cost ~11 KB of the gzipped
//! .wasm (a `Serialize` impl and serializer calls per type and field, plus a JS call per
//! value); this writer is a few hundred bytes and one string crosses the boundary. The shapes
//! are those serde-wasm-bindgen's `json_compatible()` gave: objects with the fields in
//! declaration order, `null` for `None`, arrays for lists and pairs.

use stowage_core::config::Value;
use stowage_core::syntax::{DirectiveDump, HeredocDump, InstructionDump, ParseDump};
use stowage_core::util::VecMap;

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut Json);
}

/// JSON text being written, as bytes: a byte is one `Vec::push`, where `String::push` goes
/// through UTF-8 encoding (a call per character in the size-optimised build, and a lint's
/// JSON has ~30 punctuation characters per diagnostic). Only whole `str`s and ASCII bytes are
/// written, so the bytes are always UTF-8.
pub struct Json(Vec<u8>);

impl Json {
    #[must_use]
    pub fn new() -> Self {
        // Most results are a few hundred bytes to a few KB: start big enough to skip the
        // first reallocations.
        Self(Vec::with_capacity(1024))
    }

    /// An ASCII byte (punctuation, digits).
    #[inline(always)]
    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    #[inline(always)]
    pub fn text(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    /// Removes the last byte (an ASCII closing bracket).
    pub fn pop(&mut self) {
        self.0.pop();
    }

    #[must_use]
    pub fn into_string(self) -> String {
        // Always valid (see the type's docs); the check is one fast pass over ASCII.
        String::from_utf8(self.0)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl Default for Json {
    fn default() -> Self {
        Self::new()
    }
}

/// The JSON text of `value`.
#[must_use]
pub fn to_json<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = Json::new();
    value.write_json(&mut out);
    out.into_string()
}

/// An object with these fields, in order (the keys are plain identifiers: no escaping).
pub fn object(out: &mut Json, fields: &[(&str, &dyn ToJson)]) {
    out.byte(b'{');
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.byte(b',');
        }
        out.byte(b'"');
        out.text(key);
        out.text("\":");
        value.write_json(out);
    }
    out.byte(b'}');
}

/// An array of these values.
pub fn array(out: &mut Json, items: &[&dyn ToJson]) {
    items.write_json(out);
}

/// `impl ToJson` for a struct: an object of the listed fields, in order.
macro_rules! json_object {
    ($ty:ty { $($key:literal: $field:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut $crate::json::Json) {
                $crate::json::object(out, &[$(($key, &self.$field)),*]);
            }
        }
    };
}
pub(crate) use json_object;

/// Bytes a JSON string cannot hold as they are: `"`, `\` and the control characters.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut set = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        set[b] = true;
        b += 1;
    }
    set[b'"' as usize] = true;
    set[b'\\' as usize] = true;
    set
};

/// A JSON string literal. Most strings need no escape: they are found so by one table load
/// per byte and copied whole.
pub fn string(out: &mut Json, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.byte(b'"');
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !NEEDS_ESCAPE[usize::from(b)] {
            continue;
        }
        // `start` and `i` are at ASCII bytes, so on character boundaries.
        out.text(s.get(start..i).unwrap_or_default());
        match b {
            b'"' => out.text("\\\""),
            b'\\' => out.text("\\\\"),
            b'\n' => out.text("\\n"),
            b'\r' => out.text("\\r"),
            b'\t' => out.text("\\t"),
            _ => {
                out.text("\\u00");
                out.byte(HEX[usize::from(b >> 4)]);
                out.byte(HEX[usize::from(b & 0xf)]);
            }
        }
        start = i + 1;
    }
    out.text(s.get(start..).unwrap_or_default());
    out.byte(b'"');
}

pub fn unsigned(out: &mut Json, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.0
        .extend_from_slice(digits.get(at..).unwrap_or_default());
}

impl ToJson for str {
    fn write_json(&self, out: &mut Json) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut Json) {
        string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut Json) {
        out.text(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut Json) {
        unsigned(out, u64::from(*self));
    }
}

impl ToJson for u64 {
    fn write_json(&self, out: &mut Json) {
        unsigned(out, *self);
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut Json) {
        unsigned(out, *self as u64);
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut Json) {
        if *self < 0 {
            out.byte(b'-');
        }
        unsigned(out, self.unsigned_abs());
    }
}

impl ToJson for () {
    fn write_json(&self, out: &mut Json) {
        out.text("null");
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut Json) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut Json) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut Json) {
        match self {
            Some(v) => v.write_json(out),
            None => out.text("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut Json) {
        out.byte(b'[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.byte(b',');
            }
            item.write_json(out);
        }
        out.byte(b']');
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut Json) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut Json) {
        self.as_slice().write_json(out);
    }
}

/// A map as an object, keys in order.
impl<V: ToJson> ToJson for VecMap<String, V> {
    fn write_json(&self, out: &mut Json) {
        out.byte(b'{');
        let mut first = true;
        for (key, value) in self {
            // serde-wasm-bindgen assigned `obj[key] = value`: a `__proto__` key set no own
            // property, where `JSON.parse` would make one. Left out, as before.
            if key == "__proto__" {
                continue;
            }
            if !first {
                out.byte(b',');
            }
            first = false;
            string(out, key);
            out.byte(b':');
            value.write_json(out);
        }
        out.byte(b'}');
    }
}

/// Only `configFromHadolint` writes `Value`s, and a hadolint configuration carries no floats:
/// printing any f64 would bring ~18 KB of float formatting into the .wasm, so only whole
/// numbers are written (exactly) and anything else as `null`.
#[expect(
    clippy::cast_possible_truncation,
    reason = "only whole numbers within ±2^53, which i64 holds exactly"
)]
fn float(out: &mut Json, f: f64) {
    const SAFE: f64 = 9_007_199_254_740_992.0;
    if f.fract() == 0.0 && f.abs() <= SAFE {
        (f as i64).write_json(out);
    } else {
        out.text("null");
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut Json) {
        match self {
            Self::String(s) | Self::Datetime(s) => string(out, s),
            Self::Integer(i) => i.write_json(out),
            Self::Float(f) => float(out, *f),
            Self::Boolean(b) => b.write_json(out),
            Self::Array(items) => items.write_json(out),
            Self::Table(t) => t.write_json(out),
        }
    }
}

json_object!(ParseDump {
    "directives": directives,
    "escape": escape,
    "instructions": instructions,
});

json_object!(DirectiveDump {
    "name": name,
    "value": value,
    "line": line,
});

// Instructions and heredocs travel as arrays without keys, like diagnostics (see
// `convert.rs`); `js/index.js` (`instruction()`) turns them back into objects.
impl ToJson for HeredocDump {
    fn write_json(&self, out: &mut Json) {
        array(
            out,
            &[
                &self.name,
                &self.content,
                &self.file_descriptor,
                &self.chomp,
                &self.quoted,
                &self.line,
                &self.end_line,
            ],
        );
    }
}

impl ToJson for InstructionDump {
    fn write_json(&self, out: &mut Json) {
        array(
            out,
            &[
                &self.keyword,
                &self.line,
                &self.column,
                &self.end_line,
                &self.end_column,
                &self.offsets[0],
                &self.offsets[1],
                &self.flags,
                &self.value,
                &self.json,
                &self.heredocs,
                &self.onbuild,
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let mut out = Json::new();
        string(&mut out, "a\"b\\c\nd\te\u{1}é😀\u{7f}");
        assert_eq!(out.into_string(), "\"a\\\"b\\\\c\\nd\\te\\u0001é😀\u{7f}\"");
    }

    #[test]
    fn values() {
        assert_eq!(to_json(&0u32), "0");
        assert_eq!(to_json(&u64::MAX), "18446744073709551615");
        assert_eq!(to_json(&i64::MIN), "-9223372036854775808");
        assert_eq!(to_json(&Value::Float(-3.0)), "-3");
        assert_eq!(to_json(&Value::Float(f64::NAN)), "null");
        assert_eq!(to_json(&Some([1u32, 2])), "[1,2]");
        assert_eq!(to_json(&None::<u32>), "null");
        let mut m = VecMap::new();
        m.insert("b".to_owned(), Value::Boolean(true));
        m.insert("__proto__".to_owned(), Value::Integer(1));
        m.insert("a".to_owned(), Value::Array(vec!["x".into()]));
        assert_eq!(to_json(&Value::Table(m)), r#"{"a":["x"],"b":true}"#);
        let mut out = Json::new();
        object(&mut out, &[("k", &"v"), ("n", &())]);
        assert_eq!(out.into_string(), r#"{"k":"v","n":null}"#);
    }
}
