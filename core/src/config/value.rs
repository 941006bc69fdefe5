//! A configuration value: what a rule's `[rules.X]` options hold, and the tree `stowage
//! config show` prints. Owned and span-free; the decoder (`decode.rs`) keeps spans while it
//! checks the file and drops them here.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A TOML table: keys in lexicographic order (as `config show` prints them).
pub type Table = crate::util::VecMap<String, Value>;

/// One TOML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// A TOML date-time, kept as written (no rule reads one).
    Datetime(String),
    Array(Vec<Value>),
    Table(Table),
}

impl Value {
    /// The value at `key` when this is a table.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Self> {
        match self {
            Self::Table(t) => t.get(key),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    #[must_use]
    pub const fn as_integer(&self) -> Option<i64> {
        match self {
            Self::Integer(i) => Some(*i),
            _ => None,
        }
    }

    /// A float; an integer is accepted too (`max-share = 1` means `1.0`).
    #[must_use]
    #[expect(
        clippy::cast_precision_loss,
        reason = "option values are small; an integer written for a float is exact"
    )]
    pub const fn as_float(&self) -> Option<f64> {
        match self {
            Self::Float(f) => Some(*f),
            Self::Integer(i) => Some(*i as f64),
            _ => None,
        }
    }

    #[must_use]
    pub const fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    #[must_use]
    pub fn as_array(&self) -> Option<&[Self]> {
        match self {
            Self::Array(a) => Some(a),
            _ => None,
        }
    }

    #[must_use]
    pub const fn is_table(&self) -> bool {
        matches!(self, Self::Table(_))
    }

    /// A list of strings at `key` (non-strings skipped).
    #[must_use]
    pub fn strings(&self, key: &str) -> Option<Vec<String>> {
        self.get(key)?.as_array().map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Self::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Self::Boolean(b)
    }
}

impl From<Vec<String>> for Value {
    fn from(list: Vec<String>) -> Self {
        Self::Array(list.into_iter().map(Self::String).collect())
    }
}

/// As plain JSON-compatible data (the WebAssembly API returns configs as JS objects).
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(v) | Self::Datetime(v) => s.serialize_str(v),
            Self::Integer(i) => s.serialize_i64(*i),
            Self::Float(f) => s.serialize_f64(*f),
            Self::Boolean(b) => s.serialize_bool(*b),
            Self::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Self::Table(t) => {
                let mut map = s.serialize_map(Some(t.len()))?;
                for (k, v) in t {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}
