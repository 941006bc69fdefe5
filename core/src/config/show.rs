//! Writes a [`Config`] back as TOML (for `stowage config show` and `stowage migrate hadolint`).

use std::fmt::Write as _;

use super::Config;

/// The configuration as a `stowage.toml` document: plain keys first, then tables, then arrays
/// of tables.
#[must_use]
pub fn to_toml(config: &Config) -> String {
    let mut out = String::new();
    match toml::Value::try_from(config) {
        Ok(toml::Value::Table(t)) => table(&mut out, &[], &t),
        Ok(_) | Err(_) => out.push_str("# (configuration could not be printed)\n"),
    }
    out
}

fn is_table_array(v: &toml::Value) -> bool {
    matches!(v, toml::Value::Array(a) if !a.is_empty() && a.iter().all(toml::Value::is_table))
}

fn table(out: &mut String, path: &[String], t: &toml::Table) {
    for (k, v) in t {
        if !v.is_table() && !is_table_array(v) {
            let _ = writeln!(out, "{} = {}", key(k), inline(v));
        }
    }
    for (k, v) in t {
        if let toml::Value::Table(sub) = v {
            let mut p = path.to_vec();
            p.push(key(k));
            // A table of only sub-tables needs no header of its own.
            if sub.values().any(|x| !x.is_table()) || sub.is_empty() {
                let _ = writeln!(out, "\n[{}]", p.join("."));
            }
            table(out, &p, sub);
        }
    }
    for (k, v) in t {
        if let toml::Value::Array(items) = v
            && is_table_array(v)
        {
            let mut p = path.to_vec();
            p.push(key(k));
            for item in items {
                if let toml::Value::Table(sub) = item {
                    let _ = writeln!(out, "\n[[{}]]", p.join("."));
                    table(out, &p, sub);
                }
            }
        }
    }
}

fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        k.to_owned()
    } else {
        string(k)
    }
}

fn string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", u32::from(c));
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn inline(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => string(s),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => {
            let s = f.to_string();
            if s.contains(['.', 'e', 'E', 'n', 'i']) {
                s
            } else {
                format!("{s}.0")
            }
        }
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect();
            if items.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        }
    }
}
